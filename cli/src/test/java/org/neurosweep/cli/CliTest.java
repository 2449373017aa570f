package org.neurosweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurosweep.samples.Samples;
import org.neurosweep.storage.Hdf5Sink;
import org.neurosweep.storage.TrajectoryReader;
import org.neurosweep.trajectory.RunScope;
import org.neurosweep.trajectory.RunStatus;
import org.neurosweep.trajectory.Trajectory;

class CliTest extends CliCase {

    @TempDir
    Path dir;

    /** run with --out in the test's directory, so no test writes into the working directory. */
    private int runSweep(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--out");
        all.add(dir.resolve("sweep.h5").toString());
        return run(all.toArray(new String[0]));
    }


    private List<String> rows() {
        return out.lines().skip(1).toList();
    }

    @Test
    void runMultiplyWithTwoGridsPrintsTwelveRows() {
        assertEquals(0, runSweep("run", "multiply", "--grid", "x=1,2,3", "--grid", "y=0:4:1"));
        assertEquals(List.of("run", "x", "y", "z"), List.of(out.lines().findFirst().orElseThrow().trim().split("\\s+")));
        assertEquals(12, rows().size());
        assertEquals(List.of("11", "3", "3", "9"), List.of(rows().get(11).trim().split("\\s+")));
        assertTrue(err.contains("12 completed") && err.contains("sweep.h5"), err);
        try (TrajectoryReader reader = TrajectoryReader.open(dir.resolve("sweep.h5"))) {
            assertEquals(12, reader.completedRuns().cardinality());
            assertEquals(9L, ((long[]) reader.summaryColumn("z"))[11]);
            assertEquals("multiply", reader.trajectory().value("config.neurosweep.sample"));
        }
    }

    @Test
    void storesAHundredThousandRuns() {
        assertEquals(0, runSweep("run", "multiply", "--grid", "x=0:100:1", "--grid", "y=0:1000:1"));
        assertEquals("", out, "more runs than fit a table print none");
        try (TrajectoryReader reader = TrajectoryReader.open(dir.resolve("sweep.h5"))) {
            assertEquals(100_000, reader.completedRuns().cardinality());
            assertEquals(99L * 999, ((long[]) reader.summaryColumn("z"))[99_999]);
        }
    }

    @Test
    void anExistingOutputIsKeptUnlessForced() throws Exception {
        Path file = dir.resolve("sweep.h5");
        Files.writeString(file, "keep me");
        assertEquals(2, runSweep("run", "multiply"));
        assertTrue(err.contains("exists") && err.contains("resume") && err.contains("--force"), err);
        assertEquals("keep me", Files.readString(file));
        assertEquals(0, runSweep("run", "multiply", "--force", "-q"));
        assertEquals(12, rows().size());
    }

    @Test
    void resumeRunsOnlyTheRunsNotCompleted() {
        Path file = dir.resolve("partial.h5");
        Trajectory t = Samples.byName("multiply").newTrajectory(42);
        t.addConfig("neurosweep.sample", "multiply", "");
        t.explore(Samples.byName("multiply").defaultSweep());
        try (Hdf5Sink sink = Hdf5Sink.create(file)) {
            sink.begin(t);
            for (int i = 0; i < 5; i++) {
                RunScope r = t.openRun(i);
                r.addResult("z", -1L); // a value the resumed sweep must not recompute
                sink.accept(r.finish(0, 0, "local", null));
            }
        }
        assertEquals(0, run("resume", file.toString()));
        assertTrue(err.contains("7 completed") && err.contains("5 already done"), err);
        assertEquals(12, rows().size());
        assertEquals(List.of("4", "2", "7", "-1"), List.of(rows().get(4).trim().split("\\s+")));
        assertEquals(List.of("11", "4", "8", "32"), List.of(rows().get(11).trim().split("\\s+")));
        assertEquals(0, run("resume", file.toString(), "-q"));
        try (TrajectoryReader reader = TrajectoryReader.open(file)) {
            assertEquals(12, reader.completedRuns().cardinality());
            assertEquals(RunStatus.COMPLETED, reader.runTable().status(11));
        }
    }

