package org.neurosweep.cli;

/** The entry point of {@code neurosweep.jar}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Interrupts.enable();
        int status;
        try {
            status = new Cli(System.out, System.err).run(args);
        } catch (Error e) { // out of memory, say: the JVM would exit 1, which means "some run failed"
            System.err.println("neurosweep: internal error: " + e);
            status = Command.ERROR;
        }
        System.out.flush();
        System.exit(status);
    }
}
