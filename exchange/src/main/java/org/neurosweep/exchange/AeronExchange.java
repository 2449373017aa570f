package org.neurosweep.exchange;

import io.aeron.ExclusivePublication;
import io.aeron.Image;
import io.aeron.Publication;
import io.aeron.logbuffer.BufferClaim;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.BackoffIdleStrategy;

/**
 * An {@link Exchange} between JVMs over Aeron: shared memory on one host ({@link #ipc}), UDP between
 * hosts ({@link #udp}).
 *
 * <h2>Connecting</h2>
 * <ul>
 *   <li><b>IPC</b>: rank 0 starts an embedded media driver in a directory the launcher chose
 *       ({@link #newDriverDirectory()}: a fresh name under /dev/shm when there is one) and deletes it on
 *       close; the other ranks wait for the driver there (up to {@link AeronConfig#connectTimeout}). Rank r
 *       publishes once on {@code aeron:ipc}, stream {@code streamIdBase + r}: every peer reads that one
 *       log, so a message is written once whatever the number of peers.</li>
 *   <li><b>UDP</b>: every process embeds its own driver, listens on its own {@link Endpoint} (one port per
 *       process, each peer on its own stream id) and publishes to each peer's endpoint. A port in use is
 *       refused naming it; a peer that does not answer within the connect timeout is named.</li>
 * </ul>
 * A factory returns once every peer's stream is there and every peer reads this process's (IPC: counted
 * from the driver's subscriber positions, because an IPC reader that joins late would miss what was
 * already read by others), then the processes greet each other (a round that carries rank, size and pid,
 * so errors can name the pid and two processes given the same rank are caught).
 *
 * <h2>A round</h2>
 * The message goes as chunks of at most one Aeron frame with a 16-byte header (round, length, offset):
 * Aeron never fragments them, so no assembler copies them, any length works (4 MB is tested) and the term
 * length stays small (the receiver copies straight from Aeron's log into a per-peer array that grows as
 * needed). Chunks are claimed in the log ({@code tryClaim}); when the log is full (back pressure) the
 * sender reads its peers meanwhile, so two processes sending large messages to each other cannot block
 * each other. A peer's stream is read only up to the end of its message of this round; the next round's
 * stays queued. A chunk of another round fails the round naming the peer.
 *
 * <h2>Failures</h2>
 * Liveness comes from Aeron, not from message timing (round 0 may wait for minutes while peers build):
 * the drivers drop a client that stopped heartbeating, and an image whose sender is silent, after
 * {@link AeronConfig#livenessTimeout} (default 5 s; client liveness, image liveness, publication
 * connection timeout, and the clients' driver timeout are all set to it, the publication unblock timeout to
 * twice it). A peer killed with kill -9 thus ends its stream about that long plus a second after it died
 * and every process waiting for it fails naming it. If rank 0 (the IPC driver's host) dies, the others'
 * clients see the driver's heartbeat stop and fail naming rank 0. The launcher's {@link
 * AeronConfig#peerAlive} answer and a last-resort {@link AeronConfig#maxWait} are checked in the same wait.
 * {@link #close()} sends a leave chunk (peers still waiting fail with "process r left the exchange"), then
 * waits (up to {@link AeronConfig#closeTimeout}) until every peer has left or is gone, so that no process
 * takes its transport down while a peer may still need it.
 *
 * <h2>Settings and why</h2>
 * <ul>
 *   <li>Driver threading SHARED (one thread for conductor, sender and receiver): two cores and two
 *       processes leave no room for three driver threads each; INVOKER (driver in the caller's thread) would
 *       stop heartbeats while the caller computes, and hung on multi-frame messages in an earlier harness.</li>
 *   <li>Waiting: spin, yield, then park from 1 µs up to a cap. IPC spins 1000 times, yields 100 times
 *       and parks at most 20 µs; UDP spins 100, yields 200 and parks at most 50 µs, so the driver's
 *       thread gets the cores it needs; the driver parks at most 200 µs (Aeron's default 1 ms would sit on
 *       every UDP round; spinning it more took the cores from the callers). Pure busy-spinning starves the
 *       peer on two cores. Chosen by measuring {@code ExchangeLatency} (in this module's tests).</li>
 *   <li>Term length 4 MiB (three terms per publication, sparse files), IPC frame 32 KiB, UDP frame 1408
 *       (fits Ethernet), UDP socket buffers and receiver window 2 MiB clamped to the OS limits (so Aeron prints
 *       no warning).</li>
 *   <li>Aeron's threads are daemons; its errors go to a handler that keeps the last one for the failure
 *       messages, so nothing is printed unless something fails.</li>
 * </ul>
 *
 * <h2>Measured</h2>
 * Two JVMs on one 2-core host, 1 KB each, time from the last process entering a round to the last leaving
 * it ({@code ExchangeLatency}, 20,000 rounds, three runs): IPC p50 0.4-1.1 µs, p99 4-120 µs; UDP on
 * loopback p50 28-39 µs, p99 80-460 µs, with or without 300 µs of computing between rounds. A 4 MiB
 * round: IPC 2.4 ms, UDP (1408-byte frames) 21 ms. A killed peer was named 5-6 s after kill -9 (IPC and
 * UDP), a killed IPC driver host 5 s after.
 *
 * <h2>JVM flags</h2>
 * None on Java 17: Aeron 1.45 and Agrona 1.23 reach {@code sun.misc.Unsafe} through the jdk.unsupported
 * module and use no other JDK internals (checked with {@code -Dsun.reflect.debugModuleAccessChecks=true});
 * the {@code --add-opens java.base/sun.nio.ch} that Aeron's own scripts pass served older Agrona
 * selectors. {@code -Daeron.*} properties still work as defaults for what is not set here.
 *
 * <p>Not thread-safe: one thread per process calls {@link #allGather}.
 */
