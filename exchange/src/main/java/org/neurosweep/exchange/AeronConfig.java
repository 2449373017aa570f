package org.neurosweep.exchange;

import java.time.Duration;
import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * How one process joins an {@link AeronExchange}: its rank, the group's size, and the timeouts and
 * sizes the transport uses. Build with {@link #builder(int, int)}; each setting can be given once.
 *
 * @param rank              this process, {@code 0 .. size - 1}
 * @param size              how many processes take part
 * @param connectTimeout    how long {@code connect} waits for every peer (default 30 s)
 * @param livenessTimeout   how long a peer (or the IPC media driver) may show no sign of life before it
 *     counts as dead; a killed peer is reported about this long (plus about a second) after it died. Aeron
 *     counts a client whose threads stand still this long (a stop-the-world GC pause) as dead too, so
 *     raise it for large heaps (default 5 s, at least 2 s)
 * @param maxWait           the longest a round waits for a peer that is alive but sends nothing; round
 *     0 may legitimately wait while peers build their networks (default 10 min)
 * @param closeTimeout      how long {@code close} waits for the peers to close too, so that the last
 *     round's data is surely delivered before this process's transport goes (default 10 s)
 * @param streamIdBase      Aeron stream id of rank 0's messages; rank r sends on {@code streamIdBase + r}
 *     (default 1000)
 * @param termLength        Aeron term buffer length, a power of two in 64 KiB .. 64 MiB: a publication
 *     holds three terms and may run half a term ahead of its slowest reader (default 4 MiB)
 * @param mtuLength         largest Aeron frame, a multiple of 32 in 1024 .. 65504; 0 for the transport's
 *     default: {@value #DEFAULT_IPC_MTU} for IPC, {@value #DEFAULT_UDP_MTU} for UDP, which fits an
 *     Ethernet frame (raise it on loopback or jumbo frames)
 * @param socketBufferLength UDP socket send and receive buffer and receiver window, clamped to what the
 *     OS allows (net.core.rmem_max, wmem_max) (default 2 MiB)
 * @param peerAlive         asked, while waiting, whether a peer is still alive (a launcher watching its
 *     child processes can answer); false fails the round naming the peer (default: always true)
 */
public record AeronConfig(
        int rank,
        int size,
        Duration connectTimeout,
        Duration livenessTimeout,
        Duration maxWait,
        Duration closeTimeout,
        int streamIdBase,
        int termLength,
        int mtuLength,
        int socketBufferLength,
        IntPredicate peerAlive) {

    public static final int DEFAULT_IPC_MTU = 32_768;
    public static final int DEFAULT_UDP_MTU = 1408;
    private static final Duration MIN_LIVENESS = Duration.ofSeconds(2);

    public AeronConfig {
        if (size < 1) {
            throw new IllegalArgumentException("size = " + size + " must be at least 1");
        }
        if (rank < 0 || rank >= size) {
            throw new IllegalArgumentException("rank = " + rank + " must be in 0.." + (size - 1));
        }
        positive("connectTimeout", connectTimeout);
        positive("livenessTimeout", livenessTimeout);
        if (livenessTimeout.compareTo(MIN_LIVENESS) < 0) {
            throw new IllegalArgumentException("livenessTimeout = " + livenessTimeout + " must be at least "
                    + MIN_LIVENESS + " (Aeron checks liveness once a second)");
        }
        positive("maxWait", maxWait);
        positive("closeTimeout", closeTimeout);
        if (streamIdBase < 1 || (long) streamIdBase + size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("streamIdBase = " + streamIdBase + " must be positive and leave room for "
                    + size + " streams");
        }
        if (termLength < 64 * 1024 || termLength > 64 * 1024 * 1024 || Integer.bitCount(termLength) != 1) {
            throw new IllegalArgumentException("termLength = " + termLength
                    + " must be a power of two in 65536..67108864");
        }
        if (mtuLength != 0 && (mtuLength < 1024 || mtuLength > 65_504 || mtuLength % 32 != 0)) {
            throw new IllegalArgumentException("mtuLength = " + mtuLength
                    + " must be 0 (transport default) or a multiple of 32 in 1024..65504");
        }
        if (mtuLength > termLength / 8) {
            throw new IllegalArgumentException("mtuLength = " + mtuLength + " must be at most termLength / 8 = "
                    + termLength / 8);
        }
        if (socketBufferLength < 64 * 1024) {
            throw new IllegalArgumentException("socketBufferLength = " + socketBufferLength
                    + " must be at least 65536");
        }
        Objects.requireNonNull(peerAlive, "peerAlive");
    }

    /** The defaults for process {@code rank} of {@code size}. */
    public static AeronConfig of(int rank, int size) {
        return builder(rank, size).build();
    }

    public static Builder builder(int rank, int size) {
        return new Builder(rank, size);
    }

    /** The frame length IPC uses: {@link #mtuLength}, or {@value #DEFAULT_IPC_MTU}. */
    int ipcMtu() {
        return mtuLength != 0 ? mtuLength : Math.min(DEFAULT_IPC_MTU, termLength / 8);
    }

    /** The frame length UDP uses: {@link #mtuLength}, or {@value #DEFAULT_UDP_MTU}. */
    int udpMtu() {
        return mtuLength != 0 ? mtuLength : DEFAULT_UDP_MTU;
    }

    private static void positive(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " = " + d + " must be positive");
        }
    }

    /** Collects settings for an {@link AeronConfig}; a setting given twice is refused. */
    public static final class Builder {
        private final int rank;
        private final int size;
        private Duration connectTimeout;
        private Duration livenessTimeout;
        private Duration maxWait;
        private Duration closeTimeout;
        private Integer streamIdBase;
        private Integer termLength;
        private Integer mtuLength;
        private Integer socketBufferLength;
        private IntPredicate peerAlive;

        private Builder(int rank, int size) {
            this.rank = rank;
            this.size = size;
        }

        public Builder connectTimeout(Duration d) {
            connectTimeout = once("connectTimeout", connectTimeout, d);
            return this;
        }

        public Builder livenessTimeout(Duration d) {
            livenessTimeout = once("livenessTimeout", livenessTimeout, d);
            return this;
        }

        public Builder maxWait(Duration d) {
            maxWait = once("maxWait", maxWait, d);
            return this;
        }

        public Builder closeTimeout(Duration d) {
            closeTimeout = once("closeTimeout", closeTimeout, d);
            return this;
        }

        public Builder streamIdBase(int id) {
            streamIdBase = once("streamIdBase", streamIdBase, id);
            return this;
        }

        public Builder termLength(int bytes) {
            termLength = once("termLength", termLength, bytes);
            return this;
        }

        public Builder mtuLength(int bytes) {
            mtuLength = once("mtuLength", mtuLength, bytes);
            return this;
        }

        public Builder socketBufferLength(int bytes) {
            socketBufferLength = once("socketBufferLength", socketBufferLength, bytes);
            return this;
        }

        public Builder peerAlive(IntPredicate alive) {
            peerAlive = once("peerAlive", peerAlive, alive);
            return this;
        }

        /** The config; every setting is checked here, naming the bad value. */
        public AeronConfig build() {
            return new AeronConfig(rank, size,
                    or(connectTimeout, Duration.ofSeconds(30)),
                    or(livenessTimeout, Duration.ofSeconds(5)),
                    or(maxWait, Duration.ofMinutes(10)),
                    or(closeTimeout, Duration.ofSeconds(10)),
                    or(streamIdBase, 1000),
                    or(termLength, 4 * 1024 * 1024),
                    or(mtuLength, 0),
                    or(socketBufferLength, 2 * 1024 * 1024),
                    or(peerAlive, p -> true));
        }

        private static <T> T once(String name, T old, T value) {
            Objects.requireNonNull(value, name);
            if (old != null) {
                throw new IllegalStateException(name + " was already set to " + old);
            }
            return value;
        }

        private static <T> T or(T value, T otherwise) {
            return value != null ? value : otherwise;
        }
    }
}
