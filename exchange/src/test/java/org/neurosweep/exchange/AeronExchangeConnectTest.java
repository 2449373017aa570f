package org.neurosweep.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code connect} refuses, in this JVM: ports in use, peers that never come, wrong arguments. */
class AeronExchangeConnectTest {
    private static final Duration SHORT = Duration.ofSeconds(2);

    @Test
    void aUdpPortInUseIsRefusedNamingIt() throws Exception {
        try (DatagramSocket taken = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            int other = ProbeJvm.freeUdpPorts(1).get(0);
            List<Endpoint> endpoints = List.of(Endpoint.of("127.0.0.1", port), Endpoint.of("127.0.0.1", other));
            ExchangeException e = assertThrows(ExchangeException.class,
                    () -> AeronExchange.udp(AeronConfig.builder(0, 2).connectTimeout(SHORT).build(), endpoints));
            assertTrue(e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
            assertEquals(0, e.peer());
        }
    }

    @Test
    void anUnreachableUdpPeerIsNamedWithItsEndpoint() {
        List<Integer> ports = ProbeJvm.freeUdpPorts(2);
        List<Endpoint> endpoints = List.of(Endpoint.of("127.0.0.1", ports.get(0)), Endpoint.of("127.0.0.1", ports.get(1)));
        ExchangeException e = assertThrows(ExchangeException.class,
                () -> AeronExchange.udp(AeronConfig.builder(0, 2).connectTimeout(SHORT).build(), endpoints));
        assertEquals(1, e.peer());
        assertTrue(e.getMessage().contains("process 1") && e.getMessage().contains("127.0.0.1:" + ports.get(1)),
                e.getMessage());
    }

    @Test
    void anIpcPeerThatNeverJoinsIsNamedAndTheDirectoryIsRemoved() {
        Path dir = AeronExchange.newDriverDirectory();
        try {
            ExchangeException e = assertThrows(ExchangeException.class,
                    () -> AeronExchange.ipc(AeronConfig.builder(0, 3).connectTimeout(SHORT).build(), dir));
            assertEquals(1, e.peer());
            assertTrue(e.getMessage().contains("process 1, process 2 did not join"), e.getMessage());
            assertFalse(Files.exists(dir), dir + " left behind");
        } finally {
            AeronLinks.deleteDirectory(dir);
        }
    }

    @Test
    void noIpcDriverNamesRankZeroAndTheDirectory() {
        Path dir = AeronExchange.newDriverDirectory();
        ExchangeException e = assertThrows(ExchangeException.class,
                () -> AeronExchange.ipc(AeronConfig.builder(1, 2).connectTimeout(SHORT).build(), dir));
        assertEquals(0, e.peer());
        assertTrue(e.getMessage().contains(dir.toString()) && e.getMessage().contains("process 0"), e.getMessage());
    }

    @Test
    void rankZeroRefusesADirectoryThatIsNotAnAeronOne(@TempDir Path dir) throws Exception {
        Path precious = Files.writeString(dir.resolve("results.csv"), "1,2,3\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AeronExchange.ipc(AeronConfig.builder(0, 2).connectTimeout(SHORT).build(), dir));
        assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
        assertTrue(Files.exists(precious));
    }

    @Test
    void endpointsMustMatchTheGroup() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AeronExchange.udp(AeronConfig.of(0, 3), List.of(Endpoint.of("127.0.0.1", 40000))));
        assertTrue(e.getMessage().contains("1 endpoints given for 3 processes"), e.getMessage());
    }
}
