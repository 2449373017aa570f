package org.neurosweep.benchmarks;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.neurosweep.runners.ClusterWorker;

/**
 * The worker JVMs the soak kills with kill -9 (SIGKILL), one at random each time: in PROCESSES mode the
 * runner's own (this JVM's children), which the runner must replace; in CLUSTER mode worker nodes this
 * harness starts and replaces.
 */
abstract class SoakVictims implements AutoCloseable {
    final AtomicLong kills = new AtomicLong();

    /** Kills one worker JVM, if there is one; called from the soak's scheduler thread only. */
    abstract void killOne();

    /** Makes up for workers that ended on their own (a cluster node leaves when its sweep is complete). */
    void keep() {
    }

    /** Stops replacing workers and ends those still running. */
    @Override
    public void close() {
    }

    static <T> T any(List<T> from) {
        return from.get(ThreadLocalRandom.current().nextInt(from.size()));
    }

    /** PROCESSES: the runner's worker JVMs, the only child processes of this JVM. */
    static final class Children extends SoakVictims {
        @Override
        void killOne() {
            List<ProcessHandle> alive = ProcessHandle.current().children().filter(ProcessHandle::isAlive).toList();
            if (!alive.isEmpty() && any(alive).destroyForcibly()) {
                kills.incrementAndGet();
            }
        }
    }

    /**
     * CLUSTER: {@code count} worker-node JVMs of one slot each that join the coordinator at {@code port} on
     * 127.0.0.1, started as the tests and {@code benchmarks/run cluster} start them; each killed one is
     * replaced at once, and each that ended on its own at the next {@link #keep}. Their output goes to {@code log}.
     */
    static final class ClusterNodes extends SoakVictims {
        private final int port;
        private final int count;
        private final File log;
        private final List<Process> nodes = new ArrayList<>();
        private boolean closed;

        ClusterNodes(int port, int count, Path log) {
            this.port = port;
            this.count = count;
            this.log = log.toFile();
            keep();
        }

        @Override
        synchronized void keep() {
            nodes.removeIf(p -> !p.isAlive());
            while (!closed && nodes.size() < count) {
                try {
                    nodes.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                            "-cp", System.getProperty("java.class.path"), ClusterWorker.class.getName(), "127.0.0.1:" + port, "1",
                            "120").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start());
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot start a cluster worker", e);
                }
            }
        }

        @Override
        synchronized void killOne() {
            nodes.removeIf(p -> !p.isAlive());
            if (!nodes.isEmpty()) {
                Process victim = any(nodes);
                victim.destroyForcibly(); // SIGKILL
                nodes.remove(victim);
                kills.incrementAndGet();
            }
            keep();
        }

        /** Waits a little for the nodes to leave as the coordinator told them, then kills those left. */
        @Override
        public void close() {
            List<Process> left;
            synchronized (this) {
                closed = true;
                left = List.copyOf(nodes);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            for (Process p : left) {
                try {
                    if (!p.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                        p.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    p.destroyForcibly();
                }
            }
            for (Process p : left) {
                p.onExit().join();
            }
        }
    }
}
