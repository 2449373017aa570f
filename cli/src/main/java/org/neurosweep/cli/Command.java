package org.neurosweep.cli;

import java.io.IOException;
import java.io.PrintStream;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** A sub-command of {@code neurosweep}. */
interface Command {
    /** Exit status of a successful command. */
    int OK = 0;
    /** Exit status when some run failed (the others are stored). */
    int FAILURE = 1;
    /** Exit status for bad arguments or an input file that cannot be used. */
    int USAGE = 2;
    /** Exit status for an I/O error (writing an output, reaching a coordinator) or an internal error. */
    int ERROR = 3;
    /** The exit statuses, as every command's help states them. */
    String EXIT_STATUS = "Exit status: 0 done, 1 some run failed, 2 bad arguments or an unusable input file,"
            + " 3 an I/O or internal error.";

    String name();

    /** The exit statuses this command's help states; a command whose statuses mean more says so here. */
    default String exitStatus() {
        return EXIT_STATUS;
    }

    /** The argument synopsis after the command's name, e.g. {@code SAMPLE [options]}. */
    String synopsis();

    /** One line for the command list. */
    String summary();

    /** The command's options ({@code --help} is added by the caller). */
    Options options();

    /**
     * Runs the command.
     *
     * @return the exit status
     * @throws UsageException for bad arguments or an unusable input file (exit status 2)
     * @throws IOException    when an output cannot be written (exit status 3)
     */
    int execute(CommandLine line, PrintStream out, PrintStream err) throws UsageException, IOException;

    /** What {@code --help} prints after the options, given the rest of the command line (e.g. a sweep's parameters). */
    default void printDetails(CommandLine line, PrintStream out) throws UsageException {
    }
}
