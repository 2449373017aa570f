package org.neurosweep.postprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurosweep.explore.Sweep;
import org.neurosweep.storage.Hdf5Sink;
import org.neurosweep.storage.TrajectoryReader;
import org.neurosweep.trajectory.RunRecord;
import org.neurosweep.trajectory.RunScope;
import org.neurosweep.trajectory.Trajectory;

/** The failed runs of a stored (or in-memory) sweep: which, their values, their errors; in tables and the report. */
class FailedRunsTest {
    @TempDir
    Path dir;

    /** x in 0..3 times g in {0.5, 1.5}: runs with x = 2 (4, 5) and run 7 fail; the others store z. */
    private List<RunRecord> sweep(Trajectory t) {
        t.addParameter("x", 0, "a factor");
        t.addParameter("g", 0.0, "another");
        t.explore(Sweep.product(Sweep.arange("x", 0, 4, 1), Sweep.values("g", 0.5, 1.5)));
        List<RunRecord> records = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            RunScope run = t.openRun(i);
            String error = null;
            if ((int) t.parameter("x").valueInRun(i) == 2) {
                error = "java.lang.IllegalStateException: x = 2 <is> refused & run " + i + "\nsecond line\n\tat Flaky.run(Flaky.java:7)";
            } else if (i == 7) {
                error = "java.lang.ArithmeticException: / by zero";
            } else {
                run.addResult("z", 10.0 * i);
            }
            records.add(run.finish(0, 0, "local", error));
        }
        return records;
    }

    private Path stored() {
        Path file = dir.resolve("flaky.h5");
        Trajectory t = new Trajectory("flaky", 1);
        List<RunRecord> records = sweep(t);
        try (Hdf5Sink sink = Hdf5Sink.create(file)) {
            sink.begin(t);
            records.forEach(sink::accept);
        }
        return file;
    }

    @Test
    void listsTheFailedRunsOfAStoredSweep() throws Exception {
        try (TrajectoryReader reader = TrajectoryReader.open(stored())) {
            FailedRuns failed = FailedRuns.of(reader);
            assertEquals(3, failed.count());
            assertEquals(8, failed.runCount());
            assertArrayEquals(new long[] {4, 5, 7}, failed.indices());
            assertEquals("3 of 8 runs failed", failed.toString());
            List<FailedRun> first = failed.first(2);
            assertEquals(2, first.size());
            FailedRun four = first.get(0);
            assertEquals(4, four.index());
            assertEquals(Map.of("x", 2, "g", 0.5), four.parameters());
            assertEquals(List.of("x", "g"), List.copyOf(four.parameters().keySet()), "in column order");
            assertEquals("java.lang.IllegalStateException: x = 2 <is> refused & run 4", four.firstLine());
            assertTrue(four.error().endsWith("second line\n\tat Flaky.run(Flaky.java:7)"), four.error());
            assertEquals("run 4 (x=2, g=0.5): java.lang.IllegalStateException: x = 2 <is> refused & run 4", four.toString());
            assertEquals(3, failed.all().size());
            assertEquals("java.lang.ArithmeticException: / by zero", failed.all().get(2).firstLine());
            assertEquals(0, failed.first(0).size());

            String text = failed.table(false).toText();
            List<String> lines = text.lines().toList();
            assertEquals(4, lines.size(), text);
            assertEquals(List.of("run", "x", "g", "error"), List.of(lines.get(0).trim().split("\\s+")));
            assertTrue(lines.get(3).matches("\\s*7\\s+3\\s+1\\.50000\\s+java\\.lang\\.ArithmeticException: / by zero"), lines.get(3));

            StringWriter csv = new StringWriter();
            failed.writeCsv(csv, true);
            assertEquals("run,x,g,error\n"
                    + "4,2,0.5,\"java.lang.IllegalStateException: x = 2 <is> refused & run 4\nsecond line\n\tat Flaky.run(Flaky.java:7)\"\n"
                    + "5,2,1.5,\"java.lang.IllegalStateException: x = 2 <is> refused & run 5\nsecond line\n\tat Flaky.run(Flaky.java:7)\"\n"
                    + "7,3,1.5,java.lang.ArithmeticException: / by zero\n", csv.toString());
        }
    }

    @Test
    void theRunTableShowsTheFirstLineOfEachError() throws Exception {
        try (TrajectoryReader reader = TrajectoryReader.open(stored())) {
            RunTable table = RunTable.of(reader, List.of(), Map.of());
            assertEquals(List.of("run", "x", "g", "z", "status", "error"), table.columns());
            assertEquals(List.of(4L, 2, 0.5, "failed", "java.lang.IllegalStateException: x = 2 <is> refused & run 4"),
                    table.rows().get(4).stream().filter(v -> v != null).toList());
            assertEquals(null, table.rows().get(3).get(5), "a completed run has no error");
        }
    }

    @Test
    void inMemoryRecordsGiveTheSameList() {
        Trajectory t = new Trajectory("flaky", 1);
        List<RunRecord> records = sweep(t);
        FailedRuns failed = FailedRuns.of(t, records);
        assertArrayEquals(new long[] {4, 5, 7}, failed.indices());
        assertEquals("run 7 (x=3, g=1.5): java.lang.ArithmeticException: / by zero", failed.all().get(2).toString());
    }

    @Test
    void theReportListsFailedRunsEscaped() throws Exception {
        Path report = dir.resolve("report");
        try (TrajectoryReader reader = TrajectoryReader.open(stored())) {
            Report.write(reader, report);
        }
        String html = Files.readString(report.resolve("index.html"));
        int section = html.indexOf("<h2 id=\"failed\">Failed runs</h2><p>3 of 8 runs failed; every one with its whole error:");
        assertTrue(section > 0, html);
        String failures = html.substring(section, html.indexOf("<h2 id=\"runs\">Runs</h2>"));
        assertTrue(failures.contains("<th>run</th><th>x</th><th>g</th><th>error</th>"), failures);
        assertTrue(failures.contains("<td class=\"num\">5</td><td class=\"num\">2</td><td class=\"num\">1.5</td>"
                + "<td>java.lang.IllegalStateException: x = 2 &lt;is&gt; refused &amp; run 5</td>"), failures);
        assertFalse(html.contains("<is>") || html.contains("second line"), "escaped, first line only");
    }

    @Test
    void aCleanSweepHasNoFailedRuns() throws Exception {
        Path file = dir.resolve("clean.h5");
        Trajectory t = new Trajectory("clean", 1);
        t.addParameter("x", 0);
        t.explore(Sweep.values("x", 1, 2));
        StoredSweeps.store(file, t, run -> run.addResult("z", 1.0 * run.index()));
        Path report = dir.resolve("clean-report");
        try (TrajectoryReader reader = TrajectoryReader.open(file)) {
            FailedRuns failed = FailedRuns.of(reader);
            assertTrue(failed.isEmpty());
            assertEquals("no failed runs (2 runs)", failed.toString());
            assertEquals(List.of("run", "x", "z"), RunTable.of(reader, List.of(), Map.of()).columns(), "no status, no error");
            Report.write(reader, report);
        }
        assertTrue(Files.readString(report.resolve("index.html"))
                .contains("<h2 id=\"failed\">Failed runs</h2><p>no failed runs (2 runs)</p><h2 id=\"runs\">Runs</h2>"));
    }
}
