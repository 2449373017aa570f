package org.neurosweep.cli;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The command as a JVM of its own, on this test's class path (neurosweep's, none of a user's). */
final class CliJvm {
    private CliJvm() {
    }

    /** Starts {@code neurosweep ARGS} in {@code cwd}, standard output and error into {@code log}. */
    static Process start(Path cwd, Path log, String... args) throws IOException {
        return start(cwd, log, Map.of(), args);
    }

    /** As {@link #start(Path, Path, String...)}, with {@code environment} added to this JVM's. */
    static Process start(Path cwd, Path log, Map<String, String> environment, String... args) throws IOException {
        ProcessBuilder pb = builder(cwd, log, args);
        pb.environment().remove("NEUROSWEEP_CLUSTER_SECRET"); // a node has a secret only when its test gives it one
        pb.environment().putAll(environment);
        return pb.start();
    }

    /**
     * Skips a test of Ctrl-C when this JVM was started with SIGINT ignored: a shell without job control starts
     * background commands ({@code mvn verify &}) so, and the JVMs they start inherit it, so a SIGINT cannot
     * reach the command under test.
     */
    static void assumeSigintReachesChildren() throws IOException {
        String ignored = java.nio.file.Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(l -> l.startsWith("SigIgn:")).map(l -> l.substring(7).strip()).findFirst().orElse("0");
        boolean sigintIgnored = (Long.parseUnsignedLong(ignored, 16) & (1L << 1)) != 0; // SIGINT is signal 2
        org.junit.jupiter.api.Assumptions.assumeFalse(sigintIgnored, "skipped: this test JVM was started with SIGINT"
                + " ignored (a background job of a shell without job control), so the commands it starts cannot be"
                + " interrupted; run the tests in the foreground");
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