public final class AeronExchange implements Exchange {
    private static final int FRAGMENT_LIMIT = 64;
    private static final int HELLO_MAGIC = 0x4E535845;
    private static final int HELLO_LENGTH = 24;
    private static final long ALIVE_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final AeronConfig config;
    private final int rank;
    private final int size;
    private final AeronLinks links;
    private final PeerInbox[] inboxes;
    private final boolean[] pending;
    private int pendingCount;
    private final int[] sent;
    private final boolean[] started;
    private final int maxChunk;
    private final BufferClaim claim = new BufferClaim();
    private final BackoffIdleStrategy idle;
    private byte[] own = new byte[1024];
    private long nextAliveCheck;
    private long round;
    private long bytesSent;
    private long sendNanos;
    private long waitNanos;
    private ExchangeException failure;
    private boolean closed;

    private AeronExchange(AeronConfig config, AeronLinks links) {
        this.config = config;
        this.rank = config.rank();
        this.size = config.size();
        this.links = links;
        inboxes = new PeerInbox[size];
        for (int p = 0; p < size; p++) {
            inboxes[p] = new PeerInbox(p);
        }
        pending = new boolean[size];
        int pubs = links == null ? 0 : links.publications.length;
        sent = new int[pubs];
        started = new boolean[pubs];
        int chunk = Integer.MAX_VALUE;
        for (int i = 0; i < pubs; i++) {
            if (links.publications[i] != null) {
                chunk = Math.min(chunk, links.publications[i].maxPayloadLength() - PeerInbox.HEADER_LENGTH);
            }
        }
        maxChunk = chunk;
        idle = IdleStrategies.app(links == null || links.ipc, size);
    }

