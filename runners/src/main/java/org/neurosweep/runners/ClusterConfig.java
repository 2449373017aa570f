package org.neurosweep.runners;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.function.Consumer;
import org.apache.pekko.actor.BootstrapSetup;
import org.apache.pekko.actor.setup.ActorSystemSetup;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.receptionist.ServiceKey;
import org.apache.pekko.remote.artery.tcp.SSLEngineProviderSetup;
import org.neurosweep.runners.wire.ClusterMessage;
import org.neurosweep.runners.wire.KryoPekkoSerializer;

/**
 * The Pekko configuration of the nodes of a sweep cluster: Artery TCP (over TLS with a {@link ClusterSecret}),
 * Kryo for our messages, and a split-brain resolver (keep-oldest, the oldest with the coordinator role) so that a node killed with
 * kill -9 is downed and its runs handed out again; without a downing provider it would be unreachable
 * forever and the sweep would stall.
 */
final class ClusterConfig {
    /** The actor system's name: part of every node's address, so it must be the same everywhere. */
    static final String SYSTEM = "neurosweep";
    /** How the coordinator is found: workers subscribe to this key with the receptionist. */
    static final ServiceKey<ClusterMessage> COORDINATOR = ServiceKey.create(ClusterMessage.class, "neurosweep-coordinator");

    private ClusterConfig() {
    }

    static Config coordinator(String host, int port, String bindHost, boolean tls) {
        return node(host, port, bindHost, tls, "coordinator", null, Duration.ZERO); // joins itself once its port is known
    }

    /** A worker node; it gives up (its system terminates) if it cannot join the seed within {@code wait}. */
    static Config worker(String host, int port, String bindHost, boolean tls, String seedHost, int seedPort, Duration wait) {
        return node(host, port, bindHost, tls, "worker", address(seedHost, seedPort), wait);
    }

    /**
     * Starts a node: with a secret, Artery runs over TLS ({@link ClusterTls}, given to Pekko as a setup, so
     * the key never passes through configuration text); without one, over plain TCP.
     *
     * @param refusedPeer hears the address of a node this one connected to that holds another secret
     */
    static <T> ActorSystem<T> start(Behavior<T> guardian, Config config, ClusterSecret secret, Consumer<String> refusedPeer) {
        if (secret == null) {
            return ActorSystem.create(guardian, SYSTEM, config);
        }
        ClusterTls tls = new ClusterTls(secret, refusedPeer);
        return ActorSystem.create(guardian, SYSTEM,
                ActorSystemSetup.create(BootstrapSetup.create(config), SSLEngineProviderSetup.create(system -> tls)));
    }

    static String address(String host, int port) {
        return "pekko://" + SYSTEM + "@" + host + ":" + port;
    }

    private static Config node(String host, int port, String bindHost, boolean tls, String role, String seed, Duration wait) {
        String text = String.join("\n",
                "pekko {",
                "  loglevel = WARNING",
                "  stdout-loglevel = OFF",
                "  loggers = [\"org.apache.pekko.event.slf4j.Slf4jLogger\"]",
                "  logging-filter = \"org.apache.pekko.event.slf4j.Slf4jLoggingFilter\"",
                "  log-dead-letters = off",
                "  log-dead-letters-during-shutdown = off",
                // a node whose cores are busy with runs is the normal case: Pekko's start-up and
                // connection time-outs (3-5 s by default) killed a worker JVM on a loaded CI machine;
                // every wait here is scaled by Timeouts (NEUROSWEEP_TIMEOUT_SCALE)
                "  logger-startup-timeout = " + Timeouts.pekko(Duration.ofSeconds(60)),
                "  actor {",
                "    provider = cluster",
                "    serializers { neurosweep-kryo = \"" + KryoPekkoSerializer.class.getName() + "\" }",
                "    serialization-bindings { \"" + ClusterMessage.class.getName() + "\" = neurosweep-kryo }",
                "  }",
                "  remote.artery {",
                "    transport = " + (tls ? "tls-tcp" : "tcp"),
                "    canonical { hostname = \"" + host + "\", port = " + port + " }",
                bindHost == null ? "" : "    bind.hostname = \"" + bindHost + "\"",
                "    bind.bind-timeout = " + Timeouts.pekko(Duration.ofSeconds(60)),
                "    advanced.tcp.connection-timeout = " + Timeouts.pekko(Duration.ofSeconds(15)),
                "  }",
                "  cluster {",
                "    roles = [" + role + "]",
                seed == null ? "" : "    seed-nodes = [\"" + seed + "\"]",
                "    jmx.enabled = off",
                // a sweep cluster has a few nodes: gossip often, so that joining and leaving take
                // fractions of a second, not seconds
                "    gossip-interval = 250ms",
                "    leader-actions-interval = 250ms",
                "    periodic-tasks-initial-delay = 200ms",
                "    seed-node-timeout = " + Timeouts.pekko(Duration.ofSeconds(2)),
                "    retry-unsuccessful-join-after = " + Timeouts.pekko(Duration.ofSeconds(2)),
                // a downed node's runs are handed out again and duplicates are dropped, so nothing
                // needs the margin that protects singletons (by default stable-after, 5 s more)
                "    down-removal-margin = 1s",
                // a run that saturates the cores, or a GC pause, must not look like a dead node (default 3 s)
                "    failure-detector.acceptable-heartbeat-pause = " + Timeouts.pekko(Duration.ofSeconds(8)),
                "    log-info = off",
                "    downing-provider-class = \"org.apache.pekko.cluster.sbr.SplitBrainResolverProvider\"",
                "    split-brain-resolver {",
                "      active-strategy = keep-oldest",
                "      keep-oldest { role = coordinator, down-if-alone = off }",
                "      stable-after = 5s",
                // by default, when reachability keeps changing for stable-after and 3/4 of it, every node is
                // downed, the coordinator too, whose actor system then stops: in a sweep whose workers are
                // killed and replaced every few seconds that is the normal case (the likeliest reason why the
                // soak benchmark's coordinator lost its actor system). Keep-oldest keeps the coordinator's side.
                "      down-all-when-unstable = off",
                "    }",
                wait.isZero() ? "" : "    shutdown-after-unsuccessful-join-seed-nodes = " + wait.toMillis() + "ms",
                "  }",
                "}");
        // a system property (-Dpekko....) overrides any of these, as Pekko users expect
        return ConfigFactory.systemProperties().withFallback(ConfigFactory.parseString(text)).withFallback(ConfigFactory.load());
    }
}
