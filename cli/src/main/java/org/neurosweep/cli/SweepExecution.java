package org.neurosweep.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.neurosweep.postprocess.RunTable;
import org.neurosweep.runners.Environment;
import org.neurosweep.runners.SweepSummary;
import org.neurosweep.samples.Sample;
import org.neurosweep.storage.Hdf5Sink;
import org.neurosweep.storage.TrajectoryReader;
import org.neurosweep.trajectory.RunRecord;
import org.neurosweep.trajectory.Trajectory;

/** Runs a sample's sweep into an HDF5 sink and reports: what {@code run} and {@code resume} share. */
final class SweepExecution {
    /** Sweeps up to this many runs print their whole table. */
    static final int TABLE_ROWS = 100;
    /** The config leaf naming the sample, so that {@code resume} knows which run function to use. */
    static final String SAMPLE_CONFIG = "neurosweep.sample";

    private SweepExecution() {
    }

    static int execute(Sample sample, Trajectory trajectory, Hdf5Sink sink, boolean quiet, PrintStream out, PrintStream err) {
        SweepSummary summary;
        try (sink) {
            summary = Environment.builder(trajectory).sink(sink).build().run(sample.runFunction());
        }
        Path file = sink.path();
        if (trajectory.runCount() <= TABLE_ROWS) {
            try (TrajectoryReader reader = TrajectoryReader.open(file)) {
                List<RunRecord> records = new ArrayList<>();
                for (long i = 0; i < reader.runCount(); i++) {
                    records.add(reader.run(i));
                }
                out.print(RunTable.of(trajectory, records).toText());
            }
        }
        if (!quiet) {
            err.println(sample.name() + ": " + summary + " (seed " + trajectory.seed() + "); stored in " + file);
        }
        return summary.failed() == 0 ? Command.OK : Command.FAILURE;
    }
}
