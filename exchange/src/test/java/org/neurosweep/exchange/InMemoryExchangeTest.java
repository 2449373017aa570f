package org.neurosweep.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InMemoryExchangeTest {
    private static final long BIG_NONE = -1;

    @Test
    void everyMemberReceivesEveryMessageOfEachRoundInRankOrder() throws Exception {
        int size = 3;
        int rounds = 200;
        InMemoryExchange[] group = InMemoryExchange.group(size, 60_000);
        ExecutorService pool = Executors.newFixedThreadPool(size);
        try {
            List<Future<Exchange.Counters>> done = new ArrayList<>();
            for (InMemoryExchange member : group) {
                done.add(pool.submit(() -> {
                    byte[] message = new byte[10_240];
                    for (int k = 0; k < rounds; k++) {
                        int length = ExchangeProbe.length(member.rank(), k, BIG_NONE);
                        ExchangeProbe.fill(message, length, member.rank(), k);
                        ByteBuffer[] got = member.allGather(message, length);
                        for (int p = 0; p < size; p++) {
                            String wrong = ExchangeProbe.check(got[p], p, k, BIG_NONE);
                            if (wrong != null) {
                                throw new AssertionError("rank " + member.rank() + ", round " + k + ", from " + p + ": "
                                        + wrong);
                            }
                        }
                    }
                    return member.counters();
                }));
            }
            for (int r = 0; r < size; r++) {
                Exchange.Counters c = done.get(r).get(60, TimeUnit.SECONDS);
                long expected = 0;
                for (int k = 0; k < rounds; k++) {
                    expected += (long) ExchangeProbe.length(r, k, BIG_NONE) * (size - 1);
                }
                assertEquals(rounds, c.rounds());
                assertEquals(expected, c.bytesSent());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aMemberThatClosesIsNamedByTheOthers() throws Exception {
        int size = 3;
        InMemoryExchange[] group = InMemoryExchange.group(size, 60_000);
        ExecutorService pool = Executors.newFixedThreadPool(size);
        try {
            List<Future<ExchangeException>> failed = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                InMemoryExchange member = group[r];
                failed.add(pool.submit(() -> {
                    byte[] message = {(byte) member.rank()};
                    while (true) {
                        try {
                            member.allGather(message, 1);
                        } catch (ExchangeException e) {
                            return e;
                        }
                    }
                }));
            }
            Future<?> leaver = pool.submit(() -> {
                for (int k = 0; k < 20; k++) {
                    group[2].allGather(new byte[] {2}, 1);
                }
                group[2].close();
            });
            leaver.get(60, TimeUnit.SECONDS);
            for (Future<ExchangeException> f : failed) {
                ExchangeException e = f.get(60, TimeUnit.SECONDS);
                assertEquals(2, e.peer());
                assertTrue(e.getMessage().contains("process 2"), e.getMessage());
            }
            ExchangeException closed = assertThrows(ExchangeException.class, () -> group[2].allGather(new byte[0], 0));
            assertEquals(2, closed.peer());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aPeerThatNeverComesFailsTheRoundAfterTheTimeout() {
        InMemoryExchange[] group = InMemoryExchange.group(2, 200);
        ExchangeException e = assertThrows(ExchangeException.class, () -> group[0].allGather(new byte[0], 0));
        assertEquals(1, e.peer());
        assertTrue(e.getMessage().contains("process 1"), e.getMessage());
    }

    @Test
    void aGroupOfNoneIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InMemoryExchange.group(0, 1000));
        assertTrue(e.getMessage().contains("0"), e.getMessage());
    }
}
