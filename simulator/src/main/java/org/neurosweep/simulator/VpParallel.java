package org.neurosweep.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Work done for every VP at build time (connecting, preparing), spread over the kernel's threads. */
final class VpParallel {
    /** What is done for one VP. */
    interface Task {
        void run(VirtualProcess vp);
    }

    private VpParallel() {
    }

    static ExecutorService pool(int threads) {
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "neurosweep-build");
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs the task for every VP, VP v on thread v % threads (in the caller's thread when there is one thread). */
    static void run(VirtualProcess[] vps, int threads, ExecutorService pool, Task task) {
        if (threads == 1) {
            for (VirtualProcess vp : vps) {
                task.run(vp);
            }
            return;
        }
        List<Future<?>> futures = new ArrayList<>();
        for (int thread = 0; thread < threads; thread++) {
            int me = thread;
            futures.add(pool.submit(() -> {
                for (int v = me; v < vps.length; v += threads) {
                    task.run(vps[v]);
                }
            }));
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SimulationException("interrupted");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof SimulationException s) {
                    throw s;
                }
                throw new SimulationException("a build thread failed: " + e.getCause());
            }
        }
    }
}
