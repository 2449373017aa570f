package org.neurosweep.cli;

import java.io.PrintStream;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** A sub-command of {@code neurosweep}. */
interface Command {
    /** Exit status of a successful command. */
    int OK = 0;
    /** Exit status when the work failed (e.g. runs failed). */
    int FAILURE = 1;
    /** Exit status for bad arguments. */
    int USAGE = 2;

    String name();

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
     * @throws UsageException for bad arguments
     */
    int execute(CommandLine line, PrintStream out, PrintStream err) throws UsageException;

    /** What {@code --help} prints after the options, given the rest of the command line (e.g. a sweep's parameters). */
    default void printDetails(CommandLine line, PrintStream out) throws UsageException {
    }
}
