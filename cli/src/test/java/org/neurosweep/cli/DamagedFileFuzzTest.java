package org.neurosweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurosweep.storage.StorageException;
import org.neurosweep.storage.TrajectoryReader;
import org.neurosweep.trajectory.Branch;

/**
 * Damaged files: real files (a finished sweep, and one killed half-way with kill -9) are damaged in
 * hundreds of ways (bytes flipped in the superblock, object headers, B-trees, heaps and chunks, the file
 * cut short, blocks zeroed), and every reading command, {@link TrajectoryReader} and {@code resume} must
 * either give the undamaged file's output or stop with a clean one-line error: never a crash, a hang, a
 * raw library message or a changed input file.
 *
 * <p>Seeded: the seed is printed; {@code -Dneurosweep.fuzz.seed=N} repeats a run, {@code =random} draws one.
 */
class DamagedFileFuzzTest {
    /** Flips per part (5 parts) and per source file, cuts and zeroed blocks: 150 copies of each of the two files. */
    private static final int FLIPS_PER_PART = 21;
    private static final int CUTS = 22;
    private static final int BLOCKS = 23;
    /** Every this many-th copy (and the first of each category and file) is also resumed. */
    private static final int RESUME_EVERY = 7;
    private static final long COMMAND_TIMEOUT_SECONDS = 30;
    private static final String NATIVE_CHECK_LIMIT = "neurosweep.storage.nativeCheckSeconds";
    private static final List<String> RAW = List.of("Exception", "Error:", "at org.", "at io.", "jhdf", "HDF5-DIAG", "H5", "java.",
            "null");

