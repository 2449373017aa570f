package org.neurosweep.simulator.devices;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.neurosweep.simulator.BadConnectionException;
import org.neurosweep.simulator.Params;
import org.neurosweep.simulator.Resolution;

/**
 * spike_generator: sends spikes at given times, as NEST's: {@code spike_times} (ms, relative to
 * {@code origin}) with optional {@code spike_weights} (each spike's weight multiplies the connection's) and
 * {@code spike_multiplicities} (spike i is sent m_i times: targets add weight m_i, a parrot repeats it m_i
 * times, a recorder records it m_i times), put on the grid as {@link SpikeTimes} says
 * ({@code allow_offgrid_times}, {@code shift_now_spikes}; {@code precise_times} refused). A spike is sent
 * only if its time t lies in origin + start &lt; t &lt;= origin + stop ({@link Window}), and acts on a
 * target at t + delay. A spike_recorder connected to the generator records t.
 *
 * <p>The spikes it sends form a schedule (absolute stamps, sorted): a SetStatus between simulate calls keeps
 * the spikes up to the current step (sent, perhaps still on their way) and replaces the rest; spikes of the
 * new list at or before the current step are not sent (NEST skips them silently). Each target's VP reads
 * the schedule for its connections ({@link SpikeTrainSource}); the home VP (id % N_vp) feeds the recorders
 * ({@link #update}). Public for the kernel, which runs it on its home VP and wires it to recorders; made by
 * {@link Devices#create}.
 */
public final class SpikeGenerator extends Device implements SpikeTrainSource {
    static final String NAME = "spike_generator";
    static final List<String> PARAMS = List.of("spike_times", "spike_weights", "spike_multiplicities", "precise_times",
            "allow_offgrid_times", "shift_now_spikes", "origin", "start", "stop");
    /** In a connection's state: the target counts spikes (parrot_neuron) and ignores weights. */
    static final long COUNTS = 1L << 62;
    /** In a connection's state: the index of the next spike to deliver. */
    private static final long INDEX = 0xFFFFFFFFL;

    private final Map<String, ?> createdWith;
    private final long createdAt;
    Window window;
    /** The spikes as last set (null until the resolution is known, at create). */
    SpikeTimes times;
    /** The spikes sent and to be sent. */
    Schedule schedule = Schedule.EMPTY;
    /** The next spike to record (recorders are fed on the home VP only). */
    private int next;
    /** The spike_recorders connected: each one's buffer on the home VP. */
    private final List<SpikeRecorder.Buffer> recorders = new ArrayList<>();

    SpikeGenerator(int id, Map<String, ?> given, long now) {
        super(id, NAME);
        Params p = new Params(NAME, given, PARAMS);
        window = Window.parse(NAME, p);
        createdWith = given == null ? Map.of() : given; // read at prepare, right after create
        createdAt = now;
    }

    /** At create: the times are put on the grid once the resolution is known. */
    @Override
    public Map<String, Object> status(Resolution r) {
        Map<String, Object> m = common(window);
        double[] t = new double[times.steps().length];
        for (int k = 0; k < t.length; k++) {
            t[k] = r.toMs(times.steps()[k]); // on the grid, as NEST stores them
        }
        m.put("spike_times", t);
        m.put("spike_weights", times.weights().clone());
        m.put("spike_multiplicities", times.multiplicities().clone());
        m.put("allow_offgrid_times", times.allowOffgrid());
        m.put("shift_now_spikes", times.shiftNow());
        m.put("precise_times", false);
        return m;
    }

    @Override
    public void prepare(Resolution r) {
        window.prepare(r);
        if (times == null) {
            times = SpikeTimes.NONE.with(createdWith, new Params(NAME, createdWith, PARAMS), r, window.originStep, createdAt);
            schedule = Schedule.EMPTY.then(times, window, createdAt);
        }
    }

    @Override
    public Runnable change(Map<String, ?> given, Resolution r, long now) {
        Params p = new Params(NAME, given, PARAMS);
        Window w = window.changed(p);
        w.prepare(r);
        SpikeTimes t = times.with(given, p, r, w.originStep, now);
        Schedule s = schedule.then(t, w, now);
        return () -> {
            window = w;
            times = t;
            schedule = s;
            next = s.firstAfter(now);
        };
    }

