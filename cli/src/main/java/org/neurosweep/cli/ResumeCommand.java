package org.neurosweep.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.neurosweep.samples.Sample;
import org.neurosweep.samples.Samples;
import org.neurosweep.storage.Hdf5Sink;
import org.neurosweep.storage.StorageException;
import org.neurosweep.trajectory.Trajectory;
import org.neurosweep.trajectory.TrajectoryException;

/** {@code neurosweep resume FILE.h5}: runs the runs of a stored sweep that are not completed. */
final class ResumeCommand implements Command {
    @Override
    public String name() {
        return "resume";
    }

    @Override
    public String synopsis() {
        return "FILE.h5 [--mode local|pool|processes] [--workers N] [--freeze-input] [--quiet]";
    }

    @Override
    public String summary() {
        return "continue a stopped or crashed sweep: run only the runs not completed";
    }

    @Override
    public Options options() {
        Options o = new Options();
        SweepExecution.addOptions(o);
        return o;
    }

    @Override
    public int execute(CommandLine line, PrintStream out, PrintStream err) throws UsageException {
        Path file = Args.onlyFile(line, "FILE.h5");
        return SweepExecution.execute(open(file), line, out, err, SweepExecution::localModeOptions);
    }

    /** A stored sweep opened to be continued, with the sample that wrote it. */
    static SweepExecution.Prepared open(Path file) throws UsageException {
        Hdf5Sink sink;
        try {
            sink = Hdf5Sink.resume(file);
        } catch (StorageException e) {
            throw StoredFile.refusal(e);
        }
        Trajectory t = sink.storedTrajectory();
        Sample sample;
        try {
            sample = Samples.byName((String) t.value("config." + SweepExecution.SAMPLE_CONFIG));
        } catch (TrajectoryException | IllegalArgumentException e) {
            sink.close();
            throw new UsageException(file + " was not written by 'neurosweep run' (" + e.getMessage() + ")");
        }
        return new SweepExecution.Prepared(sample, t, sink);
    }
}
