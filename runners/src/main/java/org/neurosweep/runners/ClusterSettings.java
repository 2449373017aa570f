package org.neurosweep.runners;

import java.time.Duration;
import java.util.Objects;

/**
 * Where a cluster coordinator listens and how long it waits for a run's result.
 *
 * @param host       the name or address worker nodes reach this node by (Artery's canonical hostname)
 * @param port       the TCP port workers use as their seed (0: any free port, for tests)
 * @param bindHost   the interface to listen on, or null for {@code host} (e.g. 0.0.0.0 behind NAT)
 * @param runTimeout a run whose result has not arrived this long after it was handed out is handed out
 *                   again (and counted as an attempt)
 * @param secret     what the nodes of this cluster share to let each other in (TLS), or null for none: allowed
 *                   only when this node listens on a loopback address
 */
public record ClusterSettings(String host, int port, String bindHost, Duration runTimeout, ClusterSecret secret) {
    /** The default port, as in the commands' help. */
    public static final int DEFAULT_PORT = 25520;
    /** The default run timeout: long enough for any simulation we know of; lower it for short runs. */
    public static final Duration DEFAULT_RUN_TIMEOUT = Duration.ofHours(1);

    public ClusterSettings {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("the coordinator's host name is empty");
        }
        checkPort(port, "port");
        if (runTimeout == null || runTimeout.isNegative() || runTimeout.isZero()) {
            throw new IllegalArgumentException("the run timeout must be positive, got " + runTimeout);
        }
        ClusterSecret.requireUnlessLoopback(host, bindHost, secret);
    }

    /** Without a secret: for a coordinator that listens on a loopback address. */
    public ClusterSettings(String host, int port, String bindHost, Duration runTimeout) {
        this(host, port, bindHost, runTimeout, null);
    }

    /** These settings with {@code secret}: the nodes talk over TLS and let in only nodes holding it. */
    public ClusterSettings withSecret(ClusterSecret secret) {
        return new ClusterSettings(host, port, bindHost, runTimeout, Objects.requireNonNull(secret, "secret"));
    }

    /** On this machine only: 127.0.0.1, the default port, the default timeout. */
    public static ClusterSettings loopback() {
        return new ClusterSettings("127.0.0.1", DEFAULT_PORT, null, DEFAULT_RUN_TIMEOUT);
    }

    static void checkPort(int port, String what) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(what + " " + port + " is not a TCP port (0-65535; 0 picks a free one)");
        }
    }
}
