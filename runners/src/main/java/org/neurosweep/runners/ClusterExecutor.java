package org.neurosweep.runners;

import com.esotericsoftware.kryo.Kryo;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorRefResolver;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.neurosweep.runners.wire.Chunks;
import org.neurosweep.runners.wire.ClusterMessage;
import org.neurosweep.runners.wire.KryoRegistry;
import org.neurosweep.runners.wire.TrajectorySnapshot;
import org.neurosweep.runners.wire.WireMessage;
import org.neurosweep.trajectory.RunRecord;
import org.neurosweep.trajectory.RunStatus;

/**
 * CLUSTER, the coordinator's side: a Pekko cluster node whose actor only turns messages into events;
 * the sweep's thread hands out runs to the worker nodes that joined (each pulls as many as its slots,
 * and every result makes room for the next), puts results together from their chunks and stores them.
 * A worker node that leaves or is downed (kill -9: the split-brain resolver downs it) has its runs handed
 * out again; a run whose result does not arrive within the run timeout is handed out again too. Each
 * hand-out after the first counts as an attempt; past the retry limit the run is stored as failed. A run
 * is stored once: the first result wins.
 */
final class ClusterExecutor {
    private static final java.time.Duration LEAVE_WAIT = java.time.Duration.ofSeconds(15);
    private static final long TIMEOUT_CHECK_NANOS = 500_000_000L;
    private static final String SELF = "coordinator";

    /** A worker node joined (from the coordinator's actor). */
    private record Joined(ActorRef<ClusterMessage> ref, String id, String node, int slots) {
    }

    /** A worker node left the cluster (its actor's watch fired). */
    private record Lost(String id) {
    }

    /** This node's actor system terminated while the sweep still ran (the node was downed). */
    private record Stopped() {
    }

    private static final class Node implements RunBook.Holder {
        final ActorRef<ClusterMessage> ref;
        final String name;
        final int slots;
        /** Runs handed to this node, with when. */
        final Map<Long, Long> inFlight = new LinkedHashMap<>();

        Node(ActorRef<ClusterMessage> ref, String name, int slots) {
            this.ref = ref;
            this.name = name;
            this.slots = slots;
        }

        @Override
        public int slots() {
            return slots;
        }

        @Override
        public java.util.Collection<Long> held() {
            return inFlight.keySet();
        }

        @Override
        public boolean gone() {
            return false; // a lost node is removed from the nodes
        }
    }

    private final SweepState s;
    private final Environment.Settings settings;
    private final ClusterSettings cluster;
    private final KryoRegistry registry;
    private final Kryo kryo;
    private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final RunBook book;
    private final Chunks.Assembler assembler = new Chunks.Assembler();
    private byte[] init;
    private byte[] code;
    private long streams;
    private long lastTimeoutCheck = System.nanoTime();

    ClusterExecutor(SweepState s, Environment.Settings settings) {
        this.s = s;
        this.settings = settings;
        this.cluster = settings.cluster();
        this.registry = new KryoRegistry(settings.registered());
        this.kryo = registry.newKryo();
        // a run time of one window at first, so that the first node to join takes two runs per slot, not dozens
        this.book = new RunBook(s, settings.maxRetries(), 20e6);
    }

    void execute(Progress progress) throws InterruptedException {
        // encoded before the cluster starts, so that an unregistered class fails the sweep at once
        init = KryoRegistry.encode(kryo, new WireMessage.Init(TrajectorySnapshot.frozen(s.trajectory), s.function));
        code = settings.userCode() == null ? null : settings.userCode().pack();
        org.slf4j.LoggerFactory.getILoggerFactory(); // before Pekko's threads log at once, which SLF4J would report
        ActorSystem<Object> system = ClusterConfig.start(behavior(),
                ClusterConfig.coordinator(cluster.host(), cluster.port(), cluster.bindHost(), cluster.secret() != null),
                cluster.secret(), peer -> { }); // a worker holding another secret is refused and logged by its connection to us
        try {
            system.getWhenTerminated().thenRun(() -> events.add(new Stopped()));
            Cluster c = Cluster.get(system);
            c.manager().tell(Join.create(c.selfMember().address()));
            int port = c.selfMember().address().getPort().get();
            progress.note("coordinator at " + cluster.host() + ":" + port
                    + (cluster.secret() == null ? "" : " (TLS, " + cluster.secret() + ")")
                    + "; start workers with 'neurosweep cluster worker --seed " + cluster.host() + ":" + port
                    + (cluster.secret() == null ? "" : " --secret FILE") + "'");
            progress.workers(0);
            loop(progress);
        } finally {
            leave(system);
        }
    }

