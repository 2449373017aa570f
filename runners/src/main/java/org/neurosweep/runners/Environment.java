package org.neurosweep.runners;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.neurosweep.trajectory.InMemorySink;
import org.neurosweep.trajectory.ResultSink;
import org.neurosweep.trajectory.RunFunction;
import org.neurosweep.trajectory.RunRecord;
import org.neurosweep.trajectory.RunScope;
import org.neurosweep.trajectory.Trajectory;

/**
 * Runs a sweep: every run of the trajectory not yet completed in the sink, in one of three {@link Mode}s,
 * handing each finished run to the sink from the caller's thread. A run that throws is stored as failed
 * with its exception text and the sweep goes on. The sink is the caller's: the environment neither opens
 * nor closes it, so a sweep can be run again after the trajectory is expanded, or resumed.
 *
 * <pre>{@code
 * try (Hdf5Sink sink = Hdf5Sink.create(file)) {
 *     SweepSummary s = Environment.builder(trajectory).sink(sink).mode(Mode.POOL).workers(2).build().run(fn);
 * }
 * }</pre>
 *
 * <p>{@link #stop()} (what Ctrl-C does) stops handing out runs and lets in-flight runs finish within the
 * grace period; {@link #abort()} abandons them.
 */
public final class Environment {
    private static final String LOCAL_WORKER = "local";

    /** The options of an environment. */
    record Settings(Mode mode, int workers, boolean freezeInput, List<Class<?>> registered, int maxRetries,
                    String workerHeap, Duration grace, Progress progress, ClusterSettings cluster, UserCode userCode) {
    }

    private final Trajectory trajectory;
    private final ResultSink sink;
    private final Settings settings;
    private final StopControl stop;
    /** The runs {@code [first, last)} this environment runs; last is -1 for "to the end of the trajectory". */
    private final long first;
    private final long last;

