package org.neurosweep.cli;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command as a JVM of its own, on this test's class path (neurosweep's, none of a user's). */
final class CliJvm {
    private CliJvm() {
    }

    /** Starts {@code neurosweep ARGS} in {@code cwd}, standard output and error into {@code log}. */
    static Process start(Path cwd, Path log, String... args) throws IOException {
        return builder(cwd, log, args).start();
    }

    /** What {@link #start} starts, to change (its environment, say) before starting it. */
    static ProcessBuilder builder(Path cwd, Path log, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
    }

    /** A TCP port nobody listens on right now. */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
