package org.neurosweep.samples;

import org.neurosweep.explore.SweepDefinition;
import org.neurosweep.explore.Sweep;
import org.neurosweep.trajectory.RunFunction;
import org.neurosweep.trajectory.Trajectory;

/** pypet's first example: parameters x and y, result z = x·y. */
public final class Multiply implements SweepDefinition {
    @Override
    public String name() {
        return "multiply";
    }

    @Override
    public String description() {
        return "pypet's first example: z = x * y over a grid of integers x and y";
    }

    @Override
    public Trajectory newTrajectory(long seed) {
        Trajectory t = new Trajectory("multiply", seed);
        t.setComment("z = x * y");
        t.addParameter("x", 1, "the first factor");
        t.addParameter("y", 1, "the second factor");
        return t;
    }

    /** x in {1, 2, 3, 4} times y in {6, 7, 8}: 12 runs, as in pypet's example. */
    @Override
    public Sweep defaultSweep() {
        return Sweep.product(Sweep.values("x", 1, 2, 3, 4), Sweep.values("y", 6, 7, 8));
    }

    @Override
    public RunFunction runFunction() {
        return run -> run.addResult("z", run.getLong("x") * run.getLong("y"), "the product x * y");
    }
}
