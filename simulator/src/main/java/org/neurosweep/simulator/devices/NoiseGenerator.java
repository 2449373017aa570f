package org.neurosweep.simulator.devices;

import java.util.List;
import java.util.Map;
import org.neurosweep.simulator.BadParameterException;
import org.neurosweep.simulator.Params;
import org.neurosweep.simulator.Resolution;
import org.neurosweep.simulator.Rng;

/**
 * noise_generator: a Gaussian current, piecewise constant over intervals of {@code dt}, drawn independently
 * for every target (every connection) while all targets switch at the same steps, as NEST's:
 *
 * <pre>
 *   I_c(t) = mean + sqrt(std^2 + std_mod^2 sin(2 pi frequency t + phase)) N_{c,j}   on the j-th interval of dt
 * </pre>
 *
 * with N_{c,j} standard normal (pA; frequency in Hz, t in s, phase in degrees; {@code dt} in ms, default 10
 * steps, a positive multiple of the resolution). The target multiplies I_c by the connection's weight;
 * {@code origin}, {@code start} and {@code stop} time it as the other current generators ({@link Window}).
 * Validation in NEST's order: std &gt;= 0, std_mod &gt;= 0, std_mod &lt;= std, dt.
 *
 * <p>The draws follow NEST's update: the first stamp the generator is active draws, then every dt while it
 * stays active; after an inactive stretch the grid starts again at the first active stamp (if the last
 * draw is at least dt back). A SetStatus between simulate calls takes effect from the next stamp, and a new
 * {@code mean}, {@code std}, ... from the next draw (the amplitudes drawn stay until then, as in NEST).
 *
 * <p>N_{c,j} comes from the connection's stream (keyed by seed, connect call, generator and target) and the
 * draw's stamp: a pure function of them, so currents are bit-identical for any number of threads or VPs,
 * and no per-connection state is kept. NEST's draw sequences cannot be reproduced, only their statistics.
 * Two details differ from NEST's code, both toward its documented formula: the sine's phase is that of the
 * draw's time (NEST's rotation also stops while the generator is inactive within one Simulate call), and a
 * new target joins the current interval's grid (NEST redraws every target at the next run's first step).
 * The radicand is clipped at 0, where std_mod = std and sin = -1 could round it below.
 *
 * <p>Statistics: into an iaf_psc_alpha of C_m = 1 pF, tau_m = 1 ms (R = 1 GOhm) with dt = h = 0.1 ms, the
 * exactly integrated V_m = e V_m + (1 - e) R I per step (e = exp(-h / tau_m)) has the stationary standard
 * deviation std R sqrt((1 - e) / (1 + e)) = 0.22351 mV for std = 1 pA (the model doc's continuum formula,
 * sqrt(dt tau_m / 2) std / C_m, gives 0.22361). NEST's test_noise_generator.py expects
 * sqrt((1 + e) / (1 - e)) std = 4.47 mV, the inverse, and passes only because its band is that wide.
 *
 * <p>Public for the kernel, which gives each connection its own random stream; made by {@link Devices#create}.
 */
public final class NoiseGenerator extends CurrentGenerator {
    static final String NAME = "noise_generator";
    static final List<String> PARAMS = List.of("mean", "std", "dt", "std_mod", "frequency", "phase", "origin", "start", "stop");

    /** No draw (yet). */
    private static final long NONE = Long.MIN_VALUE;
    /** The anchor of a segment that never draws. */
    private static final long NEVER = Long.MAX_VALUE;
    /** Purpose of the streams the draws come from (one per connection and draw). */
    private static final long PURPOSE_DRAW = 0x600000000L;

    private Settings settings;
    private final long createdAt;
    /** The parameters in force from the latest change on; earlier ones stay for stamps still on their way. */
    private Segment latest;

    NoiseGenerator(int id, Map<String, ?> given, long now) {
        super(id, NAME);
        Params p = new Params(NAME, given, PARAMS);
        settings = Settings.DEFAULT.with(p);
        window = Window.parse(NAME, p);
        createdAt = now;
    }

    /** Converts to steps at create: dt (its default, 10 steps, needs the resolution) and the window. */
    @Override
    public Map<String, Object> status(Resolution r) {
        Map<String, Object> m = common(window);
        m.put("mean", settings.mean());
        m.put("std", settings.std());
        m.put("dt", r.toMs(settings.dtSteps(r)));
        m.put("std_mod", settings.stdMod());
        m.put("frequency", settings.frequency());
        m.put("phase", settings.phase());
        return m;
    }

    @Override
    public void prepare(Resolution r) {
        window.prepare(r);
        if (latest == null) {
            latest = new Segment(createdAt + 1, null, settings, window, r);
        }
    }

    @Override
    public Runnable change(Map<String, ?> given, Resolution r, long now) {
        Params p = new Params(NAME, given, PARAMS);
        Settings s = settings.with(p);
        Window w = window.changed(p);
        w.prepare(r);
        Segment next = new Segment(now + 1, latest, s, w, r);
        return () -> {
            settings = s;
            window = w;
            latest = next;
        };
    }

    @Override
    public void addTo(double[] into, long firstStamp, int steps, double weight, long stream) {
        final Segment last = latest;
        long drawn = NONE;
        double amplitude = 0;
        for (int lag = 0; lag < steps; lag++) {
            long stamp = firstStamp + lag;
            Segment s = last.segmentOf(stamp);
            if (stamp < s.from || !s.window.emitsCurrent(stamp)) {
                continue; // before the generator existed, or outside its window
            }
            long draw = s.lastDrawAtOrBefore(stamp);
            if (draw != drawn) {
                amplitude = amplitude(draw, stream);
                drawn = draw;
            }
            into[lag] += amplitude * weight;
        }
    }

