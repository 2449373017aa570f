package org.neurosweep.benchmarks;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.neurosweep.explore.Sweep;
import org.neurosweep.runners.ClusterSettings;
import org.neurosweep.runners.ClusterWorker;
import org.neurosweep.runners.Environment;
import org.neurosweep.runners.Mode;
import org.neurosweep.runners.Progress;
import org.neurosweep.runners.SweepSummary;
import org.neurosweep.samples.Busy;
import org.neurosweep.storage.Hdf5Sink;
import org.neurosweep.trajectory.RunFunction;
import org.neurosweep.trajectory.RunRecord;
import org.neurosweep.trajectory.Trajectory;

/**
 * CLUSTER (this JVM the coordinator, two worker-node JVMs with one slot each, on 127.0.0.1) against
 * PROCESSES with two worker JVMs, both stored to HDF5: trivial runs, then CPU-bound runs of ~50 ms.
 * "runs s" counts from the moment both workers are there (cluster: joined; processes: started) to the
 * last result; "us/run/worker" is that time times two workers divided by the runs (the run itself and
 * everything around it), "run ms" the runs' own mean duration as measured where they ran: the overhead
 * of a mode is the difference of its us/run/worker to the other's. "end s" is from the last result until
 * the sweep returned (workers told to stop, and gone).
 *
 * <pre>benchmarks/run cluster [TRIVIAL_RUNS] [CPU_RUNS]   (defaults 20000 and 200)</pre>
 */
public final class ClusterBenchmark {
    private static final RunFunction TRIVIAL = RunnersBenchmark.TRIVIAL;
    private static final int WORKERS = 2;

    private ClusterBenchmark() {
    }

    /** What one sweep took. */
    private record Timing(long runs, double totalSeconds, double afterStartSeconds, double endSeconds, double meanRunMillis) {
        /** Wall-clock time per run per worker: the run itself plus what the mode costs around it. */
        double perRunMicros() {
            return afterStartSeconds * WORKERS / runs * 1e6;
        }
    }

    private static final String USAGE = "benchmarks/run cluster [TRIVIAL_RUNS] [CPU_RUNS]   (defaults 20000 and 200)";

    public static void main(String[] args) throws Exception {
        int trivial = Arguments.positive(args, 0, 20_000, "TRIVIAL_RUNS", USAGE);
        int cpu = Arguments.positive(args, 1, 200, "CPU_RUNS", USAGE);
        Path dir = Files.createTempDirectory("neurosweep-cluster");
        System.out.printf("cluster benchmark: %d cores, Java %s; 2 workers (1 slot each); every sweep stored to HDF5%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        System.out.printf("%-34s %8s %9s %8s %7s %9s %10s %13s%n", "sweep", "runs", "total s", "runs s", "end s", "runs/s",
                "run ms", "us/run/worker");
        Trajectory warm = RunnersBenchmark.trivialTrajectory(2000);
        sweep(dir, warm, Mode.PROCESSES, TRIVIAL); // warms this JVM's storage and dispatch code
        for (String what : new String[] {"trivial", "cpu"}) {
            for (Mode mode : new Mode[] {Mode.PROCESSES, Mode.CLUSTER}) {
                Trajectory t = what.equals("trivial") ? RunnersBenchmark.trivialTrajectory(trivial) : cpuBound(cpu);
                RunFunction f = what.equals("trivial") ? TRIVIAL : new Busy().runFunction();
                Timing r = sweep(dir, t, mode, f);
                System.out.printf("%-34s %8d %9.2f %8.2f %7.2f %9.0f %10.3f %13.0f%n", mode.name() + ", "
                        + (what.equals("trivial") ? "trivial (z = x*y)" : "CPU-bound (busy)"), r.runs(), r.totalSeconds(),
                        r.afterStartSeconds(), r.endSeconds(), r.runs() / r.afterStartSeconds(), r.meanRunMillis(),
                        r.perRunMicros());
            }
        }
        RunnersBenchmark.deleteDirectory(dir);
    }

    /** Busy runs of 20,000,000 iterations: about 50 ms each. */
    private static Trajectory cpuBound(int runs) {
        Trajectory t = new Busy().newTrajectory(1);
        t.parameter("iterations").setValue(20_000_000);
        t.explore(Sweep.linspace("x", 0.001, 0.999, runs));
        return t;
    }

    private static Timing sweep(Path dir, Trajectory t, Mode mode, RunFunction f) throws Exception {
        Path file = dir.resolve("sweep.h5");
        Files.deleteIfExists(file);
        List<Process> workers = new ArrayList<>();
        long[] allThere = {0};
        long[] lastResult = {0};
        double[] runNanos = {0};
        Progress watch = new Progress() {
            @Override
            public void workers(int live) {
                if (live == WORKERS && allThere[0] == 0) {
                    allThere[0] = System.nanoTime();
                }
            }

            @Override
            public void finished(RunRecord record) {
                runNanos[0] += record.durationNanos();
                lastResult[0] = System.nanoTime();
            }
        };
        long t0 = System.nanoTime();
        SweepSummary s;
        try (Hdf5Sink sink = Hdf5Sink.create(file)) {
            Environment.Builder b = Environment.builder(t).sink(sink).mode(mode).progress(watch);
            if (mode == Mode.CLUSTER) {
                int port = freePort();
                for (int w = 0; w < WORKERS; w++) {
                    workers.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                            "-Xmx512m", "-cp", System.getProperty("java.class.path"), ClusterWorker.class.getName(),
                            "127.0.0.1:" + port, "1", "60").redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
                }
                b.cluster(new ClusterSettings("127.0.0.1", port, null, Duration.ofMinutes(10)));
            } else {
                b.workers(WORKERS).freezeInput(true);
            }
            s = b.build().run(f);
        } finally {
            for (Process p : workers) {
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
        }
        long end = System.nanoTime();
        if (s.completed() != t.runCount()) {
            throw new IllegalStateException(mode + ": only " + s.completed() + " of " + t.runCount() + " runs completed");
        }
        return new Timing(t.runCount(), (end - t0) / 1e9, (lastResult[0] - Math.max(allThere[0], t0)) / 1e9,
                (end - lastResult[0]) / 1e9, runNanos[0] / t.runCount() / 1e6);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
