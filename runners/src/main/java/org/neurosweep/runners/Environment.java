package org.neurosweep.runners;

import java.util.Objects;
import org.neurosweep.trajectory.InMemorySink;
import org.neurosweep.trajectory.ResultSink;
import org.neurosweep.trajectory.RunFunction;
import org.neurosweep.trajectory.RunRecord;
import org.neurosweep.trajectory.RunScope;
import org.neurosweep.trajectory.Trajectory;

/**
 * Runs a sweep: every run of the trajectory not yet completed in the sink, in index order, in the
 * caller's thread (LOCAL, the reference every other mode must match). A run that throws is stored as
 * failed with its exception text and the sweep goes on. The sink is the caller's: the environment
 * neither opens nor closes it, so a sweep can be run again after the trajectory is expanded.
 *
 * <pre>{@code
 * try (InMemorySink sink = new InMemorySink()) {
 *     SweepSummary s = Environment.builder(trajectory).sink(sink).build().run(run -> ...);
 * }
 * }</pre>
 */
public final class Environment {
    private static final String LOCAL_WORKER = "local";

    private final Trajectory trajectory;
    private final ResultSink sink;

    private Environment(Builder b) {
        this.trajectory = b.trajectory;
        this.sink = b.sink == null ? new InMemorySink() : b.sink;
    }

    /** A builder for an environment over this trajectory. */
    public static Builder builder(Trajectory trajectory) {
        return new Builder(trajectory);
    }

    public Trajectory trajectory() {
        return trajectory;
    }

    public ResultSink sink() {
        return sink;
    }

    /** Runs every run not yet completed in the sink. */
    public SweepSummary run(RunFunction function) {
        Objects.requireNonNull(function, "run function");
        long started = System.nanoTime();
        sink.begin(trajectory);
        long runs = trajectory.runCount();
        long skipped = 0;
        long failed = 0;
        for (long i = 0; i < runs; i++) {
            if (sink.isCompleted(i)) {
                skipped++;
                continue;
            }
            RunRecord record = runOne(trajectory, i, function, LOCAL_WORKER);
            if (!record.error().isEmpty()) {
                failed++;
            }
            sink.accept(record);
        }
        return new SweepSummary(runs, skipped, runs - skipped - failed, failed, System.nanoTime() - started);
    }

    /** Runs one run in this thread and returns its record; never throws for a failing run function. */
    static RunRecord runOne(Trajectory trajectory, long index, RunFunction function, String worker) {
        RunScope scope = trajectory.openRun(index);
        long startMillis = System.currentTimeMillis();
        long t0 = System.nanoTime();
        String error = null;
        try {
            function.run(scope);
        } catch (Exception | LinkageError | AssertionError | StackOverflowError e) {
            error = Failures.describe(e);
        }
        return scope.finish(startMillis, System.nanoTime() - t0, worker, error);
    }

    /** Builds an {@link Environment}; each option may be set once. */
    public static final class Builder {
        private final Trajectory trajectory;
        private ResultSink sink;

        private Builder(Trajectory trajectory) {
            this.trajectory = Objects.requireNonNull(trajectory, "trajectory");
        }

        /** Where finished runs go (default: a new {@link InMemorySink}). */
        public Builder sink(ResultSink sink) {
            if (this.sink != null) {
                throw new IllegalStateException("the sink is already set to " + this.sink);
            }
            this.sink = Objects.requireNonNull(sink, "sink");
            return this;
        }

        public Environment build() {
            return new Environment(this);
        }
    }
}
