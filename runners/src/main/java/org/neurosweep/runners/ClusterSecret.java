package org.neurosweep.runners;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What lets a node into a sweep cluster: a private key and its self-signed certificate that every node
 * of one cluster shares, as one PEM text (a PKCS#8 {@code PRIVATE KEY} and a {@code CERTIFICATE}).
 * Nodes holding it talk Artery over TLS 1.3 with mutual authentication, each trusting exactly this
 * certificate (pinned: no certificate authority, no host name check, no expiry check), so a node that
 * does not hold the key fails the handshake before any byte of it reaches Pekko.
 *
 * <p>{@link #generate()} makes one with the JDK's {@code keytool} (an EC P-256 key); one made by
 * {@code openssl req -x509 -nodes -newkey ec -pkeyopt ec_paramgen_curve:P-256 ...} (key and certificate
 * in one file) works as well.
 */
public final class ClusterSecret {
    /** The environment variable a node reads its secret from when none is given: the file's path, or its content. */
    public static final String ENVIRONMENT_VARIABLE = "NEUROSWEEP_CLUSTER_SECRET";

    private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);
    private static final String HEADER = "neurosweep cluster secret: every node of one cluster needs this file"
            + " (--secret FILE); keep it private (chmod 600).\n";

    private final PrivateKey key;
    private final X509Certificate certificate;
    private final String origin;

    private ClusterSecret(PrivateKey key, X509Certificate certificate, String origin) {
        this.key = key;
        this.certificate = certificate;
        this.origin = origin;
    }

    /**
     * Reads a secret file, refusing one that other users may read or write.
     *
     * @throws IOException                   when the file cannot be read
     * @throws InvalidClusterSecretException when it is not a secret, or is open to other users
     */
    public static ClusterSecret read(Path file) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view != null) {
            Set<PosixFilePermission> open = view.readAttributes().permissions();
            open.retainAll(OTHERS);
            if (!open.isEmpty()) {
                throw new InvalidClusterSecretException("the cluster secret " + file + " is open to other users ("
                        + PosixFilePermissions.toString(view.readAttributes().permissions()) + "): chmod 600 " + file);
            }
        }
        return parse(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
    }

    /**
     * A secret from its PEM text.
     *
     * @param origin where the text came from, for messages
     * @throws InvalidClusterSecretException naming the origin, when the text holds no usable key and certificate
     */
    public static ClusterSecret parse(String text, String origin) {
        byte[] keyBytes = null;
        byte[] certificateBytes = null;
        Matcher m = PEM.matcher(text);
        while (m.find()) {
            byte[] der;
            try {
                der = Base64.getMimeDecoder().decode(m.group(2));
            } catch (IllegalArgumentException e) {
                throw new InvalidClusterSecretException(origin + ": its " + m.group(1) + " is not base64");
            }
            switch (m.group(1)) {
                case "PRIVATE KEY" -> keyBytes = der;
                case "CERTIFICATE" -> certificateBytes = der;
                case "ENCRYPTED PRIVATE KEY" -> throw new InvalidClusterSecretException(origin
                        + ": the private key is encrypted; a cluster secret holds it unencrypted (openssl: -nodes)");
                default -> throw new InvalidClusterSecretException(origin + ": holds a " + m.group(1)
                        + "; a cluster secret holds a PRIVATE KEY (PKCS#8) and a CERTIFICATE");
            }
        }
        if (keyBytes == null || certificateBytes == null) {
            throw new InvalidClusterSecretException(origin + " is not a cluster secret (a PEM PRIVATE KEY and CERTIFICATE,"
                    + " as 'neurosweep cluster secret' makes)");
        }
        try {
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(certificateBytes));
            String algorithm = certificate.getPublicKey().getAlgorithm();
            PrivateKey key = KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(keyBytes));
            ClusterSecret secret = new ClusterSecret(key, certificate, origin);
            secret.checkPair();
            return secret;
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new InvalidClusterSecretException(origin + ": not a usable key and certificate (" + e.getMessage() + ")");
        }
    }

    /** The private key must be the certificate's, or every handshake would fail for a reason hard to see. */
    private void checkPair() throws GeneralSecurityException {
        String algorithm = switch (key.getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            default -> throw new InvalidClusterSecretException(origin + ": a " + key.getAlgorithm()
                    + " key; a cluster secret holds an EC or RSA key");
        };
        byte[] probe = new byte[32];
        new SecureRandom().nextBytes(probe);
        Signature sign = Signature.getInstance(algorithm);
        sign.initSign(key);
        sign.update(probe);
        Signature verify = Signature.getInstance(algorithm);
        verify.initVerify(certificate.getPublicKey());
        verify.update(probe);
        if (!verify.verify(sign.sign())) {
            throw new InvalidClusterSecretException(origin + ": the private key is not the certificate's");
        }
    }

    /**
     * The secret {@link #ENVIRONMENT_VARIABLE} names (a file's path) or holds (its content), if it is set.
     *
     * @throws IOException                   when the file it names cannot be read
     * @throws InvalidClusterSecretException when it holds no secret
     */
    public static Optional<ClusterSecret> fromEnvironment() throws IOException {
        return fromVariable(System.getenv(ENVIRONMENT_VARIABLE));
    }

    static Optional<ClusterSecret> fromVariable(String value) throws IOException {
        if (value == null) {
            return Optional.empty();
        }
        if (value.isBlank()) {
            throw new InvalidClusterSecretException(ENVIRONMENT_VARIABLE + " is set but empty; give it a secret file's path"
                    + " or content, or unset it");
        }
        if (value.contains("-----BEGIN")) {
            return Optional.of(parse(value, "the secret in " + ENVIRONMENT_VARIABLE));
        }
        return Optional.of(read(Path.of(value.trim())));
    }

    /**
     * A new secret as PEM text: an EC P-256 key and a self-signed certificate, made by the JDK's
     * {@code keytool} (so that neurosweep needs no cryptography library of its own).
     *
     * @throws IOException when keytool is missing or fails
     */
    public static String generate() throws IOException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        if (!Files.isExecutable(keytool)) {
            throw new IOException("making a cluster secret needs the JDK's keytool, not found at " + keytool
                    + "; or make one with openssl (docs/cluster.md)");
        }
        Path dir = Files.createTempDirectory("neurosweep-secret", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        Path store = dir.resolve("secret.p12");
        try {
            byte[] random = new byte[16];
            new SecureRandom().nextBytes(random);
            String password = HexFormat.of().formatHex(random);
            ProcessBuilder pb = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "neurosweep",
                    "-keyalg", "EC", "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA", "-validity", "36500",
                    "-dname", "CN=neurosweep cluster " + HexFormat.of().formatHex(random, 0, 4),
                    "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass:env", "NEUROSWEEP_KEYTOOL_PASSWORD")
                    .redirectErrorStream(true);
            Map<String, String> env = pb.environment();
            env.put("NEUROSWEEP_KEYTOOL_PASSWORD", password); // not on the command line, where ps would show it
            Process p = pb.start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (p.waitFor() != 0) {
                throw new IOException("keytool failed to make a cluster secret: " + output);
            }
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                ks.load(in, password.toCharArray());
            }
            PrivateKey key = (PrivateKey) ks.getKey("neurosweep", password.toCharArray());
            X509Certificate certificate = (X509Certificate) ks.getCertificate("neurosweep");
            return HEADER + pem("PRIVATE KEY", key.getEncoded()) + pem("CERTIFICATE", certificate.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the key keytool made: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while keytool made a cluster secret", e);
        } finally {
            Files.deleteIfExists(store);
            Files.deleteIfExists(dir);
        }
    }

    /**
     * Writes a new secret into {@code file}, readable and writable by its owner only from its first byte.
     *
     * @throws java.nio.file.FileAlreadyExistsException when the file exists
     */
    public static ClusterSecret create(Path file) throws IOException {
        String text = generate();
        Files.writeString(Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))),
                text, StandardCharsets.US_ASCII);
        return parse(text, file.toString());
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /**
     * Refuses a node that other machines could reach without a secret: one whose listening address
     * ({@code bindHost}, or {@code host} when it is null) is not a loopback address.
     *
     * @throws IllegalArgumentException naming the address, the option and the environment variable
     */
    static void requireUnlessLoopback(String host, String bindHost, ClusterSecret secret) {
        String listen = bindHost == null ? host : bindHost;
        if (secret == null && !isLoopback(listen)) {
            throw new IllegalArgumentException("a node listening on " + listen + " (not a loopback address) needs the cluster's"
                    + " secret: --secret FILE or " + ENVIRONMENT_VARIABLE + "; make one with 'neurosweep cluster secret FILE'");
        }
    }

    /** True when every address the name resolves to is a loopback address; a name that does not resolve is not. */
    static boolean isLoopback(String host) {
        try {
            for (InetAddress a : InetAddress.getAllByName(host)) {
                if (!a.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    PrivateKey key() {
        return key;
    }

    X509Certificate certificate() {
        return certificate;
    }

    /** The first 8 bytes of the certificate's SHA-256, as hex: names a secret in messages without revealing it. */
    public String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** Where it came from and its fingerprint; never the key. */
    @Override
    public String toString() {
        return "cluster secret " + fingerprint() + " from " + origin;
    }
}
