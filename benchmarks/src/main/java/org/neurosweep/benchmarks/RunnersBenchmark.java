package org.neurosweep.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.neurosweep.explore.Sweep;
import org.neurosweep.runners.Environment;
import org.neurosweep.runners.Mode;
import org.neurosweep.runners.SweepSummary;
import org.neurosweep.samples.Busy;
import org.neurosweep.storage.Hdf5Sink;
import org.neurosweep.trajectory.RunFunction;
import org.neurosweep.trajectory.Trajectory;

/**
 * The modes end to end, stored to HDF5: 100,000 trivial runs in each mode with freeze_input on and off
 * (2 workers), then CPU-bound runs (~10 ms each, the busy sample) at 1 and 2 workers for the speed-up.
 *
 * <pre>benchmarks/run runners [TRIVIAL_RUNS] [BUSY_RUNS]   (defaults 100000 and 1000)</pre>
 */
public final class RunnersBenchmark {
    static final RunFunction TRIVIAL = run -> run.addResult("z", run.getLong("x") * run.getLong("y"));

    private RunnersBenchmark() {
    }

    private static final String USAGE = "benchmarks/run runners [TRIVIAL_RUNS] [BUSY_RUNS]   (defaults 100000 and 1000)";

    public static void main(String[] args) throws IOException {
        int trivial = Arguments.positive(args, 0, 100_000, "TRIVIAL_RUNS", USAGE);
        int busy = Arguments.positive(args, 1, 1000, "BUSY_RUNS", USAGE);
        Path dir = Files.createTempDirectory("neurosweep-runners");
        System.out.printf("runners benchmark: %d cores, Java %s; every sweep stored to HDF5%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        System.out.printf("%-44s %10s %10s %12s%n", "trivial runs (z = x*y)", "runs", "total s", "us per run");
        System.out.print("(warm-up of this JVM) ");
        trivialSweep(dir, trivial, Mode.LOCAL, 1, false);
        for (Mode mode : new Mode[] {Mode.LOCAL, Mode.POOL, Mode.PROCESSES}) { // CLUSTER: benchmarks/run cluster
            for (boolean freeze : new boolean[] {false, true}) {
                if (mode == Mode.LOCAL && freeze) {
                    continue;
                }
                trivialSweep(dir, trivial, mode, mode == Mode.LOCAL ? 1 : 2, freeze);
            }
        }
        System.out.printf("%n%-44s %10s %10s %12s %9s%n", "CPU-bound runs (busy, ~10 ms each)", "runs", "total s", "ms per run",
                "speed-up");
        for (Mode mode : new Mode[] {Mode.POOL, Mode.PROCESSES}) {
            double one = busySweep(dir, busy, mode, 1, 0);
            busySweep(dir, busy, mode, 2, one);
        }
        deleteDirectory(dir);
    }

    /** Removes a benchmark's temporary directory and the files in it. */
    static void deleteDirectory(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    /** About {@code runs} runs of z = x * y: a square grid of x and y. */
    static Trajectory trivialTrajectory(int runs) {
        Trajectory t = new Trajectory("trivial", 1);
        t.addParameter("x", 0);
        t.addParameter("y", 0);
        int side = (int) Math.ceil(Math.sqrt(runs));
        t.explore(Sweep.product(Sweep.arange("x", 0, side, 1), Sweep.arange("y", 0, runs / side, 1)));
        return t;
    }

    private static void trivialSweep(Path dir, int runs, Mode mode, int workers, boolean freeze) throws IOException {
        Trajectory t = trivialTrajectory(runs);
        double seconds = sweep(dir, t, mode, workers, freeze, TRIVIAL);
        System.out.printf("%-44s %10d %10.2f %12.1f%n", mode.name() + (mode == Mode.LOCAL ? "" : " x" + workers
                + ", freeze_input " + (freeze ? "on" : "off")), t.runCount(), seconds, seconds * 1e6 / t.runCount());
    }

    private static double busySweep(Path dir, int runs, Mode mode, int workers, double oneWorkerSeconds) throws IOException {
        Busy sample = new Busy();
        Trajectory t = sample.newTrajectory(1);
        t.explore(Sweep.linspace("x", 0.001, 0.999, runs));
        double seconds = sweep(dir, t, mode, workers, true, sample.runFunction());
        System.out.printf("%-44s %10d %10.2f %12.2f %9s%n", mode.name() + " x" + workers, runs, seconds, seconds * 1e3 / runs,
                oneWorkerSeconds > 0 ? String.format("%.2fx", oneWorkerSeconds / seconds) : "");
        return seconds;
    }

    private static double sweep(Path dir, Trajectory t, Mode mode, int workers, boolean freeze, RunFunction f)
            throws IOException {
        Path file = dir.resolve("sweep.h5");
        Files.deleteIfExists(file);
        long t0 = System.nanoTime();
        SweepSummary s;
        try (Hdf5Sink sink = Hdf5Sink.create(file)) {
            s = Environment.builder(t).sink(sink).mode(mode).workers(workers).freezeInput(freeze).build().run(f);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (s.completed() != t.runCount()) {
            throw new IllegalStateException(mode + ": only " + s.completed() + " of " + t.runCount() + " runs completed");
        }
        return seconds;
    }
}
