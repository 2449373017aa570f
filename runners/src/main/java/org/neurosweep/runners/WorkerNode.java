package org.neurosweep.runners;

import com.esotericsoftware.kryo.Kryo;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorRefResolver;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.cluster.typed.Cluster;
import org.neurosweep.runners.wire.Chunks;
import org.neurosweep.runners.wire.ClusterMessage;
import org.neurosweep.runners.wire.KryoRegistry;
import org.neurosweep.runners.wire.WireMessage;
import org.neurosweep.trajectory.RunFunction;
import org.neurosweep.trajectory.RunRecord;
import org.neurosweep.trajectory.RunStatus;
import org.neurosweep.trajectory.Trajectory;

/**
 * One incarnation of a worker node: its actor (finds the coordinator with the receptionist, joins,
 * receives the frozen input and runs to do) and the threads that run them. Runs never execute on the
 * actor's thread; each finished run is encoded on its own thread and sent back in chunks.
 */
final class WorkerNode {
    /** The coordinator's node is gone (its watch fired). */
    private record CoordinatorLost() {
    }

    private final int slots;
    private final PrintStream log;
    private final ExecutorService pool;
    private final Map<Long, FutureTask<Void>> queued = new ConcurrentHashMap<>();
    private final Set<Long> cancelled = ConcurrentHashMap.newKeySet();
    private final AtomicLong streams = new AtomicLong();
    private final AtomicLong runs = new AtomicLong();
    private final Chunks.Assembler assembler = new Chunks.Assembler();
    private final List<long[]> waiting = new ArrayList<>();
    /** Encoded results of at most a chunk each, waiting for the sender thread. */
    private final BlockingQueue<byte[]> outbox = new LinkedBlockingQueue<>();
    private final Thread sender = new Thread(this::sendResults, "neurosweep-results");
    private volatile boolean joined;
    private volatile boolean left;
    // set on the actor's thread before any run is submitted; runs read them after the submit
    private volatile ActorRef<ClusterMessage> coordinator;
    private volatile Trajectory trajectory;
    private volatile RunFunction function;
    private volatile KryoRegistry registry;
    private volatile ClusterMessage.Welcome welcome;
    /** The user's code received from the coordinator, or null while the node's own class path suffices. */
    private volatile ReceivedCode received;
    private final ThreadLocal<Kryo> kryo = ThreadLocal.withInitial(() -> registry.newKryo());
    private final ThreadLocal<String> label = new ThreadLocal<>();
    private String self;
    private String name;

