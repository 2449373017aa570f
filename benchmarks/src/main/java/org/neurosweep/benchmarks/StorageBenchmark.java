package org.neurosweep.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.neurosweep.explore.Sweep;
import org.neurosweep.runners.Environment;
import org.neurosweep.runners.SweepSummary;
import org.neurosweep.storage.Hdf5Sink;
import org.neurosweep.storage.Shard;
import org.neurosweep.storage.Merge;
import org.neurosweep.storage.StoredRuns;
import org.neurosweep.storage.TrajectoryReader;
import org.neurosweep.trajectory.RunFunction;
import org.neurosweep.trajectory.Trajectory;

/**
 * Storage end to end: a LOCAL sweep of a trivial run function into an HDF5 file, then opening the file
 * and reading its run table and one summary column. The last case stores BIG runs (default 10,000,000)
 * of three random doubles each, then the same sweep as 10 shard files, merges them, and reads one column of
 * the 10 shards as one sweep.
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
            arrayShards(dir, 100_000, 4);
            Path million = store(dir, "1,000,000 runs x 3 scalars", 1_000_000, SCALARS);
            openAndRead(million, "1,000,000 runs");
            append(dir, million);
            Files.delete(million);
            Files.delete(store(dir, "1,000,000 runs x 3 random", 1_000_000, RANDOM)); // the same work per run as the big sweep's
            Path random = store(dir, String.format("%,d runs x 3 random", big), big, RANDOM);
            openAndRead(random, String.format("%,d runs", big));
            shards(dir, big, 10, random);
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

    /**
     * The same sweep as {@code n} shard files ({@code run --shard K/N}), merged ({@code neurosweep merge}), and read as
     * one without merging them into a file of one's own; the merged column must equal the unsplit file's.
     */
    private static void shards(Path dir, int runs, int n, Path whole) throws IOException {
        long t0 = System.nanoTime();
        java.util.List<Path> files = writeShards(dir, "shard", runs, n, RANDOM);
        double store = (System.nanoTime() - t0) / 1e9;
        long bytes = 0;
        for (Path f : files) {
            bytes += Files.size(f);
        }
        System.out.printf("%-34s %10d %12.3f %12.0f %10.1f%n", String.format("  as %d shards, stored", n), runs, store, runs / store,
                (double) bytes / runs);
        Path merged = dir.resolve("merged.h5");
        Files.deleteIfExists(merged);
        t0 = System.nanoTime();
        Merge.Outcome r = Merge.merge(merged, files, false);
        double merge = (System.nanoTime() - t0) / 1e9;
        System.out.printf("%-34s %10d %12.3f %12.0f %10.1f   (%d of %d runs completed)%n", String.format("  %d shards merged", n), runs,
                merge, runs / merge, (double) Files.size(merged) / runs, r.completed(), r.runs());
        double[] want;
        try (TrajectoryReader reader = TrajectoryReader.open(whole)) {
            want = (double[]) reader.summaryColumn("a");
        }
        t0 = System.nanoTime();
        double[] got;
        try (TrajectoryReader reader = TrajectoryReader.open(files)) {
            got = (double[]) reader.summaryColumn("a");
        }
        double read = (System.nanoTime() - t0) / 1e9;
        if (!java.util.Arrays.equals(want, got)) {
            throw new IllegalStateException("the shards read as one differ from the unsplit sweep in column a");
        }
        System.out.printf("%-34s %10d %12.3f   (one column from %d unmerged shards; equal to the unsplit file's)%n",
                "  read as one", runs, read, n);
        openAndRead(merged, String.format("%,d runs merged", runs));
        Files.delete(merged);
        for (Path f : files) {
            Files.delete(f);
        }
    }

    /** A sweep of {@code runs} over x as {@code n} shard files ({@code run --shard K/N}): PREFIX-K.h5. */
    private static java.util.List<Path> writeShards(Path dir, String prefix, int runs, int n, RunFunction f) throws IOException {
        java.util.List<Path> files = new java.util.ArrayList<>();
        for (int k = 1; k <= n; k++) {
            Shard shard = Shard.of(k, n, runs);
            Path file = dir.resolve(prefix + "-" + k + ".h5");
            Files.deleteIfExists(file);
            Trajectory t = new Trajectory("bench", 1);
            t.addParameter("x", 0);
            t.explore(Sweep.arange("x", 0, runs, 1));
            try (Hdf5Sink sink = Hdf5Sink.create(file)) {
                sink.shard(shard);
                Environment.builder(t).sink(sink).runRange(shard.first(), shard.last()).build().run(f);
            }
            files.add(file);
        }
        return files;
    }

    /**
     * Shards whose runs have their own groups, read as one (the runs' groups are read from the shards in place) and
     * merged (every group copied): what a command such as {@code raster 'shard-*.h5' --run N} pays.
     */
    private static void arrayShards(Path dir, int runs, int n) throws IOException {
        java.util.List<Path> files = writeShards(dir, "array-shard", runs, n, WITH_ARRAY);
        long t0 = System.nanoTime();
        int values;
        try (TrajectoryReader reader = TrajectoryReader.open(files)) {
            values = reader.runValues(runs - 1).size() + ((double[]) reader.summaryColumn("a")).length;
        }
        double read = (System.nanoTime() - t0) / 1e9;
        Path merged = dir.resolve("array-merged.h5");
        Files.deleteIfExists(merged);
        t0 = System.nanoTime();
        Merge.merge(merged, files, false);
        double merge = (System.nanoTime() - t0) / 1e9;
        System.out.printf("%-34s %10d %12.3f   (column a and the last run's values from %d shards read as one; %d values)%n",
                "  as shards, read as one", runs, read, n, values);
        System.out.printf("%-34s %10d %12.3f %12.0f %10.1f%n", String.format("  %d shards merged", n), runs, merge, runs / merge,
                (double) Files.size(merged) / runs);
        Files.delete(merged);
        for (Path f : files) {
            Files.delete(f);
        }
    }

    /** Two whole sweeps appended ({@code neurosweep merge} of different sweeps): every run re-written with a new index. */
    private static void append(Path dir, Path sweep) throws IOException {
        Path copy = dir.resolve("copy.h5");
        Files.copy(sweep, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path merged = dir.resolve("appended.h5");
        Files.deleteIfExists(merged);
        long t0 = System.nanoTime();
        Merge.Outcome r = Merge.merge(merged, java.util.List.of(sweep, copy), false);
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (r.completed() != r.runs()) {
            throw new IllegalStateException("appended: only " + r.completed() + " of " + r.runs() + " runs completed");
        }
        System.out.printf("%-34s %10d %12.3f %12.0f %10.1f%n", "  2 such sweeps appended", r.runs(), seconds, r.runs() / seconds,
                (double) Files.size(merged) / r.runs());
        Files.delete(merged);
        Files.delete(copy);
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
