package org.neurosweep.cli;

import java.io.PrintStream;
import org.neurosweep.runners.Environment;

/**
 * Ctrl-C (SIGINT) during a sweep: the first stops handing out runs and lets in-flight runs finish within
 * the grace period; the second abandons them. Installed only by {@link Main}, so that tests running the
 * CLI inside a test JVM leave its signals alone.
 */
final class Interrupts {
    private static volatile boolean enabled;
    private static volatile Environment current;
    private static volatile PrintStream messages = System.err;
    private static int count;

    private Interrupts() {
    }

    /** Called once by {@link Main}: from now on SIGINT goes to the running sweep. */
    static void enable() {
        enabled = true;
        sun.misc.Signal.handle(new sun.misc.Signal("INT"), signal -> interrupt());
    }

    private static synchronized void interrupt() {
        Environment env = current;
        if (env == null) {
            System.exit(130);
        }
        count++;
        if (count == 1) {
            messages.println("\nneurosweep: stopping: no new runs; in-flight runs finish and are stored (Ctrl-C again to abandon them)");
            env.stop();
        } else {
            messages.println("\nneurosweep: abandoning in-flight runs");
            env.abort();
        }
    }

    /** The sweep that Ctrl-C stops, while it runs. */
    static void watch(Environment env, PrintStream err) {
        if (enabled) {
            messages = err;
            current = env;
        }
    }

    static void unwatch() {
        current = null;
    }
}
