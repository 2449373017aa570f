package org.neurosweep.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AeronConfigTest {
    @Test
    void aRankOutsideTheGroupIsRefusedNamingIt() {
        IllegalArgumentException high = assertThrows(IllegalArgumentException.class, () -> AeronConfig.of(3, 3));
        assertTrue(high.getMessage().contains("rank = 3") && high.getMessage().contains("0..2"), high.getMessage());
        IllegalArgumentException low = assertThrows(IllegalArgumentException.class, () -> AeronConfig.of(-1, 2));
        assertTrue(low.getMessage().contains("rank = -1"), low.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> AeronConfig.of(0, 0));
        assertTrue(none.getMessage().contains("size = 0"), none.getMessage());
    }

    @Test
    void badSizesAndTimesAreRefusedNamingThem() {
        IllegalArgumentException term = assertThrows(IllegalArgumentException.class,
                () -> AeronConfig.builder(0, 2).termLength(3_000_000).build());
        assertTrue(term.getMessage().contains("termLength = 3000000"), term.getMessage());
        IllegalArgumentException mtu = assertThrows(IllegalArgumentException.class,
                () -> AeronConfig.builder(0, 2).mtuLength(1500).build());
        assertTrue(mtu.getMessage().contains("mtuLength = 1500"), mtu.getMessage());
        IllegalArgumentException liveness = assertThrows(IllegalArgumentException.class,
                () -> AeronConfig.builder(0, 2).livenessTimeout(Duration.ofMillis(500)).build());
        assertTrue(liveness.getMessage().contains("livenessTimeout = PT0.5S"), liveness.getMessage());
        IllegalArgumentException wait = assertThrows(IllegalArgumentException.class,
                () -> AeronConfig.builder(0, 2).maxWait(Duration.ZERO).build());
        assertTrue(wait.getMessage().contains("maxWait"), wait.getMessage());
    }

    @Test
    void aSettingGivenTwiceIsRefused() {
        AeronConfig.Builder b = AeronConfig.builder(0, 2).connectTimeout(Duration.ofSeconds(5));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> b.connectTimeout(Duration.ofSeconds(6)));
        assertTrue(e.getMessage().contains("connectTimeout"), e.getMessage());
    }

    @Test
    void defaults() {
        AeronConfig c = AeronConfig.of(1, 4);
        assertEquals(Duration.ofSeconds(30), c.connectTimeout());
        assertEquals(Duration.ofSeconds(5), c.livenessTimeout());
        assertEquals(Duration.ofMinutes(10), c.maxWait());
        assertEquals(AeronConfig.DEFAULT_IPC_MTU, c.ipcMtu());
        assertEquals(AeronConfig.DEFAULT_UDP_MTU, c.udpMtu());
        assertTrue(c.peerAlive().test(3));
    }

    @Test
    void endpointsReadAsTheyAreWritten() {
        for (String text : List.of("127.0.0.1:40000", "node-7.cluster:1", "[::1]:65535")) {
            assertEquals(text, Endpoint.parse(text).toString());
        }
        assertEquals(new Endpoint("::1", 9), Endpoint.parse("[::1]:9"));
        for (String bad : List.of("host", "host:", ":80", "host:x", "host:0", "host:65536")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Endpoint.parse(bad));
            assertTrue(e.getMessage().contains(bad.isEmpty() ? "" : bad.substring(0, Math.min(3, bad.length()))),
                    e.getMessage());
        }
    }
}
