package org.neurosweep.trajectory;

import java.io.Serializable;

/**
 * The user's code for one run: reads the run's parameters from the context and adds its results there.
 * A run that throws is recorded as failed with the exception's text; the sweep goes on.
 *
 * <p>A run function must not keep state between runs that changes its results: runs may execute in any
 * order, on several threads or in other JVMs. It is {@link Serializable} so that a lambda can be sent to
 * worker processes; what it captures (its "extra arguments") travels with it and must not be mutated by
 * runs.
 */
@FunctionalInterface
public interface RunFunction extends Serializable {
    void run(RunContext run) throws Exception;
}
