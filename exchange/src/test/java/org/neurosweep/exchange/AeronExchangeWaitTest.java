package org.neurosweep.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two members of an IPC exchange in this JVM (each with its own Aeron client), for what a round does
 * while a peer is alive but silent: the launcher's word, the last-resort cap, a peer that leaves.
 */
class AeronExchangeWaitTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(2);
    private final Path dir = AeronExchange.newDriverDirectory();
    private AeronExchange rank0;
    private AeronExchange rank1;


    /** Closes both at once: each one's close waits (up to its close timeout) for the other to leave. */
    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        Thread other = new Thread(() -> {
            if (rank1 != null) {
                rank1.close();
            }
        });
        other.start();
        if (rank0 != null) {
            rank0.close();
        }
        other.join(60_000);
        AeronLinks.deleteDirectory(dir);
    }

    /** Connects ranks 0 and 1, rank 0 with the config {@code zero} makes of its builder. */
    private void connect(Function<AeronConfig.Builder, AeronConfig.Builder> zero) throws Exception {
        Future<AeronExchange> first = pool.submit(() -> AeronExchange.ipc(zero.apply(AeronConfig.builder(0, 2)).build(), dir));
        Future<AeronExchange> second = pool.submit(() -> AeronExchange.ipc(AeronConfig.of(1, 2), dir));
        rank0 = first.get(60, TimeUnit.SECONDS);
        rank1 = second.get(60, TimeUnit.SECONDS);
    }

    @Test
    void roundsGoThroughAndCountWhatWasSent() throws Exception {
        connect(b -> b);
        for (int k = 0; k < 50; k++) {
            byte[] a = {(byte) k, 0};
            byte[] b = {(byte) k, 1, 1};
            Future<ByteBuffer[]> other = pool.submit(() -> rank1.allGather(b, b.length));
            ByteBuffer[] got = rank0.allGather(a, a.length);
            assertEquals(2, got[0].remaining());
            assertEquals(3, got[1].remaining());
            assertEquals(2, other.get(60, TimeUnit.SECONDS)[0].remaining());
        }
        Exchange.Counters c = rank0.counters();
        assertEquals(50, c.rounds());
        assertEquals(100, c.bytesSent());
    }

    @Test
    void aPeerTheLauncherReportsDeadIsNamed() throws Exception {
        AtomicBoolean alive = new AtomicBoolean(true);
        connect(b -> b.peerAlive(p -> p != 1 || alive.get()));
        Future<ExchangeException> waiting = pool.submit(() -> assertThrows(ExchangeException.class,
                () -> rank0.allGather(new byte[1], 1)));
        alive.set(false);
        ExchangeException e = waiting.get(60, TimeUnit.SECONDS);
        assertEquals(1, e.peer());
        assertTrue(e.getMessage().contains("process 1") && e.getMessage().contains("launcher"), e.getMessage());
        ExchangeException again = assertThrows(ExchangeException.class, () -> rank0.allGather(new byte[1], 1));
        assertEquals(1, again.peer());
    }

    @Test
    void aPeerAliveButSilentFailsTheRoundAfterMaxWait() throws Exception {
        connect(b -> b.maxWait(Duration.ofSeconds(1)));
        ExchangeException e = assertThrows(ExchangeException.class, () -> rank0.allGather(new byte[1], 1));
        assertEquals(1, e.peer());
        assertTrue(e.getMessage().contains("sent nothing for round 0"), e.getMessage());
    }

    @Test
    void aPeerThatClosesIsNamedAtOnce() throws Exception {
        connect(b -> b);
        Future<ExchangeException> waiting = pool.submit(() -> assertThrows(ExchangeException.class,
                () -> rank0.allGather(new byte[1], 1)));
        Future<?> leaving = pool.submit(rank1::close);
        ExchangeException e = waiting.get(60, TimeUnit.SECONDS);
        rank0.close();
        leaving.get(60, TimeUnit.SECONDS);
        assertEquals(1, e.peer());
        assertTrue(e.getMessage().contains("process 1") && e.getMessage().contains("left the exchange before round 0"),
                e.getMessage());
        ExchangeException closed = assertThrows(ExchangeException.class, () -> rank1.allGather(new byte[1], 1));
        assertEquals(1, closed.peer());
    }
}
