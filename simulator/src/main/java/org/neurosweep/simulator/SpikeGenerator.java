package org.neurosweep.simulator;

import java.util.List;
import java.util.Map;

/**
 * spike_generator: emits spikes at the given {@code spike_times} (ms, ascending, positive, on the
 * resolution grid give or take half of NEST's tic, 0.5 µs, as NEST rounds them). Its spikes go through the same exchange and delivery as neurons' spikes.
 */
final class SpikeGenerator extends Device {
    static final String NAME = "spike_generator";
    static final List<String> PARAMS = List.of("spike_times");

    double[] timesMs;
    long[] stamps;
    int next;

    SpikeGenerator(int id, Map<String, ?> given) {
        super(id, NAME);
        timesMs = new Params(NAME, given, PARAMS).numbers("spike_times");
        check(timesMs);
    }

    private static void check(double[] timesMs) {
        for (int i = 0; i < timesMs.length; i++) {
            if (!(timesMs[i] > 0) || !Double.isFinite(timesMs[i])) {
                throw new BadParameterException(NAME + ": spike_times[" + i + "] = " + timesMs[i] + " ms must be positive");
            }
            if (i > 0 && timesMs[i] < timesMs[i - 1]) {
                throw new BadParameterException(NAME + ": spike_times must be ascending; " + timesMs[i] + " ms follows "
                        + timesMs[i - 1] + " ms");
            }
        }
    }

    @Override
    void prepare(Resolution r) {
        if (stamps == null) {
            stamps = new long[timesMs.length];
            for (int i = 0; i < stamps.length; i++) {
                stamps[i] = r.gridSteps(timesMs[i], NAME + " spike time");
            }
        }
    }

    /**
     * New spike times between simulate calls: they replace the old ones; those not after the current time
     * are not emitted (they lie in the past).
     */
    @Override
    Runnable change(Map<String, ?> given, Resolution r, long now) {
        Params p = new Params(NAME, given, PARAMS);
        double[] times = p.numbers("spike_times");
        check(times);
        long[] s = new long[times.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = r.gridSteps(times[i], NAME + " spike time");
        }
        int skipped = 0;
        while (skipped < s.length && s[skipped] <= now) {
            skipped++;
        }
        int first = skipped;
        return () -> {
            timesMs = times;
            stamps = s;
            next = first;
        };
    }

    /** Emits the spikes whose stamp falls in (from, from + steps]. */
    void update(VirtualProcess vp, long from, int steps) {
        while (next < stamps.length && stamps[next] <= from + steps) {
            if (stamps[next] > from) {
                vp.emit(id, stamps[next]);
            }
            next++;
        }
    }

    @Override
    boolean sends() {
        return true;
    }
}
