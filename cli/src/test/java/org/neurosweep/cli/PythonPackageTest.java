package org.neurosweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurosweep.storage.TrajectoryReader;
import org.neurosweep.testkit.ExternalTool;

/**
 * The Python package {@code python/neurosweep} reads what the Java code writes, with Debian's python3,
 * pandas and h5py: its tests ({@code python/tests}) pass on a multiply sweep, on a sweep of every value type
 * with failing runs ({@link #MIXED}) and on a {@code busy} sweep still being written (which the reads
 * do not disturb), and the values Python reads are the stored ones.
 */
class PythonPackageTest {
    private static final String PYTHON = "/usr/bin/python3";

    /**
     * Every value type as summary column, per-run value and derived parameter; a tau_m that is not unique in
     * the tree; a result only some runs add; runs with I_e = 400 fail. python/tests/test_mixed.py repeats
     * these facts.
     */
    static final String MIXED = """
            import org.neurosweep.explore.Sweep;
            import org.neurosweep.explore.SweepDefinition;
            import org.neurosweep.trajectory.RunFunction;
            import org.neurosweep.trajectory.Trajectory;

            public class MixedSweep implements SweepDefinition {
                public Trajectory newTrajectory(long seed) {
                    Trajectory t = new Trajectory("mixed", seed);
                    t.addParameter("neuron.tau_m", 10.0, "membrane time constant").unit("ms");
                    t.addParameter("synapse.tau_m", 2.0, "a second tau_m: the first is not unique").unit("ms");
                    t.addParameter("I_e", 100, "constant input current").unit("pA");
                    t.addParameter("plastic", false, "whether synapses learn");
                    t.addParameter("model", "iaf_psc_delta", "the neuron model");
                    t.addParameter("weights", new double[] {0.5, 1.5}, "synaptic weights").unit("mV");
                    return t;
                }

                public Sweep defaultSweep() {
                    return Sweep.product(Sweep.values("neuron.tau_m", 5.0, 20.0), Sweep.values("I_e", 100, 200, 300, 400),
                            Sweep.values("plastic", false, true));
                }

                public RunFunction runFunction() {
                    return run -> {
                        double tau = run.getDouble("neuron.tau_m");
                        int current = run.getInt("I_e");
                        if (current == 400) {
                            throw new IllegalStateException("I_e = 400 pA is refused\\nsecond line");
                        }
                        run.addResult("rate", tau * current / 100.0, "Hz", "firing rate");
                        run.addResult("spikes", current / 10, "spike count");
                        run.addResult("total", (long) current << 33, "a long");
                        run.addResult("fired", current > 150, "whether it fired");
                        run.addResult("label", "run " + run.index() + " é", "a string");
                        if (run.getBoolean("plastic")) {
                            run.addResult("weight_change", 0.5, "only plastic runs add it");
                        }
                        run.addResult("runs.$set.$.spikes.times", new double[] {tau, 2 * tau, 3 * tau}, "ms", "spike times");
                        run.addResult("runs.$set.$.spikes.senders", new int[] {1, 2, current}, "senders");
                        run.addResult("runs.$set.$.note", "note " + run.index(), "a per-run string");
                        run.addResult("runs.$set.$.learned", run.getBoolean("plastic"), "a per-run boolean");
                        run.addDerivedParameter("v_inf", tau * current / 250.0, "the free membrane potential (mV)");
                        run.addDerivedParameter("rate", -1.0, "clashes with the result rate");
                        run.addDerivedParameter("runs.$set.$.trace", new double[] {current, tau}, "a per-run derived array");
                    };
                }
            }
            """;

