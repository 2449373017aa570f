package org.neurosweep.cli;

/** The entry point of {@code neurosweep.jar}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Interrupts.enable();
        int status = new Cli(System.out, System.err).run(args);
        System.out.flush();
        System.exit(status);
    }
}
