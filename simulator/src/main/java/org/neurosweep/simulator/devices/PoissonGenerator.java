package org.neurosweep.simulator.devices;

import java.util.List;
import java.util.Map;
import org.neurosweep.simulator.BadParameterException;
import org.neurosweep.simulator.Params;
import org.neurosweep.simulator.Resolution;
import org.neurosweep.simulator.Rng;

/**
 * poisson_generator: an independent Poisson spike train of {@code rate} (Hz) to every target, as in NEST
 * (each connection gets its own realization, drawn from its own random stream, where the target lives).
 * Active for spike times t with origin + start &lt; t &lt;= origin + stop (ms). A SetStatus between simulate
 * calls changes the spikes sent after the current step; those sent before, still on their way, keep the old
 * rate and window. Public for the kernel, which gives each connection its own random stream; made by
 * {@link Devices#create}.
 */
public final class PoissonGenerator extends Device implements SpikeTrainSource {
    static final String NAME = "poisson_generator";
    static final List<String> PARAMS = List.of("rate", "origin", "start", "stop");

    double rate;
    Window window;
    PoissonSampler sampler;
    /** The rate and window before the last change, for the spikes stamped up to its step; or null. */
    private Before before;

    private record Before(Window window, PoissonSampler sampler, long changedAt, Before earlier) {
    }

    PoissonGenerator(int id, Map<String, ?> given) {
        super(id, NAME);
        Params p = new Params(NAME, given, PARAMS);
        rate = p.number("rate", 0);
        if (!(rate >= 0) || Double.isInfinite(rate)) {
            throw new BadParameterException(NAME + ": rate = " + rate + " Hz must be finite and not negative");
        }
        window = Window.parse(NAME, p);
    }

    @Override
    public Map<String, Object> status(Resolution r) {
        Map<String, Object> m = common(window);
        m.put("rate", rate);
        return m;
    }

    @Override
    public void prepare(Resolution r) {
        window.prepare(r);
        if (sampler == null) {
            sampler = new PoissonSampler(rate * r.ms() / 1000.0);
        }
    }

    @Override
    public Runnable change(Map<String, ?> given, Resolution r, long now) {
        Params p = new Params(NAME, given, PARAMS);
        double newRate = p.number("rate", rate);
        if (!(newRate >= 0) || Double.isInfinite(newRate)) {
            throw new BadParameterException(NAME + ": rate = " + newRate + " Hz must be finite and not negative");
        }
        Window w = window.changed(p);
        w.prepare(r);
        PoissonSampler s = newRate == rate && sampler != null ? sampler : new PoissonSampler(newRate * r.ms() / 1000.0);
        return () -> {
            before = new Before(window, sampler, now, before);
            rate = newRate;
            window = w;
            sampler = s;
        };
    }

    /** Draws the connection's counts, one 64-bit number per step in the window, from its stream (the state). */
    @Override
    public long addSlice(double[] ex, double[] in, long firstStamp, int steps, double weight, long state) {
        double[] into = weight >= 0 ? ex : in;
        if (before != null && firstStamp <= before.changedAt) {
            return addAcrossChange(into, firstStamp, steps, weight, state);
        }
        // the lags whose emission times fall in the window (start, stop]
        int lo = (int) Math.max(0, Math.min(steps, window.startStep + 1 - firstStamp));
        int hi = (int) Math.max(lo, Math.min(steps, window.stopStep - firstStamp + 1));
        PoissonSampler s = sampler;
        for (int lag = lo; lag < hi; lag++) {
            state += 0x9E3779B97F4A7C15L;
            into[lag] += s.sample(Rng.mix(state)) * weight;
        }
        return state;
    }

    /** {@link #addSlice} for the slices with spikes sent before the last change: each step with its rate and window. */
    private long addAcrossChange(double[] into, long firstStamp, int steps, double weight, long state) {
        for (int lag = 0; lag < steps; lag++) {
            long stamp = firstStamp + lag;
            Window w = window;
            PoissonSampler s = sampler;
            for (Before b = before; b != null && stamp <= b.changedAt; b = b.earlier) {
                w = b.window;
                s = b.sampler;
            }
            if (w.contains(stamp)) {
                state += 0x9E3779B97F4A7C15L;
                into[lag] += s.sample(Rng.mix(state)) * weight;
            }
        }
        return state;
    }

    @Override
    public boolean sends() {
        return true;
    }
}
