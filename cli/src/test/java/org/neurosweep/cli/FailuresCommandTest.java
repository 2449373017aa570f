package org.neurosweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurosweep.explore.SweepDefinition;
import org.neurosweep.postprocess.FailedRuns;
import org.neurosweep.runners.Environment;
import org.neurosweep.runners.Progress;
import org.neurosweep.runners.SweepSummary;
import org.neurosweep.storage.Hdf5Sink;
import org.neurosweep.storage.TrajectoryReader;
import org.neurosweep.trajectory.InMemorySink;
import org.neurosweep.trajectory.Trajectory;

/** Failed runs are shown: at the end of a sweep, by {@code failures}, in {@code table} and the report, and to a Java program. */
class FailuresCommandTest extends CliCase {
    @TempDir
    Path dir;

    /** x, y in 0..3: runs with x = 2 (8..11) throw, with a two-line message, and so do runs with y = 3 (3, 7, 15). */
    static final String FLAKY = """
            import org.neurosweep.explore.Sweep;
            import org.neurosweep.explore.SweepDefinition;
            import org.neurosweep.trajectory.RunFunction;
            import org.neurosweep.trajectory.Trajectory;

            public class Flaky implements SweepDefinition {
                public Trajectory newTrajectory(long seed) {
                    Trajectory t = new Trajectory("flaky", seed);
                    t.addParameter("x", 0, "first");
                    t.addParameter("y", 0, "second");
                    return t;
                }

                public Sweep defaultSweep() {
                    return Sweep.product(Sweep.arange("x", 0, 4, 1), Sweep.arange("y", 0, 4, 1));
                }

                public RunFunction runFunction() {
                    return run -> {
                        if (run.getLong("x") == 2) {
                            throw new IllegalStateException("x = 2 is <b>refused</b> & logged\\nsecond line");
                        }
                        if (run.getLong("y") == 3) {
                            throw new ArithmeticException("y = 3 is too large");
                        }
                        run.addResult("z", run.getLong("x") * run.getLong("y"));
                    };
                }
            }
            """;

    private Path flakySource() throws Exception {
        Path source = dir.resolve("Flaky.java");
        if (!Files.exists(source)) {
            Files.writeString(source, FLAKY);
        }
        return source;
    }

