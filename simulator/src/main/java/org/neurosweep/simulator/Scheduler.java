package org.neurosweep.simulator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.neurosweep.simulator.devices.SpikeGenerator;

/**
 * The simulation loop. Time advances in slices of min_delay steps; per slice:
 * <ol>
 *   <li>update: every VP advances its neurons and devices through the slice (threads in parallel, each
 *       running the VPs v with v % threads == thread);</li>
 *   <li>exchange: the spikes of this process's VPs are gathered in (time, sender) order, the canonical
 *       order, and, with several processes, sent to the others and merged with theirs ({@link ProcessLink});</li>
 *   <li>deliver: every VP adds the spikes into its neurons' ring buffers in that order, so sums are the
 *       same whatever the number of threads or VPs.</li>
 * </ol>
 * A spike can never be needed within its own slice because every delay is at least min_delay.
 */
final class Scheduler implements AutoCloseable {
    private final VirtualProcess[] vps;
    private final int threads;
    private final List<List<SpikeGenerator>> generatorsByVp;
    /** The other processes, or null when this is the only one. */
    private final ProcessLink link;
    private ExecutorService pool;

    private long[] spikes = new long[4096];
    /** Room to merge the VPs' spikes into, and where each VP's ordered run of spikes starts. */
    private long[] merged = new long[4096];
    private int[] runs = new int[0];
    /** The slice's spikes of every process, in canonical order: {@link #spikes} or the link's. */
    private long[] toDeliver = spikes;
    private int spikeCount;

    long updateNanos;
    long exchangeNanos;
    long deliverNanos;
    long slices;
    /** Single thread: the clock reading that ended the last phase. */
    private long stamp;
    long totalSpikes;
    final long[] histogram = new long[33];

    /** {@code vps}: this process's VPs; {@code link}: the other processes, or null. */
    Scheduler(VirtualProcess[] vps, int threads, List<List<SpikeGenerator>> generatorsByVp, ProcessLink link) {
        this.vps = vps;
        this.threads = threads;
        this.generatorsByVp = generatorsByVp;
        this.link = link;
    }

    /** Simulates {@code steps} steps from step {@code from}, in slices of {@code minDelay} steps. */
    void run(long from, long steps, int minDelay) {
        if (threads == 1) {
            stamp = System.nanoTime();
            for (long t = from; t < from + steps; t += minDelay) {
                slice(t, (int) Math.min(minDelay, from + steps - t));
            }
            return;
        }
        if (pool == null) {
            pool = Executors.newFixedThreadPool(threads - 1, r -> {
                Thread t = new Thread(r, "neurosweep-simulator");
                t.setDaemon(true);
                return t;
            });
        }
        long[] marks = new long[5]; // 1, 2: exchange start and end; 3, 4: the slice (start step, steps), set by thread 0
        SpinBarrier afterUpdate = new SpinBarrier(threads, () -> {
            marks[1] = System.nanoTime();
            exchange(marks[3], (int) marks[4]);
            marks[2] = System.nanoTime();
        });
        List<Future<?>> helpers = new ArrayList<>();
        for (int thread = 1; thread < threads; thread++) {
            int me = thread;
            helpers.add(pool.submit(() -> {
                try {
                    loop(me, from, steps, minDelay, afterUpdate, null);
                } catch (RuntimeException | Error e) {
                    SimulationException f = new SimulationException("simulation thread " + me + " failed: " + e);
                    afterUpdate.fail(f);
                    throw e;
                }
                return null;
            }));
        }
        try {
            loop(0, from, steps, minDelay, afterUpdate, marks);
        } catch (RuntimeException | Error e) {
            // release the helpers waiting at the barrier (they would spin for ever) before reporting
            afterUpdate.fail(new SimulationException("simulation thread 0 failed: " + e));
            awaitQuietly(helpers);
            throw e instanceof SimulationException s ? s : new SimulationException("a simulation thread failed: " + e);
        }
        try {
            for (Future<?> f : helpers) {
                f.get();
            }
        } catch (Exception e) {
            throw new SimulationException("a simulation thread failed: " + (e.getCause() != null ? e.getCause() : e));
        }
    }

    private static void awaitQuietly(List<Future<?>> helpers) {
        for (Future<?> f : helpers) {
            try {
                f.get();
            } catch (Exception ignored) {
                // each helper ends with the failure it was released with
            }
        }
    }

    /**
     * One slice on one thread. A method of its own: the JIT compiles a method after a few thousand calls,
     * but a loop inside a long-running method only after tens of thousands of iterations (OSR), which
     * left a 1 s simulation's slice loop interpreted for most of its run.
     */
    private void slice(long t, int n) {
        // one clock reading per phase boundary, each ending one phase and starting the next: 10,000 slices
        // a second at min_delay = dt, and a reading costs ~26 ns here (the saving was below the noise of
        // a CUBA benchmark)
        long at = stamp;
        for (VirtualProcess vp : vps) {
            updateUntimed(vp, t, n);
            long now = System.nanoTime();
            vp.updateNanos += now - at;
            updateNanos += now - at;
            at = now;
        }
        exchange(t, n);
        long now = System.nanoTime();
        exchangeNanos += now - at;
        at = now;
        for (VirtualProcess vp : vps) {
            deliverUntimed(vp);
            now = System.nanoTime();
            vp.deliverNanos += now - at;
            deliverNanos += now - at;
            at = now;
        }
        stamp = at;
    }

