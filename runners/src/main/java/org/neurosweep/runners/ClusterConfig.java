package org.neurosweep.runners;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import org.apache.pekko.actor.typed.receptionist.ServiceKey;
import org.neurosweep.runners.wire.ClusterMessage;
import org.neurosweep.runners.wire.KryoPekkoSerializer;

/**
 * The Pekko configuration of the nodes of a sweep cluster: Artery TCP, Kryo for our messages, and a
 * split-brain resolver (keep-oldest, the oldest with the coordinator role) so that a node killed with
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

    static Config coordinator(String host, int port, String bindHost) {
        return node(host, port, bindHost, "coordinator", null, Duration.ZERO); // joins itself once its port is known
    }

    /** A worker node; it gives up (its system terminates) if it cannot join the seed within {@code wait}. */
    static Config worker(String host, int port, String bindHost, String seedHost, int seedPort, Duration wait) {
        return node(host, port, bindHost, "worker", address(seedHost, seedPort), wait);
    }

    static String address(String host, int port) {
        return "pekko://" + SYSTEM + "@" + host + ":" + port;
    }

    private static Config node(String host, int port, String bindHost, String role, String seed, Duration wait) {
        String text = String.join("\n",
                "pekko {",
                "  loglevel = WARNING",
                "  stdout-loglevel = OFF",
                "  loggers = [\"org.apache.pekko.event.slf4j.Slf4jLogger\"]",
                "  logging-filter = \"org.apache.pekko.event.slf4j.Slf4jLoggingFilter\"",
                "  log-dead-letters = off",
                "  log-dead-letters-during-shutdown = off",
                // a node whose cores are busy with runs is the normal case: Pekko's start-up and
                // connection time-outs (3-5 s by default) killed a worker JVM on a loaded CI machine
                "  logger-startup-timeout = 60s",
                "  actor {",
                "    provider = cluster",
                "    serializers { neurosweep-kryo = \"" + KryoPekkoSerializer.class.getName() + "\" }",
                "    serialization-bindings { \"" + ClusterMessage.class.getName() + "\" = neurosweep-kryo }",
                "  }",
                "  remote.artery {",
                "    transport = tcp",
                "    canonical { hostname = \"" + host + "\", port = " + port + " }",
                bindHost == null ? "" : "    bind.hostname = \"" + bindHost + "\"",
                "    bind.bind-timeout = 60s",
                "    advanced.tcp.connection-timeout = 15s",
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
                "    seed-node-timeout = 2s",
                "    retry-unsuccessful-join-after = 2s",
                // a downed node's runs are handed out again and duplicates are dropped, so nothing
                // needs the margin that protects singletons (by default stable-after, 5 s more)
                "    down-removal-margin = 1s",
                // a run that saturates the cores, or a GC pause, must not look like a dead node (default 3 s)
                "    failure-detector.acceptable-heartbeat-pause = 8s",
                "    log-info = off",
                "    downing-provider-class = \"org.apache.pekko.cluster.sbr.SplitBrainResolverProvider\"",
                "    split-brain-resolver {",
                "      active-strategy = keep-oldest",
                "      keep-oldest { role = coordinator, down-if-alone = off }",
                "      stable-after = 5s",
                // by default, when reachability keeps changing for stable-after and 3/4 of it, every node is
                // downed, the coordinator too, whose actor system then stops: in a sweep whose workers are
                // killed and replaced every few seconds that is the normal case (the soak benchmark's cluster
                // stalled with no node left after 2 minutes). Keep-oldest always keeps the coordinator's side.
                "      down-all-when-unstable = off",
                "    }",
                wait.isZero() ? "" : "    shutdown-after-unsuccessful-join-seed-nodes = " + wait.toMillis() + "ms",
                "  }",
                "}");
        return ConfigFactory.parseString(text).withFallback(ConfigFactory.load());
    }
}
