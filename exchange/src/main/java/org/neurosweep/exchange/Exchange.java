package org.neurosweep.exchange;

import java.nio.ByteBuffer;

/**
 * Processes {@code 0 .. size() - 1} of one computation, each holding one of these. A round is an
 * all-gather: every process offers one message and receives every process's message of the same round,
 * in rank order. Rounds are lockstep: a process's k-th call meets every other's k-th call.
 *
 * <p>A peer that dies or stops answering ends the round with an {@link ExchangeException} naming it,
 * never a hang.
 */
public interface Exchange extends AutoCloseable {
    /** This process, 0-based. */
    int rank();

    /** How many processes take part. */
    int size();

    /**
     * One round: sends {@code message[0 .. length)} to every other process and waits for theirs.
     *
     * @return the round's messages by rank, this process's own included, each a read-only buffer from its
     *     position to its limit; valid until the next call
     * @throws ExchangeException when a peer is gone, failed, or sent a message of another round
     */
    ByteBuffer[] allGather(byte[] message, int length);

    /** Counters since the exchange was made. */
    Counters counters();

    /** Leaves the group; peers still waiting for this process fail with an error naming it. */
    @Override
    void close();

    /**
     * What rounds cost: payload bytes sent (per peer, summed over peers), rounds, and nanoseconds spent
     * sending (handing messages to the transport) and waiting (for the peers' messages).
     */
    record Counters(long rounds, long bytesSent, long sendNanos, long waitNanos) {
    }
}
