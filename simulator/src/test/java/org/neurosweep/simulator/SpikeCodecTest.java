package org.neurosweep.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Spikes on the wire between processes: what is encoded is what is decoded, for every width. */
class SpikeCodecTest {
    /** A process owning every k-th of {@code nodes} node ids, from {@code first}. */
    record Process(int[] ids, int[] indexOf) {
        static Process of(int nodes, int every, int first) {
            int[] ids = java.util.stream.IntStream.rangeClosed(1, nodes).filter(id -> id % every == first).toArray();
            int[] indexOf = new int[nodes + 1];
            for (int i = 0; i < ids.length; i++) {
                indexOf[ids[i]] = i;
            }
            return new Process(ids, indexOf);
        }
    }

    /** Random spikes of the process in a slice, in canonical order, at most one per neuron and step. */
    static long[] slice(Random r, Process p, long start, int steps, int count) {
        TreeSet<Long> keys = new TreeSet<>();
        while (keys.size() < count) {
            long stamp = start + 1 + r.nextInt(steps);
            keys.add((stamp << 32) | p.ids()[r.nextInt(p.ids().length)]);
        }
        return keys.stream().mapToLong(Long::longValue).toArray();
    }

    private static long[] roundTrip(long[] spikes, long start, int steps, Process p) {
        SpikeCodec c = new SpikeCodec();
        int length = c.encode(spikes, spikes.length, start, steps, p.indexOf(), p.ids().length);
        long[] into = new long[3];
        into[0] = 99; // what is before start stays
        int[] count = new int[1];
        long[] out = SpikeCodec.decode(ByteBuffer.wrap(c.bytes(), 0, length), start, steps, p.ids(), into, 1, count);
        assertEquals(99, out[0]);
        assertEquals(spikes.length, count[0]);
        return Arrays.copyOfRange(out, 1, 1 + count[0]);
    }

    @Test
    void randomSlicesSurviveTheWireForEveryWidth() {
        Random r = new Random(11);
        // (nodes, every, steps): 1-byte indices and offsets; 2-byte indices; 3-byte indices; 2-byte offsets (a slice
        // of 300 steps: delays over 25.6 ms at 0.1 ms); 4-byte offsets
        int[][] cases = {{200, 2, 15}, {100_000, 2, 15}, {40_000_000, 2, 256}, {1000, 3, 300}, {1000, 1, 70_000}};
        for (int[] c : cases) {
            Process p = Process.of(c[0], c[1], c[1] == 1 ? 0 : 1);
            for (int trial = 0; trial < 20; trial++) {
                long start = (long) r.nextInt((1 << 30) / c[2]) * c[2]; // stamps fit the 31 bits of a spike key
                long[] spikes = slice(r, p, start, c[2], r.nextInt(Math.min(2000, p.ids().length)));
                assertArrayEquals(spikes, roundTrip(spikes, start, c[2], p), Arrays.toString(c) + " trial " + trial);
            }
        }
    }

    @Test
    void widthsFollowTheSliceAndTheProcess() {
        assertEquals(1, SpikeCodec.offsetBytes(256));
        assertEquals(2, SpikeCodec.offsetBytes(257));
        assertEquals(4, SpikeCodec.offsetBytes(65_537));
        assertEquals(1, SpikeCodec.indexBytes(256));
        assertEquals(2, SpikeCodec.indexBytes(257));
        assertEquals(3, SpikeCodec.indexBytes(65_537));
        assertEquals(4, SpikeCodec.indexBytes(16_777_217));
    }

    @Test
    void aCrowdedSliceCostsLessThanTwoBytesASpikeOnSmallProcessesAndNothingWhenSilent() {
        Process p = Process.of(500, 2, 0); // 250 neurons: 1-byte indices
        long[] spikes = slice(new Random(3), p, 1000, 15, 600);
        SpikeCodec c = new SpikeCodec();
        int length = c.encode(spikes, spikes.length, 1000, 15, p.indexOf(), p.ids().length);
        assertTrue(length < 2 * spikes.length, length + " bytes for " + spikes.length + " spikes, against 8 each in memory");
        assertEquals(0, c.encode(spikes, 0, 1000, 15, p.indexOf(), p.ids().length), "a silent slice sends nothing");
        assertEquals(0, roundTrip(new long[0], 1000, 15, p).length);
    }

    @Test
    void aSpikeOutsideItsSliceIsABug() {
        Process p = Process.of(10, 1, 0);
        long[] late = {(17L << 32) | 3};
        assertThrows(IllegalStateException.class, () -> new SpikeCodec().encode(late, 1, 0, 15, p.indexOf(), p.ids().length));
    }
}
