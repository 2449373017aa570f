package org.neurosweep.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.neurosweep.postprocess.Report;
import org.neurosweep.postprocess.RunTable;
import org.neurosweep.runners.Environment;
import org.neurosweep.runners.Mode;
import org.neurosweep.runners.Progress;
import org.neurosweep.runners.SweepSummary;
import org.neurosweep.explore.SweepDefinition;
import org.neurosweep.storage.Hdf5Sink;
import org.neurosweep.storage.Shard;
import org.neurosweep.storage.TrajectoryReader;
import org.neurosweep.trajectory.Trajectory;

/** Runs a sample's sweep into an HDF5 sink and reports: what {@code run} and {@code resume} share. */
final class SweepExecution {
    /** Sweeps up to this many runs print their whole table. */
    static final int TABLE_ROWS = 100;
    /** The config leaf naming the sample, so that {@code resume} knows which run function to use. */
    static final String SAMPLE_CONFIG = "neurosweep.sample";
    /** Exit status of a sweep stopped by Ctrl-C, as a shell reports SIGINT. */
    static final int STOPPED = 130;

    private SweepExecution() {
    }

    /**
     * A sweep ready to run: where its definition (the run function) came from, its trajectory, the open file,
     * and the shard of the sweep it runs (null: all of it).
     */
    record Prepared(SweepSource source, Trajectory trajectory, Hdf5Sink sink, Shard shard) {
        SweepDefinition sample() {
            return source.definition();
        }
    }

    /** How a command sets the execution options of its mode on the builder. */
    interface ModeOptions {
        void apply(Environment.Builder b, CommandLine line) throws UsageException;
    }

    /** The options of how runs are executed on this machine (run and resume). */
    static void addOptions(Options o) {
        o.addOption(Option.builder().longOpt("mode").hasArg().argName("MODE")
                .desc("local (default: in order, in this process), pool (worker threads) or processes (worker JVMs)").build());
        o.addOption(Option.builder().longOpt("workers").hasArg().argName("N")
                .desc("worker threads or processes (default: the number of cores, "
                        + Runtime.getRuntime().availableProcessors() + " here)").build());
        o.addOption(Option.builder().longOpt("freeze-input")
                .desc("processes: send the trajectory and run function once per worker, not with every run").build());
        o.addOption(Option.builder().longOpt("worker-heap").hasArg().argName("SIZE")
                .desc("processes: each worker JVM's maximum heap, as for -Xmx (default 512m)").build());
        o.addOption(Option.builder().longOpt("retries").hasArg().argName("N")
                .desc("processes: how often a run whose worker died is retried before it is stored as failed (default 2)").build());
        addCommonOptions(o);
    }

    /** The options every sweep command has: --grace and --quiet. */
    static void addCommonOptions(Options o) {
        o.addOption(Option.builder().longOpt("grace").hasArg().argName("SECONDS")
                .desc("after Ctrl-C, how long running runs may take to finish (default 30)").build());
        o.addOption(Option.builder("q").longOpt("quiet").desc("no progress and no summary on standard error").build());
    }

    /** LOCAL, POOL or PROCESSES, as --mode, --workers, --freeze-input and --worker-heap say. */
    static void localModeOptions(Environment.Builder b, CommandLine line) throws UsageException {
        b.mode(mode(line)).freezeInput(line.hasOption("freeze-input"));
        if (line.hasOption("workers")) {
            b.workers(workers(line.getOptionValue("workers")));
        }
        if (line.hasOption("worker-heap")) {
            try {
                b.workerHeap(line.getOptionValue("worker-heap").trim());
            } catch (IllegalArgumentException e) {
                throw new UsageException("--worker-heap: " + e.getMessage());
            }
        }
    }

