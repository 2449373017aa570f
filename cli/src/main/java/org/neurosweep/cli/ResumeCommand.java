package org.neurosweep.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.neurosweep.storage.Hdf5Sink;
import org.neurosweep.storage.NotATrajectoryFileException;
import org.neurosweep.storage.StorageException;
import org.neurosweep.trajectory.Leaf;
import org.neurosweep.trajectory.Trajectory;
import org.neurosweep.trajectory.TrajectoryException;

/**
 * {@code neurosweep resume FILE.h5}: runs the runs of a stored sweep that are not completed. A user's
 * sweep is loaded again from where the file says it came from (or from {@code --classpath} /
 * {@code --source} when it moved), and refused if its code changed since, unless
 * {@code --allow-changed-code}.
 */
final class ResumeCommand implements Command {
    @Override
    public String name() {
        return "resume";
    }

    @Override
    public String synopsis() {
        return "FILE.h5 [--mode local|pool|processes] [--workers N] [--freeze-input] [--classpath CP | --source FILE.java]"
                + " [--allow-changed-code] [--quiet]";
    }

    @Override
    public String summary() {
        return "continue a stopped or crashed sweep: run only the runs not completed (of its shard, for a shard file)";
    }

    @Override
    public Options options() {
        Options o = new Options();
        SweepExecution.addOptions(o);
        addCodeOptions(o);
        return o;
    }

    /** --classpath, --source and --allow-changed-code: where a user's sweep is now, and whether it may have changed. */
    static void addCodeOptions(Options o) {
        if (!o.hasLongOption("classpath")) {
            o.addOption(Option.builder().longOpt("classpath").hasArg().argName("CP")
                    .desc("a user's sweep: load its class from this class path instead of the one the file records").build());
        }
        o.addOption(Option.builder().longOpt("source").hasArg().argName("FILE.java")
                .desc("a user's sweep from a source file: compile this file instead of the one the file records").build());
        o.addOption(Option.builder().longOpt("allow-changed-code")
                .desc("resume even though the sweep's code changed since the file was written (results may mix versions)").build());
    }

    @Override
    public int execute(CommandLine line, PrintStream out, PrintStream err) throws UsageException {
        if (line.getArgList().size() != 1) {
            throw new UsageException("expected FILE.h5, got " + line.getArgList());
        }
        Path file = Path.of(line.getArgList().get(0));
        return SweepExecution.execute(open(file, line), line, out, err, SweepExecution::localModeOptions);
    }

    /** A stored sweep opened to be continued, with the sweep definition that wrote it. */
    static SweepExecution.Prepared open(Path file, CommandLine line) throws UsageException {
        SweepExecution.requireTimeoutScale();
        Hdf5Sink sink;
        try {
            sink = Hdf5Sink.resume(file);
        } catch (NotATrajectoryFileException e) {
            throw e; // Cli reports an unusable file in one line, exit status 2
        } catch (StorageException e) {
            throw new UsageException(e.getMessage());
        }
        try {
            return new SweepExecution.Prepared(source(file, sink.storedTrajectory(), line), sink.storedTrajectory(), sink,
                    sink.storedShard());
        } catch (UsageException | RuntimeException e) {
            sink.close();
            throw e;
        }
    }

    private static SweepSource source(Path file, Trajectory t, CommandLine line) throws UsageException {
        String sample = config(t, SweepExecution.SAMPLE_CONFIG);
        if (sample != null) {
            return SweepSource.resolve(sample, null);
        }
        String kind = config(t, SweepSource.KIND);
        if (kind == null) {
            throw new UsageException(file + " was not written by 'neurosweep run' (its config names no sweep)");
        }
        String location = config(t, SweepSource.LOCATION);
        String className = config(t, SweepSource.CLASS);
        String hash = config(t, SweepSource.HASH);
        SweepSource now;
        if (line.hasOption("classpath") || kind.equals("classpath") && !line.hasOption("source")) {
            String cp = line.getOptionValue("classpath", location);
            now = reload(file, () -> SweepSource.fromClassPath(cp, className), "--classpath " + cp);
        } else {
            Path source = Path.of(line.getOptionValue("source", location));
            now = reload(file, () -> SweepSource.fromSource(source), source.toString());
        }
        if (!now.className().equals(className)) {
            throw new UsageException(file + " was written by " + className + ", but the code given defines " + now.className());
        }
        if (!now.hash().equals(hash) && !line.hasOption("allow-changed-code")) {
            throw new UsageException("the code of " + className + " changed since " + file + " was written (SHA-256 "
                    + abbreviate(hash) + " then, " + abbreviate(now.hash()) + " now): runs done with the new code would"
                    + " mix with the stored ones; restore the code, or give --allow-changed-code to resume anyway");
        }
        return now;
    }

    private interface Loader {
        SweepSource load() throws UsageException;
    }

    private static SweepSource reload(Path file, Loader loader, String where) throws UsageException {
        try {
            return loader.load();
        } catch (UsageException e) {
            throw new UsageException("cannot load the sweep that wrote " + file + " from " + where + ": " + e.getMessage()
                    + " (if the code moved, give --classpath CP or --source FILE.java)");
        }
    }

    private static String abbreviate(String hash) {
        return hash.length() > 12 ? hash.substring(0, 12) + "…" : hash;
    }

    private static String config(Trajectory t, String name) {
        try {
            Leaf l = t.leaf("config." + name);
            return (String) l.value();
        } catch (TrajectoryException | ClassCastException e) {
            return null; // not there (NoSuchNodeException), or not the text it should be
        }
    }
}
