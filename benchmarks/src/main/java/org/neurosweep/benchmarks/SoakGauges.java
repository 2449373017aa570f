package org.neurosweep.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * What the soak watches in this JVM (the coordinator): resident memory, heap in use after a full
 * collection, open file descriptors and live threads (Linux: read from /proc/self), with the machine's
 * load; and whether they stayed flat.
 */
final class SoakGauges {
    private SoakGauges() {
    }

    /**
     * One reading.
     *
     * @param rssKib      resident set size (VmRSS), KiB
     * @param heapAfterGc heap in use right after System.gc(), bytes
     * @param fds         open file descriptors
     * @param threads     live threads (daemon or not)
     * @param load        the 1-minute load average of the machine
     */
    record Sample(long rssKib, long heapAfterGc, long fds, int threads, double load) {
        double rssMib() {
            return rssKib / 1024.0;
        }

        double heapMib() {
            return heapAfterGc / (1024.0 * 1024.0);
        }
    }

    /**
     * Reads the gauges now. The heap figure is what is really held: the lower of two readings, each right
     * after System.gc(), since a collection requested while another thread is in a JNI critical section (the
     * HDF5 writer's) can be cut short and leave garbage counted.
     */
    static Sample sample() {
        long heap = Long.MAX_VALUE;
        for (int i = 0; i < 2; i++) {
            System.gc();
            heap = Math.min(heap, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return new Sample(rssKib(), heap, fds(), ManagementFactory.getThreadMXBean().getThreadCount(), load());
    }

    private static long rssKib() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
            return lines.filter(l -> l.startsWith("VmRSS:")).findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).orElse(-1L);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long fds() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count() - 1; // the listing's own descriptor
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double load() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        }
    }

    /**
     * How far the gauges may move from a reading taken once the sweep is under way to one taken as late as
     * possible while it still runs, for them to count as flat.
     *
     * @param rssFactor resident memory may grow by this factor...
     * @param rssMib    ...plus this many MiB (the heap and the HDF5 library's caches settle)
     * @param heapMib   heap in use after a full collection may grow by this many MiB
     * @param fds       open descriptors may grow by this many (a worker starting at the moment of reading holds some)
     * @param threads   live threads may grow by this many (as fds)
     */
    record Bounds(double rssFactor, double rssMib, double heapMib, long fds, int threads) {
    }
}