    @TempDir
    Path dir;
    /** Seconds spent in each command, for the report. */
    private final Map<String, Double> seconds = new TreeMap<>();

    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fuzz-command");
        t.setDaemon(true); // a hung command must not keep the test JVM alive
        return t;
    });

    /** How one command ended on one file: exit status, what it printed, and what it wrote. */
    private record Outcome(int status, String out, String err, Map<String, String> written) {
    }

    /** A command line over the file; {@code outputs} are what it writes (emptied before it runs). */
    private record Invocation(String name, List<String> args, List<Path> outputs) {
    }

    private enum Verdict { CLEAN_ERROR, CORRECT, OTHER }

    @Test
    void everyReaderEndsCleanlyOnEveryDamagedCopy() throws Exception {
        // resume's native check of a copy the library hangs on: bounded well within the command's time-out
        String limit = System.setProperty(NATIVE_CHECK_LIMIT, "20");
        try {
            fuzz();
        } finally {
            if (limit == null) {
                System.clearProperty(NATIVE_CHECK_LIMIT);
            } else {
                System.setProperty(NATIVE_CHECK_LIMIT, limit);
            }
        }
    }

    private void fuzz() throws Exception {
        long seed = seed();
        System.out.println("DamagedFileFuzzTest: seed " + seed + " (repeat with -Dneurosweep.fuzz.seed=" + seed + ")");
        long t0 = System.nanoTime();
        Map<String, Path> sources = new LinkedHashMap<>();
        sources.put("finished", finishedSweep());
        sources.put("killed", killedSweep());
        Map<String, int[]> tally = new TreeMap<>();
        List<String> others = new ArrayList<>();
        int copies = 0;
        int resumed = 0;
        Random random = new Random(seed);
        for (Map.Entry<String, Path> source : sources.entrySet()) {
            byte[] original = Files.readAllBytes(source.getValue());
            Path work = Files.createDirectories(dir.resolve("work-" + source.getKey()));
            Path file = work.resolve(source.getKey() + ".h5");
            List<Invocation> commands = readingCommands(file, work);
            Files.write(file, original);
            Map<String, Outcome> expected = new LinkedHashMap<>();
            for (Invocation c : commands) {
                Outcome o = run(c);
                assertTrue(o.status() == Command.OK || o.status() == Command.FAILURE, c.name() + " on the undamaged file: " + o);
                expected.put(c.name(), o);
            }
            String expectedReading = readAll(file);
            Outcome expectedResume = resume(file, work, original);

            FileAnatomy anatomy = FileAnatomy.of(original);
            List<FileDamage> plan = FileDamage.plan(original, anatomy, random, FLIPS_PER_PART, CUTS, BLOCKS);
            Map<String, Integer> resumedPerCategory = new TreeMap<>();
            for (int i = 0; i < plan.size(); i++) {
                FileDamage damage = plan.get(i);
                String id = source.getKey() + " #" + i + " " + damage;
                byte[] damaged = damage.applyTo(original);
                Files.write(file, damaged);
                if (++copies % 50 == 0) {
                    System.out.printf(Locale.ROOT, "  %d copies, %d resumed, %d other, %.0f s%n", copies, resumed, others.size(),
                            (System.nanoTime() - t0) / 1e9);
                }
                for (Invocation c : commands) {
                    Outcome o = run(c);
                    count(tally, damage.category(), c.name(), verdict(o, expected.get(c.name()), file), o, id, others);
                }
                count(tally, damage.category(), "TrajectoryReader", readerVerdict(file, expectedReading, id, others), null, id,
                        others);
                if (!Arrays.equals(damaged, Files.readAllBytes(file))) {
                    others.add(id + ": a reading command changed the input file");
                }
                boolean firstOfCategory = resumedPerCategory.merge(damage.category(), 1, Integer::sum) == 1;
                if (firstOfCategory || i % RESUME_EVERY == RESUME_EVERY / 2) {
                    resumed++;
                    Outcome o = resume(file, work, damaged);
                    Verdict v = resumeVerdict(o, expectedResume, file, damaged);
                    count(tally, damage.category(), "resume", v, o, id, others);
                }
            }
        }
        System.out.println(report(seed, copies, resumed, tally, others, (System.nanoTime() - t0) / 1e9));
        System.out.println("seconds per command: " + this.seconds);
        assertTrue(copies >= 300, "at least 300 damaged copies: " + copies);
        assertTrue(resumed >= 40, "at least 40 resumed: " + resumed);
        if (!others.isEmpty()) {
            fail(others.size() + " outcomes neither correct nor a clean error (seed " + seed + "):\n" + String.join("\n", others));
        }
    }

    private static long seed() {
        String s = System.getProperty("neurosweep.fuzz.seed", "13");
        return s.equals("random") ? new Random().nextLong() : Long.parseLong(s);
    }

    // ------------------------------------------------------------------ the real files

    private Path finishedSweep() {
        Path file = dir.resolve("finished.h5");
        CliRun r = CliRun.of("run", "--classpath", testClasses(), FuzzSweep.class.getName(), "--out", file.toString(), "-q");
        assertEquals(1, r.status(), "one run fails on purpose: " + r.err());
        return file;
    }

    /** A sweep killed with kill -9 once its file holds 100 completed runs; the file as it was left. */
    private Path killedSweep() throws Exception {
        Path file = dir.resolve("killed.h5");
        Path log = dir.resolve("killed.log");
        ProcessBuilder pb = CliJvm.builder(dir, log, "run", "--classpath", testClasses(), FuzzSweep.class.getName(), "--grid",
                "x=0:300:1", "--grid", "y=0.5,1.5", "--out", file.toString(), "-q");
        pb.environment().put(FuzzSweep.SPIN_ENV, "10");
        Process p = pb.start();
        try {
            InterruptTest.waitForRuns(file, p, 100);
        } finally {
            p.destroyForcibly();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the killed sweep's JVM ends");
        }
        Path copy = dir.resolve("killed-copy.h5"); // without the .live and .lock the kill left beside it
        Files.copy(file, copy);
        try (TrajectoryReader reader = TrajectoryReader.open(copy)) {
            long done = reader.completedRuns().cardinality();
            assertTrue(done >= 100 && done < 600, done + " runs completed");
        }
        return copy;
    }

    private static String testClasses() {
        try {
            return Path.of(FuzzSweep.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ the commands

    private static List<Invocation> readingCommands(Path file, Path work) {
        String f = file.toString();
        Path plot = work.resolve("plot.png");
        Path raster = work.resolve("raster.png");
        Path report = work.resolve("report");
        Path csv = work.resolve("table.csv");
        return List.of(
                new Invocation("ls", List.of("ls", f), List.of()),
                new Invocation("ls run_set", List.of("ls", f, "results/runs/run_set_00000"), List.of()),
                new Invocation("table", List.of("table", f), List.of()),
                new Invocation("table csv", List.of("table", f, "--where", "y=1.5", "--csv", csv.toString()), List.of(csv)),
                new Invocation("failures", List.of("failures", f), List.of()),
                new Invocation("plot", List.of("plot", f, "--x", "x", "--y", "y", "--z", "rate", "--out", plot.toString()), List.of(plot)),
                new Invocation("raster", List.of("raster", f, "--run", "1", "--out", raster.toString()), List.of(raster)),
                new Invocation("report", List.of("report", f, "--out", report.toString()), List.of(report)));
    }

    private Outcome run(Invocation c) throws Exception {
        for (Path p : c.outputs()) {
            Directories.delete(p);
        }
        long t0 = System.nanoTime();
        CliRun r = bounded(c.name(), () -> CliRun.of(c.args().toArray(String[]::new)));
        seconds.merge(c.name(), (System.nanoTime() - t0) / 1e9, Double::sum);
        if (r == null) {
            return new Outcome(-1, "", "did not end within " + COMMAND_TIMEOUT_SECONDS + " s", Map.of());
        }
        Map<String, String> written = new TreeMap<>();
        for (Path p : c.outputs()) {
            if (Files.exists(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    for (Path q : s.filter(Files::isRegularFile).toList()) {
                        written.put(p.relativize(q).toString() + "@" + p.getFileName(), sha256(Files.readAllBytes(q)));
                    }
                }
            }
        }
        return new Outcome(r.status(), r.out(), r.err(), written);
    }

    /** The command's result, or null if it has not ended within the time-out (its thread is left behind). */
    private <T> T bounded(String what, java.util.concurrent.Callable<T> task) throws Exception {
        Future<T> f = executor.submit(task);
        try {
            return f.get(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            return null;
        } catch (ExecutionException e) {
            throw new AssertionError(what + " threw out of Cli.run: " + e.getCause(), e.getCause());
        }
    }

    private static Verdict verdict(Outcome o, Outcome expected, Path file) {
        if (o.equals(expected)) {
            return Verdict.CORRECT;
        }
        return o.status() == Command.USAGE && isCleanError(o.err(), file) && o.written().isEmpty() ? Verdict.CLEAN_ERROR : Verdict.OTHER;
    }

    /** One line naming the file, without a library's or an exception's name. */
    private static boolean isCleanError(String err, Path file) {
        return err.lines().count() == 1 && err.contains(file.toString()) && RAW.stream().noneMatch(err::contains);
    }

    private static void count(Map<String, int[]> tally, String category, String command, Verdict v, Outcome o, String id,
            List<String> others) {
        tally.computeIfAbsent(category, k -> new int[3])[v.ordinal()]++;
        if (v == Verdict.OTHER && o != null) {
            others.add(String.format(Locale.ROOT, "%s | %s: exit %d, stderr %s, stdout %s, wrote %s", id, command, o.status(),
                    quote(o.err()), quote(o.out()), o.written().keySet()));
        }
    }

    private static String quote(String s) {
        String t = s.strip().replace("\n", "\\n");
        return "'" + (t.length() > 300 ? t.substring(0, 300) + "…" : t) + "'";
    }

    // ------------------------------------------------------------------ TrajectoryReader

    /** Everything TrajectoryReader reads of the file, as text, or the exception it threw. */
    private static String readAll(Path file) {
        try (TrajectoryReader reader = TrajectoryReader.open(file)) {
            StringBuilder sb = new StringBuilder();
            sb.append(reader.name()).append(' ').append(reader.seed()).append(' ').append(reader.created()).append(' ')
                    .append(reader.neurosweepVersion()).append(' ').append(reader.gitCommit()).append('\n');
            for (Branch b : Branch.values()) {
                for (org.neurosweep.trajectory.Leaf l : reader.trajectory().leaves(b)) {
                    sb.append(l.fullPath()).append(' ').append(l.type()).append(' ').append(text(l.value())).append(" # ")
                            .append(l.comment()).append('\n');
                }
            }
            for (org.neurosweep.trajectory.Parameter p : reader.trajectory().exploredParameters()) {
                sb.append(p.fullPath()).append(" explored ").append(text(p.range())).append('\n');
            }
            sb.append(reader.exploredNames()).append(' ').append(reader.runCount()).append('\n');
            sb.append(text(reader.runTable())).append('\n').append(new TreeMap<>(reader.errors())).append('\n');
            for (Branch b : new Branch[] {Branch.RESULTS, Branch.DERIVED_PARAMETERS}) {
                for (String name : reader.summaryNames(b)) {
                    sb.append(name).append(text(reader.summaryColumn(b, name))).append('\n');
                }
            }
            long n = reader.runCount();
            for (long i : new long[] {0, 1, 5, n / 2, n - 1}) {
                sb.append(text(reader.run(i))).append('\n');
            }
            return sb.toString();
        }
    }

    /** Values as text, arrays and records included (their own toString shows arrays by identity). */
    private static String text(Object o) {
        if (o == null) {
            return "null";
        }
        if (o.getClass().isArray()) {
            String t = Arrays.deepToString(new Object[] {o});
            return t.substring(1, t.length() - 1);
        }
        if (o instanceof Record r) {
            StringBuilder sb = new StringBuilder(r.getClass().getSimpleName()).append('(');
            for (java.lang.reflect.RecordComponent c : r.getClass().getRecordComponents()) {
                try {
                    sb.append(c.getName()).append('=').append(text(c.getAccessor().invoke(r))).append(' ');
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            return sb.append(')').toString();
        }
        if (o instanceof java.util.Collection<?> c) {
            return c.stream().map(DamagedFileFuzzTest::text).toList().toString();
        }
        if (o instanceof Map<?, ?> m) {
            return new TreeMap<>(m).toString();
        }
        return o.toString();
    }

    private static Verdict readerVerdict(Path file, String expected, String id, List<String> others) throws Exception {
        String got;
        try {
            got = readAll(file);
        } catch (StorageException e) {
            if (isCleanError(e.getMessage(), file)) {
                return Verdict.CLEAN_ERROR;
            }
            others.add(id + " | TrajectoryReader: " + e.getClass().getSimpleName() + " " + quote(e.getMessage()));
            return Verdict.OTHER;
        } catch (RuntimeException | Error e) {
            StackTraceElement[] at = e.getStackTrace();
            others.add(id + " | TrajectoryReader: " + e + (at.length > 0 ? " at " + at[0] : ""));
            return Verdict.OTHER;
        }
        if (got.equals(expected)) {
            return Verdict.CORRECT;
        }
        others.add(id + " | TrajectoryReader: read other values than the undamaged file's");
        return Verdict.OTHER;
    }

    // ------------------------------------------------------------------ resume

    /**
     * Resumes a copy of the file (the copy at {@code file}, restored from {@code bytes} afterwards); the
     * outcome's output is the resumed file's table, or the error.
     */
    private Outcome resume(Path file, Path work, byte[] bytes) throws Exception {
        Files.write(file, bytes);
        long t0 = System.nanoTime();
        CliRun r = bounded("resume", () -> CliRun.of("resume", file.toString(), "-q"));
        seconds.merge("resume", (System.nanoTime() - t0) / 1e9, Double::sum);
        Outcome o;
        if (r == null) {
            o = new Outcome(-1, "", "did not end within " + COMMAND_TIMEOUT_SECONDS + " s", Map.of());
        } else if (r.status() == Command.OK || r.status() == Command.FAILURE) {
            CliRun table = CliRun.of("table", file.toString());
            o = new Outcome(r.status(), table.out(), table.err(), leftovers(work));
        } else {
            Map<String, String> state = new TreeMap<>(leftovers(work));
            if (!Arrays.equals(bytes, Files.readAllBytes(file))) {
                state.put("input", "changed");
            }
            o = new Outcome(r.status(), r.out(), r.err(), state);
        }
        Files.write(file, bytes);
        return o;
    }

    /** Files a resume left beside the input (.live, .lock, .publishing). */
    private static Map<String, String> leftovers(Path work) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.list(work)) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.matches(".*\\.h5\\..+")).forEach(n -> out.put(n, "left"));
        }
        return out;
    }

    private static Verdict resumeVerdict(Outcome o, Outcome expected, Path file, byte[] input) {
        if (o.equals(expected)) {
            return Verdict.CORRECT;
        }
        return o.status() == Command.USAGE && isCleanError(o.err(), file) && o.written().isEmpty() ? Verdict.CLEAN_ERROR : Verdict.OTHER;
    }

    // ------------------------------------------------------------------ the tally

    private static String report(long seed, int copies, int resumed, Map<String, int[]> tally, List<String> others, double seconds) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "damaged-file fuzz, seed %d: %d copies (%d also resumed), %.1f s%n%-22s %12s %8s %6s%n", seed, copies, resumed,
                seconds, "damage", "clean error", "correct", "other"));
        int[] total = new int[3];
        tally.forEach((category, n) -> {
            sb.append(String.format(Locale.ROOT, "%-22s %12d %8d %6d%n", category, n[0], n[1], n[2]));
            for (int i = 0; i < 3; i++) {
                total[i] += n[i];
            }
        });
        sb.append(String.format(Locale.ROOT, "%-22s %12d %8d %6d", "total", total[0], total[1], total[2]));
        others.stream().limit(50).forEach(o -> sb.append("\nother: ").append(o));
        return sb.toString();
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
