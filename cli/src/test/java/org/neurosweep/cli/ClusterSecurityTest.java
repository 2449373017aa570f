package org.neurosweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.neurosweep.storage.TrajectoryReader;

/**
 * A cluster with a secret, on 127.0.0.1, every node a JVM of its own: a worker with another secret and one
 * with none are refused (and the coordinator says so) while the sweep completes on the workers that hold
 * it; bytes that are not TLS, TLS without a certificate and TLS with another secret's key, sent to the
 * coordinator's port, are cut off and change nothing. Binding beyond loopback without a secret is refused.
 */
class ClusterSecurityTest extends ClusterCase {
    private static final int RUNS = 100;
    private static final String GRID = "x=0.001:0.101:0.001";
    private static final String REFUSED = "refused a connection to this node";

    private Path secret(String name) throws IOException {
        Path file = dir.resolve(name);
        CliRun r = CliRun.of("cluster", "secret", file.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("into " + file + ", readable by you only"), r.err());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        return file;
    }

    private Process coordinator(int port, Path secret, Path file) throws Exception {
        Process c = jvms.start("coordinator", "cluster", "coordinator", "busy", "--grid", GRID, "--out", file.toString(),
                "--port", String.valueOf(port), "--secret", secret.toString());
        jvms.awaitLines(c, "coordinator at 127.0.0.1:" + port + " (TLS, cluster secret ", 1);
        return c;
    }

    private Process worker(String name, int seedPort, int port, Map<String, String> environment, String... secret)
            throws IOException {
        List<String> args = new ArrayList<>(List.of("cluster", "worker", "--seed", "127.0.0.1:" + seedPort, "--port",
                String.valueOf(port), "--workers", "1", "--wait", "90"));
        args.addAll(List.of(secret));
        return jvms.start(name, environment, args.toArray(new String[0]));
    }

    /** Distinct free ports, so that each worker node is known by its address. */
    private static int[] ports(int n) throws IOException {
        Set<Integer> ports = new HashSet<>();
        while (ports.size() < n) {
            ports.add(CliJvm.freePort());
        }
        return ports.stream().mapToInt(Integer::intValue).toArray();
    }

    private void assertNoStackTrace(Process p) throws IOException {
        String log = jvms.log(p);
        assertFalse(log.contains("\tat ") || log.contains("Exception"), "refusals are one line each, not a stack trace:\n" + log);
    }

    @Test
    void workersWithAnotherSecretOrNoneAreRefusedWhileTheSweepCompletesOnTheRightOnes() throws Exception {
        Path right = secret("right.secret");
        Path wrong = secret("wrong.secret");
        int[] ports = ports(5);
        Path file = dir.resolve("secure.h5");
        Process c = coordinator(ports[0], right, file);

        Process wrongWorker = worker("wrong-worker", ports[0], ports[1], Map.of(), "--secret", wrong.toString());
        Process plainWorker = worker("plain-worker", ports[0], ports[2], Map.of());
        jvms.assertExitsWith(3, wrongWorker, "the worker with another secret");
        assertTrue(jvms.log(wrongWorker).contains("the coordinator at 127.0.0.1:" + ports[0]
                + " does not hold this node's cluster secret"), jvms.logs());
        // one line for the worker with another secret, one for the one without (not TLS): two reasons
        jvms.awaitLines(c, REFUSED, 2);

        // the right secret from --secret FILE, and as the environment variable's content
        Process right1 = worker("right-worker-1", ports[0], ports[3], Map.of(), "--secret", right.toString());
        Process right2 = worker("right-worker-2", ports[0], ports[4], Map.of("NEUROSWEEP_CLUSTER_SECRET", Files.readString(right)));
        jvms.assertExitsWith(0, c, "the coordinator");
        jvms.assertExitsWith(0, right1, "right worker 1");
        jvms.assertExitsWith(0, right2, "right worker 2");
        assertTrue(jvms.log(c).contains(RUNS + " runs: " + RUNS + " completed, 0 failed"), jvms.logs());

        Set<String> joined = new HashSet<>();
        jvms.log(c).lines().filter(l -> l.contains(" joined (")).forEach(l -> joined.add(l.replaceAll(".*(127\\.0\\.0\\.1:\\d+) joined.*", "$1")));
        Set<String> rightNodes = Set.of("127.0.0.1:" + ports[3], "127.0.0.1:" + ports[4]);
        assertTrue(rightNodes.containsAll(joined) && !joined.isEmpty(), "only nodes with the secret joined: " + joined + jvms.logs());
        try (TrajectoryReader reader = TrajectoryReader.open(file)) {
            for (long i = 0; i < RUNS; i++) {
                String node = reader.run(i).worker().replaceAll("/.*", "");
                assertTrue(rightNodes.contains(node), "run " + i + " ran on " + node);
            }
        }
        assertFalse(jvms.log(plainWorker).contains("joined the coordinator"), jvms.log(plainWorker));
        assertNoStackTrace(c);
        assertNoStackTrace(wrongWorker);
        ClusterNodes.assertSameAsLocal(dir, file, GRID, RUNS);
    }

