package org.neurosweep.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Peers killed with kill -9, or leaving, in the middle of a run: every other process fails naming the
 * peer, within 10 s of the kill, instead of hanging.
 */
class AeronExchangeFailureTest {
    private static final String FOREVER = "rounds=1000000000";
    private static final long DETECT_SECONDS = 10;

    @Test
    void aKilledPeerIsNamedByTheOthersOverIpc() throws Exception {
        Path dir = AeronExchange.newDriverDirectory();
        try {
            killAndExpectNamed(3, 2, "mode=ipc", "dir=" + dir);
        } finally {
            AeronLinks.deleteDirectory(dir);
        }
    }

    @Test
    void theDriverHostKilledIsNamedByTheOthersOverIpc() throws Exception {
        Path dir = AeronExchange.newDriverDirectory();
        try {
            killAndExpectNamed(2, 0, "mode=ipc", "dir=" + dir);
        } finally {
            AeronLinks.deleteDirectory(dir); // rank 0 was killed and could not
        }
    }

    @Test
    void aKilledPeerIsNamedByTheOthersOverUdp() throws Exception {
        List<String> endpoints = new ArrayList<>();
        for (int port : ProbeJvm.freeUdpPorts(2)) {
            endpoints.add("127.0.0.1:" + port);
        }
        List<String> survivors = killAndExpectNamed(2, 1, "mode=udp", "endpoints=" + String.join(",", endpoints));
        assertTrue(survivors.get(0).contains(endpoints.get(1)), survivors.get(0));
    }

    @Test
    void aPeerThatClosesIsNamedByTheOthers() throws Exception {
        Path dir = AeronExchange.newDriverDirectory();
        List<ProbeJvm> probes = new ArrayList<>();
        try {
            for (int r = 0; r < 3; r++) {
                probes.add(ProbeJvm.probe(r, 3, "mode=ipc", "dir=" + dir, FOREVER, r == 1 ? "leave=30" : "mark=-1"));
            }
            assertEquals(0, probes.get(1).exit(60), probes.get(1).output());
            assertEquals(List.of("LEFT 30"), probes.get(1).lines());
            for (int r : new int[] {0, 2}) {
                String line = probes.get(r).await(l -> l.startsWith("FAIL"), 60);
                assertTrue(line.contains("peer=1 ") && line.contains("process 1") && line.contains("left the exchange"), line);
                assertEquals(3, probes.get(r).exit(60), probes.get(r).output());
            }
        } finally {
            probes.forEach(ProbeJvm::close);
            AeronLinks.deleteDirectory(dir);
        }
    }

    /**
     * Runs {@code size} probes until {@code victim} has done some rounds, kills it, and checks every other
     * prints a failure naming it (and its pid) within {@link #DETECT_SECONDS} and exits; returns their lines.
     */
    private static List<String> killAndExpectNamed(int size, int victim, String... args) throws Exception {
        List<ProbeJvm> probes = new ArrayList<>();
        try {
            for (int r = 0; r < size; r++) {
                List<String> all = new ArrayList<>(List.of(args));
                all.add(FOREVER);
                all.add("mark=100");
                probes.add(ProbeJvm.probe(r, size, all.toArray(String[]::new)));
            }
            ProbeJvm dead = probes.get(victim);
            dead.await(l -> l.equals("REACHED 100"), 60);
            long pid = dead.pid();
            dead.kill();
            long killed = System.nanoTime();
            deleteDriverDirectoriesOf(pid); // a killed process cannot remove the driver directory it made (UDP)
            List<String> failures = new ArrayList<>();
            for (int r = 0; r < size; r++) {
                if (r == victim) {
                    continue;
                }
                ProbeJvm.Line line = probes.get(r).awaitTimed(l -> l.startsWith("FAIL"), 60);
                double seconds = (line.nanoTime() - killed) / 1e9;
                assertTrue(line.line().startsWith("FAIL rank=" + r + " peer=" + victim + " "), line.line());
                assertTrue(line.line().contains("process " + victim + " (pid " + pid), line.line());
                assertTrue(seconds < DETECT_SECONDS, "rank " + r + " noticed after " + seconds + " s: " + line.line());
                assertEquals(3, probes.get(r).exit(60), probes.get(r).output());
                failures.add(line.line());
            }
            return failures;
        } finally {
            probes.forEach(ProbeJvm::close);
        }
    }

    private static void deleteDriverDirectoriesOf(long pid) throws IOException {
        Path parent = AeronExchange.newDriverDirectory().getParent();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(parent, "neurosweep-aeron-" + pid + "-*")) {
            dirs.forEach(AeronLinks::deleteDirectory);
        }
    }
}