    private void loop(Progress progress) throws InterruptedException {
        while (true) {
            dispatch();
            checkTimeouts();
            if (RunBook.idle(nodes.values()) && (s.stop.stopping() || book.nothingLeft())) {
                return;
            }
            if (s.stop.aborting()) {
                return;
            }
            Object e = events.poll(100, TimeUnit.MILLISECONDS);
            while (e != null) {
                handle(e, progress);
                e = events.poll();
            }
        }
    }

    private Behavior<Object> behavior() {
        return Behaviors.setup(ctx -> {
            ctx.getSystem().receptionist().tell(Receptionist.register(ClusterConfig.COORDINATOR, ctx.getSelf().narrow()));
            ActorRefResolver resolver = ActorRefResolver.get(ctx.getSystem());
            return Behaviors.receive(Object.class)
                    .onMessage(ClusterMessage.Join.class, j -> {
                        ActorRef<ClusterMessage> ref = resolver.resolveActorRef(j.worker());
                        ctx.watchWith(ref, new Lost(j.worker()));
                        events.add(new Joined(ref, j.worker(), j.node(), j.slots()));
                        return Behaviors.same();
                    })
                    .onMessage(ClusterMessage.Chunk.class, chunk -> {
                        events.add(chunk);
                        return Behaviors.same();
                    })
                    .onMessage(ClusterMessage.Results.class, results -> {
                        events.add(results);
                        return Behaviors.same();
                    })
                    .onMessage(Lost.class, lost -> {
                        events.add(lost);
                        return Behaviors.same();
                    })
                    .build();
        });
    }

    private void dispatch() {
        if (s.stop.stopping()) {
            return;
        }
        int window = book.window();
        for (Node n : nodes.values()) {
            int want = n.slots * window - n.inFlight.size();
            List<Long> batch = new ArrayList<>();
            while (batch.size() < want) {
                long i = book.next();
                if (i < 0) {
                    break;
                }
                batch.add(i);
            }
            if (batch.isEmpty()) {
                continue;
            }
            long now = System.nanoTime();
            long[] indices = new long[batch.size()];
            for (int k = 0; k < indices.length; k++) {
                indices[k] = batch.get(k);
                n.inFlight.put(indices[k], now);
            }
            n.ref.tell(new ClusterMessage.Tasks(indices));
        }
        // end game: a slot with nothing to do also takes a run queued behind a slow one on another node;
        // the first result is stored and the other copy cancelled
        book.steal(nodes.values(), (idle, run) -> {
            idle.inFlight.put(run, System.nanoTime());
            idle.ref.tell(new ClusterMessage.Tasks(new long[] {run}));
        });
    }

    private void handle(Object e, Progress progress) {
        if (e instanceof Stopped) {
            // no worker can reach this node any more: waiting would stall the sweep for good
            throw new RunnerException("the coordinator's cluster node stopped while the sweep ran (downed by the cluster);"
                    + " the runs stored so far are kept: resume the sweep from its file");
        }
        if (e instanceof Joined j) {
            Node n = new Node(j.ref(), j.node(), j.slots());
            nodes.put(j.id(), n);
            long codeStream = code == null ? 0 : ++streams;
            long stream = ++streams;
            n.ref.tell(new ClusterMessage.Welcome(registry.userClassNames().toArray(new String[0]), stream, codeStream));
            if (code != null) { // messages from one actor to another arrive in order: the code comes before the input
                for (ClusterMessage.Chunk c : Chunks.split(SELF, codeStream, code, Chunks.CHUNK_BYTES)) {
                    n.ref.tell(c);
                }
            }
            for (ClusterMessage.Chunk c : Chunks.split(SELF, stream, init, Chunks.CHUNK_BYTES)) {
                n.ref.tell(c);
            }
            progress.workers(nodes.size());
            progress.note(j.node() + " joined (" + j.slots() + " slot" + (j.slots() == 1 ? "" : "s") + ")");
        } else if (e instanceof ClusterMessage.Results results) {
            for (byte[] m : results.messages()) {
                received(results.from(), m, progress);
            }
        } else if (e instanceof ClusterMessage.Chunk c) {
            byte[] whole = assembler.add(c);
            if (whole != null) {
                received(c.from(), whole, progress);
            }
        } else if (e instanceof Lost l) {
            assembler.discard(l.id());
            Node n = nodes.remove(l.id());
            if (n == null) {
                return;
            }
            for (long i : n.inFlight.keySet()) {
                if (!book.isStored(i) && !RunBook.heldElsewhere(nodes.values(), n, i)) {
                    lost(i, n.name, n.name + " left the cluster while running it (killed, or downed as unreachable)");
                }
            }
            progress.workers(nodes.size());
            progress.note(n.name + " left" + (n.inFlight.isEmpty() ? "" : "; its " + n.inFlight.size() + " runs are handed out again"));
        }
    }

