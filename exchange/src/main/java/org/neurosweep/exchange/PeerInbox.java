package org.neurosweep.exchange;

import io.aeron.logbuffer.ControlledFragmentHandler;
import io.aeron.logbuffer.Header;
import java.nio.ByteOrder;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * One peer's messages as they arrive, and the wire form of a chunk. A message goes as one or more chunks,
 * each one Aeron frame (never fragmented by Aeron, so no assembler copies it): a 16-byte header (round,
 * message length, offset of this chunk in the message; little-endian) and the chunk's bytes. The inbox
 * copies the chunks of the expected round into one reusable array and stops polling at the message's end,
 * so the next round's chunks stay queued in Aeron's log.
 */
final class PeerInbox implements ControlledFragmentHandler {
    static final int ROUND_OFFSET = 0;
    static final int LENGTH_OFFSET = 8;
    static final int CHUNK_OFFSET = 12;
    static final int HEADER_LENGTH = 16;
    /** Round number of the greeting exchanged by {@code connect}. */
    static final long HELLO = -1;
    /** Round number of the chunk a process sends when it closes. */
    static final long LEAVE = Long.MIN_VALUE;
    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private final int peer;
    private byte[] data = new byte[1024];
    private long expectedRound;
    private int length;
    private int received;
    private boolean started;
    private boolean complete;
    private boolean left;
    private boolean discarding;
    private String problem;

    PeerInbox(int peer) {
        this.peer = peer;
    }

    /** Writes a chunk's header at {@code offset}. */
    static void putHeader(MutableDirectBuffer buffer, int offset, long round, int messageLength, int chunkOffset) {
        buffer.putLong(offset + ROUND_OFFSET, round, ORDER);
        buffer.putInt(offset + LENGTH_OFFSET, messageLength, ORDER);
        buffer.putInt(offset + CHUNK_OFFSET, chunkOffset, ORDER);
    }

    /** Starts waiting for the peer's message of {@code round}. */
    void expect(long round) {
        expectedRound = round;
        length = 0;
        received = 0;
        started = false;
        complete = false;
    }

    /** From now on skips every chunk but a {@link #LEAVE} (used while closing). */
    void discardUntilLeave() {
        discarding = true;
    }

    boolean complete() {
        return complete;
    }

    /** The peer sent {@link #LEAVE}: it closed its exchange. */
    boolean left() {
        return left;
    }

    /** What was wrong with a chunk received (another round, a malformed chunk), or null. */
    String problem() {
        return problem;
    }

    byte[] data() {
        return data;
    }

    int length() {
        return length;
    }

    @Override
    public Action onFragment(DirectBuffer buffer, int offset, int fragmentLength, Header header) {
        if (fragmentLength < HEADER_LENGTH) {
            problem = "process " + peer + " sent a frame of " + fragmentLength + " bytes, shorter than a chunk header";
            return Action.BREAK;
        }
        long round = buffer.getLong(offset + ROUND_OFFSET, ORDER);
        if (round == LEAVE) {
            left = true;
            return Action.BREAK;
        }
        if (discarding) {
            return Action.CONTINUE;
        }
        if (round != expectedRound) {
            problem = "process " + peer + " sent a message of " + roundName(round) + " in " + roundName(expectedRound)
                    + " (the processes are not in step)";
            return Action.BREAK;
        }
        int total = buffer.getInt(offset + LENGTH_OFFSET, ORDER);
        int at = buffer.getInt(offset + CHUNK_OFFSET, ORDER);
        int n = fragmentLength - HEADER_LENGTH;
        if (total < 0 || at != received || (long) at + n > total || (started && total != length)) {
            problem = "process " + peer + " sent a malformed chunk in " + roundName(round) + ": " + n + " bytes at "
                    + at + " of a " + total + "-byte message, " + received + " bytes received";
            return Action.BREAK;
        }
        if (!started) {
            started = true;
            length = total;
            if (data.length < total) {
                data = new byte[Math.max(total, (int) Math.min(Integer.MAX_VALUE - 8, 2L * data.length))];
            }
        }
        buffer.getBytes(offset + HEADER_LENGTH, data, at, n);
        received += n;
        if (received == total) {
            complete = true;
            return Action.BREAK;
        }
        return Action.CONTINUE;
    }

    static String roundName(long round) {
        if (round == HELLO) {
            return "the greeting";
        }
        return round == LEAVE ? "its leaving" : "round " + round;
    }
}
