package org.neurosweep.exchange;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.neurosweep.exchange.Partitioner.Edge;

class PartitionerTest {
    @Test
    void balancedSpreadsSizesLargestFirst() {
        long[] sizes = {10, 7, 5, 5, 3, 2};
        int[] of = Partitioner.balanced(sizes, 2);
        long[] load = Partitioner.loads(sizes, of, 2);
        assertEquals(32, load[0] + load[1]);
        // largest first into the lightest: 10 | 7, 5 -> 1, 5 -> 0, 3 -> 1, 2 -> 0 (tie: the lower): 17 | 15, one
        // smallest part from perfect, inside LPT's bound of 4/3 of the best (16)
        assertArrayEquals(new long[] {17, 15}, load, Arrays.toString(of));
        assertArrayEquals(of, Partitioner.balanced(sizes, 2), "deterministic");
    }

    @Test
    void minimumCutSeparatesTwoClustersThatBalancingMixes() {
        // parts 0-3 talk among themselves, 4-7 among themselves, one thin link between: balancing by size
        // alone (all sizes equal) interleaves them; the cut must be the thin link only.
        long[] sizes = {100, 100, 100, 100, 100, 100, 100, 100};
        List<Edge> edges = new ArrayList<>();
        for (int a = 0; a < 4; a++) {
            for (int b = a + 1; b < 4; b++) {
                edges.add(new Edge(a, b, 50));
                edges.add(new Edge(a + 4, b + 4, 50));
            }
        }
        edges.add(new Edge(3, 4, 1));
        Edge[] e = edges.toArray(new Edge[0]);
        int[] balanced = Partitioner.balanced(sizes, 2);
        int[] cut = Partitioner.minimumCut(sizes, e, 2, 0.0);
        assertTrue(Partitioner.cut(balanced, e) > 1, "balancing alone cuts clusters: " + Partitioner.cut(balanced, e));
        assertEquals(1, Partitioner.cut(cut, e), Arrays.toString(cut));
        assertArrayEquals(new long[] {400, 400}, Partitioner.loads(sizes, cut, 2));
    }

    @Test
    void minimumCutNeverCutsMoreThanBalancedAndKeepsTheBound() {
        Random r = new Random(5);
        for (int trial = 0; trial < 50; trial++) {
            int n = 3 + r.nextInt(12);
            int components = 1 + r.nextInt(4);
            long[] sizes = r.longs(n, 1, 1000).toArray();
            Edge[] e = new Edge[n * 2];
            for (int k = 0; k < e.length; k++) {
                e[k] = new Edge(r.nextInt(n), r.nextInt(n), r.nextInt(100));
            }
            int[] b = Partitioner.balanced(sizes, components);
            int[] c = Partitioner.minimumCut(sizes, e, components, 0.2);
            assertTrue(Partitioner.cut(c, e) <= Partitioner.cut(b, e), "trial " + trial);
            long cap = Math.max(Arrays.stream(sizes).max().getAsLong(), (long) Math.floor(1.2 * Arrays.stream(sizes).sum() / components));
            long[] bLoads = Partitioner.loads(sizes, b, components);
            for (int k = 0; k < components; k++) {
                long load = Partitioner.loads(sizes, c, components)[k];
                assertTrue(load <= Math.max(cap, Arrays.stream(bLoads).max().getAsLong()), "trial " + trial + ": load " + load);
            }
        }
    }

    @Test
    void componentsAreIndependentOfProcesses() {
        int[] of = Partitioner.explicit(new int[] {0, 1, 2, 3, 4}, 5);
        assertArrayEquals(new int[] {0, 1, 0, 1, 0}, Partitioner.onProcesses(of, 2));
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, Partitioner.onProcesses(of, 8));
    }

    @Test
    void badInputIsNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Partitioner.explicit(new int[] {0, 3}, 2))
                .getMessage().contains("component 3"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Partitioner.balanced(new long[] {0}, 2))
                .getMessage().contains("size 0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Partitioner.balanced(new long[] {1}, 0))
                .getMessage().contains("components = 0"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Partitioner.minimumCut(new long[] {1, 2}, new Edge[] {new Edge(0, 5, 1)}, 2, 0.1)).getMessage().contains("0..1"));
    }
}
