package org.neurosweep.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.neurosweep.explore.Sweep;
import org.neurosweep.runners.Environment;
import org.neurosweep.runners.SweepSummary;
import org.neurosweep.storage.Hdf5Sink;
import org.neurosweep.storage.StoredRuns;
import org.neurosweep.storage.TrajectoryReader;
import org.neurosweep.trajectory.RunFunction;
import org.neurosweep.trajectory.Trajectory;

/**
 * Storage end to end: a LOCAL sweep of a trivial run function into an HDF5 file, then opening the file
 * and reading its run table and one summary column. The last case stores BIG runs (default 10,000,000)
 * of three random doubles each.
 *
 * <pre>benchmarks/run storage [REPETITIONS [BIG]]   (defaults 3, 10000000)</pre>
 */
public final class StorageBenchmark {
    private static final RunFunction SCALARS = run -> {
        int x = run.getInt("x");
        run.addResult("a", x * 0.5);
        run.addResult("b", x * 2.0);
        run.addResult("c", (long) x * x);
    };

    /** Three random doubles per run: what a real sweep's results look like to the compressor (sequences compress far better). */
    private static final RunFunction RANDOM = run -> {
        SplittableRandom random = new SplittableRandom(run.index());
        run.addResult("a", random.nextDouble());
        run.addResult("b", random.nextDouble());
        run.addResult("c", random.nextDouble());
    };

    private static final RunFunction WITH_ARRAY = run -> {
        int x = run.getInt("x");
        double[] trace = new double[100];
        for (int i = 0; i < trace.length; i++) {
            trace[i] = x + i * 0.01;
        }
        run.addResult("a", x * 0.5);
        run.addResult("runs.$set.$.trace", trace);
    };

    private StorageBenchmark() {
    }

    private static final String USAGE = "benchmarks/run storage [REPETITIONS [BIG]]   (defaults 3, 10000000)";

    public static void main(String[] args) throws IOException {
        int repetitions = Arguments.positive(args, 0, 3, "REPETITIONS", USAGE);
        int big = Arguments.positive(args, 1, 10_000_000, "BIG", USAGE);
        Path dir = Files.createTempDirectory("neurosweep-bench");
        System.out.printf("storage benchmark: LOCAL sweep -> HDF5, %d repetitions, %d cores, Java %s%n",
                repetitions, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        System.out.printf("%-34s %10s %12s %12s %10s%n", "case", "runs", "store s", "runs/s", "bytes/run");
        for (int r = 0; r < repetitions; r++) {
            store(dir, "100,000 runs x 3 scalars", 100_000, SCALARS);
            store(dir, "100,000 runs x 100-double array", 100_000, WITH_ARRAY);
            Path million = store(dir, "1,000,000 runs x 3 scalars", 1_000_000, SCALARS);
            openAndRead(million, "1,000,000 runs");
            Files.delete(million);
            Path random = store(dir, String.format("%,d runs x 3 random", big), big, RANDOM);
            openAndRead(random, String.format("%,d runs", big));
            Files.delete(random);
        }
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    private static Path store(Path dir, String label, int runs, RunFunction f) throws IOException {
        Path file = dir.resolve("bench-" + runs + "-" + label.hashCode() + ".h5");
        Files.deleteIfExists(file);
        Trajectory t = new Trajectory("bench", 1);
        t.addParameter("x", 0);
        t.explore(Sweep.arange("x", 0, runs, 1));
        long t0 = System.nanoTime();
        SweepSummary s;
        try (Hdf5Sink sink = Hdf5Sink.create(file)) {
            s = Environment.builder(t).sink(sink).build().run(f);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (s.completed() != runs) {
            throw new IllegalStateException(label + ": only " + s.completed() + " of " + runs + " runs completed");
        }
        System.out.printf("%-34s %10d %12.3f %12.0f %10.1f%n", label, runs, seconds, runs / seconds,
                (double) Files.size(file) / runs);
        return file;
    }

    private static void openAndRead(Path file, String runs) {
        long t0 = System.nanoTime();
        int rows;
        double last;
        try (TrajectoryReader reader = TrajectoryReader.open(file)) {
            reader.trajectory();
            StoredRuns table = reader.runTable();
            double[] column = (double[]) reader.summaryColumn("a");
            rows = table.size();
            last = column[column.length - 1];
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("%-34s %10d %12.3f   (open + parameters + run table + one column; last a = %.3f)%n",
                "  open and read, " + runs, rows, seconds, last);
    }
}
