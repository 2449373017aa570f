package org.neurosweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Outputs are written where asked, and said; an output that cannot be is refused before any work, naming it. */
class OutputPathTest extends CliCase {
    @TempDir
    Path dir;
    private String file;

    @BeforeEach
    void sweep() {
        file = dir.resolve("m.h5").toString();
        assertEquals(0, run("run", "multiply", "-q", "--out", file), err);
    }

    private List<String> entries() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private void assertUsage(String expected, String... args) {
        assertEquals(2, run(args), String.join(" ", args) + ": " + err);
        assertTrue(err.contains(expected), String.join(" ", args) + " -> " + err);
    }

    @Test
    void plotWritesAPngWhereAskedAndSaysSo() throws Exception {
        Path png = dir.resolve("z.png");
        assertEquals(0, run("plot", file, "--x", "x", "--y", "y", "--z", "z", "--out", png.toString()), err);
        assertEquals("wrote " + png, out.trim());
        assertTrue(Files.size(png) > 1000);
        List<String> before = entries();
        assertUsage("--out " + dir.resolve("p.txt") + ": give a file name ending in .svg or .png",
                "plot", file, "--x", "x", "--z", "z", "--out", dir.resolve("p.txt").toString());
        Files.createDirectories(dir.resolve("pictures"));
        assertUsage("--out " + dir.resolve("pictures") + " is a directory; give a file name ending in .svg or .png",
                "plot", file, "--x", "x", "--z", "z", "--out", dir.resolve("pictures").toString());
        assertUsage("the directory " + dir.resolve("none") + " does not exist",
                "plot", file, "--x", "x", "--z", "z", "--out", dir.resolve("none").resolve("p.png").toString());
        assertUsage("--out is empty", "plot", file, "--x", "x", "--z", "z", "--out", "");
        assertUsage("--x x and --y parameters.x are the same parameter",
                "plot", file, "--x", "x", "--y", "parameters.x", "--z", "z", "--out", png.toString());
        assertEquals(List.of(), Files.list(dir.resolve("pictures")).toList());
        before = new java.util.ArrayList<>(before);
        before.add("pictures");
        java.util.Collections.sort(before);
        assertEquals(before, entries(), "nothing written: no p.txt.png, no pictures.png");
    }

    @Test
    void reportReplacesAnOldReportButNoOtherDirectory() throws Exception {
        Path report = dir.resolve("report");
        assertEquals(0, run("report", file, "--out", report.toString()), err);
        assertTrue(out.contains("open " + report.resolve("index.html")), out);
        assertEquals(0, run("report", file, "--out", report.toString()), "an old report is replaced: " + err);
        Path mine = dir.resolve("mine");
        Files.createDirectories(mine);
        Files.writeString(mine.resolve("thesis.tex"), "keep");
        assertUsage("is not a neurosweep report (it holds thesis.tex)", "report", file, "--out", mine.toString());
        assertEquals("keep", Files.readString(mine.resolve("thesis.tex")));
        assertUsage("--out " + file + " is a file", "report", file, "--out", file);
    }

    @Test
    void runAndTableNameTheBadOutput() throws Exception {
        Path missing = dir.resolve("nonexistent").resolve("dir");
        assertUsage("--out " + missing.resolve("m.h5") + ": the directory " + missing + " does not exist",
                "run", "multiply", "--out", missing.resolve("m.h5").toString());
        assertFalse(err.contains(".lock"), err);
        assertUsage("--out is empty; give a file name", "run", "multiply", "--out", "");
        assertUsage("--out " + dir + " is a directory", "run", "multiply", "--out", dir.toString());
        assertUsage("--csv " + missing.resolve("t.csv") + ": the directory " + missing + " does not exist",
                "table", file, "--csv", missing.resolve("t.csv").toString());
        Path csv = dir.resolve("t.csv");
        assertEquals(0, run("table", file, "--csv", csv.toString()));
        assertEquals(13, Files.readAllLines(csv).size());
    }
}
