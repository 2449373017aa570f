package org.neurosweep.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.neurosweep.trajectory.ResultSink;
import org.neurosweep.trajectory.RunRecord;
import org.neurosweep.trajectory.RunStatus;
import org.neurosweep.trajectory.Trajectory;

/**
 * Stores a sweep in one HDF5 file as its runs finish. {@link #accept} only queues the run; one writer
 * thread owns the file and commits queued runs in batches ({@link StorageOptions#batchRuns} runs or
 * {@link StorageOptions#flushMillis} ms, whichever comes first), so the sink's memory is bounded by the
 * queue and does not grow with the number of runs.
 *
 * <p>Durable: after a crash at any moment (even {@code kill -9}) the file opens, and every run whose
 * status is {@code completed} is fully present; {@link #resume} continues such a file.
 *
 * <pre>{@code
 * try (Hdf5Sink sink = Hdf5Sink.create(Path.of("sweep.h5"))) {
 *     Environment.builder(trajectory).sink(sink).build().run(function);
 * }
 * }</pre>
 */
public final class Hdf5Sink implements ResultSink {
    private sealed interface Message permits Begin, Finished, Close {
    }

    private record Begin(Trajectory trajectory, CompletableFuture<Void> done) implements Message {
    }

    private record Finished(RunRecord record) implements Message {
    }

    private record Close(CompletableFuture<Void> done) implements Message {
    }

    private final Path path;
    private final WriterLock lock;
    /** When FILE.h5 was last published from the live file, and how long the copy took. */
    private long lastPublish;
    private long publishNanos;
    private final StorageOptions options;
    private final BlockingQueue<Message> queue;
    private Thread writerThread;
    private final BitSet completed = new BitSet();
    private final Trajectory stored;
    private volatile Throwable failure;
    private volatile boolean closed;
    /** Touched only by the writer thread. */
    private FileWriter writer;
    private final List<String> repairs = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** What the child JVM repaired when it opened the file for resume, or null if it could not run. */
    private List<String> openedByChild;
    /** The name of the trajectory in the file (its root group); set by the writer thread. */
    private String trajectoryName;
    /** The shard the file holds: as read by {@link #resume}, or as set by {@link #shard(Shard)}; null for a whole sweep. */
    private volatile Shard shard;
    /** Whether {@link #shard(Shard)} asked for the shard's attributes to be written at {@link #begin}. */
    private volatile boolean markShard;

    private enum Opening { CREATE, REPLACE, RESUME }

