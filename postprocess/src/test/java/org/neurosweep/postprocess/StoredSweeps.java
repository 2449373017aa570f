package org.neurosweep.postprocess;

import java.nio.file.Path;
import org.neurosweep.storage.Hdf5Sink;
import org.neurosweep.trajectory.RunFunction;
import org.neurosweep.trajectory.RunScope;
import org.neurosweep.trajectory.Trajectory;

/** Sweeps stored in a real HDF5 file for the tests, run in order in the test's thread. */
final class StoredSweeps {
    private StoredSweeps() {
    }

    /** Runs every run of the explored trajectory into a new file; a run that throws is stored as failed. */
    static Path store(Path file, Trajectory t, RunFunction f) {
        try (Hdf5Sink sink = Hdf5Sink.create(file)) {
            sink.begin(t);
            for (long i = 0; i < t.runCount(); i++) {
                RunScope run = t.openRun(i);
                String error = null;
                try {
                    f.run(run);
                } catch (Exception e) {
                    error = e.toString();
                }
                sink.accept(run.finish(0, 0, "local", error));
            }
        }
        return file;
    }
}
