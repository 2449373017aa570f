package org.neurosweep.storage;

import io.jhdf.HdfFile;
import io.jhdf.Superblock;
import io.jhdf.api.Attribute;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Opening a file with jHDF for {@link TrajectoryReader}: read through a {@link BoundedChannel}, refused in
 * one line when it is not HDF5, is cut short or holds no trajectory; and what a failure to read it says.
 */
final class JhdfFile {
    private JhdfFile() {
    }

    /** Opens {@code path} read-only; anything that is not an HDF5 file is refused in one line. */
    static HdfFile open(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new StorageException(path + " does not exist or is not a file");
        }
        BoundedChannel channel;
        try {
            channel = BoundedChannel.open(path);
        } catch (java.io.IOException e) {
            throw new StorageException("cannot read " + path + ": " + e.getMessage(), e);
        }
        HdfFile file;
        try {
            file = new HdfFile(channel);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            try {
                channel.close();
            } catch (java.io.IOException ignored) {
                // read-only: nothing to lose
            }
            throw new NotATrajectoryFileException(path, "not an HDF5 file (" + brief(path, e) + ")", e);
        }
        return file;
    }

    /**
     * Closes jHDF's file: its channel closes first, then jHDF logs the file's name, which a file opened from a
     * channel does not have (it throws "No backing file"): nothing is left open.
     */
    static void close(HdfFile file) {
        try {
            file.close();
        } catch (HdfException noNameToLog) {
            // closed
        }
    }

    /**
     * Refuses a file shorter than the end its superblock records, as the HDF5 library does: a copy or
     * download cut short. Without this check jHDF opens it and fails later, on whichever read goes past the end.
     */
    static void requireComplete(Path path, HdfFile file) {
        Superblock superblock = file.getHdfBackingStorage().getSuperblock();
        long end = superblock.getEndOfFileAddress();
        if (end > 0 && superblock.getBaseAddressByte() + end > file.size()) {
            throw new NotATrajectoryFileException(path, String.format(Locale.ROOT,
                    "truncated (%,d of the %,d bytes its header records)", file.size(),
                    superblock.getBaseAddressByte() + end), null);
        }
    }

    /** The top-level group marked as a neurosweep trajectory. */
    static Group trajectoryRoot(Path path, HdfFile file) {
        for (Node child : Nodes.children(file).values()) {
            Attribute format = child.isGroup() ? child.getAttribute(Layout.ATTR_FORMAT) : null;
            if (format != null && Layout.FORMAT.equals(GlobalHeapCheck.data(format))) {
                long version = ((Number) child.getAttribute(Layout.ATTR_FORMAT_VERSION).getData()).longValue();
                if (version > Layout.FORMAT_VERSION) {
                    throw new StorageException(path + " has layout version " + version + "; this neurosweep reads up to "
                            + Layout.FORMAT_VERSION + ": upgrade neurosweep");
                }
                return (Group) child;
            }
        }
        throw new NotATrajectoryFileException(path, "an HDF5 file, but it holds no neurosweep trajectory (no top-level group"
                + " with attribute " + Layout.ATTR_FORMAT + "=" + Layout.FORMAT + ")", null);
    }

    /** A failure to read the file (jHDF's, or a missing part), as the one-line error of an unreadable file. */
    static NotATrajectoryFileException unreadable(Path path, Throwable e) {
        if (e instanceof NotATrajectoryFileException n) {
            return n;
        }
        return new NotATrajectoryFileException(path, "damaged (" + brief(path, e) + ")", e);
    }

    /** The first line of an error's message, without the file's name when it starts with it. */
    static String brief(Path path, Throwable e) {
        if (e instanceof StackOverflowError) {
            return "a structure in it loops or is nested too deep";
        }
        if (e instanceof OutOfMemoryError) {
            return "a size in it is larger than memory";
        }
        String m = e.getMessage() == null || e.getMessage().isBlank() ? "an inconsistent structure"
                : e.getMessage().lines().findFirst().orElse("");
        if (m.startsWith(path.toString())) {
            m = m.substring(path.toString().length()).trim();
        }
        return m.length() > 200 ? m.substring(0, 200) + "..." : m;
    }
}
