package org.neurosweep.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.neurosweep.explore.Sweep;
import org.neurosweep.explore.SweepDefinition;
import org.neurosweep.samples.Samples;
import org.neurosweep.storage.Hdf5Sink;
import org.neurosweep.storage.Shard;
import org.neurosweep.storage.StorageException;
import org.neurosweep.storage.TrajectoryReader;
import org.neurosweep.trajectory.Parameter;
import org.neurosweep.trajectory.Trajectory;
import org.neurosweep.trajectory.TrajectoryException;

/**
 * {@code neurosweep run SAMPLE}: runs a sample's sweep, stores it in an HDF5 file, and prints one row per
 * run when there are at most {@value SweepExecution#TABLE_ROWS}.
 */
final class RunCommand implements Command {
    /** The seed used when none is given, so that two runs of a command give the same numbers. */
    static final long DEFAULT_SEED = 42;

    private final Map<String, String> env;

    /** @param env the environment: a Slurm job array's variables choose the shard (see {@link ShardChoice}) */
    RunCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public String name() {
        return "run";
    }

    @Override
    public String synopsis() {
        return "SAMPLE | MySweep.java | --classpath CP CLASS  [--out FILE.h5] [--force] [--mode local|pool|processes] [--workers N] [--freeze-input]"
                + " [--grid name=v1,v2,... | --grid name=start:stop:step]... [--set name=value]... [--seed S] [--shard K/N] [--quiet]";
    }

    @Override
    public String summary() {
        return "run a sweep (a sample: " + String.join(", ", Samples.all().stream().map(SweepDefinition::name).toList())
                + "; or your own) and store it in FILE.h5";
    }

    @Override
    public Options options() {
        Options o = new Options();
        addDefinitionOptions(o);
        SweepExecution.addOptions(o);
        return o;
    }

    /** The options that define a new sweep and its file: --classpath, --grid, --set, --seed, --shard, --out, --force. */
    static void addDefinitionOptions(Options o) {
        o.addOption(Option.builder().longOpt("classpath").hasArg().argName("CP")
                .desc("run your own sweep: CLASS (implementing org.neurosweep.explore.SweepDefinition) is loaded from these jars"
                        + " and class directories, separated by '" + java.io.File.pathSeparator + "'; worker JVMs and cluster"
                        + " nodes receive them").build());
        o.addOption(Option.builder().longOpt("grid").hasArg().argName("name=values")
                .desc("explore a parameter: v1,v2,... or start:stop:step (stop excluded); several --grid make a "
                        + "cartesian product, first slowest; replaces the sample's default sweep").build());
        o.addOption(Option.builder().longOpt("set").hasArg().argName("name=value")
                .desc("set a parameter that is not explored").build());
        o.addOption(Option.builder().longOpt("seed").hasArg().argName("S")
                .desc("the trajectory's seed, from which every run's seed derives (default " + DEFAULT_SEED + ")").build());
        o.addOption(Option.builder("o").longOpt("out").hasArg().argName("FILE.h5")
                .desc("the HDF5 file to store the sweep in (default: NAME.h5, NAME the sweep's name)").build());
        o.addOption(Option.builder().longOpt("force").desc("replace the output file if it exists").build());
        ShardChoice.addOption(o);
    }

    @Override
    public int execute(CommandLine line, PrintStream out, PrintStream err) throws UsageException {
        SweepExecution.Prepared p = newSweep(line, env, err);
        return SweepExecution.execute(p, line, out, err, SweepExecution::localModeOptions);
    }

