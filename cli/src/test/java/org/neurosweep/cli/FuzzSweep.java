package org.neurosweep.cli;

import org.neurosweep.explore.Sweep;
import org.neurosweep.explore.SweepDefinition;
import org.neurosweep.trajectory.RunFunction;
import org.neurosweep.trajectory.Trajectory;

/**
 * The sweep whose files {@link DamagedFileFuzzTest} damages: every kind of thing a neurosweep file
 * holds, small. Two explored parameters (a heatmap), a numeric and a text result column, spikes per run
 * (rasters), one run that fails (the failures group). With the environment variable
 * {@value #SPIN_ENV} set to a number of milliseconds each run takes that long, so that a sweep can be
 * killed half-way; without it (as when it is resumed) runs are instant.
 */
public final class FuzzSweep implements SweepDefinition {
    static final String SPIN_ENV = "NEUROSWEEP_FUZZ_SPIN_MS";

    @Override
    public Trajectory newTrajectory(long seed) {
        Trajectory t = new Trajectory("fuzz", seed);
        t.setComment("a small sweep to damage");
        t.addParameter("x", 0, "the first coordinate");
        t.addParameter("y", 0.5, "the second coordinate").unit("mV");
        t.addParameter("label", "fuzz", "a text parameter");
        t.addParameter("t_sim", 100.0, "simulated time").unit("ms");
        return t;
    }

    /** 3 x 2 runs; the last one fails. */
    @Override
    public Sweep defaultSweep() {
        return Sweep.product(Sweep.values("x", 0, 1, 2), Sweep.values("y", 0.5, 1.5));
    }

    @Override
    public RunFunction runFunction() {
        return run -> {
            String spin = System.getenv(SPIN_ENV);
            if (spin != null) {
                long until = System.nanoTime() + Long.parseLong(spin) * 1_000_000L;
                while (System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
            }
            int x = run.getInt("x");
            double y = run.getDouble("y");
            if (x == 2 && y == 1.5) {
                throw new IllegalStateException("run x=2, y=1.5 fails on purpose");
            }
            run.addResult("rate", 10.0 * x + y, "a rate (Hz)");
            run.addResult("kind", x % 2 == 0 ? "even" : "odd", "a text result");
            int n = 12 + x;
            int[] senders = new int[n];
            double[] times = new double[n];
            for (int i = 0; i < n; i++) {
                senders[i] = 1 + (i * 7 + x) % 10;
                times[i] = i * 100.0 / n + y;
            }
            run.addResult("runs.$set.$.spikes.senders", senders, "neuron ids");
            run.addResult("runs.$set.$.spikes.times", times, "spike times (ms)");
        };
    }
}
