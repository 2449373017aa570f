package org.neurosweep.samples;

import org.neurosweep.explore.SweepDefinition;
import org.neurosweep.explore.Sweep;
import org.neurosweep.trajectory.RunFunction;
import org.neurosweep.trajectory.Trajectory;

/**
 * CPU-bound runs of a known cost: each run iterates the logistic map v -> 3.99 v (1 - v) from a start
 * given by x, for {@code iterations} steps (about 10 ms at the default on this kind of machine). The work
 * is counted in iterations, not time, so the results are the same whatever the machine, mode or load.
 */
public final class Busy implements SweepDefinition {
    /** Iterations of the default run: about 10 ms at 2.5 ns per iteration. */
    public static final int DEFAULT_ITERATIONS = 4_000_000;

    @Override
    public String name() {
        return "busy";
    }

    @Override
    public String description() {
        return "CPU-bound runs (~10 ms each by default): for benchmarks and for trying the modes";
    }

    @Override
    public Trajectory newTrajectory(long seed) {
        Trajectory t = new Trajectory("busy", seed);
        t.setComment("logistic map iterated from x");
        t.addParameter("x", 0.5, "where the run starts, in (0, 1)");
        t.addParameter("iterations", DEFAULT_ITERATIONS, "how long each run works");
        return t;
    }

    /** 100 starting points in (0, 1). */
    @Override
    public Sweep defaultSweep() {
        return Sweep.linspace("x", 0.005, 0.995, 100);
    }

    @Override
    public RunFunction runFunction() {
        return run -> {
            double v = run.getDouble("x");
            int n = run.getInt("iterations");
            if (!(v > 0 && v < 1)) {
                throw new IllegalArgumentException("x = " + v + " must be in (0, 1)");
            }
            double sum = 0;
            for (int i = 0; i < n; i++) {
                v = 3.99 * v * (1 - v);
                sum += v;
            }
            run.addResult("final", v, "the last value of the map");
            run.addResult("mean", n == 0 ? 0.0 : sum / n, "the mean over the iterations");
        };
    }
}
