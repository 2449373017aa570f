package org.neurosweep.runners;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.neurosweep.trajectory.RunRecord;

/**
 * POOL + QUEUE: worker threads pull the next run index as they become idle (a slow run holds back no
 * other), run it, and put the finished run on a bounded queue; the caller's thread alone hands runs to
 * the sink.
 */
final class PoolExecutor {
    private static final int QUEUE = 4096;

    private PoolExecutor() {
    }

    static void execute(SweepState s, int workers) throws InterruptedException {
        BlockingQueue<RunRecord> finished = new ArrayBlockingQueue<>(QUEUE);
        AtomicInteger live = new AtomicInteger(workers);
        List<Thread> threads = new ArrayList<>();
        for (int w = 1; w <= workers; w++) {
            String name = "thread-" + w;
            Thread t = new Thread(() -> {
                try {
                    long i;
                    while (!s.stop.aborting() && (i = s.next()) >= 0) {
                        RunRecord r = Environment.runOne(s.trajectory, i, s.function, name);
                        while (!finished.offer(r, 100, TimeUnit.MILLISECONDS)) {
                            if (s.stop.aborting()) {
                                return;
                            }
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    live.decrementAndGet();
                }
            }, "neurosweep-pool-" + w);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        while (live.get() > 0 || !finished.isEmpty()) {
            RunRecord r = finished.poll(100, TimeUnit.MILLISECONDS);
            if (r != null) {
                s.deliver(r);
            }
            if (s.stop.aborting()) {
                RunRecord left;
                while ((left = finished.poll()) != null) {
                    s.deliver(left); // finished before the abort: keep them
                }
                return; // in-flight runs are abandoned; their threads are daemons
            }
        }
        for (Thread t : threads) {
            t.join();
        }
    }
}