    @Test
    void lsPrintsTheTree() {
        assertEquals(0, runSweep("run", "multiply", "-q"));
        String file = dir.resolve("sweep.h5").toString();
        assertEquals(0, run("ls", file));
        assertTrue(out.startsWith("multiply  seed 42, 12 runs: 12 completed, 0 failed, 0 pending"), out);
        assertTrue(out.contains("x  int  = 1  explored: 4 values [1, 2, 3, 4]"), out);
        assertTrue(out.contains("z  long[12]  = 6..32"), out);
        assertTrue(out.contains("status  int8[12]  = 12 completed"), out);
        assertEquals(0, run("ls", file, "parameters.y"));
        assertEquals("y  int  = 1  explored: 3 values [6, 7, 8]  # the second factor", out.trim());
        assertUsage(new String[] {"ls", file, "nosuch"}, "no 'nosuch'");
        assertUsage(new String[] {"ls"}, "expected FILE.h5");
        assertUsage(new String[] {"ls", dir.resolve("none.h5").toString()}, "does not exist");
    }

    @Test
    void tableFiltersSelectsAndWritesCsv() throws Exception {
        assertEquals(0, runSweep("run", "multiply", "-q"));
        String file = dir.resolve("sweep.h5").toString();
        assertEquals(0, run("table", file, "--where", "x=2"));
        assertEquals(List.of("run", "x", "y", "z"), List.of(out.lines().findFirst().orElseThrow().trim().split("\\s+")));
        assertEquals(3, rows().size());
        assertEquals(List.of("4", "2", "7", "14"), List.of(rows().get(1).trim().split("\\s+")));
        Path csv = dir.resolve("t.csv");
        assertEquals(0, run("table", file, "--results", "z", "--csv", csv.toString()));
        List<String> lines = Files.readAllLines(csv);
        assertEquals("run,x,y,z", lines.get(0));
        assertEquals(13, lines.size());
        assertEquals("11,4,8,32", lines.get(12));
        assertUsage(new String[] {"table", file, "--results", "w"}, "no summary column 'w'");
        assertUsage(new String[] {"table", file, "--where", "x"}, "expected name=value");
    }

    @Test
    void tableWhereTakesParametersAndResultsAndRefusesWhatNoRunHas() {
        assertEquals(0, runSweep("run", "multiply", "-q"));
        String file = dir.resolve("sweep.h5").toString();
        assertEquals(0, run("table", file, "--where", "z=14"));
        assertEquals(1, rows().size(), "a result can be filtered on: " + out);
        assertEquals(List.of("4", "2", "7", "14"), List.of(rows().get(0).trim().split("\\s+")));
        assertEquals(0, run("table", file, "--where", "x=4", "--where", "z=32"));
        assertEquals(List.of("11", "4", "8", "32"), List.of(rows().get(0).trim().split("\\s+")));
        assertUsage(new String[] {"table", file, "--where", "x=abc"}, "where x=abc: 'abc' is not a valid int");
        assertUsage(new String[] {"table", file, "--where", "x=9"}, "where x=9: no run has x = 9; values: 1, 2, 3, 4");
        assertUsage(new String[] {"table", file, "--where", "z=5"}, "no run has z = 5; values: 6, 7, 8, 12, 14, 16, … (11 values)");
        assertUsage(new String[] {"table", file, "--where", "q=1"},
                "where q=1: no explored parameter or result named 'q'; explored: [x, y], results: [z]");
    }

    @Test
    void resumeOfAFileThatIsNotATrajectory() throws Exception {
        Path notes = dir.resolve("notes.h5");
        Files.writeString(notes, "notes");
        assertUsage(new String[] {"resume", notes.toString()}, "not an HDF5 file");
        assertUsage(new String[] {"resume"}, "expected FILE.h5");
    }

    @Test
    void defaultSweepAndQuiet() {
        assertEquals(0, runSweep("run", "multiply", "--quiet"));
        assertEquals(12, rows().size());
        assertEquals("", err);
    }

    @Test
    void setChangesAParameterThatIsNotExplored() {
        assertEquals(0, runSweep("run", "multiply", "--grid", "x=1,2", "--set", "y=10", "-q"));
        assertEquals(List.of("1", "2", "20"), List.of(rows().get(1).trim().split("\\s+")));
    }

    @Test
    void seedIsReported() {
        assertEquals(0, runSweep("run", "multiply", "--seed", "7"));
        assertTrue(err.contains("seed 7"), err);
    }

