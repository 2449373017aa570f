package org.neurosweep.storage;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Runs an external program; a missing one skips the test locally and fails it under CI (CI=true). */
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

    /** Runs a command; returns its standard output, failing the test on a non-zero exit. */
    static String run(List<String> command) throws IOException, InterruptedException {
        Path err = Files.createTempFile("tool", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                fail(String.join(" ", command) + " failed:\n" + out + Files.readString(err));
            }
            return out;
        } finally {
            Files.deleteIfExists(err);
        }
    }
}
