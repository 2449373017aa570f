package org.neurosweep.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The exchange merges the VPs' ordered spikes into the canonical order (time, then sender). */
class SchedulerTest {
    @Test
    void mergingOrderedRunsGivesTheSortedSpikes() {
        Random r = new Random(7);
        for (int trial = 0; trial < 300; trial++) {
            int count = 1 + r.nextInt(9); // VPs with spikes, odd and even counts
            int[] runs = new int[count + 1];
            int total = 0;
            long[] spikes = new long[count * 40];
            for (int v = 0; v < count; v++) {
                runs[v] = total;
                int n = 1 + r.nextInt(trial % 2 == 0 ? 3 : 40);
                long[] run = new long[n];
                for (int i = 0; i < n; i++) {
                    run[i] = ((long) (1 + r.nextInt(15)) << 32) | (v + count * r.nextInt(500)); // VP v's senders
                }
                Arrays.sort(run);
                System.arraycopy(run, 0, spikes, total, n);
                total += n;
            }
            runs[count] = total;
            long[] expected = Arrays.copyOf(spikes, total);
            Arrays.sort(expected);
            long[] merged = Scheduler.mergeRuns(spikes, new long[spikes.length], runs, count);
            assertArrayEquals(expected, Arrays.copyOf(merged, total), "trial " + trial + ", " + count + " runs");
        }
    }
}
