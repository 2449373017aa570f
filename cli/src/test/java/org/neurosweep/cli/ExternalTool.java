package org.neurosweep.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** An external program a test needs: missing, it skips the test locally and fails it under CI (CI=true), as in storage's tests. */
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
}
