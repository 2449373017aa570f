package org.neurosweep.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs an external program; a missing one skips the test locally and fails it under CI (CI=true). The
 * pattern of storage's ExternalTool, which tests in that module only can see.
 */
final class ExternalTool {
    private ExternalTool() {
    }

    /** Skips (locally) or fails (CI) unless {@code check} exits 0. */
    static void require(String what, String... check) {
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
     * Runs a command in {@code cwd} with {@code environment} added to this JVM's; returns its standard output
     * and error together, failing the test (with them) on a non-zero exit or after {@code timeoutSeconds}.
     */
    static String run(List<String> command, Path cwd, Map<String, String> environment, long timeoutSeconds)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true);
        pb.environment().putAll(environment);
        Process p = pb.start();
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
                    + ":\n" + text);
        }
        return text;
    }
}