    WorkerNode(int slots, PrintStream log) {
        this.slots = slots;
        this.log = log;
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(slots, r -> {
            Thread t = new Thread(r, "neurosweep-run-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    boolean joined() {
        return joined;
    }

    boolean left() {
        return left;
    }

    long runs() {
        return runs.get();
    }

    /** Interrupts the runs in progress and drops the queued ones; removes the code received. */
    void stopRuns() {
        pool.shutdownNow();
        sender.interrupt();
        try {
            pool.awaitTermination(Timeouts.ofSeconds(5).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ReceivedCode r = received;
        if (r != null) {
            r.close();
        }
    }

    /**
     * Sends results as they come: one alone when runs are slow; when they finish faster than they can be
     * sent, all that are waiting, up to a chunk's worth, in one message.
     */
    private void sendResults() {
        try {
            while (true) {
                List<byte[]> batch = new ArrayList<>();
                byte[] first = outbox.take();
                batch.add(first);
                int bytes = first.length;
                byte[] next;
                while ((next = outbox.peek()) != null && bytes + next.length <= Chunks.CHUNK_BYTES) {
                    batch.add(outbox.poll());
                    bytes += next.length;
                }
                coordinator.tell(new ClusterMessage.Results(self, batch.toArray(new byte[0][])));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    Behavior<Object> behavior() {
        return Behaviors.setup(ctx -> {
            self = ActorRefResolver.get(ctx.getSystem()).toSerializationFormat(ctx.getSelf());
            var address = Cluster.get(ctx.getSystem()).selfMember().address();
            name = address.getHost().get() + ":" + address.getPort().get();
            ctx.getSystem().receptionist().tell(Receptionist.subscribe(ClusterConfig.COORDINATOR, ctx.getSelf().narrow()));
            return Behaviors.receive(Object.class)
                    .onMessage(Receptionist.Listing.class, l -> found(ctx, l))
                    .onMessage(ClusterMessage.Welcome.class, w -> {
                        welcome = w;
                        if (w.codeStream() == 0) {
                            registry = KryoRegistry.fromNames(List.of(w.registeredClasses()), WorkerNode.class.getClassLoader());
                        }
                        joined = true;
                        ClusterWorker.say(log, name + " joined the coordinator with " + slots + " slot" + (slots == 1 ? "" : "s"));
                        return Behaviors.same();
                    })
                    .onMessage(ClusterMessage.Chunk.class, c -> {
                        byte[] whole = assembler.add(c);
                        if (whole != null && welcome != null && c.stream() == welcome.codeStream()) {
                            received = ReceivedCode.unpack(whole, WorkerNode.class.getClassLoader());
                            registry = KryoRegistry.fromNames(List.of(welcome.registeredClasses()), received.loader());
                            ClusterWorker.say(log, name + " received the sweep's code (" + whole.length / 1024 + " KiB)");
                        } else if (whole != null && KryoRegistry.decode(registry.newKryo(), whole) instanceof WireMessage.Init init) {
                            trajectory = init.trajectory().toTrajectory();
                            function = init.function();
                            waiting.forEach(this::submit);
                            waiting.clear();
                        }
                        return Behaviors.same();
                    })
                    .onMessage(ClusterMessage.Tasks.class, t -> {
                        if (trajectory == null) {
                            waiting.add(t.indices());
                        } else {
                            submit(t.indices());
                        }
                        return Behaviors.same();
                    })
                    .onMessage(ClusterMessage.Cancel.class, c -> {
                        cancelled.add(c.index());
                        FutureTask<Void> task = queued.remove(c.index());
                        if (task != null) {
                            task.cancel(true);
                        }
                        return Behaviors.same();
                    })
                    .onMessage(ClusterMessage.Leave.class, l -> {
                        left = true;
                        pool.shutdownNow();
                        CoordinatedShutdown.get(ctx.getSystem()).runAll(CoordinatedShutdown.clusterLeavingReason());
                        return Behaviors.same();
                    })
                    .onMessage(CoordinatorLost.class, l -> {
                        if (!left) {
                            ctx.getSystem().terminate();
                        }
                        return Behaviors.same();
                    })
                    .build();
        });
    }

    private Behavior<Object> found(ActorContext<Object> ctx, Receptionist.Listing listing) {
        Set<ActorRef<ClusterMessage>> found = listing.getServiceInstances(ClusterConfig.COORDINATOR);
        if (coordinator == null && !found.isEmpty()) {
            coordinator = found.iterator().next();
            sender.setDaemon(true);
            sender.start();
            ctx.watchWith(coordinator, new CoordinatorLost());
            coordinator.tell(new ClusterMessage.Join(self, name, slots));
        }
        return Behaviors.same();
    }

    private void submit(long[] indices) {
        for (long i : indices) {
            FutureTask<Void> task = new FutureTask<>(() -> {
                runAndSend(i);
                return null;
            });
            queued.put(i, task);
            pool.execute(task);
        }
    }

    private void runAndSend(long index) {
        if (label.get() == null) {
            label.set(name + "/" + Thread.currentThread().getName().substring("neurosweep-run-".length()));
        }
        ReceivedCode code = received;
        Thread.currentThread().setContextClassLoader(code == null ? WorkerNode.class.getClassLoader() : code.loader());
        RunRecord r = Environment.runOne(trajectory, index, function, label.get());
        queued.remove(index);
        if (cancelled.remove(index) && r.status() != RunStatus.COMPLETED) {
            return; // interrupted because it timed out: the coordinator has handed it out again
        }
        byte[] bytes = KryoRegistry.encode(kryo.get(), new WireMessage.Done(r));
        runs.incrementAndGet();
        if (bytes.length <= Chunks.CHUNK_BYTES) {
            outbox.add(bytes);
            return;
        }
        long stream = streams.incrementAndGet();
        for (ClusterMessage.Chunk c : Chunks.split(self, stream, bytes, Chunks.CHUNK_BYTES)) {
            coordinator.tell(c);
        }
    }
}
