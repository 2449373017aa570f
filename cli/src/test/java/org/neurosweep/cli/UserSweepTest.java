package org.neurosweep.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurosweep.storage.TrajectoryReader;

/**
 * A user's own sweep, as a single source file and as a jar, run by the command in every mode (LOCAL,
 * POOL, PROCESSES with real worker JVMs, CLUSTER with a coordinator and two worker JVMs started in empty
 * directories, which receive the user's classes): each stores what LOCAL stores; killed with kill -9 and
 * resumed; refused on resume when its code changed.
 */
class UserSweepTest {
    /**
     * A sweep whose run function uses a second class of the file (so that more than the sweep's own class
     * must reach the workers) and can be slowed down (sleep_ms) for the kill test.
     */
    static final String SOURCE = """
            package com.example;

            import org.neurosweep.explore.Sweep;
            import org.neurosweep.explore.SweepDefinition;
            import org.neurosweep.trajectory.RunFunction;
            import org.neurosweep.trajectory.Trajectory;

            public class LifSweep implements SweepDefinition {
                public Trajectory newTrajectory(long seed) {
                    Trajectory t = new Trajectory("lif", seed);
                    t.addParameter("tau_m", 10.0, "membrane time constant").unit("ms").allowed(0.1, 1000.0);
                    t.addParameter("I_e", 500.0, "constant input current").unit("pA").allowed(0.0, 1.0e6);
                    t.addParameter("sleep_ms", 0, "how long each run waits").unit("ms").allowed(0, 60000);
                    return t;
                }

                public String description() {
                    return "rate of a leaky integrate-and-fire neuron under a constant current";
                }

                public Sweep defaultSweep() {
                    return Sweep.product(Sweep.values("tau_m", 5.0, 10.0, 20.0), Sweep.arange("I_e", 300.0, 1100.0, 100.0));
                }

                public RunFunction runFunction() {
                    return run -> {
                        Thread.sleep(run.getInt("sleep_ms"));
                        run.addResult("rate", Lif.rate(run.getDouble("tau_m"), run.getDouble("I_e")), "firing rate (Hz)");
                        run.addResult("noise", run.random().nextDouble(), "a number from the run's seed");
                    };
                }
            }

            class Lif {
                /** The rate of iaf_psc_delta's defaults (C_m 250 pF, V_th 15 mV above E_L, t_ref 2 ms) under I_e. */
                static double rate(double tauM, double current) {
                    double v = tauM / 250.0 * current;
                    return v <= 15.0 ? 0.0 : 1000.0 / (2.0 + tauM * Math.log(v / (v - 15.0)));
                }
            }
            """;
    private static final int RUNS = 24;

