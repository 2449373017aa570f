package org.neurosweep.cli;

/** A test that runs the CLI in its own JVM and looks at what the last command printed. */
abstract class CliCase {
    /** Standard output and error of the last {@link #run}. */
    protected String out;
    protected String err;

    /** Runs a command line and returns its exit status. */
    protected int run(String... args) {
        CliRun r = CliRun.of(args);
        out = r.out();
        err = r.err();
        return r.status();
    }
}
