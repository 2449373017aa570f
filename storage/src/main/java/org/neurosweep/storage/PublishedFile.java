package org.neurosweep.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The files of a sweep on disk, apart from HDF5: {@code FILE.h5}, which is only ever replaced whole (a copy
 * then a rename), and {@code FILE.h5.live}, the one the writer works on. What {@link FileWriter} and
 * {@link Hdf5Sink} do with them: publish, put the live file in place, give it up, and tell a full disk.
 */
final class PublishedFile {
    private PublishedFile() {
    }

    /** FILE.h5 -> FILE.h5.live, the file the writer works on. */
    static Path liveOf(Path path) {
        return path.resolveSibling(path.getFileName() + ".live");
    }

    /**
     * Makes FILE.h5 a copy of the live file as it is now: a copy written beside it, then renamed over it
     * (atomic). Call only right after a flush: with one writer and no metadata evictions nothing is
     * written meanwhile, so the copy is complete and consistent, and FILE.h5 is never half-written.
     * The copy reaches the disk (fsync) before the rename, and the rename before the next publication,
     * so that a power cut, not only a killed process, leaves the previous or the new FILE.h5.
     */
    static void publish(Path path, Path live) {
        Path publishing = path.resolveSibling(path.getFileName() + ".publishing");
        try {
            Files.copy(live, publishing, StandardCopyOption.REPLACE_EXISTING);
            sync(publishing);
            Files.move(publishing, path, StandardCopyOption.ATOMIC_MOVE);
            sync(path.toAbsolutePath().getParent());
        } catch (IOException e) {
            try {
                Files.deleteIfExists(publishing); // a partial copy: FILE.h5 is still the previous publication
            } catch (IOException ignored) {
                // the next publication replaces it
            }
            if (noSpaceLeft(e, live)) {
                // the live file is whole (the copy failed, not the commit): the sink closes it cleanly
                throw new DiskFullException("the disk of " + path + " is full: publishing the runs stored so far needs"
                        + " another copy of the file. Stopped after a complete commit, so every completed run is kept;"
                        + " free some space and resume.");
            }
            throw new StorageException("cannot publish " + path + " from " + live + ": " + e.getMessage(), e);
        }
    }

    /** At the end of a sweep: the live file, synced, becomes FILE.h5 in one rename. */
    static void replaceWithLive(Path path, Path live) {
        try {
            sync(live);
            Files.move(live, path, StandardCopyOption.ATOMIC_MOVE);
            sync(path.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new StorageException("cannot move " + live + " to " + path + ": " + e.getMessage(), e);
        }
    }

    /** Empties the live file, which gives its space back at once (even while the library holds it open). */
    static void emptyLive(Path live) {
        try (FileChannel c = FileChannel.open(live, StandardOpenOption.WRITE)) {
            c.truncate(0);
        } catch (IOException e) {
            // it is removed all the same
        }
    }

    /** Removes the live file (a later create or resume would replace it anyway). */
    static void discardLive(Path live) {
        try {
            Files.deleteIfExists(live);
        } catch (IOException e) {
            // create and resume replace it
        }
    }

    /**
     * Whether a failure came from a full disk: the operating system said so (ENOSPC), or less than a
     * megabyte is left where the file is (the HDF5 library does not always pass the reason on).
     */
    static boolean noSpaceLeft(Throwable failure, Path file) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && (m.contains("No space left on device") || m.contains("errno = 28"))) {
                return true;
            }
        }
        try {
            return Files.getFileStore(file.toAbsolutePath().getParent()).getUsableSpace() < (1L << 20);
        } catch (IOException e) {
            return false;
        }
    }

    /** fsync of a file, or of a directory (its entries: a rename in it). */
    private static void sync(Path p) throws IOException {
        try (FileChannel c = FileChannel.open(p, StandardOpenOption.READ)) {
            c.force(true);
        }
    }
}