    /**
     * The state of a new connection made at step {@code now}: it delivers the spikes sent after now; with
     * {@code countsSpikes} (the target is a parrot_neuron) it delivers counts, not weights. Called by the kernel.
     */
    public long connectionState(long now, boolean countsSpikes) {
        return schedule.firstAfter(now) | (countsSpikes ? COUNTS : 0);
    }

    @Override
    public long addSlice(double[] ex, double[] in, long firstStamp, int steps, double weight, long state) {
        final Schedule s = schedule;
        final long[] stamps = s.stamps;
        final boolean counts = (state & COUNTS) != 0;
        final long end = firstStamp + steps;
        int i = (int) (state & INDEX);
        for (; i < stamps.length && stamps[i] < end; i++) {
            long lag = stamps[i] - firstStamp;
            if (lag < 0) {
                continue; // cannot happen: a connection starts after the spikes sent before it existed
            }
            // NEST's event weight is spike weight x connection weight; the target adds it times the multiplicity
            double v = counts ? s.multiplicities[i] : weight * s.weights[i] * s.multiplicities[i];
            if (v >= 0) {
                ex[(int) lag] += v;
            } else {
                in[(int) lag] += v;
            }
        }
        return (state & COUNTS) | i;
    }

    /**
     * Records the spikes sent in (from, from + steps] into the connected recorders' buffers on the home
     * VP, on whose thread the kernel calls it (its neurons write there too).
     */
    public void update(long from, int steps) {
        if (recorders.isEmpty()) {
            return;
        }
        final long[] stamps = schedule.stamps;
        while (next < stamps.length && stamps[next] <= from + steps) {
            if (stamps[next] > from) {
                for (SpikeRecorder.Buffer b : recorders) {
                    for (int k = 0; k < schedule.multiplicities[next]; k++) {
                        b.record(id, stamps[next]);
                    }
                }
            }
            next++;
        }
    }

    @Override
    public boolean sends() {
        return true;
    }

    /**
     * Connects a spike_recorder: this generator records its spikes into {@code buffer}, the recorder's
     * buffer on this generator's home VP. Called by the kernel at connect.
     *
     * @throws BadConnectionException if the recorder is connected already
     */
    public void recordInto(SpikeRecorder.Buffer buffer) {
        if (recorders.contains(buffer)) {
            throw new BadConnectionException("spike_generator " + id + " is already connected to this spike_recorder;"
                    + " connect each spike_recorder once");
        }
        recorders.add(buffer);
    }

    /**
     * The spikes sent and to be sent, in order: absolute stamps (origin + time, within the window), each
     * with its weight factor and multiplicity. Immutable: the VPs read it in parallel.
     */
    record Schedule(long[] stamps, double[] weights, int[] multiplicities) {
        static final Schedule EMPTY = new Schedule(new long[0], new double[0], new int[0]);

        /** The index of the first spike after step {@code now}. */
        int firstAfter(long now) {
            int lo = 0;
            int hi = stamps.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (stamps[mid] <= now) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        /** This schedule up to step {@code now}, then the spikes of {@code t} after now that the window lets out. */
        Schedule then(SpikeTimes t, Window w, long now) {
            int kept = firstAfter(now);
            int n = kept;
            long[] s = Arrays.copyOf(stamps, kept + t.steps().length);
            double[] wt = Arrays.copyOf(weights, s.length);
            int[] m = Arrays.copyOf(multiplicities, s.length);
            for (int i = 0; i < t.steps().length; i++) {
                long stamp = w.originStep + t.steps()[i];
                if (stamp > now && w.contains(stamp)) {
                    s[n] = stamp;
                    wt[n] = t.weight(i);
                    m[n++] = t.multiplicity(i);
                }
            }
            return new Schedule(Arrays.copyOf(s, n), Arrays.copyOf(wt, n), Arrays.copyOf(m, n));
        }
    }
}