    private Environment(Builder b) {
        this.trajectory = b.trajectory;
        this.sink = b.sink == null ? new InMemorySink() : b.sink;
        this.settings = new Settings(b.mode, b.workers, b.freezeInput, List.copyOf(b.registered), b.maxRetries,
                b.workerHeap, b.grace, b.progress, b.cluster, b.userCode);
        this.stop = new StopControl(b.grace);
        this.first = b.first;
        this.last = b.last;
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

    public Mode mode() {
        return settings.mode();
    }

    /** Stops handing out runs; in-flight runs finish within the grace period (safe from any thread). */
    public void stop() {
        stop.stop();
    }

    /** Abandons in-flight runs as well (safe from any thread). */
    public void abort() {
        stop.abort();
    }

    /**
     * Runs every run not yet completed in the sink (of the {@linkplain Builder#runRange run range}, when one
     * is set: the summary and the progress then count the range's runs only).
     */
    public SweepSummary run(RunFunction function) {
        Objects.requireNonNull(function, "run function");
        if (settings.mode() == Mode.PROCESSES || settings.mode() == Mode.CLUSTER) {
            requireReachable(function);
        }
        long end = last < 0 ? trajectory.runCount() : last;
        if (end > trajectory.runCount()) {
            throw new RunnerException("the run range " + first + ".." + end + " (end exclusive) goes past the "
                    + trajectory.runCount() + " runs of trajectory " + trajectory.name(), null);
        }
        long started = System.nanoTime();
        sink.begin(trajectory);
        long runs = end - first;
        long skipped = 0;
        for (long i = first; i < end; i++) {
            skipped += sink.isCompleted(i) ? 1 : 0;
        }
        SweepState state = new SweepState(trajectory, function, sink, settings.progress(), stop, first, end);
        int workers = switch (settings.mode()) {
            case LOCAL -> 1;
            case CLUSTER -> 0; // worker nodes join later
            default -> settings.workers();
        };
        settings.progress().started(runs, skipped, workers);
        try {
            switch (settings.mode()) {
                case LOCAL -> {
                    long i;
                    while (!stop.stopping() && (i = state.next()) >= 0) {
                        state.deliver(runOne(trajectory, i, function, LOCAL_WORKER));
                    }
                }
                case POOL -> PoolExecutor.execute(state, workers);
                case PROCESSES -> new ProcessExecutor(state, settings).execute(settings.progress());
                case CLUSTER -> new ClusterExecutor(state, settings).execute(settings.progress());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop.abort();
        } catch (IOException e) {
            throw new RunnerException("cannot start worker processes: " + e.getMessage(), e);
        }
        SweepSummary summary = new SweepSummary(runs, skipped, state.completed, state.failed,
                System.nanoTime() - started, stop.stopping());
        settings.progress().ended(summary);
        return summary;
    }

    /**
     * Refuses, before any run, a run function whose classes other JVMs could not load: one compiled in
     * memory (as {@code java MySweep.java} does) or loaded from elsewhere, when no {@link UserCode} says
     * where its classes are.
     */
    private void requireReachable(RunFunction function) {
        if (settings.userCode() != null) {
            return;
        }
        ClassLoader system = ClassLoader.getSystemClassLoader();
        ClassLoader loader = function.getClass().getClassLoader();
        for (ClassLoader l = system; l != null; l = l.getParent()) {
            if (l == loader) {
                return;
            }
        }
        if (loader == null) {
            return; // the boot loader
        }
        throw new RunnerException("the run function " + function.getClass().getName().replaceAll("\\$\\$Lambda.*", " (a lambda)")
                + " was loaded by " + loader + ", not from this JVM's class path, so " + settings.mode().name()
                + " workers cannot load it: say where its classes are with Environment.builder(t).userCode(UserCode.of(paths)),"
                + " or run the sweep with 'neurosweep run MySweep.java' or 'neurosweep run --classpath CP CLASS'");
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

    /** Builds an {@link Environment}; each option may be set once and is checked when set. */
    public static final class Builder {
        private final Trajectory trajectory;
        private ResultSink sink;
        private Mode mode = Mode.LOCAL;
        private int workers = Math.max(1, Runtime.getRuntime().availableProcessors());
        private boolean freezeInput;
        private final List<Class<?>> registered = new ArrayList<>();
        private int maxRetries = 2;
        private String workerHeap = "512m";
        private Duration grace = Duration.ofSeconds(30);
        private Progress progress = Progress.NONE;
        private ClusterSettings cluster = ClusterSettings.loopback();
        private UserCode userCode;
        private long first;
        private long last = -1;
        private final List<String> set = new ArrayList<>();

        private Builder(Trajectory trajectory) {
            this.trajectory = Objects.requireNonNull(trajectory, "trajectory");
        }

        private void once(String option) {
            if (set.contains(option)) {
                throw new IllegalStateException("the " + option + " is already set");
            }
            set.add(option);
        }

        /** Where finished runs go (default: a new {@link InMemorySink}). */
        public Builder sink(ResultSink sink) {
            once("sink");
            this.sink = Objects.requireNonNull(sink, "sink");
            return this;
        }

        /** LOCAL (default), POOL, PROCESSES or CLUSTER. */
        public Builder mode(Mode mode) {
            once("mode");
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** Worker threads (POOL) or worker JVMs (PROCESSES), at least 1; default: the number of cores. */
        public Builder workers(int workers) {
            once("number of workers");
            if (workers < 1) {
                throw new IllegalArgumentException("workers must be at least 1, got " + workers);
            }
            this.workers = workers;
            return this;
        }

        /**
         * PROCESSES: send the trajectory and the run function once per worker (true) or with every run
         * (false, the default, as pypet's freeze_input). The function and what it captures must not be
         * changed by runs when frozen: each worker keeps its own copy.
         */
        public Builder freezeInput(boolean freeze) {
            once("freeze-input choice");
            this.freezeInput = freeze;
            return this;
        }

        /** Classes that worker processes must receive (captured by the run function), registered with Kryo in this order. */
        public Builder register(Class<?>... classes) {
            for (Class<?> c : classes) {
                registered.add(Objects.requireNonNull(c, "class"));
            }
            return this;
        }

        /** How often a run whose worker died is retried before it is stored as failed (default 2). */
        public Builder maxRetries(int retries) {
            once("retry limit");
            if (retries < 0) {
                throw new IllegalArgumentException("maxRetries must be 0 or more, got " + retries);
            }
            this.maxRetries = retries;
            return this;
        }

        /** The maximum heap of each worker JVM, as for -Xmx (default 512m). */
        public Builder workerHeap(String heap) {
            once("worker heap");
            if (heap == null || !heap.matches("\\d+[kKmMgG]?")) {
                throw new IllegalArgumentException("worker heap '" + heap + "' is not a size such as 512m or 2g");
            }
            this.workerHeap = heap;
            return this;
        }

        /** How long in-flight runs may take to finish after {@link Environment#stop()} (default 30 s). */
        public Builder gracePeriod(Duration grace) {
            once("grace period");
            if (grace == null || grace.isNegative()) {
                throw new IllegalArgumentException("the grace period must be zero or more, got " + grace);
            }
            this.grace = grace;
            return this;
        }

        /**
         * CLUSTER: where the coordinator listens, the run timeout and the cluster's secret (default
         * {@link ClusterSettings#loopback()}: no secret, which only a node listening on a loopback address may do).
         * Input is always frozen in a cluster: each worker node receives the trajectory and function once.
         */
        public Builder cluster(ClusterSettings cluster) {
            once("cluster settings");
            this.cluster = Objects.requireNonNull(cluster, "cluster settings");
            return this;
        }

        /**
         * The user's code that worker processes and cluster nodes need beyond neurosweep's own classes
         * (default: none, the run function's classes are on this JVM's class path). PROCESSES workers get
         * it on their class path; CLUSTER nodes receive it with the frozen input.
         */
        public Builder userCode(UserCode code) {
            once("user code");
            this.userCode = Objects.requireNonNull(code, "user code");
            return this;
        }

        /**
         * Runs only the runs {@code [first, last)} of the trajectory (default: all), by their indices in the
         * whole trajectory: one shard of a sweep split over machines ({@code org.neurosweep.storage.Shard}).
         * Every mode takes its runs from this range; the others stay as the sink has them.
         */
        public Builder runRange(long first, long last) {
            once("run range");
            if (first < 0 || last < first) {
                throw new IllegalArgumentException("a run range needs 0 <= first <= last, got " + first + ".." + last);
            }
            this.first = first;
            this.last = last;
            return this;
        }

        /** Who hears about progress (default: nobody). */
        public Builder progress(Progress progress) {
            once("progress listener");
            this.progress = Objects.requireNonNull(progress, "progress");
            return this;
        }

        public Environment build() {
            return new Environment(this);
        }
    }
}
