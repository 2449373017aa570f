package org.neurosweep.storage;

/**
 * How the HDF5 sink batches and flushes.
 *
 * @param batchRuns     runs committed together (one pair of flushes per batch), 1 or more
 * @param flushMillis   the longest a finished run waits before it is committed, 1 or more
 * @param queueCapacity finished runs that may wait for the writer before {@code accept} blocks
 * @param deflateLevel  gzip level of columns and large arrays, 0 (off) to 9
 * @param reserveBytes  free disk space to keep: a commit that could leave less is not started (HDF5 cannot
 *                      undo a half-written flush, so running out of space mid-commit could damage runs
 *                      already stored); the sink stops with a {@link DiskFullException} instead
 */
public record StorageOptions(int batchRuns, long flushMillis, int queueCapacity, int deflateLevel, long reserveBytes) {
    /** 4,096 runs or 1 s per commit, 16,384 runs of queue, deflate level 4, 64 MiB of disk kept free. */
    public static final StorageOptions DEFAULT = new StorageOptions(4096, 1000, 16384, 4, 64L << 20);

    public StorageOptions {
        if (batchRuns < 1) {
            throw new IllegalArgumentException("batchRuns must be at least 1, got " + batchRuns);
        }
        if (flushMillis < 1) {
            throw new IllegalArgumentException("flushMillis must be at least 1, got " + flushMillis);
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queueCapacity must be at least 1, got " + queueCapacity);
        }
        if (deflateLevel < 0 || deflateLevel > 9) {
            throw new IllegalArgumentException("deflateLevel must be 0 to 9, got " + deflateLevel);
        }
        if (reserveBytes < 0) {
            throw new IllegalArgumentException("reserveBytes must be 0 or more, got " + reserveBytes);
        }
    }

    public StorageOptions withBatchRuns(int runs) {
        return new StorageOptions(runs, flushMillis, queueCapacity, deflateLevel, reserveBytes);
    }

    public StorageOptions withFlushMillis(long millis) {
        return new StorageOptions(batchRuns, millis, queueCapacity, deflateLevel, reserveBytes);
    }

    public StorageOptions withReserveBytes(long bytes) {
        return new StorageOptions(batchRuns, flushMillis, queueCapacity, deflateLevel, bytes);
    }
}
