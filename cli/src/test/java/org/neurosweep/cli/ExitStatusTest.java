package org.neurosweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exit statuses of the README, stated in every command's help and true of each: 0 done, 1 some run
 * failed, 2 bad arguments or an unusable input file, 3 an I/O or internal error.
 */
class ExitStatusTest extends CliCase {
    @TempDir
    Path dir;

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ");
    }

    @Test
    void everyCommandsHelpStatesThem() {
        Collection<Command> commands = new Cli(System.out, System.err).commands();
        assertTrue(commands.size() >= 12, "every command is checked: " + commands.size());
        for (Command c : commands) {
            List<String> args = new ArrayList<>(List.of(c.name().split(" ")));
            args.add("--help");
            assertEquals(0, run(args.toArray(new String[0])), c.name());
            assertTrue(oneLine(out).contains(oneLine(c.exitStatus())), c.name() + " --help: " + out);
            assertTrue(c.exitStatus().contains("2 bad arguments or an unusable input file")
                    && c.exitStatus().contains("3 an I/O or internal error"), c.name() + ": " + c.exitStatus());
        }
        assertEquals(0, run("--help"));
        assertTrue(oneLine(out).contains(Command.EXIT_STATUS), out);
    }

    @Test
    void clusterHelpShowsEverySubcommand() {
        assertEquals(0, run("cluster", "--help"));
        assertTrue(out.contains("usage: neurosweep cluster coordinator") && out.contains("usage: neurosweep cluster worker")
                && out.contains("usage: neurosweep cluster secret") && out.contains("--run-timeout") && out.contains("--wait")
                && out.contains("--secret <FILE>"), out);
        assertEquals(2, run("cluster"));
        assertTrue(err.contains("'neurosweep cluster --help'"), err);
    }

    @Test
    void doneIsZeroAndARunThatFailedIsOne() {
        Path file = dir.resolve("busy.h5");
        assertEquals(0, run("run", "busy", "--grid", "x=0.5,0.25", "--set", "iterations=10", "-q", "--out", file.toString()), err);
        // busy refuses x outside (0, 1) when the run runs: one of three runs fails, the others are stored
        assertEquals(1, run("run", "busy", "--grid", "x=0.5,2,0.25", "--set", "iterations=10", "--force", "--out", file.toString()));
        assertTrue(err.contains("2 completed, 1 failed"), err);
        assertEquals(0, run("ls", file.toString()), "reading a sweep with a failed run is done, not failed");
    }

    @Test
    void badArgumentsAndUnusableInputAreTwo() throws Exception {
        assertEquals(2, run("table"));
        Path notes = dir.resolve("notes.h5");
        Files.writeString(notes, "notes");
        assertEquals(2, run("table", notes.toString()));
    }

    @Test
    void anOutputThatCannotBeWrittenIsThree() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs Linux's /proc, where no file can be created");
        Path file = dir.resolve("m.h5");
        assertEquals(0, run("run", "multiply", "-q", "--out", file.toString()));
        assertEquals(3, run("table", file.toString(), "--csv", "/proc/self/table.csv"));
        assertTrue(err.startsWith("neurosweep table: cannot write /proc/self/table.csv"), err);
        assertFalse(err.contains("--help"), "not a usage error: " + err);
    }

    @Test
    void aWorkerThatFindsNoCoordinatorIsThree() throws IOException {
        int port = CliJvm.freePort(); // nobody listens there
        assertEquals(3, run("cluster", "worker", "--seed", "127.0.0.1:" + port, "--wait", "1", "--workers", "1"));
        assertTrue(err.contains("no coordinator at 127.0.0.1:" + port), err);
    }
}
