package org.neurosweep.trajectory;

import java.util.SplittableRandom;

/**
 * What a run function sees of its run: the run's index, name, bucket and seed, the value every parameter
 * takes in this run (by natural naming), and a place for its results and derived parameters.
 *
 * <p>Names of results and derived parameters:
 * <ul>
 *   <li>without wildcards ({@code rate}, {@code pop.rate_e}): a scalar collected into a summary column
 *       with one entry per run ({@code results.summary.rate});</li>
 *   <li>with {@code $set.$} ({@code runs.$set.$.spikes}): stored for this run alone, at
 *       {@code results.runs.run_set_00000.run_00000042.spikes}; any value type.</li>
 * </ul>
 */
public interface RunContext {
    /** The run's index, from 0. */
    long index();

    /** {@code run_%08d}. */
    String name();

    /** {@code run_set_%05d}: the run's bucket of {@value Runs#RUNS_PER_SET} runs. */
    String setName();

    /** The run's seed, derived from the trajectory's seed and the run index only. */
    long seed();

    /** A random generator seeded with {@link #seed()}, the same object for the whole run. */
    SplittableRandom random();

    /** The value a leaf takes in this run (an explored parameter's value for this run); locks parameters read. */
    Object get(String name);

    double getDouble(String name);

    int getInt(String name);

    long getLong(String name);

    boolean getBoolean(String name);

    String getString(String name);

    double[] getDoubleArray(String name);

    int[] getIntArray(String name);

    long[] getLongArray(String name);

    /** Adds a result of this run (see the class comment for where it lands). */
    void addResult(String name, Object value, String comment);

    /**
     * Adds a result with its unit, such as {@code "Hz"}, {@code "ms"} or {@code "mV"} (NEST's units), stored
     * as the {@code unit} attribute of its dataset or summary column and shown by tables, plots and the
     * Python package ({@code df.attrs["units"]}).
     */
    void addResult(String name, Object value, String unit, String comment);

    default void addResult(String name, Object value) {
        addResult(name, value, "");
    }

    /** Adds a derived parameter of this run (placed like a result, below {@code derived_parameters}). */
    void addDerivedParameter(String name, Object value, String comment);

    default void addDerivedParameter(String name, Object value) {
        addDerivedParameter(name, value, "");
    }
}
