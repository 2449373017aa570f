package org.neurosweep.explore;

import java.util.List;
import org.neurosweep.trajectory.RunFunction;
import org.neurosweep.trajectory.Trajectory;

/**
 * A runnable sweep: its parameters, the exploration run when the user gives none, and the code of one
 * run. The built-in samples ({@code neurosweep run brunel}) and a user's own sweep
 * ({@code neurosweep run MySweep.java}, {@code neurosweep run --classpath my.jar com.me.MySweep})
 * implement this one interface, so every option of the command works the same for both.
 *
 * <pre>{@code
 * public final class MySweep implements SweepDefinition {
 *     public Trajectory newTrajectory(long seed) {
 *         Trajectory t = new Trajectory("my_sweep", seed);
 *         t.addParameter("tau", 10.0, "membrane time constant").unit("ms").allowed(0.1, 1000.0);
 *         return t;
 *     }
 *     public Sweep defaultSweep() {
 *         return Sweep.values("tau", 5.0, 10.0, 20.0);
 *     }
 *     public RunFunction runFunction() {
 *         return run -> run.addResult("rate", 1000.0 / run.getDouble("tau"), "rate (Hz)");
 *     }
 * }
 * }</pre>
 *
 * <p>A user's class needs a public no-argument constructor. The run function may execute in other JVMs
 * and on other machines: it must be a lambda or a {@link java.io.Serializable} class, and classes it
 * captures must be listed by {@link #registeredClasses()}.
 */
public interface SweepDefinition {
    /**
     * The name used on the command line and for the default output file ({@code NAME.h5}); by default
     * the trajectory's name.
     */
    default String name() {
        return newTrajectory(0).name();
    }

    /** One line saying what the sweep computes (shown by {@code neurosweep run NAME --help}). */
    default String description() {
        return "";
    }

    /**
     * A new trajectory with the sweep's parameters at their defaults (with units, comments and allowed
     * ranges), not yet explored.
     */
    Trajectory newTrajectory(long seed);

    /** The exploration run when the user gives no {@code --grid}. */
    Sweep defaultSweep();

    /** The code of one run. */
    RunFunction runFunction();

    /** Whether {@code neurosweep run} writes an HTML report next to the file when the sweep completes. */
    default boolean writesReport() {
        return false;
    }

    /**
     * Classes the run function captures that must travel to worker processes and cluster nodes
     * (registered with the wire format in this order).
     */
    default List<Class<?>> registeredClasses() {
        return List.of();
    }
}
