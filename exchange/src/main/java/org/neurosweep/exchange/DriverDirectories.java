package org.neurosweep.exchange;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/** Where media drivers keep their files, and the clean-up of those that killed processes left behind. */
final class DriverDirectories {
    private DriverDirectories() {
    }

    /**
     * A fresh, not yet existing directory for a media driver: under /dev/shm when there is one, else
     * java.io.tmpdir. Directories left there by drivers whose process is gone (killed with kill -9, which
     * skips every cleanup) are deleted first: their names carry the pid that made them.
     */
    static Path fresh() {
        Path shm = Path.of("/dev/shm");
        Path base = Files.isDirectory(shm) && Files.isWritable(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir"));
        deleteOrphans(base);
        return base.resolve(PREFIX + ProcessHandle.current().pid() + "-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE));
    }

    private static final String PREFIX = "neurosweep-aeron-";

    /** Deletes {@code base/neurosweep-aeron-PID-*} of processes that no longer run; best effort. */
    private static void deleteOrphans(Path base) {
        try (java.util.stream.Stream<Path> dirs = Files.list(base)) {
            for (Path d : (Iterable<Path>) dirs::iterator) {
                String name = d.getFileName().toString();
                if (!name.startsWith(PREFIX)) {
                    continue;
                }
                String[] parts = name.substring(PREFIX.length()).split("-");
                try {
                    long pid = Long.parseLong(parts[0]);
                    if (ProcessHandle.of(pid).isEmpty()) {
                        org.agrona.IoUtil.delete(d.toFile(), true);
                    }
                } catch (NumberFormatException ignored) {
                    // not one of ours
                }
            }
        } catch (java.io.IOException | RuntimeException ignored) {
            // cleaning up is a courtesy; a directory that cannot be read is left alone
        }
    }
}
