package org.neurosweep.runners;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.function.Consumer;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.apache.pekko.remote.artery.tcp.SSLEngineProvider;
import scala.Option;

/**
 * Artery's TLS for a sweep cluster: TLS 1.3, mutual authentication required, and the one certificate of
 * the {@link ClusterSecret} as the only one trusted (pinned; no host name check, so nodes may be named
 * as they like). A peer without the secret's key fails the handshake, before any of its bytes reach
 * Artery's framing or a serializer. Failed handshakes into this node are logged by {@link RefusalLoggingEngine}
 * (Artery does not log them); a peer this node connected to that does not hold the secret is reported to
 * {@code refusedPeer} with its address.
 */
final class ClusterTls implements SSLEngineProvider {
    private static final String PROTOCOL = "TLSv1.3";

    private final SSLContext context;
    private final RefusalLoggingEngine.Refusals refusals = new RefusalLoggingEngine.Refusals();

    /** @param refusedPeer hears "host:port" of a node this one connected to that holds another secret, or none */
    ClusterTls(ClusterSecret secret, Consumer<String> refusedPeer) {
        try {
            char[] password = new char[0];
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("neurosweep", secret.key(), password, new Certificate[] {secret.certificate()});
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, password);
            context = SSLContext.getInstance(PROTOCOL);
            context.init(kmf.getKeyManagers(), new TrustManager[] {new Pinned(secret.certificate(), refusedPeer)}, new SecureRandom());
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new RunnerException("cannot set up TLS with " + secret + ": " + e.getMessage(), e);
        }
    }

    @Override
    public SSLEngine createServerSSLEngine(String hostname, int port) {
        SSLEngine engine = context.createSSLEngine();
        engine.setUseClientMode(false);
        engine.setSSLParameters(parameters(true));
        return new RefusalLoggingEngine(engine, refusals);
    }

    @Override
    public SSLEngine createClientSSLEngine(String hostname, int port) {
        SSLEngine engine = context.createSSLEngine(hostname, port); // the peer's address, for the trust manager's message
        engine.setUseClientMode(true);
        engine.setSSLParameters(parameters(false));
        return engine;
    }

    private static SSLParameters parameters(boolean server) {
        SSLParameters p = new SSLParameters();
        p.setProtocols(new String[] {PROTOCOL});
        if (server) {
            p.setNeedClientAuth(true);
        }
        return p; // no endpoint identification: the certificate is pinned, not matched to a host name
    }

    @Override
    public Option<Throwable> verifyClientSession(String hostname, SSLSession session) {
        return Option.empty(); // the trust manager has checked the peer's certificate during the handshake
    }

    @Override
    public Option<Throwable> verifyServerSession(String hostname, SSLSession session) {
        return Option.empty();
    }

    /** Trusts exactly one certificate, on both sides of a connection. */
    private static final class Pinned extends X509ExtendedTrustManager {
        private final byte[] trusted;
        private final Consumer<String> refusedPeer;

        Pinned(X509Certificate trusted, Consumer<String> refusedPeer) {
            try {
                this.trusted = trusted.getEncoded();
            } catch (CertificateEncodingException e) {
                throw new IllegalArgumentException(e);
            }
            this.refusedPeer = refusedPeer;
        }

        private void check(X509Certificate[] chain, String peer) throws CertificateException {
            if (chain == null || chain.length == 0 || !MessageDigest.isEqual(trusted, chain[0].getEncoded())) {
                if (peer != null && refusedPeer != null) {
                    refusedPeer.accept(peer);
                }
                throw new CertificateException((peer == null ? "the peer" : "the node at " + peer)
                        + " does not hold this cluster's secret");
            }
        }

        private static String peer(SSLEngine engine) {
            return engine == null || engine.getPeerHost() == null ? null : engine.getPeerHost() + ":" + engine.getPeerPort();
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            check(chain, null); // a server engine does not know the peer's address; the refusal is logged by Refusals
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            check(chain, peer(engine));
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            check(chain, null);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            check(chain, null);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            check(chain, null);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            check(chain, null);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0]; // names no authority: the handshake reveals nothing of the secret
        }
    }
}
