package org.neurosweep.exchange;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Real JVMs exchanging known messages (empty ones, up to 10 KB, one of 4 MiB) over Aeron IPC and UDP. */
class AeronExchangeTest {
    private static final int ROUNDS = 400;
    private static final int BIG_ROUND = 7;

    @Test
    void twoProcessesOverIpc() throws Exception {
        overIpc(2);
    }

    @Test
    void threeProcessesOverIpc() throws Exception {
        overIpc(3);
    }

    @Test
    void twoProcessesOverUdp() throws Exception {
        List<String> endpoints = new ArrayList<>();
        for (int port : ProbeJvm.freeUdpPorts(2)) {
            endpoints.add("127.0.0.1:" + port);
        }
        run(2, "mode=udp", "endpoints=" + String.join(",", endpoints));
    }

    @Test
    void aGroupOfOneNeedsNoTransport() {
        Path dir = AeronExchange.newDriverDirectory();
        try (AeronExchange x = AeronExchange.ipc(AeronConfig.of(0, 1), dir)) {
            ByteBuffer[] got = x.allGather(new byte[] {1, 2, 3, 4}, 3);
            assertEquals(1, got.length);
            byte[] own = new byte[got[0].remaining()];
            got[0].get(own);
            assertArrayEquals(new byte[] {1, 2, 3}, own);
            assertEquals(new Exchange.Counters(1, 0, 0, 0), x.counters());
        }
        assertFalse(Files.exists(dir));
    }

    private static void overIpc(int size) throws Exception {
        Path dir = AeronExchange.newDriverDirectory();
        try {
            run(size, "mode=ipc", "dir=" + dir);
            assertFalse(Files.exists(dir), "rank 0 deletes the driver directory " + dir + " on close");
        } finally {
            AeronLinks.deleteDirectory(dir);
        }
    }

    /** Starts {@code size} probes, waits for all, checks each printed only its OK line with the bytes it sent. */
    private static void run(int size, String... args) throws Exception {
        List<ProbeJvm> probes = new ArrayList<>();
        try {
            for (int r = 0; r < size; r++) {
                List<String> all = new ArrayList<>(List.of(args));
                all.add("rounds=" + ROUNDS);
                all.add("big=" + BIG_ROUND);
                probes.add(ProbeJvm.probe(r, size, all.toArray(String[]::new)));
            }
            for (int r = 0; r < size; r++) {
                ProbeJvm probe = probes.get(r);
                assertEquals(0, probe.exit(120), probe.output());
                long bytes = 0;
                for (int k = 0; k < ROUNDS; k++) {
                    bytes += (long) ExchangeProbe.length(r, k, BIG_ROUND) * (size - 1);
                }
                // nothing else printed: Aeron stays quiet when all goes well
                assertEquals(List.of("OK rank=" + r + " rounds=" + ROUNDS + " bytesSent=" + bytes), probe.lines());
            }
        } finally {
            probes.forEach(ProbeJvm::close);
        }
    }
}
