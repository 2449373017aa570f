package org.neurosweep.runners;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * A worker node of a sweep cluster ({@code neurosweep cluster worker}): joins the coordinator through
 * its seed address, receives the frozen input once, runs what it is handed on its own threads and sends
 * each result back. When the coordinator says the sweep is complete it leaves and {@link #run} returns 0.
 * When it loses its coordinator (killed, or unreachable) it is downed by the split-brain resolver; it then
 * starts a fresh node and tries to join again for up to {@code joinWait}, so that a coordinator restarted
 * with {@code --resume} finds its workers again; if none comes back, {@link #run} returns 1. With a
 * {@link ClusterSecret} it talks TLS and joins only a coordinator holding the same secret; one holding
 * another refuses it, and {@link #run} returns 1 at once.
 */
public final class ClusterWorker {
    /**
     * @param seedHost the coordinator's host
     * @param seedPort the coordinator's port
     * @param host     the name or address the coordinator reaches this node by
     * @param port     this node's port (0: any free port)
     * @param bindHost the interface to listen on, or null for {@code host}
     * @param secret   the cluster's secret (TLS), or null for none: allowed only when this node listens on a
     *                 loopback address
     * @param slots    runs at a time (threads)
     * @param joinWait how long to look for a coordinator, at start and after losing one
     * @param log      where joining, leaving and losing the coordinator are told, or null for nowhere
     */
    public record Options(String seedHost, int seedPort, String host, int port, String bindHost, ClusterSecret secret, int slots,
                          Duration joinWait, PrintStream log) {
        public Options {
            Objects.requireNonNull(seedHost, "seed host");
            Objects.requireNonNull(host, "host");
            ClusterSettings.checkPort(seedPort, "seed port");
            ClusterSettings.checkPort(port, "port");
            if (seedPort == 0) {
                throw new IllegalArgumentException("the seed port must be the coordinator's port, not 0");
            }
            if (slots < 1) {
                throw new IllegalArgumentException("workers must be at least 1, got " + slots);
            }
            if (joinWait == null || joinWait.isNegative() || joinWait.isZero()) {
                throw new IllegalArgumentException("the time to wait for a coordinator must be positive, got " + joinWait);
            }
            ClusterSecret.requireUnlessLoopback(host, bindHost, secret);
        }
    }

    private ClusterWorker() {
    }

    /**
     * Works for coordinators until one says the sweep is complete (0), or none is found within the wait, or
     * the coordinator holds another secret (1).
     */
    public static int run(Options o) throws InterruptedException {
        String seed = o.seedHost() + ":" + o.seedPort();
        org.slf4j.LoggerFactory.getILoggerFactory(); // before Pekko's threads log at once, which SLF4J would report
        while (true) {
            WorkerNode node = new WorkerNode(o.slots(), o.log());
            AtomicReference<ActorSystem<Object>> started = new AtomicReference<>();
            AtomicBoolean refused = new AtomicBoolean();
            ActorSystem<Object> system = ClusterConfig.start(node.behavior(),
                    ClusterConfig.worker(o.host(), o.port(), o.bindHost(), o.secret() != null, o.seedHost(), o.seedPort(), o.joinWait()),
                    o.secret(), peer -> {
                        // the seed holds another secret: no point in knocking again until the wait is over
                        if (!node.joined() && peer.equals(seed) && !refused.getAndSet(true)) {
                            ActorSystem<Object> s = started.get();
                            if (s != null) {
                                s.terminate();
                            }
                        }
                    });
            started.set(system);
            if (refused.get()) {
                system.terminate();
            }
            try {
                system.getWhenTerminated().toCompletableFuture().get();
            } catch (ExecutionException e) {
                // terminated all the same
            } finally {
                node.stopRuns();
            }
            if (node.left()) {
                say(o.log(), "the sweep is complete; " + node.runs() + " runs done here");
                return 0;
            }
            if (refused.get() && !node.joined()) {
                say(o.log(), "the coordinator at " + seed + " does not hold this node's cluster secret (" + o.secret()
                        + "); refused. Give every node the same --secret FILE or " + ClusterSecret.ENVIRONMENT_VARIABLE);
                return 1;
            }
            if (!node.joined()) {
                say(o.log(), "no coordinator at " + seed + " within " + o.joinWait().toSeconds() + " s; giving up");
                return 1;
            }
            say(o.log(), "lost the coordinator at " + seed + "; looking for it for up to " + o.joinWait().toSeconds() + " s");
        }
    }

    static void say(PrintStream log, String text) {
        if (log != null) {
            log.println("neurosweep worker: " + text);
            log.flush();
        }
    }

    /**
     * For tests and benchmarks: {@code SEED_HOST:PORT SLOTS [WAIT_SECONDS]}, this node on 127.0.0.1, with
     * the secret of {@value ClusterSecret#ENVIRONMENT_VARIABLE} if it is set.
     */
    public static void main(String[] args) throws InterruptedException, IOException {
        String[] hp = args[0].split(":");
        Options o = new Options(hp[0], Integer.parseInt(hp[1]), "127.0.0.1", 0, null, ClusterSecret.fromEnvironment().orElse(null),
                Integer.parseInt(args[1]), Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 60), System.err);
        System.exit(run(o));
    }

}