    /** Runs the README's example (section "From Python") where multiply.h5 is, then prints what it reads. */
    private static final String PROBE = """
            import re, sys
            sys.path.insert(0, sys.argv[1])
            import neurosweep
            readme = open(sys.argv[2], encoding="utf-8").read().split("## From Python", 1)[1]
            exec(re.search(r"```python\\n(.*?)```", readme, re.S).group(1), {})
            print("--- read:")
            m = neurosweep.load("multiply.h5")
            print("multiply", len(m), bool((m.z == m.x.astype("int64") * m.y).all()), list(m.z))
            print("run 3", neurosweep.run("multiply.h5", 3))
            df = neurosweep.load("mixed.h5")
            print("status", ",".join(df.status.astype(str)))
            print("units", sorted(df.attrs["units"].items()))
            print("fixed", df.attrs["fixed"])
            print("seed", df.attrs["seed"])
            print("rate", list(df.rate.fillna(-99)))
            r = neurosweep.run("mixed.h5", 13)
            print("run 13", r["spikes.times"].tolist(), r["spikes.senders"].tolist(), r["note"], r["label"])
            f = neurosweep.failures("mixed.h5")
            print("failures", list(f.index), sorted(set(f.error.str.split("\\n").str[0])))
            """;

    /** The runs of the busy sweep, read while it runs: about 8 s at ~80 ms each (40 million iterations). */
    private static final int BUSY_RUNS = 100;

    @TempDir
    static Path files;
    private static Path multiply;
    private static Path mixed;

    @TempDir
    Path dir;
    private Process busy;

    @BeforeAll
    static void writeSweeps() throws Exception {
        multiply = files.resolve("multiply.h5");
        CliRun m = CliRun.of("run", "multiply", "--out", multiply.toString(), "--quiet");
        assertEquals(0, m.status(), m.err());
        mixed = files.resolve("mixed.h5");
        Path source = Files.writeString(files.resolve("MixedSweep.java"), MIXED);
        CliRun x = CliRun.of("run", source.toString(), "--seed", "7", "--out", mixed.toString(), "--quiet");
        assertEquals(1, x.status(), "runs with I_e = 400 fail: " + x.err());
        // shards, their merge, and two sweeps appended (python/tests/test_merged.py)
        String[] grid = {"--grid", "x=0:100:1", "--grid", "y=0:100:1", "--quiet"};
        run(with(grid, "run", "multiply", "--out", files.resolve("big.h5").toString()));
        for (int k = 1; k <= 2; k++) {
            run(with(grid, "run", "multiply", "--shard", k + "/2", "--out", files.resolve("big-" + k + ".h5").toString()));
        }
        run("merge", files.resolve("merged.h5").toString(), files.resolve("big-2.h5").toString(), files.resolve("big-1.h5").toString());
        run("run", "multiply", "--seed", "43", "--grid", "x=5,6", "--out", files.resolve("other.h5").toString(), "--quiet");
        run("merge", files.resolve("appended.h5").toString(), multiply.toString(), files.resolve("other.h5").toString());
    }

    private static void run(String... args) {
        CliRun r = CliRun.of(args);
        assertEquals(0, r.status(), String.join(" ", args) + ": " + r.err());
    }

    private static String[] with(String[] tail, String... head) {
        List<String> all = new java.util.ArrayList<>(List.of(head));
        all.addAll(List.of(tail));
        return all.toArray(new String[0]);
    }

    @BeforeEach
    void requirePython() {
        ExternalTool.require("python3-pandas and python3-h5py (Debian)", PYTHON, "-c", "import pandas, h5py");
    }

    @AfterEach
    void stopBusy() {
        if (busy != null) {
            busy.destroyForcibly();
        }
    }

