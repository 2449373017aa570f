package org.neurosweep.runners;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server side of a cluster node's TLS connections, as the JDK makes it, except that a failure (a
 * peer with another secret or none, or bytes that are not TLS) is logged: Artery drops such a
 * connection without a word. Everything else is the JDK engine's.
 */
final class RefusalLoggingEngine extends SSLEngine {
    private final SSLEngine engine;
    private final Refusals refusals;

    RefusalLoggingEngine(SSLEngine engine, Refusals refusals) {
        super(engine.getPeerHost(), engine.getPeerPort());
        this.engine = engine;
        this.refusals = refusals;
    }

    /**
     * One WARN line for a refused connection, then at most one a minute for the same reason, counting the
     * others, so that a node knocking again and again does not flood the log.
     */
    static final class Refusals {
        private static final Logger LOG = LoggerFactory.getLogger(ClusterTls.class);
        private static final long QUIET_NANOS = 60_000_000_000L;
        /** Reasons kept apart; past this many (garbage makes up new ones), the others share one. */
        private static final int REASONS = 16;

        /** When a reason was last logged, and how many refusals for it have not been since. */
        private static final class Count {
            long lastLogged;
            int unlogged;
        }

        private final Map<String, Count> reasons = new HashMap<>();

        synchronized void refused(SSLException e) {
            String reason = reason(e);
            Count c = reasons.get(reason);
            if (c == null && reasons.size() >= REASONS) {
                reason = "another reason";
                c = reasons.get(reason);
            }
            long now = System.nanoTime();
            if (c != null && now - c.lastLogged < QUIET_NANOS) {
                c.unlogged++;
                return;
            }
            if (c == null) {
                c = new Count();
                reasons.put(reason, c);
            }
            String more = c.unlogged == 0 ? "" : " (" + c.unlogged + " more so since the last such line)";
            LOG.warn("refused a connection to this node: {}; a node without this cluster's secret, or not a neurosweep node{}",
                    reason, more);
            c.lastLogged = now;
            c.unlogged = 0;
        }

        private static String reason(Throwable e) {
            String text = e.getMessage();
            for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
                if (c.getMessage() != null) {
                    text = c.getMessage(); // the innermost says why (our trust manager's, say)
                }
            }
            return text == null ? e.getClass().getSimpleName() : text;
        }
    }

    @Override
    public SSLEngineResult wrap(ByteBuffer[] srcs, int offset, int length, ByteBuffer dst) throws SSLException {
        try {
            return engine.wrap(srcs, offset, length, dst);
        } catch (SSLException e) {
            refusals.refused(e);
            throw e;
        }
    }

    @Override
    public SSLEngineResult unwrap(ByteBuffer src, ByteBuffer[] dsts, int offset, int length) throws SSLException {
        try {
            return engine.unwrap(src, dsts, offset, length);
        } catch (SSLException e) {
            refusals.refused(e);
            throw e;
        }
    }

    @Override
    public Runnable getDelegatedTask() {
        return engine.getDelegatedTask(); // its failure is thrown by the next wrap or unwrap
    }

    @Override
    public void closeInbound() throws SSLException {
        engine.closeInbound();
    }

    @Override
    public boolean isInboundDone() {
        return engine.isInboundDone();
    }

    @Override
    public void closeOutbound() {
        engine.closeOutbound();
    }

    @Override
    public boolean isOutboundDone() {
        return engine.isOutboundDone();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return engine.getSupportedCipherSuites();
    }

    @Override
    public String[] getEnabledCipherSuites() {
        return engine.getEnabledCipherSuites();
    }

    @Override
    public void setEnabledCipherSuites(String[] suites) {
        engine.setEnabledCipherSuites(suites);
    }

    @Override
    public String[] getSupportedProtocols() {
        return engine.getSupportedProtocols();
    }

    @Override
    public String[] getEnabledProtocols() {
        return engine.getEnabledProtocols();
    }

    @Override
    public void setEnabledProtocols(String[] protocols) {
        engine.setEnabledProtocols(protocols);
    }

    @Override
    public SSLSession getSession() {
        return engine.getSession();
    }

    @Override
    public SSLSession getHandshakeSession() {
        return engine.getHandshakeSession();
    }

    @Override
    public void beginHandshake() throws SSLException {
        engine.beginHandshake();
    }

    @Override
    public SSLEngineResult.HandshakeStatus getHandshakeStatus() {
        return engine.getHandshakeStatus();
    }

    @Override
    public void setUseClientMode(boolean mode) {
        engine.setUseClientMode(mode);
    }

    @Override
    public boolean getUseClientMode() {
        return engine.getUseClientMode();
    }

    @Override
    public void setNeedClientAuth(boolean need) {
        engine.setNeedClientAuth(need);
    }

    @Override
    public boolean getNeedClientAuth() {
        return engine.getNeedClientAuth();
    }

    @Override
    public void setWantClientAuth(boolean want) {
        engine.setWantClientAuth(want);
    }

    @Override
    public boolean getWantClientAuth() {
        return engine.getWantClientAuth();
    }

    @Override
    public void setEnableSessionCreation(boolean flag) {
        engine.setEnableSessionCreation(flag);
    }

    @Override
    public boolean getEnableSessionCreation() {
        return engine.getEnableSessionCreation();
    }

    @Override
    public SSLParameters getSSLParameters() {
        return engine.getSSLParameters();
    }

    @Override
    public void setSSLParameters(SSLParameters params) {
        engine.setSSLParameters(params);
    }

    @Override
    public String getApplicationProtocol() {
        return engine.getApplicationProtocol();
    }

    @Override
    public String getHandshakeApplicationProtocol() {
        return engine.getHandshakeApplicationProtocol();
    }

    @Override
    public void setHandshakeApplicationProtocolSelector(BiFunction<SSLEngine, List<String>, String> selector) {
        engine.setHandshakeApplicationProtocolSelector(selector);
    }

    @Override
    public BiFunction<SSLEngine, List<String>, String> getHandshakeApplicationProtocolSelector() {
        return engine.getHandshakeApplicationProtocolSelector();
    }
}