    /** The current (pA) of the draw at stamp {@code draw} for the connection with random stream {@code stream}. */
    double amplitude(long draw, long stream) {
        Segment s = latest.segmentOf(draw);
        double variance = s.variance;
        if (s.modulation != 0) {
            variance += Math.sin(s.radiansPerStep * draw + s.phaseRadians) * s.modulation;
        }
        if (!(variance > 0)) {
            return s.mean;
        }
        return s.mean + Math.sqrt(variance) * new Rng(stream, PURPOSE_DRAW, draw).nextGaussian();
    }

    /** The current (pA) a connection with random stream {@code stream} carries with stamp {@code stamp}; 0 when inactive. */
    double currentAt(long stamp, long stream) {
        double[] one = new double[1];
        addTo(one, stamp, 1, 1.0, stream);
        return one[0];
    }

    /** The parameters as given; {@code dtMs} is NaN until given (then 10 steps). */
    record Settings(double mean, double std, double dtMs, double stdMod, double frequency, double phase) {
        static final Settings DEFAULT = new Settings(0, 0, Double.NaN, 0, 0, 0);

        /** These settings with the values given, checked in NEST's order. */
        Settings with(Params p) {
            Settings s = new Settings(p.number("mean", mean), p.number("std", std), p.number("dt", dtMs),
                    p.number("std_mod", stdMod), p.number("frequency", frequency), p.number("phase", phase));
            finite("mean", s.mean, "pA");
            if (!(s.std >= 0) || Double.isInfinite(s.std)) {
                throw new BadParameterException(NAME + ": std = " + s.std + " pA must be finite and not negative");
            }
            if (!(s.stdMod >= 0)) {
                throw new BadParameterException(NAME + ": std_mod = " + s.stdMod + " pA must not be negative");
            }
            if (s.stdMod > s.std) {
                throw new BadParameterException(NAME + ": std_mod = " + s.stdMod + " pA must not exceed std = " + s.std
                        + " pA (the variance std^2 + std_mod^2 sin(...) would go negative)");
            }
            if (!Double.isNaN(s.dtMs) && (!(s.dtMs > 0) || Double.isInfinite(s.dtMs))) {
                throw new BadParameterException(NAME + ": dt = " + s.dtMs + " ms must be a positive multiple of the resolution");
            }
            finite("frequency", s.frequency, "Hz");
            finite("phase", s.phase, "degrees");
            return s;
        }

        private static void finite(String name, double value, String unit) {
            if (!Double.isFinite(value)) {
                throw new BadParameterException(NAME + ": " + name + " = " + value + " " + unit + " must be finite");
            }
        }

        /** dt in steps: 10 by default; else a positive multiple of the resolution, or a clear error. */
        long dtSteps(Resolution r) {
            if (Double.isNaN(dtMs)) {
                return 10;
            }
            long steps = Math.round(dtMs / r.ms());
            if (steps < 1 || Math.abs(dtMs / r.ms() - steps) > 1e-9 * steps) {
                throw new BadParameterException(NAME + ": dt = " + dtMs + " ms must be a positive multiple of the resolution "
                        + r.ms() + " ms (NEST's StepMultipleRequired)");
            }
            return steps;
        }
    }

    /**
     * The generator from stamp {@code from} on (until the next segment's {@code from}): its parameters, its
     * window, and its draws, at {@code anchor + k dt} while it is active. Immutable: the VPs read it in parallel.
     */
    private static final class Segment {
        final long from;
        final Segment before;
        final Window window;
        final double mean;
        final double variance;
        final double modulation;
        final double radiansPerStep;
        final double phaseRadians;
        final long dt;
        /** The first draw in this segment, or {@link #NEVER}. */
        final long anchor;

        Segment(long from, Segment before, Settings s, Window window, Resolution r) {
            this.from = from;
            this.before = before;
            this.window = window;
            mean = s.mean();
            variance = s.std() * s.std();
            modulation = s.stdMod() * s.stdMod();
            radiansPerStep = 2 * Math.PI * s.frequency() / 1000.0 * r.ms();
            phaseRadians = s.phase() * 2 * Math.PI / 360.0;
            dt = s.dtSteps(r);
            // NEST draws at an active step when it is at least dt (of the draw's parameters) after the last draw
            long firstActive = Math.max(from, Math.max(1, window.startStep));
            long previous = before == null ? NONE : before.lastDrawAtOrBefore(from - 1);
            long due = previous == NONE ? firstActive : previous + before.segmentOf(previous).dt;
            anchor = firstActive >= window.stopStep ? NEVER : Math.max(firstActive, due);
        }

        /** The segment in force at a stamp (the first one for stamps before it). */
        Segment segmentOf(long stamp) {
            Segment s = this;
            while (stamp < s.from && s.before != null) {
                s = s.before;
            }
            return s;
        }

        /** The stamp of the last draw at or before stamp x, or {@link #NONE}. */
        long lastDrawAtOrBefore(long x) {
            for (Segment s = this; s != null; s = s.before) {
                if (x >= s.from) {
                    long y = Math.min(x, s.window.stopStep - 1);
                    if (y >= s.anchor) {
                        return s.anchor + (y - s.anchor) / s.dt * s.dt;
                    }
                    x = s.from - 1; // nothing drawn here up to x: the last draw is an earlier segment's
                }
            }
            return NONE;
        }
    }
}
