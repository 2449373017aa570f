package org.neurosweep.runners.wire;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Cutting an encoded message into {@link ClusterMessage.Chunk}s no larger than Artery's frame, and putting
 * them together again. A message larger than the frame would otherwise be dropped by Artery (it logs an
 * OversizedPayloadException and delivers nothing).
 */
public final class Chunks {
    /**
     * Bytes per chunk: well under Artery's default maximum frame of 256 KiB, leaving room for the envelope
     * (actor paths, serializer id) and the chunk's own fields.
     */
    public static final int CHUNK_BYTES = 192 * 1024;

    private Chunks() {
    }

    /** The chunks of {@code bytes}, at most {@code chunkBytes} each; an empty message is one empty chunk. */
    public static List<ClusterMessage.Chunk> split(String from, long stream, byte[] bytes, int chunkBytes) {
        if (chunkBytes < 1) {
            throw new IllegalArgumentException("chunk size must be at least 1 byte, got " + chunkBytes);
        }
        int parts = Math.max(1, (bytes.length + chunkBytes - 1) / chunkBytes);
        List<ClusterMessage.Chunk> out = new ArrayList<>(parts);
        for (int p = 0; p < parts; p++) {
            int from0 = p * chunkBytes;
            int length = Math.min(chunkBytes, bytes.length - from0);
            byte[] part = parts == 1 ? bytes : java.util.Arrays.copyOfRange(bytes, from0, from0 + length);
            out.add(new ClusterMessage.Chunk(from, stream, p, parts, part));
        }
        return out;
    }

    /** Collects chunks by sender and stream, in any order; not thread-safe. */
    public static final class Assembler {
        private final Map<String, Map<Long, byte[][]>> pending = new HashMap<>();

        /** Adds a chunk; returns the whole message when this was its last missing chunk, else null. */
        public byte[] add(ClusterMessage.Chunk c) {
            if (c.parts() == 1) {
                return c.bytes();
            }
            if (c.part() < 0 || c.part() >= c.parts()) {
                throw new RunnerWireException("chunk " + c.part() + " of " + c.parts() + " from " + c.from() + " is out of range", null);
            }
            Map<Long, byte[][]> streams = pending.computeIfAbsent(c.from(), k -> new HashMap<>());
            byte[][] parts = streams.computeIfAbsent(c.stream(), k -> new byte[c.parts()][]);
            parts[c.part()] = c.bytes();
            int total = 0;
            for (byte[] p : parts) {
                if (p == null) {
                    return null;
                }
                total += p.length;
            }
            streams.remove(c.stream());
            if (streams.isEmpty()) {
                pending.remove(c.from());
            }
            byte[] whole = new byte[total];
            int at = 0;
            for (byte[] p : parts) {
                System.arraycopy(p, 0, whole, at, p.length);
                at += p.length;
            }
            return whole;
        }

        /** Forgets the incomplete messages of a sender that is gone. */
        public void discard(String from) {
            pending.remove(from);
        }

        /** Incomplete messages held. */
        public int pendingMessages() {
            int n = 0;
            for (Map<Long, byte[][]> m : pending.values()) {
                n += m.size();
            }
            return n;
        }
    }
}
