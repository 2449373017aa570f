package org.neurosweep.cli;

import java.io.PrintStream;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.neurosweep.explore.Sweep;
import org.neurosweep.postprocess.RunTable;
import org.neurosweep.runners.Environment;
import org.neurosweep.runners.SweepSummary;
import org.neurosweep.samples.Sample;
import org.neurosweep.samples.Samples;
import org.neurosweep.trajectory.InMemorySink;
import org.neurosweep.trajectory.Parameter;
import org.neurosweep.trajectory.Trajectory;
import org.neurosweep.trajectory.TrajectoryException;

/** {@code neurosweep run SAMPLE}: runs a sample's sweep and prints one row per run. */
final class RunCommand implements Command {
    /** The seed used when none is given, so that two runs of a command give the same numbers. */
    static final long DEFAULT_SEED = 42;

    @Override
    public String name() {
        return "run";
    }

    @Override
    public String synopsis() {
        return "SAMPLE [--grid name=v1,v2,... | --grid name=start:stop:step]... [--set name=value]... [--seed S] [--quiet]";
    }

    @Override
    public String summary() {
        return "run a sample's sweep (samples: " + String.join(", ", Samples.all().stream().map(Sample::name).toList()) + ")";
    }

    @Override
    public Options options() {
        Options o = new Options();
        o.addOption(Option.builder().longOpt("grid").hasArg().argName("name=values")
                .desc("explore a parameter: v1,v2,... or start:stop:step (stop excluded); several --grid make a "
                        + "cartesian product, first slowest; replaces the sample's default sweep").build());
        o.addOption(Option.builder().longOpt("set").hasArg().argName("name=value")
                .desc("set a parameter that is not explored").build());
        o.addOption(Option.builder().longOpt("seed").hasArg().argName("S")
                .desc("the trajectory's seed, from which every run's seed derives (default " + DEFAULT_SEED + ")").build());
        o.addOption(Option.builder("q").longOpt("quiet").desc("print only the table (no summary line)").build());
        return o;
    }

    @Override
    public int execute(CommandLine line, PrintStream out, PrintStream err) throws UsageException {
        if (line.getArgList().size() != 1) {
            throw new UsageException("expected exactly one SAMPLE, got " + line.getArgList());
        }
        Sample sample;
        try {
            sample = Samples.byName(line.getArgList().get(0));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
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

        InMemorySink sink = new InMemorySink();
        SweepSummary summary = Environment.builder(trajectory).sink(sink).build().run(sample.runFunction());
        out.print(RunTable.of(trajectory, sink.records()).toText());
        if (!line.hasOption("quiet")) {
            err.println(sample.name() + ": " + summary + " (seed " + seed + ")");
        }
        return summary.failed() == 0 ? OK : FAILURE;
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