    @TempDir
    Path dir;

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        processes.forEach(Process::destroyForcibly);
    }

    private Path source() throws IOException {
        Path src = dir.resolve("src/LifSweep.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, SOURCE);
        return src;
    }

    /** The sweep compiled and packed as a jar, as a user's build would make it. */
    private Path jar() throws IOException {
        Path classes = dir.resolve("classes");
        JavaSources.compile(List.of(source()), classes);
        Path jar = dir.resolve("lif.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out);
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                j.putNextEntry(new ZipEntry(classes.relativize(f).toString()));
                j.write(Files.readAllBytes(f));
                j.closeEntry();
            }
        }
        return jar;
    }

    private static double[][] columns(Path file) {
        try (TrajectoryReader reader = TrajectoryReader.open(file)) {
            assertEquals(RUNS, reader.runCount());
            assertEquals(RUNS, reader.completedRuns().cardinality(), "every run is stored as completed");
            return new double[][] {(double[]) reader.summaryColumn("rate"), (double[]) reader.summaryColumn("noise")};
        }
    }

    private static void assertSame(double[][] expected, Path file, String what) {
        double[][] actual = columns(file);
        assertArrayEquals(expected[0], actual[0], what + ": rate as LOCAL");
        assertArrayEquals(expected[1], actual[1], what + ": noise as LOCAL");
    }

    private double[][] local(String... sweep) {
        Path file = dir.resolve("local-" + processes.size() + "-" + System.nanoTime() + ".h5");
        List<String> args = new ArrayList<>(List.of("run"));
        args.addAll(List.of(sweep));
        args.addAll(List.of("--out", file.toString(), "--quiet"));
        CliRun r = CliRun.of(args.toArray(new String[0]));
        assertEquals(0, r.status(), r.err());
        double[][] c = columns(file);
        assertEquals(1000.0 / (2.0 + 10.0 * Math.log(16.0 / (16.0 - 15.0))), c[0][RUNS / 3 + 1], 1e-12,
                "tau_m = 10 ms, I_e = 400 pA: the analytic rate");
        return c;
    }

    @Test
    void aSourceFileSweepRunsInEveryLocalModeAsLocal() throws Exception {
        String src = source().toString();
        double[][] expected = local(src);
        for (String mode : new String[] {"pool", "processes"}) {
            Path file = dir.resolve(mode + ".h5");
            CliRun r = CliRun.of("run", src, "--mode", mode, "--workers", "2", "--out", file.toString(), "--quiet");
            assertEquals(0, r.status(), mode + ": " + r.err());
            assertTrue(r.out().startsWith("run  tau_m  I_e"), r.out());
            assertSame(expected, file, mode);
        }
    }

    @Test
    void aJarSweepRunsInProcessesModeAsLocal() throws Exception {
        String cp = jar().toString();
        double[][] expected = local("--classpath", cp, "com.example.LifSweep");
        Path file = dir.resolve("jar-processes.h5");
        CliRun r = CliRun.of("run", "--classpath", cp, "com.example.LifSweep", "--mode", "processes", "--workers", "2",
                "--freeze-input", "--out", file.toString(), "--quiet");
        assertEquals(0, r.status(), r.err());
        assertSame(expected, file, "jar, processes");
        assertSame(local(source().toString()), file, "the jar stores what the source file stores");
    }

    @Test
    void helpListsTheParametersAndBadValuesAreRefusedBeforeAnyRun() throws Exception {
        String src = source().toString();
        CliRun help = CliRun.of("run", src, "--help");
        assertEquals(0, help.status(), help.err());
        assertTrue(help.out().matches("(?s).*tau_m\\s+double\\s+10\\.0\\s+ms\\s+0\\.1 to 1000\\s+membrane time constant.*"), help.out());
        assertTrue(help.out().contains("default sweep: 24 runs: tau_m = 5.0, 10.0, 20.0; I_e = 300.0, 400.0"), help.out());
        assertTrue(help.out().contains("rate of a leaky integrate-and-fire neuron"), help.out());

        CliRun brunel = CliRun.of("run", "brunel", "--help");
        assertTrue(brunel.out().matches("(?s).*sim\\.t_sim\\s+double\\s+600\\.0\\s+ms\\s+1 to 10000000\\s+simulated time.*"),
                brunel.out());

        Path file = dir.resolve("refused.h5");
        CliRun bad = CliRun.of("run", src, "--set", "tau_m=-5", "--out", file.toString());
        assertEquals(2, bad.status(), bad.err());
        assertTrue(bad.err().contains("tau_m = -5.0 is not allowed; allowed: 0.1 to 1000 (ms)"), bad.err());
        CliRun badGrid = CliRun.of("run", src, "--grid", "I_e=100,-1", "--out", file.toString());
        assertEquals(2, badGrid.status(), badGrid.err());
        assertTrue(badGrid.err().contains("I_e = -1.0 is not allowed"), badGrid.err());
        CliRun unknown = CliRun.of("run", src, "--set", "xyzzy=1", "--out", file.toString());
        assertEquals(2, unknown.status(), unknown.err());
        assertTrue(unknown.err().contains("the parameters are: parameters.tau_m, parameters.I_e, parameters.sleep_ms"),
                unknown.err());
        assertFalse(Files.exists(file), "nothing is written for a refused sweep");

        CliRun broken = CliRun.of("run", Files.writeString(dir.resolve("Broken.java"), "class Broken { int x = ; }").toString());
        assertEquals(2, broken.status());
        assertTrue(broken.err().contains("Broken.java does not compile") && broken.err().contains("line 1"), broken.err());
        CliRun notASweep = CliRun.of("run", Files.writeString(dir.resolve("Plain.java"), "class Plain { }").toString());
        assertEquals(2, notASweep.status());
        assertTrue(notASweep.err().contains("declares no class implementing org.neurosweep.explore.SweepDefinition"),
                notASweep.err());
    }

    @Test
    void aKilledUserSweepResumesAndChangedCodeIsRefused() throws Exception {
        Path src = source();
        double[][] expected = local(src.toString());
        Path file = dir.resolve("killed.h5");
        Process p = cli(dir, "run", src.toString(), "--mode", "processes", "--workers", "2", "--set", "sleep_ms=150",
                "--out", file.toString(), "--quiet");
        long stored = InterruptTest.waitForRuns(file, p, 4);
        new ProcessBuilder("kill", "-9", String.valueOf(p.pid())).start().waitFor();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertTrue(stored < RUNS, stored + " runs stored when killed");

        Files.writeString(src, SOURCE.replace("2.0 + tauM", "2.5 + tauM"));
        CliRun changed = CliRun.of("resume", file.toString(), "--quiet");
        assertEquals(2, changed.status(), changed.err());
        assertTrue(changed.err().contains("the code of com.example.LifSweep changed since") && changed.err()
                .contains("--allow-changed-code"), changed.err());

        Files.writeString(src, SOURCE);
        CliRun resumed = CliRun.of("resume", file.toString(), "--mode", "processes", "--workers", "2");
        assertEquals(0, resumed.status(), resumed.err());
        assertTrue(resumed.err().matches("(?s).*" + RUNS + " runs: \\d+ completed, 0 failed, \\d+ already done.*"), resumed.err());
        // the run function slept 150 ms then; the stored values do not depend on it
        assertSame(expected, file, "killed and resumed");
    }

    @Test
    void clusterWorkersStartedInEmptyDirectoriesReceiveTheUsersClasses() throws Exception {
        String cp = jar().toString();
        double[][] expected = local("--classpath", cp, "com.example.LifSweep");
        int port = CliJvm.freePort();
        Path file = dir.resolve("cluster.h5");
        Process coordinator = cli(dir, "cluster", "coordinator", "--classpath", cp, "com.example.LifSweep", "--port",
                String.valueOf(port), "--out", file.toString());
        List<Process> workers = new ArrayList<>();
        for (int w = 1; w <= 2; w++) {
            Path empty = Files.createDirectories(dir.resolve("empty-" + w));
            workers.add(cli(empty, "cluster", "worker", "--seed", "127.0.0.1:" + port, "--workers", "1", "--wait", "90"));
        }
        assertExits(0, coordinator, "the coordinator");
        for (Process w : workers) {
            assertExits(0, w, "a worker");
        }
        String log = Files.readString(dir.resolve("cli-" + coordinator.pid() + ".log"));
        assertTrue(log.contains(RUNS + " runs: " + RUNS + " completed, 0 failed"), log);
        // on a busy machine one worker may do every run before the other joins: a worker that joined got the code
        int received = 0;
        for (int w = 1; w <= 2; w++) {
            received += Files.readString(dir.resolve("empty-" + w).resolve("cli-" + workers.get(w - 1).pid() + ".log"))
                    .contains("received the sweep's code") ? 1 : 0;
        }
        assertTrue(received >= 1, "a worker started in an empty directory received the classes");
        assertSame(expected, file, "cluster");
    }

    /** The command as a JVM of its own in {@code cwd}, on neurosweep's class path only; output in cwd/cli-PID.log. */
    private Process cli(Path cwd, String... args) throws IOException {
        Path log = Files.createTempFile(cwd, "cli-", ".log");
        Process p = CliJvm.start(cwd, log, args);
        Files.move(log, cwd.resolve("cli-" + p.pid() + ".log"));
        processes.add(p);
        return p;
    }

    private void assertExits(int status, Process p, String what) throws Exception {
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), what + " ends");
        assertEquals(status, p.exitValue(), what);
    }
}