    /** Refuses an unusable NEUROSWEEP_TIMEOUT_SCALE before any file is opened or node started. */
    static void requireTimeoutScale() throws UsageException {
        try {
            org.neurosweep.runners.Timeouts.scale();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    static int execute(Prepared p, CommandLine line, PrintStream out, PrintStream err, ModeOptions how) throws UsageException {
        SweepDefinition sample = p.sample();
        Trajectory trajectory = p.trajectory();
        Hdf5Sink sink = p.sink();
        boolean quiet = line.hasOption("quiet");
        Environment env;
        try {
            Environment.Builder b = Environment.builder(trajectory).sink(sink)
                    .progress(quiet ? Progress.NONE : new ConsoleProgress(sample.name(), err, System.console() != null));
            how.apply(b, line);
            if (p.shard() != null) {
                b.runRange(p.shard().first(), p.shard().last());
            }
            b.register(sample.registeredClasses().toArray(new Class<?>[0]));
            if (p.source().code() != null) {
                b.userCode(p.source().code());
            }
            if (line.hasOption("retries")) {
                b.maxRetries(nonNegative(line.getOptionValue("retries"), "--retries"));
            }
            if (line.hasOption("grace")) {
                b.gracePeriod(java.time.Duration.ofSeconds(nonNegative(line.getOptionValue("grace"), "--grace")));
            }
            env = b.build();
        } catch (UsageException e) {
            sink.close();
            throw e;
        }
        SweepSummary summary;
        Interrupts.watch(env, err);
        Thread self = Thread.currentThread();
        ClassLoader before = self.getContextClassLoader();
        self.setContextClassLoader(p.source().loader()); // pool threads made now inherit it: the user's classes
        try (sink) {
            summary = env.run(sample.runFunction());
        } finally {
            self.setContextClassLoader(before);
            Interrupts.unwatch();
        }
        Path file = sink.path();
        try (TrajectoryReader reader = TrajectoryReader.open(file)) { // read back once: table, failures, report
            if (trajectory.runCount() <= TABLE_ROWS && !summary.stopped()) {
                out.print(RunTable.of(reader, List.of(), Map.of()).toText());
            }
            if (!quiet || summary.stopped()) {
                err.println(sample.name() + (p.shard() == null ? "" : ", shard " + p.shard().label()) + ": "
                        + (p.shard() != null && p.shard().isEmpty() ? "no runs of its own, every run pending" : summary)
                        + " (seed " + trajectory.seed() + ", "
                        + env.mode().name().toLowerCase() + "); stored in " + file);
            }
            FailuresCommand.printNotice(reader, file, summary, quiet, err);
            if (summary.stopped()) {
                String resume = env.mode() == Mode.CLUSTER ? "neurosweep cluster coordinator --resume " + file + "' (or"
                        + " 'neurosweep resume " + file + "' on this machine)" : "neurosweep resume " + file + "'";
                err.println("neurosweep: stopped; '" + resume + " runs the " + summary.notDone() + " runs left");
                return STOPPED;
            }
            if (sample.writesReport()) {
                Path dir = reportDirectory(file);
                try {
                    List<Path> files = Report.write(reader, dir);
                    if (!quiet) {
                        err.println(sample.name() + ": report in " + files.get(0) + " (" + files.size() + " files)");
                    }
                } catch (java.io.IOException | RuntimeException e) {
                    err.println("neurosweep: the sweep is stored, but the report could not be written to " + dir + ": "
                            + e.getMessage());
                    return Command.ERROR;
                }
            }
        }
        return summary.failed() == 0 ? Command.OK : Command.FAILURE;
    }

    /** FILE.h5 -> FILE-report next to it. */
    static Path reportDirectory(Path file) {
        String name = file.getFileName().toString();
        String stem = name.endsWith(".h5") ? name.substring(0, name.length() - 3) : name;
        return file.resolveSibling(stem + "-report");
    }

    private static Mode mode(CommandLine line) throws UsageException {
        String name = line.getOptionValue("mode", "local");
        try {
            return Mode.parse(name);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--mode " + name + ": " + e.getMessage());
        }
    }

    static int nonNegative(String text, String option) throws UsageException {
        try {
            int n = Integer.parseInt(text.trim());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the error
        }
        throw new UsageException(option + " '" + text + "' must be a whole number of at least 0");
    }

    static int workers(String text) throws UsageException {
        try {
            int n = Integer.parseInt(text.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the error
        }
        throw new UsageException("--workers '" + text + "' must be a whole number of at least 1");
    }
}