    private Hdf5Sink(Path path, StorageOptions options, Opening opening) {
        boolean resume = opening == Opening.RESUME;
        this.path = path;
        this.options = options;
        if (resume) {
            requireResumable(path); // before a lock file is made next to a file that is not there
        }
        lock = WriterLock.take(path);
        queue = new ArrayBlockingQueue<>(options.queueCapacity());
        CompletableFuture<Void> opened = new CompletableFuture<>();
        try {
            if (resume) {
                try (TrajectoryReader reader = TrajectoryReader.open(path)) {
                    stored = reader.trajectory();
                    reader.readAllColumns();
                    shard = reader.shard().orElse(null);
                }
                // the native library can crash on a damaged file: it opens and repairs it in a child JVM
                openedByChild = NativeOpenCheck.run(path, stored.name());
            } else {
                stored = null;
            }
            writerThread = new Thread(() -> writeLoop(opening, opened), "neurosweep-hdf5-writer");
            writerThread.setDaemon(true);
            writerThread.start();
            await(opened);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** A sink writing a new file; refuses an existing one. */
    public static Hdf5Sink create(Path file) {
        return create(file, StorageOptions.DEFAULT);
    }

    public static Hdf5Sink create(Path file, StorageOptions options) {
        return new Hdf5Sink(file, options, Opening.CREATE);
    }

    /**
     * A sink writing a new sweep in place of {@code file} if it exists ({@code run --force}). The old file
     * is not deleted first: it stays whole until the new trajectory is stored and published over it in one
     * rename, and a writer holding it (in any process) makes this fail before anything changes.
     */
    public static Hdf5Sink replace(Path file) {
        return new Hdf5Sink(file, StorageOptions.DEFAULT, Opening.REPLACE);
    }

    /** A sink continuing an existing trajectory file; {@link #storedTrajectory()} is the trajectory it holds. */
    public static Hdf5Sink resume(Path file) {
        return resume(file, StorageOptions.DEFAULT);
    }

    public static Hdf5Sink resume(Path file, StorageOptions options) {
        return new Hdf5Sink(file, options, Opening.RESUME);
    }

    /**
     * Refuses, in one line, what {@link #resume} cannot continue: no such file, a directory, or a sweep
     * stopped before {@code FILE.h5} was first published. The first publication comes before the first run
     * (when the trajectory is stored), so a sweep killed earlier ran nothing and is started again, not
     * resumed; its stale {@code FILE.h5.live} and {@code FILE.h5.lock} are replaced by that new start.
     *
     * @throws NotATrajectoryFileException saying which, in one line
     */
    public static void requireResumable(Path file) {
        if (Files.isRegularFile(file)) {
            return;
        }
        if (!Files.exists(file) && Files.isRegularFile(PublishedFile.liveOf(file))) {
            throw new NotATrajectoryFileException(file + " was never published: the sweep writing it was stopped while it"
                    + " stored its trajectory, before its first run, so no run was lost; start it again ('neurosweep run ..."
                    + " --out " + file + "')", "never published");
        }
        throw new NotATrajectoryFileException("'" + file + "' does not exist or is not a file", "no such file");
    }

    public Path path() {
        return path;
    }

    /** What {@link #resume} repaired after a crash: one line per run_set bucket moved aside (usually none). */
    public List<String> repairs() {
        return List.copyOf(repairs);
    }

    /** The trajectory read from the file by {@link #resume}, or null for a new file. */
    public Trajectory storedTrajectory() {
        return stored;
    }

    /**
     * Makes the file a shard of a sweep ({@code run --shard K/N}): {@link #begin} records the shard and the
     * sweep's identity ({@link Shard#sweepId}) on {@code overview}. Runs outside the shard are the caller's
     * to leave alone (give the environment the shard's run range). Call before {@link #begin}; on a resumed
     * file only the shard it already holds is accepted.
     *
     * @throws StorageException if a resumed file holds another shard, or none
     */
    public Hdf5Sink shard(Shard s) {
        java.util.Objects.requireNonNull(s, "shard");
        if (stored != null) {
            if (!s.equals(shard)) {
                throw new StorageException(path + " holds " + (shard == null ? "a whole sweep" : shard.describe())
                        + ", not " + s.describe());
            }
            return this;
        }
        shard = s;
        markShard = true;
        return this;
    }

    /** The shard the file holds (read by {@link #resume}, or set by {@link #shard(Shard)}), or null for a whole sweep. */
    public Shard storedShard() {
        return shard;
    }

    @Override
    public void begin(Trajectory trajectory) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        send(new Begin(trajectory, done));
        await(done);
    }

    @Override
    public boolean isCompleted(long runIndex) {
        synchronized (completed) {
            return runIndex <= Integer.MAX_VALUE && completed.get((int) runIndex);
        }
    }

    /** How many runs are stored as completed. */
    public long completedCount() {
        synchronized (completed) {
            return completed.cardinality();
        }
    }

    @Override
    public void accept(RunRecord record) {
        send(new Finished(record));
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            if (writerThread.isAlive()) {
                send(new Close(done));
                await(done);
            }
        } finally {
            closed = true;
            lock.close();
        }
        rethrowFailure();
    }

