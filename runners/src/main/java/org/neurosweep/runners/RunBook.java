package org.neurosweep.runners;

import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.IntFunction;
import org.neurosweep.trajectory.RunRecord;
import org.neurosweep.trajectory.RunStatus;

/**
 * The bookkeeping shared by the runners that hand runs to workers that may die (worker JVMs, cluster
 * nodes): which run goes out next (runs handed out again first), which runs are stored (the first result
 * of a run wins), how often each run was lost (past the retry limit it is stored as failed), how many runs
 * a worker slot should hold, and the end game, where an idle slot also takes a run queued behind a slow
 * one. Used from the sweep's thread only.
 */
final class RunBook {
    /** About this much work queued per worker slot, so that fast runs travel in batches. */
    private static final long TARGET_WINDOW_NANOS = 20_000_000L;
    private static final int MAX_WINDOW = 256;

    /** What the end game needs to know of a worker. */
    interface Holder {
        /** Runs it works on at once. */
        int slots();

        /** The runs it holds, in the order handed out. */
        Collection<Long> held();

        /** Whether it is gone (and holds nothing any more). */
        boolean gone();
    }

    private final SweepState s;
    private final int maxRetries;
    private final Deque<Long> again = new ArrayDeque<>();
    private final Map<Long, Integer> attempts = new HashMap<>();
    /**
     * The runs stored by this sweep, a bit per run: a set of boxed indices held about 56 bytes per stored
     * run (56 MB of live heap by the end of a million-run sweep; the soak benchmark saw it grow).
     */
    private final BitSet stored = new BitSet();
    private final Set<Long> stolen = new HashSet<>();
    private double meanRunNanos;

    /**
     * @param firstMeanRunNanos the run time assumed before any result: a larger one hands out fewer runs at
     *                          first (a cluster, whose nodes join one by one, starts at one window)
     */
    RunBook(SweepState s, int maxRetries, double firstMeanRunNanos) {
        this.s = s;
        this.maxRetries = maxRetries;
        this.meanRunNanos = firstMeanRunNanos;
    }

    /** The next run to hand out (one to hand out again first), or -1. */
    long next() {
        return !again.isEmpty() ? again.poll() : s.next();
    }

    /** Whether nothing is left to hand out (runs in flight aside). */
    boolean nothingLeft() {
        return again.isEmpty() && !s.hasNext();
    }

    /** Runs per worker slot: two when runs are slow, about 20 ms of work when they are fast. */
    int window() {
        return (int) Math.max(2, Math.min(MAX_WINDOW, TARGET_WINDOW_NANOS / Math.max(1.0, meanRunNanos)));
    }

    boolean isStored(long run) {
        return stored.get(Math.toIntExact(run));
    }

    /** Hands the record to the sink if it is the run's first; returns whether it was. */
    boolean store(RunRecord r) {
        int i = Math.toIntExact(r.index());
        if (stored.get(i)) {
            return false;
        }
        stored.set(i);
        again.remove(r.index());
        meanRunNanos = 0.95 * meanRunNanos + 0.05 * r.durationNanos();
        s.deliver(r);
        return true;
    }

    /** A run lost through no fault of its own (queued behind the one that killed its worker): out again first. */
    void handOutAgain(long run) {
        again.addFirst(run);
    }

    /**
     * A run that was running when it was lost: counted; handed out again after the others, or, past the
     * retry limit, stored as failed with the text {@code failure} gives for the number of attempts.
     */
    void lost(long run, String worker, IntFunction<String> failure) {
        int n = attempts.merge(run, 1, Integer::sum);
        if (n > maxRetries) {
            stored.set(Math.toIntExact(run));
            s.deliver(new RunRecord(run, RunStatus.FAILED, System.currentTimeMillis(), 0, worker, failure.apply(n), List.of()));
        } else {
            again.addLast(run);
        }
    }

    /**
     * End game: with nothing left to hand out, a worker with an idle slot also takes the run handed out last
     * to a worker that has more runs than slots (so queued behind its running ones); each run at most once.
     * The first result is stored.
     */
    <W extends Holder> void steal(Collection<W> workers, BiConsumer<W, Long> give) {
        if (!nothingLeft()) {
            return;
        }
        for (W idle : workers) {
            if (idle.gone() || idle.held().size() >= idle.slots()) {
                continue;
            }
            for (W busy : workers) {
                if (busy == idle || busy.gone() || busy.held().size() <= busy.slots()) {
                    continue;
                }
                long queued = -1;
                for (long i : busy.held()) {
                    queued = i; // the last one handed out: the furthest from being started
                }
                if (stolen.add(queued)) {
                    give.accept(idle, queued);
                    break;
                }
            }
        }
    }

    /** Whether a worker other than {@code except} holds the run. */
    static <W extends Holder> boolean heldElsewhere(Collection<W> workers, W except, long run) {
        for (W w : workers) {
            if (w != except && !w.gone() && w.held().contains(run)) {
                return true;
            }
        }
        return false;
    }

    /** Whether no worker holds a run. */
    static boolean idle(Collection<? extends Holder> workers) {
        for (Holder w : workers) {
            if (!w.gone() && !w.held().isEmpty()) {
                return false;
            }
        }
        return true;
    }
}