    @Test
    void garbageOnTheCoordinatorsPortChangesNothing() throws Exception {
        Path right = secret("right.secret");
        Path wrong = secret("wrong.secret");
        int[] ports = ports(2);
        Path file = dir.resolve("garbage.h5");
        Process c = coordinator(ports[0], right, file);
        Random random = new Random(13);

        byte[] noise = new byte[64 * 1024];
        random.nextBytes(noise);
        assertCutOff(plain(ports[0]), noise, "random bytes");
        // what an Artery TCP connection starts with (magic, stream id), then a frame (length, envelope) of noise
        ByteBuffer artery = ByteBuffer.allocate(4 + 1 + 4 + 4096).order(ByteOrder.LITTLE_ENDIAN);
        artery.put("PEKK".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).putInt(4096);
        byte[] envelope = new byte[4096];
        random.nextBytes(envelope);
        envelope[0] = 0; // the envelope's version
        artery.put(envelope);
        assertCutOff(plain(ports[0]), artery.array(), "an Artery header and frame in plain TCP");
        assertCutOff(tls(ports[0], null), artery.array(), "TLS without a certificate");
        assertCutOff(tls(ports[0], wrong), artery.array(), "TLS with another secret's key, trusting any coordinator");
        jvms.awaitLines(c, REFUSED, 3); // not TLS; no certificate; another certificate
        assertTrue(c.isAlive(), jvms.logs());

        Process w = worker("worker", ports[0], ports[1], Map.of(), "--secret", right.toString());
        jvms.assertExitsWith(0, c, "the coordinator");
        jvms.assertExitsWith(0, w, "the worker");
        assertTrue(jvms.log(c).contains(RUNS + " runs: " + RUNS + " completed, 0 failed"), jvms.logs());
        assertNoStackTrace(c);
        ClusterNodes.assertSameAsLocal(dir, file, GRID, RUNS);
    }

    @Test
    void aSecretIsMadeIntoANewFileOrOntoStandardOutputAndNeededBeyondLoopback() throws Exception {
        assumeTrue(System.getenv("NEUROSWEEP_CLUSTER_SECRET") == null, "the test's own environment holds a secret");
        Path file = secret("cluster.secret");
        String made = Files.readString(file);
        CliRun again = CliRun.of("cluster", "secret", file.toString());
        assertEquals(2, again.status());
        assertTrue(again.err().startsWith("neurosweep cluster secret: " + file + " exists; a new secret goes into a new file"), again.err());
        assertEquals(made, Files.readString(file), "an existing secret is never replaced");
        CliRun printed = CliRun.of("cluster", "secret");
        assertEquals(0, printed.status(), printed.err());
        assertTrue(printed.out().contains("-----BEGIN PRIVATE KEY-----") && printed.out().contains("-----END CERTIFICATE-----")
                && !printed.out().equals(made), printed.out());

        String needed = "(not a loopback address) needs the cluster's secret: --secret FILE or NEUROSWEEP_CLUSTER_SECRET;"
                + " make one with 'neurosweep cluster secret FILE'";
        Path out = dir.resolve("never.h5");
        CliRun c = CliRun.of("cluster", "coordinator", "busy", "--host", "10.0.0.1", "--out", out.toString());
        assertEquals(2, c.status());
        assertTrue(c.err().startsWith("neurosweep cluster coordinator: a node listening on 10.0.0.1 " + needed), c.err());
        assertFalse(Files.exists(out), "refused before any file is made");
        CliRun w = CliRun.of("cluster", "worker", "--bind", "0.0.0.0", "--wait", "1");
        assertEquals(2, w.status());
        assertTrue(w.err().startsWith("neurosweep cluster worker: a node listening on 0.0.0.0 " + needed), w.err());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        CliRun open = CliRun.of("cluster", "worker", "--secret", file.toString(), "--wait", "1");
        assertEquals(2, open.status());
        assertTrue(open.err().contains("is open to other users (rw-r-----): chmod 600 " + file), open.err());
    }

    private static Socket plain(int port) throws IOException {
        return new Socket("127.0.0.1", port);
    }

    /** A TLS client that trusts any server and presents {@code secret}'s certificate, or none. */
    private static Socket tls(int port, Path secret) throws Exception {
        KeyManager[] keys = null;
        if (secret != null) {
            String pem = Files.readString(secret);
            PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der(pem, "PRIVATE KEY")));
            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der(pem, "CERTIFICATE")));
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("k", key, new char[0], new Certificate[] {cert});
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, new char[0]);
            keys = kmf.getKeyManagers();
        }
        TrustManager anyone = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext context = SSLContext.getInstance("TLSv1.3");
        context.init(keys, new TrustManager[] {anyone}, new SecureRandom());
        return context.getSocketFactory().createSocket("127.0.0.1", port);
    }

    private static byte[] der(String pem, String type) {
        String begin = "-----BEGIN " + type + "-----";
        int from = pem.indexOf(begin) + begin.length();
        return Base64.getMimeDecoder().decode(pem.substring(from, pem.indexOf("-----END " + type + "-----", from)));
    }

    /** Sends {@code bytes} and expects the coordinator to close the connection (not to wait for more). */
    private void assertCutOff(Socket s, byte[] bytes, String what) throws IOException {
        try (s) {
            s.setSoTimeout(60_000);
            try {
                if (s instanceof SSLSocket tls) {
                    tls.startHandshake();
                }
                s.getOutputStream().write(bytes);
                s.getOutputStream().flush();
                InputStream in = s.getInputStream();
                while (in.read() >= 0) {
                    // whatever comes back (a TLS alert) until the connection closes
                }
            } catch (SocketTimeoutException e) {
                fail(what + ": the coordinator kept the connection open for a minute" + jvms.logs());
            } catch (IOException e) {
                // cut off: a reset, or a TLS alert the client read as an error
            }
        }
    }
}