    private void loop(int thread, long from, long steps, int minDelay, SpinBarrier afterUpdate, long[] marks) {
        for (long t = from; t < from + steps; t += minDelay) {
            slice(thread, t, (int) Math.min(minDelay, from + steps - t), afterUpdate, marks);
        }
    }

    /**
     * One slice on one of several threads (a method of its own, as {@link #slice(long, int)}). One barrier
     * a slice: a thread that has delivered into its VPs goes on to update them for the next slice while
     * the others still deliver, as each VP is only ever touched by its own thread; the next exchange, which
     * overwrites the spikes being delivered, waits for every thread's next update, so for its delivery.
     * Thread 0's update time includes its wait at the barrier.
     */
    private void slice(int thread, long t, int n, SpinBarrier afterUpdate, long[] marks) {
        long t0 = System.nanoTime();
        for (int v = thread; v < vps.length; v += threads) {
            update(vps[v], t, n);
        }
        if (marks != null) {
            marks[3] = t; // read by whichever thread runs the exchange, after the barrier
            marks[4] = n;
        }
        afterUpdate.await();
        for (int v = thread; v < vps.length; v += threads) {
            deliver(vps[v]);
        }
        if (marks != null) {
            long t3 = System.nanoTime();
            updateNanos += marks[1] - t0;
            exchangeNanos += marks[2] - marks[1];
            deliverNanos += t3 - marks[2];
        }
    }

    private void update(VirtualProcess vp, long from, int steps) {
        long t0 = System.nanoTime();
        updateUntimed(vp, from, steps);
        vp.updateNanos += System.nanoTime() - t0;
    }

    private void updateUntimed(VirtualProcess vp, long from, int steps) {
        vp.outboxSize = 0;
        for (SpikeGenerator g : generatorsByVp.get(vp.index)) {
            g.update(from, steps);
        }
        for (Population p : vp.populations) {
            p.update(vp, from, steps);
        }
        vp.consumed(from, steps);
    }

    private void exchange(long sliceStart, int sliceSteps) {
        int total = 0;
        for (VirtualProcess vp : vps) {
            total += vp.outboxSize;
        }
        if (spikes.length < total) {
            spikes = new long[Math.max(total, spikes.length * 2)];
            merged = new long[spikes.length];
        }
        if (runs.length < vps.length + 1) {
            runs = new int[vps.length + 1];
        }
        // each VP's spikes are usually in order already (step-major updates emit step by step, in id order)
        int at = 0;
        int count = 0;
        boolean inOrder = true;
        for (VirtualProcess vp : vps) {
            System.arraycopy(vp.outbox, 0, spikes, at, vp.outboxSize);
            if (vp.outboxSize > 0) {
                runs[count++] = at;
                inOrder &= ascending(spikes, at, at + vp.outboxSize);
            }
            at += vp.outboxSize;
        }
        runs[count] = total;
        if (!inOrder) {
            Arrays.sort(spikes, 0, total);
        } else if (count > 1) {
            long[] into = mergeRuns(spikes, merged, runs, count);
            merged = into == spikes ? merged : spikes;
            spikes = into;
        }
        toDeliver = spikes;
        if (link != null) {
            toDeliver = link.exchange(spikes, total, sliceStart, sliceSteps); // the link's array, valid until the next slice
            total = link.total;
        }
        spikeCount = total;
        totalSpikes += total;
        slices++;
        histogram[total == 0 ? 0 : 64 - Long.numberOfLeadingZeros(total)]++;
    }

    private static boolean ascending(long[] a, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            if (a[i] < a[i - 1]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Merges the ordered runs of {@code from} that start at {@code runs[0 .. count - 1]} and end at
     * {@code runs[count]}, pair by pair, using {@code to} as room; returns the array that holds the result
     * ({@code from} or {@code to}). {@code runs} is overwritten.
     */
    static long[] mergeRuns(long[] from, long[] to, int[] runs, int count) {
        while (count > 1) {
            int next = 0;
            for (int r = 0; r < count; r += 2) {
                int lo = runs[r];
                int mid = r + 1 < count ? runs[r + 1] : runs[count];
                int hi = r + 1 < count ? runs[r + 2] : runs[count];
                int i = lo;
                int j = mid;
                int o = lo;
                while (i < mid && j < hi) {
                    to[o++] = from[j] < from[i] ? from[j++] : from[i++];
                }
                System.arraycopy(from, i, to, o, mid - i);
                System.arraycopy(from, j, to, o + mid - i, hi - j);
                runs[next++] = lo; // next <= r / 2: no run not yet read is overwritten
            }
            runs[next] = runs[count];
            count = next;
            long[] swap = from;
            from = to;
            to = swap;
        }
        return from;
    }

    private void deliver(VirtualProcess vp) {
        long t0 = System.nanoTime();
        deliverUntimed(vp);
        vp.deliverNanos += System.nanoTime() - t0;
    }

    private void deliverUntimed(VirtualProcess vp) {
        vp.eventsDelivered += vp.connections.deliver(toDeliver, spikeCount, vp);
        for (PlasticGroup g : vp.plastic) {
            vp.eventsDelivered += g.deliver(toDeliver, spikeCount, vp, vp.summed, vp.resolution);
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
