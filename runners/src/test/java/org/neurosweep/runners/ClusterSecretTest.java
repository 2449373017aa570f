package org.neurosweep.runners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cluster secret: made by keytool, read back, refused when damaged, open to others or missing where it is needed. */
class ClusterSecretTest {
    private static String one;
    private static String other;

    @TempDir
    Path dir;

    @BeforeAll
    static void generate() throws IOException {
        one = ClusterSecret.generate();
        other = ClusterSecret.generate();
    }

    private static String block(String pem, String type) {
        int from = pem.indexOf("-----BEGIN " + type + "-----");
        String end = "-----END " + type + "-----";
        return pem.substring(from, pem.indexOf(end) + end.length()) + "\n";
    }

    @Test
    void aGeneratedSecretReadsBackAndNeverShowsItsKey() {
        ClusterSecret s = ClusterSecret.parse(one, "one");
        assertEquals("EC", s.key().getAlgorithm());
        assertEquals(s.fingerprint(), ClusterSecret.parse(one, "again").fingerprint(), "the fingerprint is the certificate's");
        assertNotEquals(s.fingerprint(), ClusterSecret.parse(other, "other").fingerprint(), "every secret is new");
        assertEquals("cluster secret " + s.fingerprint() + " from one", s.toString());
        assertFalse(s.toString().contains(block(one, "PRIVATE KEY").substring(28, 60)));
    }

    @Test
    void createWritesANewFileOnlyItsOwnerMayRead() throws IOException {
        Path file = dir.resolve("cluster.secret");
        ClusterSecret made = ClusterSecret.create(file);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(made.fingerprint(), ClusterSecret.read(file).fingerprint());
        String before = Files.readString(file);
        assertThrows(FileAlreadyExistsException.class, () -> ClusterSecret.create(file));
        assertEquals(before, Files.readString(file), "an existing secret is never replaced");
    }

    @Test
    void aFileOthersMayReadIsRefused() throws IOException {
        Path file = dir.resolve("open.secret");
        Files.writeString(file, one);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        InvalidClusterSecretException e = assertThrows(InvalidClusterSecretException.class, () -> ClusterSecret.read(file));
        assertEquals("the cluster secret " + file + " is open to other users (rw-r--r--): chmod 600 " + file, e.getMessage());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertEquals(ClusterSecret.parse(one, "x").fingerprint(), ClusterSecret.read(file).fingerprint());
    }

    @Test
    void whatIsNotASecretIsRefusedNamingWhereItCameFrom() {
        String[][] cases = {
            {"hello", "is not a cluster secret"},
            {block(one, "CERTIFICATE"), "is not a cluster secret"},
            {block(other, "PRIVATE KEY") + block(one, "CERTIFICATE"), "the private key is not the certificate's"},
            {block(one, "PRIVATE KEY").replace("M", "*") + block(one, "CERTIFICATE"), "is not a cluster secret"},
            {block(one, "PRIVATE KEY").replace("-----\n", "-----\nAAAA") + block(one, "CERTIFICATE"), "not a usable key"},
            {"-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n", "holds a RSA PRIVATE KEY"},
        };
        for (String[] c : cases) {
            InvalidClusterSecretException e = assertThrows(InvalidClusterSecretException.class, () -> ClusterSecret.parse(c[0], "F"));
            assertTrue(e.getMessage().startsWith("F") && e.getMessage().contains(c[1]), c[1] + ": " + e.getMessage());
        }
    }

    @Test
    void theEnvironmentVariableHoldsAPathOrTheContent() throws IOException {
        Path file = Files.writeString(Files.createFile(dir.resolve("env.secret"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))), one);
        assertEquals(ClusterSecret.parse(one, "x").fingerprint(), ClusterSecret.fromVariable(file.toString()).orElseThrow().fingerprint());
        assertEquals(ClusterSecret.parse(other, "x").fingerprint(), ClusterSecret.fromVariable(other).orElseThrow().fingerprint());
        assertTrue(ClusterSecret.fromVariable(null).isEmpty());
        InvalidClusterSecretException e = assertThrows(InvalidClusterSecretException.class, () -> ClusterSecret.fromVariable(" "));
        assertTrue(e.getMessage().startsWith("NEUROSWEEP_CLUSTER_SECRET is set but empty"), e.getMessage());
        assertThrows(IOException.class, () -> ClusterSecret.fromVariable(dir.resolve("missing").toString()));
    }

    @Test
    void aNodeOthersCanReachNeedsASecret() {
        Duration t = Duration.ofMinutes(1);
        for (String[] hostAndBind : new String[][] {{"10.0.0.1", null}, {"127.0.0.1", "0.0.0.0"}, {"no-such-host.invalid", null}}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new ClusterSettings(hostAndBind[0], 0, hostAndBind[1], t));
            String listen = hostAndBind[1] == null ? hostAndBind[0] : hostAndBind[1];
            assertEquals("a node listening on " + listen + " (not a loopback address) needs the cluster's secret: --secret FILE or"
                    + " NEUROSWEEP_CLUSTER_SECRET; make one with 'neurosweep cluster secret FILE'", e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> new ClusterWorker.Options("10.0.0.2", 25520, hostAndBind[0], 0,
                    hostAndBind[1], null, 1, t, null));
        }
        ClusterSecret s = ClusterSecret.parse(one, "one");
        assertEquals(s, new ClusterSettings("10.0.0.1", 0, "0.0.0.0", t, s).secret());
        assertEquals(s, new ClusterSettings("127.0.0.1", 0, null, t).withSecret(s).secret());
        new ClusterWorker.Options("10.0.0.2", 25520, "10.0.0.1", 0, null, s, 1, t, null);
        for (String loopback : new String[] {"127.0.0.1", "localhost", "127.0.0.2", "::1"}) {
            assertEquals(null, new ClusterSettings(loopback, 0, null, t).secret(), loopback + " needs no secret");
        }
    }
}