    @Test
    void helpAndVersion() {
        assertEquals(0, run("--help"));
        assertTrue(out.contains("run") && out.contains("--version"), out);
        assertEquals(0, run("run", "--help"));
        assertTrue(out.contains("--grid") && out.contains("--seed") && out.contains("--set"), out);
        assertEquals(0, run("--help"));
        assertTrue(out.contains("cluster coordinator") && out.contains("cluster worker"), out);
        assertEquals(0, run("cluster", "coordinator", "--help"));
        assertTrue(out.contains("--resume") && out.contains("--run-timeout") && out.contains("--grid"), out);
        assertEquals(0, run("cluster", "worker", "--help"));
        assertTrue(out.contains("--seed") && out.contains("--wait") && out.contains("--workers"), out);
        assertEquals(0, run("--version"));
        assertTrue(out.matches("neurosweep \\d+\\.\\d+\\.\\d+.*\\s*"), out);
    }

    @Test
    void usageErrorsExitTwoAndNameTheArgument() {
        assertUsage(new String[] {}, "usage");
        assertUsage(new String[] {"fly"}, "unknown command 'fly'");
        assertUsage(new String[] {"cluster"}, "expected 'coordinator', 'worker' or 'secret'");
        assertUsage(new String[] {"cluster", "boss"}, "got 'boss'");
        assertUsage(new String[] {"cluster", "coordinator"}, "SAMPLE");
        assertUsage(new String[] {"cluster", "coordinator", "multiply", "--resume", "x.h5"}, "either SAMPLE or --resume");
        assertUsage(new String[] {"cluster", "coordinator", "--resume", "nosuch.h5"}, "'nosuch.h5' does not exist");
        assertUsage(new String[] {"cluster", "coordinator", "multiply", "--port", "70000"}, "--port '70000' is not a TCP port");
        assertUsage(new String[] {"cluster", "coordinator", "multiply", "--run-timeout", "0"}, "--run-timeout must be at least 1");
        assertUsage(new String[] {"cluster", "worker", "--seed", "nohost"}, "--seed 'nohost' must be HOST:PORT");
        assertUsage(new String[] {"cluster", "worker", "--seed", "h:0"}, "the port must be the coordinator's port");
        assertUsage(new String[] {"cluster", "worker", "--workers", "0"}, "--workers '0' must be a whole number of at least 1");
        assertUsage(new String[] {"cluster", "worker", "--wait", "-3"}, "--wait '-3'");
        assertUsage(new String[] {"run"}, "SAMPLE");
        assertUsage(new String[] {"run", "nosuch"}, "unknown sample 'nosuch'");
        assertUsage(new String[] {"run", "multiply", "--grid", "x=1,a"}, "--grid x=1,a");
        assertUsage(new String[] {"run", "multiply", "--grid", "q=1,2"}, "q=1,2");
        assertUsage(new String[] {"run", "multiply", "--grid", "x"}, "expected name=value");
        assertUsage(new String[] {"run", "multiply", "--grid", "x=1:2"}, "start:stop:step");
        assertUsage(new String[] {"run", "multiply", "--grid", "x=5:1:1"}, "empty");
        assertUsage(new String[] {"run", "multiply", "--grid", "x=1,,2"}, "empty value");
        assertUsage(new String[] {"run", "multiply", "--grid", "x=1", "--grid", "x=2"}, "twice");
        assertUsage(new String[] {"run", "multiply", "--set", "x=1.5"}, "--set x=1.5");
        assertUsage(new String[] {"run", "multiply", "--set", "x=2"}, "explored");
        assertUsage(new String[] {"run", "multiply", "--seed", "abc"}, "--seed 'abc'");
        assertUsage(new String[] {"run", "multiply", "--bogus"}, "bogus");
        assertUsage(new String[] {"run", "multiply", "--mode", "cluster"}, "--mode cluster");
        assertUsage(new String[] {"run", "multiply", "--workers", "0"}, "--workers '0'");
        assertUsage(new String[] {"run", "multiply", "--retries", "-1"}, "--retries '-1'");
        assertUsage(new String[] {"run", "multiply", "--grace", "soon"}, "--grace 'soon'");
        assertUsage(new String[] {"run", "multiply", "--worker-heap", "lots"}, "--worker-heap");
    }

    private void assertUsage(String[] args, String expected) {
        List<String> all = new ArrayList<>(List.of(args));
        if (args.length > 1 && args[0].equals("run")) {
            all.add("--out");
            all.add(dir.resolve("usage.h5").toString());
        }
        args = all.toArray(new String[0]);
        assertEquals(2, run(args), String.join(" ", args));
        assertTrue(err.contains(expected), String.join(" ", args) + " -> " + err);
    }
}