    @Test
    void thePythonTestsPassOnTheseFilesOneStillBeingWritten() throws Exception {
        Path live = dir.resolve("busy.h5");
        busy = CliJvm.start(dir, dir.resolve("busy.log"), "run", "busy", "--set", "iterations=40000000", "--out",
                live.toString(), "--quiet");
        long seen = InterruptTest.waitForRuns(live, busy, 5);

        Map<String, String> env = new java.util.HashMap<>(Map.of("NEUROSWEEP_TEST_MULTIPLY", multiply.toString(),
                "NEUROSWEEP_TEST_MIXED", mixed.toString(), "NEUROSWEEP_TEST_LIVE", live.toString(),
                "NEUROSWEEP_TEST_LIVE_SEEN", String.valueOf(seen)));
        for (String f : List.of("big", "merged", "other", "appended")) {
            env.put("NEUROSWEEP_TEST_" + f.toUpperCase(java.util.Locale.ROOT), files.resolve(f + ".h5").toString());
        }
        env.put("NEUROSWEEP_TEST_SHARD", files.resolve("big-1.h5").toString());
        String out = python(env,
                "-m", "unittest", "discover", "-s", RepositoryRoot.path().resolve("python/tests").toString(), "-v");
        assertTrue(out.matches("(?s).*\nOK\n?$"), "every Python test passed, none skipped:\n" + out);
        Matcher read = Pattern.compile("live: (\\d+) runs, (\\d+) completed, (\\d+) pending").matcher(out);
        assertTrue(read.find(), out);
        assertEquals(BUSY_RUNS, Integer.parseInt(read.group(1)));
        assertTrue(Long.parseLong(read.group(2)) >= seen, "at least the runs seen before: " + read.group());
        assertTrue(Integer.parseInt(read.group(3)) > 0, "read while the sweep ran: " + read.group());

        // the reads disturbed nothing: the sweep ends normally with every run stored
        assertTrue(busy.waitFor(180, TimeUnit.SECONDS), "the busy sweep ends");
        assertEquals(0, busy.exitValue(), Files.readString(dir.resolve("busy.log")));
        assertFalse(Files.exists(dir.resolve("busy.h5.live")));
        try (TrajectoryReader reader = TrajectoryReader.open(live)) {
            assertEquals(BUSY_RUNS, reader.completedRuns().cardinality());
        }
    }

    @Test
    void pythonReadsWhatTheJavaCodeStored() throws Exception {
        String out = python(Map.of(), "-c", PROBE, RepositoryRoot.path().resolve("python").toString(),
                RepositoryRoot.path().resolve("README.md").toString());
        assertTrue(out.contains("--- read:\n"), "the README's example ran:\n" + out);
        List<String> lines = out.substring(out.indexOf("--- read:\n") + 10).lines().toList();
        assertEquals(List.of(
                "multiply 12 True [6, 7, 8, 12, 14, 16, 18, 21, 24, 24, 28, 32]",
                "run 3 {'run': 3, 'x': 2, 'y': 6, 'status': 'completed', 'z': 12}",
                "status completed,completed,completed,completed,completed,completed,failed,failed,"
                        + "completed,completed,completed,completed,completed,completed,failed,failed",
                "units [('I_e', 'pA'), ('neuron.tau_m', 'ms'), ('rate', 'Hz')]",
                "fixed {'synapse.tau_m': 2.0, 'model': 'iaf_psc_delta', 'weights': [0.5, 1.5]}",
                "seed 7",
                "rate [5.0, 5.0, 10.0, 10.0, 15.0, 15.0, -99.0, -99.0, 20.0, 20.0, 40.0, 40.0, 60.0, 60.0, -99.0, -99.0]",
                "run 13 [20.0, 40.0, 60.0] [1, 2, 300] note 13 run 13 é",
                "failures [6, 7, 14, 15] ['java.lang.IllegalStateException: I_e = 400 pA is refused']"), lines);
    }

    /** Debian's python3 in the directory of the sweep files, without writing bytecode into the clone. */
    private static String python(Map<String, String> environment, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(PYTHON));
        command.addAll(List.of(args));
        Map<String, String> env = new java.util.HashMap<>(environment);
        env.put("PYTHONDONTWRITEBYTECODE", "1");
        env.put("PYTHONIOENCODING", "utf-8");
        return ExternalTool.run(command, files, env, 300);
    }
}