    /**
     * The sweep named by the one positional argument (and --classpath), explored as the options say, and a new
     * file; only one shard of it with --shard K/N or in a Slurm job array (said on {@code err}).
     */
    static SweepExecution.Prepared newSweep(CommandLine line, Map<String, String> env, PrintStream err) throws UsageException {
        SweepExecution.requireTimeoutScale();
        ShardChoice.Choice choice = ShardChoice.of(line, env);
        SweepSource source = source(line);
        SweepDefinition sample = source.definition();
        long seed = parseSeed(line.getOptionValue("seed"));
        Trajectory trajectory = sample.newTrajectory(seed);
        SweepArguments.applySets(trajectory, line.getOptionValues("set"));
        Sweep grid = SweepArguments.grid(trajectory, line.getOptionValues("grid"));
        Sweep sweep = grid != null ? grid : sample.defaultSweep();
        try {
            trajectory.explore(sweep);
        } catch (TrajectoryException e) {
            throw new UsageException((grid != null ? "--grid: " : "") + e.getMessage());
        }
        requireSetsNotExplored(trajectory, line.getOptionValues("set"));

        source.record(trajectory);
        Path file = Args.outputFile(line.getOptionValue("out", sample.name() + ".h5"), "--out");
        Shard shard = choice.spec() == null ? null : choice.spec().of(trajectory.runCount());
        boolean replace = Files.exists(file);
        if (replace && !line.hasOption("force")) {
            if (shard != null) {
                requireSameShard(file, trajectory, shard);
            }
            throw new UsageException(file + " exists: 'neurosweep resume " + file + "' continues it, --force replaces it,"
                    + " --out names another file");
        }
        if (choice.where() != null && !line.hasOption("quiet")) {
            err.println(sample.name() + ": " + shard.describe() + "; chosen by " + choice.where() + "; into " + file);
        }
        Hdf5Sink sink;
        try {
            // --force does not delete the old file: it stays whole until the new sweep is published over it
            sink = replace ? Hdf5Sink.replace(file) : Hdf5Sink.create(file);
        } catch (StorageException e) {
            throw new UsageException("--out " + file + ": " + e.getMessage());
        }
        if (shard != null) {
            sink.shard(shard);
        }
        return new SweepExecution.Prepared(source, trajectory, sink, shard);
    }

    /**
     * Refuses to run a shard into an existing file that holds another shard, another sweep or a whole sweep,
     * naming what it holds; returns when it holds this very shard (the caller then says to resume it).
     */
    private static void requireSameShard(Path file, Trajectory trajectory, Shard shard) throws UsageException {
        Shard held;
        String sweepId;
        try (TrajectoryReader reader = TrajectoryReader.open(file)) {
            held = reader.shard().orElse(null);
            sweepId = reader.sweepId().orElse(null);
        } catch (StorageException e) { // NotATrajectoryFileException too
            return; // not a sweep: the caller's refusal says it exists
        }
        String refusal = null;
        if (held == null) {
            refusal = "a whole sweep, not a shard";
        } else if (!Shard.sweepId(trajectory).equals(sweepId)) {
            refusal = "shard " + held.label() + " of another sweep (its name, seed, parameters or explored values differ)";
        } else if (!held.equals(shard)) {
            refusal = "shard " + held.label() + " of this sweep (runs " + held.first() + ".." + (held.last() - 1)
                    + "), not shard " + shard.label();
        }
        if (refusal != null) {
            throw new UsageException("--shard " + shard.label() + ": " + file + " holds " + refusal
                    + "; --out names another file (one per shard, e.g. --out " + trajectory.name() + "-" + shard.k()
                    + ".h5), --force replaces it");
        }
    }

    /** The sweep the positional argument names: a sample, a .java file, or with --classpath a class. */
    static SweepSource source(CommandLine line) throws UsageException {
        if (line.getArgList().size() != 1) {
            throw new UsageException("expected exactly one SAMPLE, MySweep.java or (with --classpath) CLASS, got "
                    + line.getArgList());
        }
        return SweepSource.resolve(line.getArgList().get(0), line.getOptionValue("classpath"));
    }

    @Override
    public void printDetails(CommandLine line, PrintStream out) throws UsageException {
        if (!line.getArgList().isEmpty()) {
            SweepHelp.print(source(line), out);
        }
    }

    private static void requireSetsNotExplored(Trajectory t, String[] sets) throws UsageException {
        for (String spec : sets == null ? new String[0] : sets) {
            Parameter p = t.parameter(spec.substring(0, spec.indexOf('=')).trim());
            if (p.isExplored()) {
                throw new UsageException("--set " + spec + ": " + p.fullPath()
                        + " is explored by the sweep; give it a one-value --grid instead");
            }
        }
    }

    static long parseSeed(String text) throws UsageException {
        if (text == null) {
            return DEFAULT_SEED;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--seed '" + text + "' is not a whole number");
        }
    }
}
