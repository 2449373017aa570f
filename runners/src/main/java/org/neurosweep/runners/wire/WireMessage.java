package org.neurosweep.runners.wire;

import java.util.List;
import org.neurosweep.trajectory.RunFunction;
import org.neurosweep.trajectory.RunRecord;

/** The messages between a runner and its workers. */
public sealed interface WireMessage {
    /** Runner to worker, first: the user classes to register after the base registry, in order. */
    record Hello(List<String> registeredClasses) implements WireMessage {
    }

    /** Runner to worker: the frozen input (trajectory with all runs' values, and the run function), or nulls. */
    record Init(TrajectorySnapshot trajectory, RunFunction function) implements WireMessage {
    }

    /** Runner to worker: run this index; when input is not frozen, with the run's trajectory and function. */
    record Task(long index, TrajectorySnapshot trajectory, RunFunction function) implements WireMessage {
    }

    /** Runner to worker: finish and exit. */
    record Shutdown() implements WireMessage {
    }

    /** Worker to runner: a finished run. */
    record Done(RunRecord record) implements WireMessage {
    }

    /** Worker to runner: the worker cannot go on (e.g. a message it cannot read); it exits after sending this. */
    record Crash(String text) implements WireMessage {
    }
}
