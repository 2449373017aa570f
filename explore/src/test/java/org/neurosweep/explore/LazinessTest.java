package org.neurosweep.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Iterator;
import org.junit.jupiter.api.Test;

/**
 * A 10,000,000-point sweep must not allocate per point before iterating. Measured with the JVM's
 * per-thread allocation counter, which counts every byte this thread allocates (no GC noise).
 */
class LazinessTest {
    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    @Test
    void tenMillionPointProductAllocatesOnlyWhatIsIterated() {
        // warm the classes and the counter up once
        Sweep.product(Sweep.arange("a", 0, 10, 1), Sweep.values("b", 1, 2)).points().next();

        long before = allocatedBytes();
        Sweep s = Sweep.product(Sweep.arange("a", 0, 100, 1), Sweep.linspace("b", 0, 1, 100),
                Sweep.values("c", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10), Sweep.arange("d", 0.0, 100.0, 1.0));
        assertEquals(10_000_000, s.size());
        Iterator<RunPoint> it = s.points();
        long sum = 0;
        for (int i = 0; i < 1000; i++) {
            sum += ((Integer) it.next().value("c"));
        }
        long used = allocatedBytes() - before;
        // d changes fastest (100 values), so the first 1,000 points hold c = 1..10, 100 points each
        assertEquals(100 * 55, sum);
        // 10^7 points materialised would take hundreds of megabytes; 1,000 iterated points take ~200 KB.
        assertTrue(used < 2_000_000, "allocated " + used + " bytes to build the sweep and iterate 1,000 points");
    }
}
