package org.neurosweep.simulator;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Spikes on the wire between processes, compressed as NEURON's {@code spike_compress} does: a spike is
 * its step within the slice and its sender's index among the neurons of the sending process, not a
 * (time, node id) pair of 8 bytes. Spikes come in the canonical (step, sender) order, so they are written
 * in groups of one step:
 *
 * <pre>
 *   varint   number of groups (0: no spikes; an empty message means the same)
 *   per group:
 *     offset   the step within the slice (1 byte for slices up to 256 steps, else 2, else 4)
 *     varint   number of spikes in the step
 *     index    per spike, the sender's index on its process (1 byte below 256 neurons, 2 below 65,536,
 *              3 below 2^24, else 4), ascending
 * </pre>
 *
 * The widths follow from the slice length and the number of neurons of the sending process, which both
 * sides know, so a message has no width header; a wide slice or a large process falls back to wider
 * fields instead of overflowing. The VPs' own form is a (stamp, id) long of 8 bytes a spike.
 */
final class SpikeCodec {
    private byte[] out = new byte[4096];
    private int at;

    /** Bytes of a step offset for a slice of {@code steps} steps. */
    static int offsetBytes(int steps) {
        return steps <= 0x100 ? 1 : steps <= 0x10000 ? 2 : 4;
    }

    /** Bytes of a sender index on a process of {@code neurons} neurons. */
    static int indexBytes(int neurons) {
        return neurons <= 0x100 ? 1 : neurons <= 0x10000 ? 2 : neurons <= 0x1000000 ? 3 : 4;
    }

    /**
     * Encodes {@code count} spikes ({@code (stamp << 32) | id}, in canonical order, all in the slice of
     * {@code steps} steps from {@code sliceStart}, so stamped {@code sliceStart + 1 .. sliceStart + steps}:
     * a stamp is the end of its step) of a process whose neurons have the indices
     * {@code indexOf[id]}, {@code neurons} of them.
     *
     * @return the message's length; its bytes are {@link #bytes()}
     */
    int encode(long[] spikes, int count, long sliceStart, int steps, int[] indexOf, int neurons) {
        at = 0;
        if (count == 0) {
            return 0;
        }
        int ob = offsetBytes(steps);
        int ib = indexBytes(neurons);
        int groups = 0;
        for (int i = 0; i < count; i++) {
            groups += i == 0 || spikes[i] >>> 32 != spikes[i - 1] >>> 32 ? 1 : 0;
        }
        ensure(5 + groups * (ob + 5) + count * ib);
        varint(groups);
        int i = 0;
        while (i < count) {
            long stamp = spikes[i] >>> 32;
            int j = i;
            while (j < count && spikes[j] >>> 32 == stamp) {
                j++;
            }
            long offset = stamp - sliceStart - 1;
            if (offset < 0 || offset >= steps) {
                throw new IllegalStateException("a spike stamped " + stamp + " is outside the slice of " + steps
                        + " steps from step " + sliceStart);
            }
            fixed(offset, ob);
            varint(j - i);
            for (int k = i; k < j; k++) {
                fixed(indexOf[(int) spikes[k]], ib);
            }
            i = j;
        }
        return at;
    }

    /** The buffer {@link #encode} wrote into (valid up to its returned length, until the next call). */
    byte[] bytes() {
        return out;
    }

    /**
     * Decodes a message of the process whose neurons by index are {@code ids} into {@code into} from
     * {@code start}, growing it when needed.
     *
     * @return the array holding the spikes (to be used from now on), with the count in {@code count[0]}
     */
    static long[] decode(ByteBuffer in, long sliceStart, int steps, int[] ids, long[] into, int start, int[] count) {
        int n = start;
        if (in.hasRemaining()) {
            int ob = offsetBytes(steps);
            int ib = indexBytes(ids.length);
            int groups = varint(in);
            for (int g = 0; g < groups; g++) {
                long stamp = sliceStart + 1 + fixed(in, ob);
                int spikes = varint(in);
                if (into.length < n + spikes) {
                    into = Arrays.copyOf(into, Math.max(n + spikes, into.length * 2));
                }
                long high = stamp << 32;
                for (int k = 0; k < spikes; k++) {
                    into[n++] = high | ids[(int) fixed(in, ib)];
                }
            }
        }
        count[0] = n - start;
        return into;
    }

    private void ensure(int more) {
        if (out.length < at + more) {
            out = Arrays.copyOf(out, Math.max(at + more, out.length * 2));
        }
    }

    private void varint(int v) {
        while ((v & ~0x7F) != 0) {
            out[at++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out[at++] = (byte) v;
    }

    private void fixed(long v, int bytes) {
        for (int b = 0; b < bytes; b++) {
            out[at++] = (byte) (v >>> (8 * b));
        }
    }

    private static int varint(ByteBuffer in) {
        int v = 0;
        int shift = 0;
        while (true) {
            int b = in.get() & 0xFF;
            v |= (b & 0x7F) << shift;
            if (b < 0x80) {
                return v;
            }
            shift += 7;
        }
    }

    private static long fixed(ByteBuffer in, int bytes) {
        long v = 0;
        for (int b = 0; b < bytes; b++) {
            v |= (long) (in.get() & 0xFF) << (8 * b);
        }
        return v;
    }
}
