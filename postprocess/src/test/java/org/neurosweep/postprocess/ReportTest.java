package org.neurosweep.postprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurosweep.explore.Sweep;
import org.neurosweep.storage.TrajectoryReader;
import org.neurosweep.trajectory.Trajectory;

/** A report is written whole or not at all, replaces only an old report, and notes a result with no value. */
class ReportTest {
    @TempDir
    Path dir;

    /** A sweep over x (and label, a string) with results y = x and nothing = NaN, stored in NAME.h5. */
    private Path stored(String name, Sweep sweep) {
        Path file = dir.resolve(name + ".h5");
        Trajectory t = new Trajectory(name, 1);
        t.addParameter("x", 0.0, "across");
        t.addParameter("label", "a", "a text parameter");
        t.explore(sweep);
        return StoredSweeps.store(file, t, r -> {
            r.addResult("y", r.getDouble("x"));
            r.addResult("nothing", Double.NaN, "never has a value");
        });
    }

    private List<String> entries(Path d) throws Exception {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aResultWithoutValuesGetsANoteNotACrash() throws Exception {
        Path file = stored("nan", Sweep.values("x", 1.0, 2.0, 3.0));
        Path report = dir.resolve("nan-report");
        try (TrajectoryReader reader = TrajectoryReader.open(file)) {
            List<Path> files = Report.write(reader, report);
            assertEquals(report.resolve("index.html"), files.get(0), "index.html first");
            assertEquals(entries(report), files.stream().map(f -> f.getFileName().toString()).sorted().toList(),
                    "every file written is listed");
        }
        String html = Files.readString(report.resolve("index.html"));
        assertTrue(html.contains("Not plotted, as no run has a value") && html.contains(": nothing."), html);
        assertEquals(List.of("diagnostics.html", "index.html", "result-y.svg", "run-0.html", "run-1.html", "run-2.html"),
                entries(report));
        assertEquals(List.of("nan-report", "nan.h5"), entries(dir), "no temporary directory is left");
    }

    @Test
    void anOldReportIsReplacedAndAnythingElseIsRefused() throws Exception {
        Path file = stored("again", Sweep.values("x", 1.0, 2.0));
        Path report = dir.resolve("again-report");
        Files.createDirectories(report);
        Files.writeString(report.resolve("index.html"), "old");
        Files.writeString(report.resolve("result-gone.png"), "old");
        try (TrajectoryReader reader = TrajectoryReader.open(file)) {
            Report.write(reader, report);
        }
        assertEquals(List.of("diagnostics.html", "index.html", "result-y.svg", "run-0.html", "run-1.html"), entries(report),
                "the old report is replaced as a whole");
        assertTrue(Files.readString(report.resolve("index.html")).startsWith("<!doctype html>"));

        Path mine = dir.resolve("mine");
        Files.createDirectories(mine);
        Files.writeString(mine.resolve("notes.txt"), "keep");
        try (TrajectoryReader reader = TrajectoryReader.open(file)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Report.write(reader, mine));
            assertTrue(e.getMessage().contains("is not a neurosweep report (it holds notes.txt)"), e.getMessage());
        }
        assertEquals(List.of("notes.txt"), entries(mine), "a directory that is not a report is left alone");
        assertEquals(List.of("again-report", "again.h5", "mine"), entries(dir));
    }

    @Test
    void aReportThatFailsHalfWayLeavesNothing() throws Exception {
        // the first explored parameter is text: found only once the report is being written
        Path file = stored("text", Sweep.product(Sweep.values("label", "a", "b"), Sweep.values("x", 1.0, 2.0)));
        Path report = dir.resolve("text-report");
        try (TrajectoryReader reader = TrajectoryReader.open(file)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Report.write(reader, report));
            assertTrue(e.getMessage().contains("'label' is not numeric"), e.getMessage());
        }
        assertFalse(Files.exists(report));
        assertEquals(List.of("text.h5"), entries(dir), "no report and no temporary directory");
    }
}
