package org.neurosweep.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs an external program for a test. A program that is missing skips the test locally and fails it
 * under CI (environment variable CI=true), whose .ci/run installs every program the tests need.
 */
public final class ExternalTool {
    /** How long {@link #run(List)} lets a program take. */
    private static final long DEFAULT_TIMEOUT_SECONDS = 120;

    private ExternalTool() {
    }

    /**
     * Skips (locally) or fails (CI) the calling test unless {@code check} exits 0 within 60 s.
     *
     * @param what  the program and the package that brings it, for the message
     * @param check a command that succeeds only where the program is usable
     */
    public static void require(String what, String... check) {
        boolean ok;
        try {
            Process p = new ProcessBuilder(check).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            ok = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            ok = false;
        }
        if (!ok) {
            if ("true".equals(System.getenv("CI"))) {
                fail(what + " is missing under CI; .ci/run must install it (" + String.join(" ", check) + " failed)");
            }
            Assumptions.abort(what + " is not installed here; this test runs in CI");
        }
    }

    /**
     * Runs a command in this JVM's directory and returns its standard output; its standard error is kept
     * apart (warnings do not spoil output to be parsed) and shown only if the test fails: on a non-zero
     * exit or after 120 s.
     */
    public static String run(List<String> command) throws IOException, InterruptedException {
        return run(command, null, Map.of(), DEFAULT_TIMEOUT_SECONDS, false);
    }

    /**
     * Runs a command in {@code cwd} with {@code environment} added to this JVM's; returns its standard output
     * and error together, failing the test (with them) on a non-zero exit or after {@code timeoutSeconds}.
     */
    public static String run(List<String> command, Path cwd, Map<String, String> environment, long timeoutSeconds)
            throws IOException, InterruptedException {
        return run(command, cwd, environment, timeoutSeconds, true);
    }

    private static String run(List<String> command, Path cwd, Map<String, String> environment, long timeoutSeconds,
                              boolean mergeErrors) throws IOException, InterruptedException {
        Path err = mergeErrors ? null : Files.createTempFile("tool", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(command);
            if (cwd != null) {
                pb.directory(cwd.toFile());
            }
            pb.environment().putAll(environment);
            if (mergeErrors) {
                pb.redirectErrorStream(true);
            } else {
                pb.redirectError(err.toFile());
            }
            Process p = pb.start();
            // read on a thread of its own: a program that hangs with its output open must still time out
            byte[][] out = new byte[1][];
            Thread reader = new Thread(() -> {
                try {
                    out[0] = p.getInputStream().readAllBytes();
                } catch (IOException e) {
                    out[0] = ("(output unreadable: " + e + ")").getBytes(StandardCharsets.UTF_8);
                }
            });
            reader.start();
            boolean ended = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            if (!ended) {
                p.destroyForcibly();
            }
            reader.join();
            String text = new String(out[0], StandardCharsets.UTF_8);
            if (!ended || p.exitValue() != 0) {
                fail(String.join(" ", command) + (ended ? " exited " + p.exitValue() : " did not end in " + timeoutSeconds + " s")
                        + ":\n" + text + (err == null ? "" : readQuietly(err)));
            }
            return text;
        } finally {
            if (err != null) {
                Files.deleteIfExists(err);
            }
        }
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(standard error unreadable: " + e + ")";
        }
    }
}