    private void send(Message m) {
        if (closed) {
            throw new IllegalStateException("the sink of " + path + " is closed");
        }
        rethrowFailure();
        try {
            while (!queue.offer(m, 100, TimeUnit.MILLISECONDS)) {
                rethrowFailure();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while queueing for " + path, e);
        }
    }

    private void await(CompletableFuture<Void> done) {
        try {
            while (true) {
                try {
                    done.get(100, TimeUnit.MILLISECONDS);
                    return;
                } catch (java.util.concurrent.TimeoutException e) {
                    // a writer that completed this future and then ended between the timeout and this check has
                    // answered: the loop reads its answer (a thread's end happens-before isAlive() says false)
                    if (!writerThread.isAlive() && !done.isDone()) {
                        rethrowFailure();
                        throw new StorageException("the writer of " + path + " stopped", null);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while waiting for " + path, e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof StorageException s ? s.onCallerThread()
                    : new StorageException("writing " + path + " failed: " + e.getCause(), e.getCause());
        }
    }

    private void rethrowFailure() {
        Throwable f = failure;
        if (f instanceof DiskFullException d) {
            throw new DiskFullException(d.getMessage());
        }
        if (f != null) {
            throw new StorageException("writing " + path + " failed; runs committed before the failure are kept: " + f.getMessage(), f);
        }
    }

    // ------------------------------------------------------------------ the writer thread

    private void writeLoop(Opening opening, CompletableFuture<Void> opened) {
        boolean resume = opening == Opening.RESUME;
        try {
            if (resume && openedByChild == null) { // no child JVM: check and repair here
                FileWriter.requireReadableColumns(path, stored.name());
            }
            writer = resume ? FileWriter.open(path, stored.name(), options, openedByChild == null)
                    : FileWriter.create(path, options, opening == Opening.REPLACE);
            if (resume) {
                trajectoryName = stored.name();
                repairs.addAll(openedByChild == null ? writer.repairAfterCrash() : openedByChild);
                synchronized (completed) {
                    completed.or(writer.completedRuns());
                }
            }
            opened.complete(null);
        } catch (Exception | Error e) {
            if (resume) {
                try {
                    Files.deleteIfExists(PublishedFile.liveOf(path)); // the copy of FILE.h5 it could not open
                } catch (IOException ignored) {
                    // a stale live file blocks nothing: the next writer replaces it
                }
            }
            opened.completeExceptionally(wrap("cannot open " + path, e));
            return;
        }
        List<RunRecord> batch = new ArrayList<>();
        long deadline = Long.MAX_VALUE;
        Close closing = null;
        try {
            while (true) {
                long wait = batch.isEmpty() ? 1000 : Math.max(0, deadline - System.nanoTime()) / 1_000_000;
                Message m = queue.poll(wait, TimeUnit.MILLISECONDS);
                if (m instanceof Finished f) {
                    if (batch.isEmpty()) {
                        deadline = System.nanoTime() + options.flushMillis() * 1_000_000;
                    }
                    batch.add(f.record());
                    if (batch.size() >= options.batchRuns()) {
                        commit(batch);
                    }
                } else if (m instanceof Begin b) {
                    commit(batch);
                    try {
                        writer.writeTrajectory(b.trajectory());
                        trajectoryName = b.trajectory().name();
                        if (markShard) {
                            writeShard(b.trajectory());
                        }
                        publish();
                        b.done().complete(null);
                    } catch (Exception | Error e) {
                        b.done().completeExceptionally(wrap("cannot store trajectory " + b.trajectory().name(), e));
                    }
                } else if (m instanceof Close c) {
                    closing = c; // a failure now is handled below, as any other, then reported to close()
                    commit(batch);
                    writer.close();
                    c.done().complete(null);
                    return;
                } else if (!batch.isEmpty() && System.nanoTime() >= deadline) {
                    commit(batch);
                }
            }
        } catch (Throwable t) {
            failure = t;
            if (!(t instanceof DiskFullException) && PublishedFile.noSpaceLeft(t, path)) {
                // the disk filled during a commit (a reserve too small for the runs, or another writer took the
                // space): the live file is half-written, so it is neither closed nor published, and FILE.h5
                // stays the last publication, whole
                failure = new DiskFullException("the disk of " + path + " filled up while runs were being stored: "
                        + path + " keeps every run it marks completed (runs of the last moments will run again);"
                        + " free some space and resume.", t);
                writer.abandon();
            }
            if (t instanceof DiskFullException) {
                try {
                    writer.close(); // nothing was half-written: close cleanly within the reserve
                } catch (Exception | Error ignored) {
                    // the file keeps what the last commit flushed
                }
            }
            // after any other failure the library's state is unknown (closing it has crashed the JVM):
            // the file keeps what the last commit flushed
            StorageException reported = failure instanceof StorageException e ? e : wrap("writing " + path + " failed", t);
            if (closing != null) {
                closing.done().completeExceptionally(reported);
            }
            Message m;
            while ((m = queue.poll()) != null) {
                if (m instanceof Close c) {
                    c.done().completeExceptionally(reported);
                } else if (m instanceof Begin b) {
                    b.done().completeExceptionally(reported);
                }
            }
        }
    }

    /** Records the shard on {@code overview} (once: the first begin), flushed before the trajectory is published. */
    private void writeShard(Trajectory t) throws Exception {
        Shard s = shard;
        if (s.sweepRuns() != t.runCount()) {
            throw new StorageException(s.describe() + " does not fit trajectory " + t.name() + " of " + t.runCount() + " runs");
        }
        ShardAttributes.write(writer.overviewGroup(), s, Shard.sweepId(t));
        writer.flush();
        markShard = false;
    }

    private void commit(List<RunRecord> batch) throws Exception {
        if (batch.isEmpty()) {
            return;
        }
        List<RunRecord> fresh = new ArrayList<>(batch.size());
        synchronized (completed) {
            for (RunRecord r : batch) {
                if (r.index() > Integer.MAX_VALUE || !completed.get((int) r.index())) {
                    fresh.add(r);
                }
            }
        }
        List<RunRecord> stored = writer.commit(fresh);
        if (System.nanoTime() - lastPublish > Math.max(MIN_PUBLISH_NANOS, 20 * publishNanos)) {
            publish();
        }
        if (writer.cacheBytes() > FileWriter.RECYCLE_CACHE_BYTES) {
            // evictions are off, so the metadata cache only grows: reopening the file empties it
            long largest = writer.largestCommitBytes();
            writer.closeLive();
            writer = FileWriter.open(path, trajectoryName, options, false);
            writer.largestCommitBytes(largest);
        }
        synchronized (completed) {
            for (RunRecord r : stored) {
                if (r.status() == RunStatus.COMPLETED) {
                    completed.set((int) r.index());
                }
            }
        }
        batch.clear();
    }

    /** Shortest time between two publications of FILE.h5 (a publication costs a copy of the file). */
    private static final long MIN_PUBLISH_NANOS = 1_000_000_000L;

    /** Copies the live file over FILE.h5 (right after a commit's flush); spaced to cost at most 1/20 of the time. */
    private void publish() {
        long t0 = System.nanoTime();
        writer.publish();
        lastPublish = System.nanoTime();
        publishNanos = lastPublish - t0;
    }

    private StorageException wrap(String message, Throwable t) {
        if (t instanceof StorageException s) {
            return s;
        }
        return new StorageException(message + ": " + t.getMessage(), t);
    }
}
