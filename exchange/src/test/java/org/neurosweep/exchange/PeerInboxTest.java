package org.neurosweep.exchange;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aeron.logbuffer.ControlledFragmentHandler.Action;
import java.util.Arrays;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/** The chunk format on its own: reassembly, and chunks that do not belong. */
class PeerInboxTest {
    @Test
    void chunksOfARoundAreJoinedAndTheInboxStopsAtTheMessagesEnd() {
        PeerInbox inbox = new PeerInbox(1);
        inbox.expect(4);
        byte[] message = new byte[3000];
        Arrays.fill(message, 0, 1000, (byte) 1);
        Arrays.fill(message, 1000, 3000, (byte) 2);
        assertEquals(Action.CONTINUE, inbox.onFragment(chunk(4, message, 0, 1000), 0, PeerInbox.HEADER_LENGTH + 1000, null));
        assertFalse(inbox.complete());
        assertEquals(Action.BREAK, inbox.onFragment(chunk(4, message, 1000, 2000), 0, PeerInbox.HEADER_LENGTH + 2000, null));
        assertTrue(inbox.complete());
        assertNull(inbox.problem());
        assertArrayEquals(message, Arrays.copyOf(inbox.data(), inbox.length()));
    }

    @Test
    void anEmptyMessageIsOneChunk() {
        PeerInbox inbox = new PeerInbox(1);
        inbox.expect(0);
        assertEquals(Action.BREAK, inbox.onFragment(chunk(0, new byte[0], 0, 0), 0, PeerInbox.HEADER_LENGTH, null));
        assertTrue(inbox.complete());
        assertEquals(0, inbox.length());
    }

    @Test
    void aChunkOfAnotherRoundIsAProblemNamingThePeer() {
        PeerInbox inbox = new PeerInbox(2);
        inbox.expect(7);
        assertEquals(Action.BREAK, inbox.onFragment(chunk(8, new byte[10], 0, 10), 0, PeerInbox.HEADER_LENGTH + 10, null));
        assertFalse(inbox.complete());
        assertTrue(inbox.problem().contains("process 2") && inbox.problem().contains("round 8")
                && inbox.problem().contains("round 7"), inbox.problem());
    }

    @Test
    void aChunkOutOfPlaceIsAProblem() {
        PeerInbox inbox = new PeerInbox(2);
        inbox.expect(7);
        inbox.onFragment(chunk(7, new byte[100], 50, 50), 0, PeerInbox.HEADER_LENGTH + 50, null);
        assertTrue(inbox.problem().contains("malformed"), inbox.problem());
    }

    @Test
    void aLeaveChunkIsSeenEvenWhileDiscarding() {
        PeerInbox inbox = new PeerInbox(3);
        inbox.discardUntilLeave();
        assertEquals(Action.CONTINUE, inbox.onFragment(chunk(9, new byte[4], 0, 4), 0, PeerInbox.HEADER_LENGTH + 4, null));
        assertFalse(inbox.left());
        UnsafeBuffer leave = new UnsafeBuffer(new byte[PeerInbox.HEADER_LENGTH]);
        PeerInbox.putHeader(leave, 0, PeerInbox.LEAVE, 0, 0);
        assertEquals(Action.BREAK, inbox.onFragment(leave, 0, PeerInbox.HEADER_LENGTH, null));
        assertTrue(inbox.left());
    }

    /** {@code message[at .. at + n)} as the chunk of {@code round} a sender would write. */
    private static UnsafeBuffer chunk(long round, byte[] message, int at, int n) {
        UnsafeBuffer b = new UnsafeBuffer(new byte[PeerInbox.HEADER_LENGTH + n]);
        PeerInbox.putHeader(b, 0, round, message.length, at);
        b.putBytes(PeerInbox.HEADER_LENGTH, message, at, n);
        return b;
    }
}
