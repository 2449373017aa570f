package org.neurosweep.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurosweep.storage.TrajectoryReader;

/**
 * kill -9 of {@code neurosweep run} at the worst moments: while the trajectory is being stored (before
 * FILE.h5 is first published) and right after. Whatever the moment, nothing completed is lost, the stale
 * FILE.h5.live and FILE.h5.lock block nothing, and {@code resume} either continues the sweep or says in one
 * line that it never started (and {@code run} then starts it).
 */
class KilledAtAnyMomentTest extends CliCase {
    /** 40,000 runs of a few microseconds: storing the trajectory takes a noticeable moment. */
    private static final String[] SWEEP = {"busy", "--grid", "x=0.00002:0.80001:0.00002", "--set", "iterations=50", "--quiet"};
    private static final int RUNS = 40_000;

    @TempDir
    Path dir;

    private String[] sweep(Path file, String... more) {
        List<String> args = new ArrayList<>(List.of("run"));
        args.addAll(List.of(SWEEP));
        args.addAll(List.of("--out", file.toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void aSweepKilledWhileItStoresItsTrajectoryLeavesNothingThatBlocks() throws Exception {
        Path file = dir.resolve("early.h5");
        killWhenPresent(file, ".live", sweep(file));
        assertTrue(Files.exists(dir.resolve("early.h5.lock")), "the killed writer left its lock file");
        if (Files.exists(file)) {
            // the kill came after the first publication: the file holds the whole trajectory and resumes
            assertResumesToTheEnd(file);
            return;
        }
        assertEquals(2, run("resume", file.toString()), err);
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.contains(file + " was never published") && err.contains("no run was lost"), err);
        assertEquals(2, run("cluster", "coordinator", "--resume", file.toString()), err);
        assertTrue(err.contains("was never published"), err);
        // the same command starts it again: neither the stale live file nor the lock file is in the way
        assertEquals(0, run(sweep(file)), err);
        assertAllCompleted(file);
        assertFalse(Files.exists(dir.resolve("early.h5.live")), "the live file became FILE.h5");
    }

    @Test
    void aSweepKilledRightAfterItsFirstPublicationResumes() throws Exception {
        Path file = dir.resolve("published.h5");
        killWhenPresent(file, "", sweep(file));
        try (TrajectoryReader reader = TrajectoryReader.open(file)) {
            assertEquals(RUNS, reader.trajectory().runCount(), "the first publication holds the whole exploration");
        }
        assertResumesToTheEnd(file);
    }

    @Test
    void forceKeepsTheOldFileWholeUntilTheNewSweepReplacesIt() throws Exception {
        Path file = dir.resolve("old.h5");
        assertEquals(0, run("run", "multiply", "--quiet", "--out", file.toString()), err);
        byte[] old = Files.readAllBytes(file);
        killWhenPresent(file, ".live", sweep(file, "--force"));
        byte[] after = Files.readAllBytes(file);
        if (after.length == old.length && java.util.Arrays.equals(old, after)) {
            assertEquals(0, run("table", file.toString()), err); // the old sweep, untouched
        } else {
            try (TrajectoryReader reader = TrajectoryReader.open(file)) { // or the new one, published whole
                assertEquals(RUNS, reader.trajectory().runCount());
            }
        }
        // a writer holding the file: --force changes nothing and says who holds it
        Path held = dir.resolve("held.h5");
        assertEquals(0, run("run", "multiply", "--quiet", "--out", held.toString()), err);
        byte[] before = Files.readAllBytes(held);
        Process writer = CliJvm.start(dir, dir.resolve("writer.log"), "run", "busy", "--grid", "x=0.1:0.9:0.1",
                "--set", "iterations=2000000000", "--out", held.toString(), "--force", "--quiet");
        try {
            waitUntil(() -> !java.util.Arrays.equals(before, readOrEmpty(held)), writer, "the new sweep's first publication");
            byte[] published = Files.readAllBytes(held);
            assertEquals(2, run("run", "multiply", "--quiet", "--out", held.toString(), "--force"), err);
            assertTrue(err.contains("open for writing by another process"), err);
            assertArrayEquals(published, Files.readAllBytes(held), "a refused --force changes nothing");
        } finally {
            writer.destroyForcibly().waitFor(60, TimeUnit.SECONDS);
        }
    }

    private void assertResumesToTheEnd(Path file) throws Exception {
        assertEquals(0, run("resume", file.toString(), "--quiet"), err);
        assertAllCompleted(file);
    }

    private static void assertAllCompleted(Path file) {
        try (TrajectoryReader reader = TrajectoryReader.open(file)) {
            assertEquals(RUNS, reader.completedRuns().cardinality(), "every run completed");
        }
    }

    /** Starts {@code neurosweep ARGS} and kills it with SIGKILL the moment FILE.h5{suffix} appears. */
    private void killWhenPresent(Path file, String suffix, String[] args) throws Exception {
        Path watched = file.resolveSibling(file.getFileName() + suffix);
        Process p = CliJvm.start(dir, dir.resolve(file.getFileName() + ".log"), args);
        try {
            waitUntil(() -> Files.exists(watched) && (!suffix.isEmpty() || Files.size(watched) > 0), p, watched.toString());
        } finally {
            p.destroyForcibly();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the killed JVM ended");
        }
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static byte[] readOrEmpty(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            return new byte[0];
        }
    }

    /** Polls (every millisecond: the moments sought are short) until the condition holds, for up to 3 minutes. */
    private static void waitUntil(Condition c, Process p, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!c.holds()) {
            assertTrue(p.isAlive(), "the sweep ended before " + what + " appeared");
            assertTrue(System.nanoTime() < deadline, what + " did not appear within 3 minutes");
            Thread.sleep(1);
        }
    }
}