    /**
     * Joins an exchange of processes on one host over shared memory.
     *
     * @param driverDirectory where rank 0 starts the media driver (fresh: {@link #newDriverDirectory()},
     *     given to every process, e.g. on its command line); rank 0 deletes it on close
     * @throws ExchangeException naming the peer that did not join in time, or rank 0 when no driver came up
     */
    public static AeronExchange ipc(AeronConfig config, Path driverDirectory) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(driverDirectory, "driverDirectory");
        if (config.size() == 1) {
            return new AeronExchange(config, null);
        }
        return greet(config, AeronLinks.ipc(config, driverDirectory));
    }

    /**
     * Joins an exchange of processes over UDP; each process embeds its own media driver.
     *
     * @param endpoints where each rank listens, by rank (this process binds {@code endpoints.get(rank)})
     * @throws ExchangeException naming this process's endpoint when it cannot be bound, or the peer that
     *     did not answer within the connect timeout
     */
    public static AeronExchange udp(AeronConfig config, List<Endpoint> endpoints) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(endpoints, "endpoints");
        if (endpoints.size() != config.size()) {
            throw new IllegalArgumentException(endpoints.size() + " endpoints given for " + config.size() + " processes");
        }
        if (config.size() == 1) {
            return new AeronExchange(config, null);
        }
        return greet(config, AeronLinks.udp(config, endpoints));
    }

    /** A fresh, not yet existing directory for a media driver ({@link DriverDirectories#fresh()}). */
    public static Path newDriverDirectory() {
        return DriverDirectories.fresh();
    }

    /** The greeting round: every process learns its peers' pids and checks they agree on rank and size. */
    private static AeronExchange greet(AeronConfig config, AeronLinks links) {
        AeronExchange x = new AeronExchange(config, links);
        try {
            ByteBuffer hello = ByteBuffer.allocate(HELLO_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
            hello.putInt(HELLO_MAGIC).putInt(config.size()).putInt(config.rank()).putInt(0)
                    .putLong(ProcessHandle.current().pid());
            x.exchange(PeerInbox.HELLO, hello.array(), HELLO_LENGTH, System.nanoTime() + config.connectTimeout().toNanos(),
                    false);
            for (int p = 0; p < config.size(); p++) {
                if (p == config.rank()) {
                    continue;
                }
                ByteBuffer got = ByteBuffer.wrap(x.inboxes[p].data(), 0, x.inboxes[p].length())
                        .order(ByteOrder.LITTLE_ENDIAN);
                if (got.remaining() != HELLO_LENGTH || got.getInt() != HELLO_MAGIC) {
                    throw new ExchangeException(p, "the process on rank " + p + "'s stream did not greet as an exchange does");
                }
                int peerSize = got.getInt();
                int peerRank = got.getInt();
                got.getInt();
                long pid = got.getLong();
                if (peerSize != config.size() || peerRank != p) {
                    throw new ExchangeException(p, "the process on rank " + p + "'s stream (pid " + pid + ") says it is rank "
                            + peerRank + " of " + peerSize + "; this is rank " + config.rank() + " of " + config.size());
                }
                links.pids[p] = pid;
            }
            return x;
        } catch (RuntimeException | Error e) {
            links.close();
            throw e;
        }
    }

    @Override
    public int rank() {
        return rank;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public ByteBuffer[] allGather(byte[] message, int length) {
        if (closed) {
            throw new ExchangeException(rank, "process " + rank + " has left the exchange");
        }
        if (failure != null) {
            throw new ExchangeException(failure.peer(), failure.getMessage(), failure);
        }
        if (length < 0 || length > message.length) {
            throw new IllegalArgumentException("length = " + length + " must be in 0.." + message.length);
        }
        if (own.length < length) {
            own = new byte[Math.max(length, 2 * own.length)];
        }
        System.arraycopy(message, 0, own, 0, length);
        if (links != null) {
            try {
                exchange(round, message, length, System.nanoTime() + config.maxWait().toNanos(), true);
            } catch (ExchangeException e) {
                failure = e;
                throw e;
            }
        }
        ByteBuffer[] out = new ByteBuffer[size];
        for (int p = 0; p < size; p++) {
            out[p] = p == rank ? ByteBuffer.wrap(own, 0, length).asReadOnlyBuffer()
                    : ByteBuffer.wrap(inboxes[p].data(), 0, inboxes[p].length()).asReadOnlyBuffer();
        }
        bytesSent += (long) length * (size - 1);
        round++;
        return out;
    }

    /** Sends {@code message} as round {@code r} and reads every peer's message of that round. */
    private void exchange(long r, byte[] message, int length, long deadline, boolean count) {
        pendingCount = 0;
        for (int p = 0; p < size; p++) {
            pending[p] = p != rank;
            if (pending[p]) {
                inboxes[p].expect(r);
                pendingCount++;
            }
        }
        long t0 = System.nanoTime();
        send(r, message, length, deadline);
        long t1 = System.nanoTime();
        idle.reset();
        while (pendingCount > 0) {
            if (pollPending(r) > 0) {
                idle.reset();
            } else {
                checkPeers(r, deadline);
                idle.idle();
            }
        }
        if (count) {
            sendNanos += t1 - t0;
            waitNanos += System.nanoTime() - t1;
        }
    }

    private void send(long r, byte[] message, int length, long deadline) {
        ExclusivePublication[] pubs = links.publications;
        int remaining = 0;
        for (int i = 0; i < pubs.length; i++) {
            sent[i] = 0;
            started[i] = pubs[i] == null;
            if (pubs[i] != null) {
                remaining++;
            }
        }
        idle.reset();
        while (remaining > 0) {
            int work = 0;
            for (int i = 0; i < pubs.length; i++) {
                ExclusivePublication pub = pubs[i];
                while (pub != null && (!started[i] || sent[i] < length)) {
                    int chunk = Math.min(maxChunk, length - sent[i]);
                    long result = pub.tryClaim(PeerInbox.HEADER_LENGTH + chunk, claim);
                    if (result > 0) {
                        MutableDirectBuffer b = claim.buffer();
                        int at = claim.offset();
                        PeerInbox.putHeader(b, at, r, length, sent[i]);
                        b.putBytes(at + PeerInbox.HEADER_LENGTH, message, sent[i], chunk);
                        claim.commit();
                        sent[i] += chunk;
                        started[i] = true;
                        work++;
                        if (sent[i] == length) {
                            remaining--;
                        }
                    } else if (result == Publication.BACK_PRESSURED) {
                        break;
                    } else if (result != Publication.ADMIN_ACTION) { // the log rotated a term: claim again at once
                        throw sendFailure(i, result, r);
                    }
                }
            }
            if (remaining > 0 && work == 0) {
                if (pollPending(r) > 0) {
                    idle.reset();
                } else {
                    checkPeers(r, deadline);
                    idle.idle();
                }
            }
        }
    }

    /** Reads what the peers still owed this round has sent; returns how many chunks arrived. */
    private int pollPending(long r) {
        int work = 0;
        for (int p = 0; p < size; p++) {
            if (!pending[p]) {
                continue;
            }
            PeerInbox inbox = inboxes[p];
            work += links.images[p].controlledPoll(inbox, FRAGMENT_LIMIT);
            if (inbox.problem() != null) {
                throw new ExchangeException(p, inbox.problem());
            }
            if (inbox.left()) {
                throw new ExchangeException(p, links.describe(p) + " left the exchange before " + PeerInbox.roundName(r));
            }
            if (inbox.complete()) {
                pending[p] = false;
                pendingCount--;
            }
        }
        return work;
    }

    /** Between polls that found nothing: fails when the transport or a peer owing a message is gone. */
    private void checkPeers(long r, long deadline) {
        ExchangeException transport = links.transportFailure();
        if (transport != null) {
            throw transport;
        }
        for (int p = 0; p < size; p++) {
            if (pending[p]) {
                String why = links.peerGone(p);
                if (why != null) {
                    throw links.peerFailure(p, why, "in " + PeerInbox.roundName(r));
                }
            }
        }
        long now = System.nanoTime();
        if (now - nextAliveCheck >= 0) {
            nextAliveCheck = now + ALIVE_CHECK_NANOS;
            for (int p = 0; p < size; p++) {
                if (pending[p] && !config.peerAlive().test(p)) {
                    throw new ExchangeException(p, links.describe(p) + " died in " + PeerInbox.roundName(r)
                            + " (its launcher says so)");
                }
            }
        }
        if (now - deadline > 0) {
            for (int p = 0; p < size; p++) {
                if (pending[p]) {
                    throw new ExchangeException(p, links.describe(p) + " sent nothing for " + PeerInbox.roundName(r) + " in "
                            + (r == PeerInbox.HELLO ? config.connectTimeout() : config.maxWait()).toSeconds()
                            + " s though alive");
                }
            }
        }
    }

    private ExchangeException sendFailure(int publication, long result, long r) {
        ExchangeException transport = links.transportFailure();
        if (transport != null) {
            return transport;
        }
        String when = "in " + PeerInbox.roundName(r);
        int peer = links.publicationPeer[publication];
        if (result == Publication.NOT_CONNECTED) {
            if (peer >= 0) {
                return links.peerFailure(peer, "it stopped acknowledging", when);
            }
            for (int p = 0; p < size; p++) {
                String why = p == rank ? null : links.peerGone(p);
                if (why != null) {
                    return links.peerFailure(p, why, when);
                }
            }
            return new ExchangeException(-1, "no peer reads the stream of process " + rank + " any more " + when);
        }
        String what = result == Publication.MAX_POSITION_EXCEEDED ? "reached its largest position (raise termLength)"
                : "was closed";
        return new ExchangeException(rank, "the stream of process " + rank + " " + what + " " + when);
    }

    @Override
    public Counters counters() {
        return new Counters(round, bytesSent, sendNanos, waitNanos);
    }

    /**
     * Sends a leave chunk, waits up to the close timeout until every peer has left or is gone, then closes
     * the transport (and, for IPC rank 0 and for UDP, the driver and its directory).
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (links == null) {
            return;
        }
        try {
            leave(System.nanoTime() + config.closeTimeout().toNanos());
        } catch (RuntimeException e) {
            // leaving is a courtesy: the peers notice a closed stream anyway
        } finally {
            links.close();
        }
    }

    private void leave(long deadline) {
        if (links.transportFailure() != null) {
            return;
        }
        for (int p = 0; p < size; p++) {
            inboxes[p].discardUntilLeave();
        }
        ExclusivePublication[] pubs = links.publications;
        for (int i = 0; i < pubs.length; i++) {
            while (pubs[i] != null) {
                long result = pubs[i].tryClaim(PeerInbox.HEADER_LENGTH, claim);
                if (result > 0) {
                    PeerInbox.putHeader(claim.buffer(), claim.offset(), PeerInbox.LEAVE, 0, 0);
                    claim.commit();
                    break;
                }
                if ((result != Publication.BACK_PRESSURED && result != Publication.ADMIN_ACTION)
                        || System.nanoTime() - deadline > 0) {
                    break;
                }
                drainPeers();
                idle.idle();
            }
        }
        idle.reset();
        while (drainPeers() && links.transportFailure() == null && System.nanoTime() - deadline < 0) {
            idle.idle();
        }
    }

    /** While closing: reads the peers' streams up to their leave chunks; true while some peer is still there. */
    private boolean drainPeers() {
        boolean waiting = false;
        for (int p = 0; p < size; p++) {
            Image image = links.images[p];
            if (p == rank || image == null) {
                continue;
            }
            PeerInbox inbox = inboxes[p];
            if (!inbox.left()) {
                image.controlledPoll(inbox, FRAGMENT_LIMIT);
            }
            if (!inbox.left() && links.peerGone(p) == null && config.peerAlive().test(p)) {
                waiting = true;
            }
        }
        return waiting;
    }
}
