package org.neurosweep.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one writer of a trajectory file: {@code FILE.h5.lock} held (an OS lock, so a writer in any other process is
 * refused) and the file's real path registered in this process (a second sink here is refused before it touches
 * the lock). Released by {@link #close}, which deletes the lock file.
 */
final class WriterLock implements AutoCloseable {
    private static final Set<Path> OPEN_FILES = ConcurrentHashMap.newKeySet();

    private final Path path;
    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;

    private WriterLock(Path path, Path key, FileChannel channel, FileLock lock) {
        this.path = path;
        this.key = key;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of {@code path}.
     *
     * @throws FileInUseException if a writer in this or another process holds it
     * @throws StorageException   naming what is wrong with where the file goes (a directory, no such directory)
     */
    static WriterLock take(Path path) {
        Path key = key(path);
        if (!OPEN_FILES.add(key)) {
            throw new FileInUseException(path + " is already open for writing in this process", null);
        }
        try {
            requireDirectory(path);
            Path lockPath = lockPath(path);
            FileChannel channel;
            FileLock lock;
            try {
                channel = FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                lock = channel.tryLock();
            } catch (IOException e) {
                throw new StorageException("cannot lock " + lockPath + ": " + e.getMessage(), e);
            }
            if (lock == null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // nothing held
                }
                throw new FileInUseException(path + " is open for writing by another process (it holds " + lockPath + ")", null);
            }
            return new WriterLock(path, key, channel, lock);
        } catch (RuntimeException e) {
            OPEN_FILES.remove(key);
            throw e;
        }
    }

    private static Path lockPath(Path path) {
        return path.resolveSibling(path.getFileName() + ".lock");
    }

    /** Names what is wrong with where the file goes, rather than failing on the lock file next to it. */
    private static void requireDirectory(Path path) {
        Path dir = path.toAbsolutePath().getParent();
        if (Files.isDirectory(path)) { // '', '.' and '/' too
            throw new StorageException("'" + path + "' is a directory; the sink needs a file name such as sweep.h5");
        }
        if (dir != null && !Files.isDirectory(dir)) {
            throw new StorageException("cannot create " + path + ": the directory " + dir
                    + (Files.exists(dir) ? " is not a directory" : " does not exist"));
        }
    }

    private static Path key(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        try {
            return Files.exists(abs) ? abs.toRealPath() : abs;
        } catch (IOException e) {
            return abs;
        }
    }

    @Override
    public void close() {
        OPEN_FILES.remove(key);
        try {
            lock.release();
            channel.close();
            Files.deleteIfExists(lockPath(path));
        } catch (IOException ignored) {
            // a stale lock file without a lock on it blocks nobody
        }
    }
}
