package org.neurosweep.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.neurosweep.storage.NotATrajectoryFileException;
import org.neurosweep.storage.StorageException;
import org.neurosweep.storage.TrajectoryReader;
import org.neurosweep.trajectory.TrajectoryException;

/**
 * How the commands read a stored sweep: open, read, close. An unreadable file (not HDF5, truncated,
 * damaged) becomes one line, {@code FILE is not a readable neurosweep file: REASON}, and exit status 2,
 * whatever the command and wherever the reading failed; a name the file does not hold is a bad argument.
 */
final class StoredFile {
    private StoredFile() {
    }

    /** What a command does with the open file. */
    interface Reading<T> {
        T read(TrajectoryReader reader) throws UsageException, IOException;
    }

    static <T> T read(Path file, Reading<T> reading) throws UsageException, IOException {
        return read(java.util.List.of(file), reading);
    }

    /** Several files: the shards of one sweep, read as the one sweep ({@link TrajectoryReader#open(java.util.List)}). */
    static <T> T read(java.util.List<Path> files, Reading<T> reading) throws UsageException, IOException {
        try (TrajectoryReader reader = TrajectoryReader.open(files)) {
            return reading.read(reader);
        } catch (NotATrajectoryFileException e) {
            throw e; // Cli reports an unusable file in one line, exit status 2
        } catch (StorageException | TrajectoryException | IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
