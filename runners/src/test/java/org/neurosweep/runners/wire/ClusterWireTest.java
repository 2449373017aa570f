package org.neurosweep.runners.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The cluster's messages through Pekko's serializer (Kryo, the one registry) and chunking. */
class ClusterWireTest {
    private final KryoPekkoSerializer serializer = new KryoPekkoSerializer(null);

    private Object roundTrip(ClusterMessage m) {
        return serializer.fromBinaryJava(serializer.toBinary(m), null);
    }

    @Test
    void everyClusterMessageSurvivesTheSerializer() {
        ClusterMessage.Join j = (ClusterMessage.Join) roundTrip(new ClusterMessage.Join("pekko://n@h:1/user#5", "h:1", 3));
        assertEquals(new ClusterMessage.Join("pekko://n@h:1/user#5", "h:1", 3), j);
        ClusterMessage.Welcome w = (ClusterMessage.Welcome) roundTrip(new ClusterMessage.Welcome(new String[] {"a.B"}, 7, 6));
        assertArrayEquals(new String[] {"a.B"}, w.registeredClasses());
        assertEquals(7, w.initStream());
        assertEquals(6, w.codeStream());
        ClusterMessage.Chunk c = (ClusterMessage.Chunk) roundTrip(new ClusterMessage.Chunk("x", 2, 1, 3, new byte[] {1, 2}));
        assertEquals("x", c.from());
        assertEquals(2, c.stream());
        assertEquals(1, c.part());
        assertEquals(3, c.parts());
        assertArrayEquals(new byte[] {1, 2}, c.bytes());
        ClusterMessage.Results r = (ClusterMessage.Results) roundTrip(new ClusterMessage.Results("y", new byte[][] {{1}, {2, 3}}));
        assertEquals("y", r.from());
        assertArrayEquals(new byte[] {2, 3}, r.messages()[1]);
        ClusterMessage.Tasks t = (ClusterMessage.Tasks) roundTrip(new ClusterMessage.Tasks(new long[] {4, 9, 1L << 40}));
        assertArrayEquals(new long[] {4, 9, 1L << 40}, t.indices());
        assertEquals(new ClusterMessage.Cancel(11), roundTrip(new ClusterMessage.Cancel(11)));
        assertEquals(new ClusterMessage.Leave(), roundTrip(new ClusterMessage.Leave()));
        assertEquals(KryoPekkoSerializer.ID, serializer.identifier());
    }

    @Test
    void onlyClusterMessagesAreSerialized() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> serializer.toBinary("text"));
        assertTrue(e.getMessage().contains("java.lang.String"), e.getMessage());
    }

    @Test
    void chunksPutTogetherInAnyOrder() {
        byte[] message = new byte[1000];
        new Random(1).nextBytes(message);
        List<ClusterMessage.Chunk> chunks = new ArrayList<>(Chunks.split("w", 5, message, 300));
        assertEquals(4, chunks.size(), "1000 bytes in chunks of 300");
        assertTrue(chunks.stream().allMatch(c -> c.bytes().length <= 300));
        Collections.shuffle(chunks, new Random(2));
        Chunks.Assembler a = new Chunks.Assembler();
        for (int k = 0; k < 3; k++) {
            assertNull(a.add(chunks.get(k)), "incomplete after " + (k + 1) + " chunks");
        }
        assertEquals(1, a.pendingMessages());
        assertArrayEquals(message, a.add(chunks.get(3)));
        assertEquals(0, a.pendingMessages());
    }

    @Test
    void streamsOfDifferentSendersDoNotMix() {
        Chunks.Assembler a = new Chunks.Assembler();
        List<ClusterMessage.Chunk> one = Chunks.split("a", 1, new byte[] {1, 1, 1, 1}, 2);
        List<ClusterMessage.Chunk> two = Chunks.split("b", 1, new byte[] {2, 2, 2, 2}, 2);
        assertNull(a.add(one.get(0)));
        assertNull(a.add(two.get(1)));
        assertArrayEquals(new byte[] {2, 2, 2, 2}, a.add(two.get(0)));
        a.discard("a"); // its sender left: the incomplete message is dropped
        assertEquals(0, a.pendingMessages());
        assertArrayEquals(new byte[0], Chunks.split("c", 1, new byte[0], 10).get(0).bytes(), "an empty message is one empty chunk");
        assertThrows(IllegalArgumentException.class, () -> Chunks.split("c", 1, new byte[3], 0));
    }
}