    /** {@code neurosweep run Flaky.java --out FILE} with these options. */
    private int sweep(Path file, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("run", flakySource().toString(), "--out", file.toString()));
        args.addAll(List.of(options));
        return run(args.toArray(new String[0]));
    }

    private static List<String> lines(String text, String prefix) {
        return text.lines().filter(l -> l.startsWith(prefix)).toList();
    }

    @Test
    void theEndOfASweepShowsTheFirstFailedRunsAndHowToSeeAll() throws Exception {
        Path file = dir.resolve("flaky.h5");
        assertEquals(1, sweep(file));
        assertTrue(err.contains("16 runs: 9 completed, 7 failed"), err);
        assertTrue(err.contains("the first 5 failed runs:\n"), err);
        assertEquals(List.of(
                "  run 3 (x=0, y=3): java.lang.ArithmeticException: y = 3 is too large",
                "  run 7 (x=1, y=3): java.lang.ArithmeticException: y = 3 is too large",
                "  run 8 (x=2, y=0): java.lang.IllegalStateException: x = 2 is <b>refused</b> & logged",
                "  run 9 (x=2, y=1): java.lang.IllegalStateException: x = 2 is <b>refused</b> & logged",
                "  run 10 (x=2, y=2): java.lang.IllegalStateException: x = 2 is <b>refused</b> & logged"), lines(err, "  run "));
        assertFalse(err.contains("second line"), "first lines only");
        assertTrue(err.endsWith("neurosweep: 7 of 16 runs failed; 'neurosweep failures " + file + "' lists them all with their errors\n"), err);
        // the run table printed at the end has the error column too
        assertTrue(out.lines().findFirst().orElseThrow().matches("run\\s+x\\s+y\\s+z\\s+status\\s+error"), out);

        assertEquals(1, sweep(dir.resolve("quiet.h5"), "--quiet"));
        assertEquals(List.of("neurosweep: 7 of 16 runs failed; 'neurosweep failures " + dir.resolve("quiet.h5")
                + "' lists them all with their errors"), err.lines().toList(), "quiet: the count and the hint only");
    }

    @Test
    void failuresListsEveryFailedRunAndExitsOneWhenThereAreAny() throws Exception {
        Path file = dir.resolve("flaky.h5");
        sweep(file, "-q");
        assertEquals(1, run("failures", file.toString()));
        List<String> rows = out.lines().toList();
        assertEquals(List.of("run", "x", "y", "error"), List.of(rows.get(0).trim().split("\\s+")));
        assertEquals(8, rows.size(), out);
        assertEquals("  8  2  0  java.lang.IllegalStateException: x = 2 is <b>refused</b> & logged", rows.get(3));
        assertEquals(" 15  3  3  java.lang.ArithmeticException: y = 3 is too large", rows.get(7));
        assertEquals(file + ": 7 of 16 runs failed\n", err);

        assertEquals(1, run("failures", file.toString(), "--full"));
        assertTrue(out.startsWith("run 3: x=0, y=3\n    java.lang.ArithmeticException: y = 3 is too large\n    \tat "), out);
        assertTrue(out.contains("\n\nrun 8: x=2, y=0\n    java.lang.IllegalStateException: x = 2 is <b>refused</b> & logged\n    second line\n    \tat "),
                out);
        assertEquals(7, lines(out, "run ").size());

        Path csv = dir.resolve("failures.csv");
        assertEquals(1, run("failures", file.toString(), "--csv", csv.toString()));
        assertEquals("", out);
        assertTrue(err.startsWith("wrote 7 failed runs to " + csv), err);
        List<String> csvLines = Files.readAllLines(csv);
        assertEquals(8, csvLines.size());
        assertEquals("run,x,y,error", csvLines.get(0));
        assertEquals("8,2,0,java.lang.IllegalStateException: x = 2 is <b>refused</b> & logged", csvLines.get(3));
        assertEquals(1, run("failures", file.toString(), "--full", "--csv", csv.toString()));
        assertTrue(Files.readString(csv).contains("8,2,0,\"java.lang.IllegalStateException: x = 2 is <b>refused</b> & logged\nsecond line\n\tat "));
    }

    @Test
    void failuresOfACleanSweepSaysSoAndExitsZero() {
        Path file = dir.resolve("m.h5");
        assertEquals(0, run("run", "multiply", "-q", "--out", file.toString()));
        assertEquals(0, run("failures", file.toString()));
        assertEquals("", out);
        assertEquals(file + ": no failed runs (12 runs)\n", err);
        assertEquals(2, run("failures", dir.resolve("none.h5").toString()));
        assertTrue(err.contains("does not exist"), err);
        assertEquals(2, run("failures"));
        assertEquals(0, run("failures", "--help"));
        assertTrue(out.contains("Exit status: 0 no run failed, 1 some run failed"), out);
    }

    @Test
    void tableAndReportShowTheReasons() throws Exception {
        Path file = dir.resolve("flaky.h5");
        sweep(file, "-q");
        assertEquals(0, run("table", file.toString()));
        List<String> rows = out.lines().toList();
        assertEquals(List.of("run", "x", "y", "z", "status", "error"), List.of(rows.get(0).trim().split("\\s+")));
        assertTrue(rows.get(4).matches("\\s*3\\s+0\\s+3\\s+failed\\s+java.lang.ArithmeticException: y = 3 is too large"), rows.get(4));
        assertTrue(rows.get(3).matches("\\s*2\\s+0\\s+2\\s+0\\s+completed"), "no error for a completed run: " + rows.get(3));
        Path csv = dir.resolve("t.csv");
        assertEquals(0, run("table", file.toString(), "--csv", csv.toString()));
        List<String> csvLines = Files.readAllLines(csv);
        assertEquals("run,x,y,z,status,error", csvLines.get(0));
        assertEquals("1,0,1,0,completed,", csvLines.get(2));
        assertEquals("9,2,1,,failed,java.lang.IllegalStateException: x = 2 is <b>refused</b> & logged", csvLines.get(10));

        Path report = dir.resolve("report");
        assertEquals(0, run("report", file.toString(), "--out", report.toString()), err);
        String html = Files.readString(report.resolve("index.html"));
        assertTrue(html.contains("<h2 id=\"failed\">Failed runs</h2><p>7 of 16 runs failed; every one with its whole error"), html);
        assertTrue(html.contains("<td class=\"num\">9</td><td class=\"num\">2</td><td class=\"num\">1</td>"
                + "<td>java.lang.IllegalStateException: x = 2 is &lt;b&gt;refused&lt;/b&gt; &amp; logged</td>"), html);
        assertFalse(html.contains("<b>refused"), "escaped");
    }

    @Test
    void resumeRunsTheFailedRunsAgainAndEndsWithThem() throws Exception {
        Path file = dir.resolve("flaky.h5");
        assertEquals(1, sweep(file, "--quiet"));
        // here in worker JVMs, where they fail again
        assertEquals(1, run("resume", file.toString(), "--mode", "processes", "--workers", "2"), err);
        assertTrue(err.contains("16 runs: 0 completed, 7 failed, 9 already done"), err);
        assertTrue(err.contains("  run 10 (x=2, y=2): java.lang.IllegalStateException: x = 2 is <b>refused</b> & logged\n"
                + "neurosweep: 7 of 16 runs failed; 'neurosweep failures " + file + "' lists them all with their errors\n"), err);
    }

    /** What the README shows: a Java program learns that runs failed, and which. */
    @Test
    void aJavaProgramCanTellThatRunsFailed() throws Exception {
        SweepDefinition flaky = SweepSource.fromSource(flakySource()).definition();
        Trajectory t = flaky.newTrajectory(42);
        t.explore(flaky.defaultSweep());
        Path file = dir.resolve("api.h5");
        SweepSummary summary;
        try (Hdf5Sink sink = Hdf5Sink.create(file)) {
            summary = Environment.builder(t).sink(sink).progress(Progress.NONE).build().run(flaky.runFunction());
        }
        assertEquals(7, summary.failed());
        assertTrue(summary.toString().startsWith("16 runs: 9 completed, 7 failed"), summary.toString());
        try (TrajectoryReader reader = TrajectoryReader.open(file)) {
            assertEquals("run 3 (x=0, y=3): java.lang.ArithmeticException: y = 3 is too large", FailedRuns.of(reader).first(1).get(0).toString());
        }
        Trajectory again = flaky.newTrajectory(42);
        again.explore(flaky.defaultSweep());
        InMemorySink memory = new InMemorySink();
        Environment.builder(again).sink(memory).progress(Progress.NONE).build().run(flaky.runFunction());
        assertEquals(7, FailedRuns.of(memory.trajectory(), memory.records()).count());
    }
}
