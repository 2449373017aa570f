package org.neurosweep.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.neurosweep.storage.NotATrajectoryFileException;
import org.neurosweep.storage.StorageException;
import org.neurosweep.trajectory.Version;

/** Parses {@code neurosweep [--help | --version | COMMAND ...]} and dispatches to the command. */
public final class Cli {
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, Command> commands = new LinkedHashMap<>();

    public Cli(PrintStream out, PrintStream err) {
        this(out, err, System.getenv());
    }

    /** A command line whose environment ({@code SLURM_ARRAY_TASK_ID}, ...) is {@code env}, not the process's. */
    Cli(PrintStream out, PrintStream err, Map<String, String> env) {
        this.out = out;
        this.err = err;
        add(new RunCommand(env));
        add(new ResumeCommand());
        add(new LsCommand());
        add(new TableCommand());
        add(new FailuresCommand());
        add(new MergeCommand());
        add(ReportCommand.plot());
        add(ReportCommand.raster());
        add(ReportCommand.report());
        add(new SimulateCommand());
        add(new ClusterCoordinatorCommand(env));
        add(new ClusterWorkerCommand());
        add(new ClusterSecretCommand());
        add(new NewCommand());
    }

    /** Every command, in the order the overview lists them. */
    Collection<Command> commands() {
        return commands.values();
    }

    private void add(Command c) {
        commands.put(c.name(), c);
    }

    /**
     * Runs the command line and returns the exit status: 0 done, 1 some run failed, 2 bad arguments or an
     * unusable input file, 3 an I/O or internal error.
     */
    public int run(String... args) {
        if (args.length == 0) {
            printOverview(err);
            return Command.USAGE;
        }
        String first = args[0];
        if (isHelp(first) || first.equals("help")) {
            printOverview(out);
            return Command.OK;
        }
        if (first.equals("--version") || first.equals("-V")) {
            out.println("neurosweep " + version());
            return Command.OK;
        }
        int consumed = 1;
        if (first.equals("cluster")) {
            if (args.length == 2 && isHelp(args[1])) {
                printHelp(commands.get("cluster coordinator"), out);
                out.println();
                printHelp(commands.get("cluster worker"), out);
                out.println();
                printHelp(commands.get("cluster secret"), out);
                return Command.OK;
            }
            if (args.length < 2 || !commands.containsKey("cluster " + args[1])) {
                err.println("neurosweep cluster: expected 'coordinator', 'worker' or 'secret'" + (args.length < 2 ? "" : ", got '" + args[1] + "'"));
                err.println("Run 'neurosweep cluster --help' for usage.");
                return Command.USAGE;
            }
            first = "cluster " + args[1];
            consumed = 2;
        }
        Command command = commands.get(first);
        if (command == null) {
            err.println("neurosweep: unknown command '" + first + "'; commands: " + String.join(", ", commands.keySet()));
            err.println("Run 'neurosweep --help' for usage.");
            return Command.USAGE;
        }
        Options options = withHelp(command);
        try {
            CommandLine line = new DefaultParser().parse(options, Arrays.copyOfRange(args, consumed, args.length));
            if (line.hasOption("help")) {
                printHelp(command, out);
                command.printDetails(line, out);
                return Command.OK;
            }
            return command.execute(line, out, err);
        } catch (ParseException | UsageException e) {
            err.println("neurosweep " + command.name() + ": " + e.getMessage());
            err.println("Run 'neurosweep " + command.name() + " --help' for usage.");
            return Command.USAGE;
        } catch (NotATrajectoryFileException e) { // an unusable input file: the one line says it all, no usage hint
            err.println("neurosweep " + command.name() + ": " + e.getMessage());
            return Command.USAGE;
        } catch (IOException | UncheckedIOException | StorageException e) {
            err.println("neurosweep " + command.name() + ": " + e.getMessage());
            return Command.ERROR;
        } catch (RuntimeException e) {
            err.println("neurosweep " + command.name() + ": " + describe(e));
            return Command.ERROR;
        }
    }

    /** An I/O failure wrapped by a library (a port in use, say) by its message; anything else as the bug it is. */
    private static String describe(RuntimeException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return e.getMessage();
            }
        }
        StackTraceElement[] at = e.getStackTrace();
        return "internal error: " + e + (at.length == 0 ? "" : " (at " + at[0] + ")");
    }

    private static boolean isHelp(String arg) {
        return arg.equals("--help") || arg.equals("-h");
    }

    private static Options withHelp(Command c) {
        Options options = c.options();
        options.addOption(Option.builder("h").longOpt("help").desc("show this help").build());
        return options;
    }

    private void printOverview(PrintStream to) {
        to.println("usage: neurosweep COMMAND [options]   (neurosweep COMMAND --help for a command's options)");
        to.println();
        to.println("Parameter sweeps of spiking-network models.");
        to.println();
        to.println("commands:");
        for (Command c : commands.values()) {
            to.printf("  %-20s %s%n", c.name(), c.summary());
        }
        to.println();
        to.println("  --help               show this help");
        to.println("  --version            show the version");
        to.println();
        to.println(Command.EXIT_STATUS);
        to.flush();
    }

    private static void printHelp(Command c, PrintStream to) {
        PrintWriter w = new PrintWriter(to);
        new HelpFormatter().printHelp(w, 100, "neurosweep " + c.name() + " " + c.synopsis(), c.summary(), withHelp(c),
                2, 2, c.exitStatus(), false);
        w.flush();
    }

    static String version() {
        return Version.NEUROSWEEP;
    }
}