    private void received(String from, byte[] message, Progress progress) {
        WireMessage m = KryoRegistry.decode(kryo, message);
        if (m instanceof WireMessage.Done done) {
            accept(nodes.get(from), done.record());
        } else if (m instanceof WireMessage.Crash crash) {
            progress.note(crash.text());
        }
    }

    private void accept(Node from, RunRecord r) {
        boolean awaited = from != null && from.inFlight.remove(r.index()) != null;
        if (!awaited && r.status() != RunStatus.COMPLETED) {
            return; // a run handed out again after a timeout and then cancelled: its failure is not the run's
        }
        if (!book.store(r)) {
            return;
        }
        for (Node other : nodes.values()) {
            if (other.inFlight.remove(r.index()) != null) {
                other.ref.tell(new ClusterMessage.Cancel(r.index())); // a copy handed out in the end game
            }
        }
    }

    /** A run was lost (its node left, or its result is overdue): hand it out again, or store it as failed. */
    private void lost(long index, String node, String why) {
        book.lost(index, node, n -> "handed out " + n + " times without a result; last: " + why);
    }

    private void checkTimeouts() {
        long now = System.nanoTime();
        if (now - lastTimeoutCheck < TIMEOUT_CHECK_NANOS) {
            return;
        }
        lastTimeoutCheck = now;
        long limit = cluster.runTimeout().toNanos();
        for (Node n : nodes.values()) {
            Iterator<Map.Entry<Long, Long>> it = n.inFlight.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<Long, Long> run = it.next();
                if (now - run.getValue() > limit) {
                    it.remove();
                    n.ref.tell(new ClusterMessage.Cancel(run.getKey()));
                    lost(run.getKey(), n.name, "no result from " + n.name + " within the run timeout of "
                            + cluster.runTimeout().toSeconds() + " s");
                }
            }
        }
    }

    /** Whether the cluster has members besides this node that have not been removed yet. */
    private static boolean otherMembers(ActorSystem<Object> system) {
        Cluster c = Cluster.get(system);
        for (org.apache.pekko.cluster.Member m : c.state().getMembers()) {
            if (!m.address().equals(c.selfMember().address()) && m.status() != org.apache.pekko.cluster.MemberStatus.removed()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Tells every worker node to leave, waits (bounded) until they have, and stops this node. A worker that
     * is a cluster member but whose hello has not arrived yet (it joined while the last runs finished) is
     * waited for too and told to leave when it says hello: stopping without it would leave it looking for a
     * lost coordinator.
     */
    private void leave(ActorSystem<Object> system) throws InterruptedException {
        for (Node n : nodes.values()) {
            n.ref.tell(new ClusterMessage.Leave());
        }
        long deadline = System.currentTimeMillis() + Timeouts.of(LEAVE_WAIT).toMillis();
        while ((!nodes.isEmpty() || otherMembers(system)) && System.currentTimeMillis() < deadline
                && !system.getWhenTerminated().toCompletableFuture().isDone()) {
            Object e = events.poll(100, TimeUnit.MILLISECONDS);
            if (e instanceof Lost l) {
                nodes.remove(l.id());
            } else if (e instanceof Joined j) {
                nodes.put(j.id(), new Node(j.ref(), j.node(), j.slots())); // joined too late to help: awaited until it leaves
                j.ref().tell(new ClusterMessage.Leave());
            }
        }
        system.terminate();
        try {
            system.getWhenTerminated().toCompletableFuture().get(Timeouts.of(LEAVE_WAIT).toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // the process is ending anyway; nothing is left to store
        }
    }
}
