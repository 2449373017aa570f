package org.neurosweep.simulator;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.stream.Stream;
import org.neurosweep.simulator.devices.Device;
import org.neurosweep.simulator.devices.Devices;
import org.neurosweep.simulator.devices.Multimeter;
import org.neurosweep.simulator.devices.MultimeterEvents;
import org.neurosweep.simulator.devices.SpikeEvents;
import org.neurosweep.simulator.devices.SpikeGenerator;
import org.neurosweep.simulator.devices.SpikeRecorder;
import org.neurosweep.simulator.devices.WeightEvents;
import org.neurosweep.simulator.devices.WeightRecorder;

/**
 * The simulator's facade, in NEST's spirit: {@link #create} nodes by model name with NEST's parameter
 * names, units and defaults; {@link #connect} them; {@link #simulate} (repeatedly, continuing); read
 * events, status and timings back.
 *
 * <pre>{@code
 * try (Kernel k = Kernel.builder().resolution(0.1).threads(2).seed(1).build()) {
 *     NodeCollection n = k.create("iaf_psc_alpha", 1, Map.of("I_e", 376.0));
 *     NodeCollection sr = k.create("spike_recorder");
 *     k.connect(n, sr);
 *     k.simulate(1000.0);
 *     SpikeEvents spikes = k.spikes(sr);
 * }
 * }</pre>
 *
 * <p>Models: iaf_psc_delta, iaf_psc_exp, iaf_psc_alpha; poisson_generator, dc_generator,
 * step_current_generator, ac_generator, noise_generator, spike_generator,
 * spike_recorder, multimeter, voltmeter.
 */
public final class Kernel implements AutoCloseable {
    /** Every model name, neurons first. */
    public static final List<String> MODELS = Stream.concat(Models.neuronNames().stream(), Devices.NAMES.stream()).toList();

    final Resolution resolution;
    final long seed;
    private final Path dataPath;
    int threads;
    private int nVp;
    /** Every VP; those of other processes stay empty (no nodes, no connections). */
    VirtualProcess[] vps;
    /** This process's VPs: v % processes == rank. */
    VirtualProcess[] localVps;
    /** The other processes of this simulation, or null when this is the only one. */
    final ProcessLink link;
    private final int processes;
    private final int rank;
    private final Placement placement;
    int nodeCount;
    /** Neurons of other processes: a population of their model with no neurons, for the connect checks. */
    Population[] populationOf = new Population[16];
    /** A node's local index on its VP; -1 for devices and for nodes of other processes. */
    int[] localOf = new int[16];
    /** A node's VP. */
    int[] vpOf = new int[16];
    Device[] deviceOf = new Device[16];
    final List<Device> devices = new ArrayList<>();
    final List<List<SpikeGenerator>> generatorsByVp = new ArrayList<>();
    int connectCalls;
    boolean prepared;
    long step;
    int minDelay;
    Scheduler scheduler;
    private ExecutorService buildPool;
    private boolean closed;

    private long createNanos;
    private long connectNanos;
    long prepareNanos;
    private long writeNanos;
    long peakConnectionBytes;
    StatsCollector.Memory memory = new StatsCollector.Memory(0, 0, 0);
    /** The delays the network was last prepared for: {min, max} in steps. */
    int[] preparedDelays;
    /** Per process, what it reported after the last simulate ({@link StatsCollector#report}). */
    private long[][] reports;

    Kernel(KernelBuilder b) {
        resolution = new Resolution(b.resolution());
        seed = b.seed();
        dataPath = b.dataPath();
        threads = b.threads();
        link = b.exchange() == null || b.exchange().size() == 1 ? null : new ProcessLink(b.exchange());
        processes = b.exchange() == null ? 1 : b.exchange().size();
        rank = b.exchange() == null ? 0 : b.exchange().rank();
        placement = b.placement();
        placement.check(processes);
        nVp = b.vps() == 0 ? b.threads() * processes : b.vps();
        VpLayout.check(threads, nVp, processes);
        makeVps();
    }

    public static KernelBuilder builder() {
        return new KernelBuilder();
    }

    /** Makes the VPs anew: {@code nVp} of them, this process's those with v % processes == rank. */
    private void makeVps() {
        vps = VpLayout.vps(nVp, processes, rank, resolution);
        localVps = VpLayout.local(vps, processes);
        generatorsByVp.clear(); // a final field: refilled, not replaced
        Stream.generate(() -> new ArrayList<SpikeGenerator>()).limit(nVp).forEach(generatorsByVp::add);
    }

    // ------------------------------------------------------------------ kernel status

    public double resolution() {
        return resolution.ms();
    }

    public long seed() {
        return seed;
    }

    public int threads() {
        return threads;
    }

    public int virtualProcesses() {
        return nVp;
    }

    /** How many processes run this simulation (NEST's num_processes). */
    public int processes() {
        return processes;
    }

    /** Which of them this is (NEST's Rank()), from 0. */
    public int rank() {
        return rank;
    }

    /** Whether a node lives on this process (NEST's local nodes): its VP's process is this one. */
    public boolean isLocal(int node) {
        requireNode(node);
        return vps[vpOf[node]].local;
    }

    /** Sets local_num_threads (VPs follow if they were fewer); only before any node exists. */
    public void setThreads(int n) {
        requireNoNodes("local_num_threads");
        int vpsNeeded = Math.max(n * processes, nVp);
        VpLayout.check(n, vpsNeeded, processes);
        threads = n;
        nVp = vpsNeeded;
        makeVps();
    }

    /** Sets total_num_virtual_procs; only before any node exists. */
    public void setVirtualProcesses(int n) {
        requireNoNodes("total_num_virtual_procs");
        VpLayout.check(threads, n, processes);
        nVp = n;
        makeVps();
    }

    private void requireNoNodes(String what) {
        if (nodeCount > 0) {
            throw new KernelStateException("cannot change " + what + " after nodes exist (" + nodeCount + " nodes)");
        }
    }

    /** The VP a node lives on: id % N_vp with NEST's round-robin placement. */
    public int vpOf(int node) {
        requireNode(node);
        return vpOf[node];
    }

    /** The VP of an existing node, unchecked: for the builders. */
    int vpOfUnchecked(int node) {
        return vpOf[node];
    }

    /** Simulated time (ms). */
    public double time() {
        return resolution.toMs(step);
    }

    /** Simulated time in steps: where a connection made now starts. */
    long step() {
        return step;
    }

    /** min_delay (ms): the slice length, from the network's shortest delay. */
    public double minDelay() {
        prepare();
        return resolution.toMs(minDelay);
    }

    public int nodeCount() {
        return nodeCount;
    }

    // ------------------------------------------------------------------ create

    public NodeCollection create(String model) {
        return create(model, 1, Map.of());
    }

    public NodeCollection create(String model, int n) {
        return create(model, n, Map.of());
    }

    /** Creates n nodes of a model with parameters (NEST names and units); ids follow in creation order. */
    public NodeCollection create(String model, int n, Map<String, ?> params) {
        requireOpen();
        if (n < 1) {
            throw new BadParameterException("create(" + model + ", " + n + "): the number of nodes must be at least 1");
        }
        long t0 = System.nanoTime();
        int first = nodeCount + 1;
        int last = nodeCount + n;
        ensureCapacity(last + 1);
        NeuronModel neuron = Models.neuron(model);
        if (neuron != null) {
            Map<String, ?> own = NeuronStatus.withoutTauMinus(model, params);
            neuron.parameters(own); // checked on every process, whether or not it has neurons of this call
            for (int id = first; id <= last; id++) {
                vpOf[id] = placement.vp(id, nVp, processes);
            }
            NodeFactory.neurons(neuron, first, last, own, vps, vpOf, populationOf, localOf);
            NeuronStatus.setTauMinus(params, first, last, vps, vpOf, localOf);
        } else if (Devices.NAMES.contains(model)) {
            for (int id = first; id <= last; id++) {
                vpOf[id] = placement.vp(id, nVp, processes);
                Device d = NodeFactory.device(model, id, params, vps, vpOf, generatorsByVp, step);
                d.prepare(resolution); // times checked against the resolution now, as NEST does at create
                deviceOf[id] = d;
                localOf[id] = -1;
                devices.add(d);
            }
        } else {
            throw new UnknownNameException("unknown model '" + model + "'; models: " + String.join(", ", MODELS));
        }
        nodeCount = last;
        prepared = false;
        createNanos += System.nanoTime() - t0;
        return NodeCollection.range(first, last);
    }

    private void ensureCapacity(int n) {
        if (n > localOf.length) {
            int size = Math.max(n, localOf.length * 2);
            populationOf = Arrays.copyOf(populationOf, size);
            localOf = Arrays.copyOf(localOf, size);
            vpOf = Arrays.copyOf(vpOf, size);
            deviceOf = Arrays.copyOf(deviceOf, size);
        }
    }

    // ------------------------------------------------------------------ connect

    /** all_to_all with weight 1 and delay 1 ms (NEST's defaults). */
    public void connect(NodeCollection pre, NodeCollection post) {
        connect(pre, post, ConnSpec.allToAll(), SynSpec.DEFAULT);
    }

    public void connect(NodeCollection pre, NodeCollection post, ConnSpec rule) {
        connect(pre, post, rule, SynSpec.DEFAULT);
    }

    /**
     * Connects with a rule and a static synapse. Recording devices connect as NEST's do: neurons to a
     * spike_recorder, a multimeter to neurons.
     */
    public void connect(NodeCollection pre, NodeCollection post, ConnSpec rule, SynSpec syn) {
        requireOpen();
        if (rule == null || syn == null) {
            throw new BadConnectionException("connect needs a rule and a synapse specification");
        }
        long t0 = System.nanoTime();
        int[] sources = pre.idsUnsafe();
        int[] targets = post.idsUnsafe();
        for (int id : sources) {
            requireNode(id);
        }
        for (int id : targets) {
            requireNode(id);
        }
        if (RecorderWiring.connect(sources, targets, vps, vpOf, deviceOf, populationOf, localOf, this::describe)) {
            connectNanos += System.nanoTime() - t0;
            return;
        }
        ConnectChecks.check(this, sources, targets, syn);
        Connector c = new Connector(this, resolution, ++connectCalls, sources, targets, rule, syn);
        c.validate();
        parallel(vp -> c.connectInto(vp));
        prepared = false;
        connectNanos += System.nanoTime() - t0;
    }

    String describe(int id) {
        return deviceOf[id] != null ? "a " + deviceOf[id].model() : "a " + populationOf[id].model + " neuron";
    }

    /** The population a neuron belongs to on its VP. */
    Population population(int id) {
        return populationOf[id];
    }

    int localIndex(int id) {
        return localOf[id];
    }

    /** Whether a neuron takes excitatory and inhibitory input apart (current-based models) or summed (delta). */
    boolean splitsBySign(int id) {
        return !populationOf[id].sumsInput();
    }

    /** Whether a neuron counts arriving spikes whatever their weight (parrot_neuron). */
    boolean countsSpikes(int id) {
        return populationOf[id] != null && populationOf[id].countsSpikes();
    }

    Device device(int id) {
        return deviceOf[id];
    }

    /**
     * The connections from {@code sources} to {@code targets} (NEST's GetConnections with their weights and
     * delays): plastic weights as the last simulate left them. Ordered by target, then source, then the
     * order made.
     */
    public List<Connection> connections(NodeCollection sources, NodeCollection targets) {
        requireOpen();
        prepare();
        return ConnectChecks.list(this, vps, resolution, sources.idsUnsafe(), targets.idsUnsafe());
    }

    // ------------------------------------------------------------------ simulate

    /** Advances the network by {@code ms} (a whole number of steps); can be called again to continue. */
    public void simulate(double ms) {
        requireOpen();
        if (!(ms >= 0)) {
            throw new KernelStateException("cannot simulate a negative or undefined time: " + ms + " ms");
        }
        long steps = resolution.exactSteps(ms, "simulation time");
        prepare(true);
        scheduler.run(step, steps, minDelay);
        step += steps;
        if (link != null) {
            reports = link.gatherLongs(StatsCollector.report(vps, localVps, scheduler, link, memory.connectionBytes()));
        }
        long t0 = System.nanoTime();
        RecorderWiring.writeFiles(devices, dataPath, resolution, v -> vps[v].local);
        writeNanos += System.nanoTime() - t0;
    }

    private void prepare() {
        prepare(false);
    }

    /**
     * Builds the tables, buffers and propagators for the network as it is ({@link Preparation}). With several
     * processes, {@code collective} (every process calls it: simulate does) agrees on the delays first.
     */
    private void prepare(boolean collective) {
        Preparation.prepare(this, collective);
    }

    /** Runs a task for every VP of this process on the kernel's threads (local VP i on thread i % threads). */
    void parallel(VpParallel.Task task) {
        if (buildPool == null && threads > 1) {
            buildPool = VpParallel.pool(threads);
        }
        VpParallel.run(localVps, threads, buildPool, task);
    }

    // ------------------------------------------------------------------ status and events

    /** A neuron's recordable, state variable or parameter by NEST name, in NEST's units (GetStatus). */
    public double get(int node, String name) {
        requireLocal(node, "get");
        return NeuronStatus.get(node, name, deviceOf[node], resolution, vps, vpOf, populationOf, localOf);
    }

    /**
     * Every parameter and state variable of a node by NEST name, with its model (GetStatus): a neuron's, or
     * a device's parameters (recorders: and n_events).
     */
    public Map<String, Object> status(int node) {
        requireLocal(node, "status");
        return NeuronStatus.status(node, deviceOf[node], resolution, vps, vpOf, populationOf, localOf);
    }

    /** Sets a state variable or parameter of every node in the collection (SetStatus). */
    public void set(NodeCollection nodes, String name, double value) {
        set(nodes, name, Distribution.constant(value));
    }

    /**
     * Sets a state variable or parameter of every neuron, each value drawn from the neuron's own stream
     * (seed, node), so the values do not depend on threads or VPs.
     */
    public void set(NodeCollection nodes, String name, Distribution values) {
        StatusChanges.set(this, nodes, name, values);
    }

    /**
     * Changes parameters and state between {@code simulate} calls, as NEST's SetStatus: of neurons (any
     * parameter, checked as at create; V_m and each model's state), or of devices (a dc_generator's
     * amplitude, start and stop, a poisson_generator's rate, a spike_generator's spike_times, ...). The
     * collection holds neurons or devices, not both. Every node's new values are checked before any changes.
     */
    public void set(NodeCollection nodes, Map<String, ?> params) {
        StatusChanges.set(this, nodes, params);
    }

    /** The spikes a spike_recorder recorded, sorted by time, then sender. */
    public SpikeEvents spikes(NodeCollection recorder) {
        return recorder(recorder, SpikeRecorder.class, "spike_recorder").events(resolution);
    }

    /**
     * The spikes a spike_recorder recorded on every process, sorted by time, then sender: the same on every
     * process and for any number of processes. Collective: every process must call it (one exchange round);
     * {@link #spikes} reads this process's own.
     */
    public SpikeEvents spikesOfAllProcesses(NodeCollection recorder) {
        SpikeRecorder r = recorder(recorder, SpikeRecorder.class, "spike_recorder");
        return SpikeRecorder.events(link == null ? r.keys() : link.gatherSorted(r.keys()), resolution);
    }

    /** The samples a multimeter took, sorted by time, then sender. */
    public MultimeterEvents samples(NodeCollection multimeter) {
        return recorder(multimeter, Multimeter.class, "multimeter").events(resolution);
    }

    /** What a weight_recorder logged, by time, then sender, then target. */
    public WeightEvents weights(NodeCollection weightRecorder) {
        return recorder(weightRecorder, WeightRecorder.class, "weight_recorder").events(resolution);
    }

    /** Writes the spikes of a recorder as NEST's ascii backend does: one file per VP; returns the files. */
    public List<Path> writeSpikeFiles(NodeCollection recorder, Path directory) throws IOException {
        return recorder(recorder, SpikeRecorder.class, "spike_recorder").writeFiles(directory, resolution, v -> vps[v].local);
    }

    /** The first node of {@code c} as a recorder of class {@code type}; refused if it is not one. */
    private <R extends Device> R recorder(NodeCollection c, Class<R> type, String model) {
        requireNode(c.first());
        if (!type.isInstance(deviceOf[c.first()])) {
            throw new BadParameterException("node " + c.first() + " is not a " + model);
        }
        return type.cast(deviceOf[c.first()]);
    }

    /** Timings, balance, events and memory so far. */
    public SimulationStats stats() {
        return StatsCollector.collect(vps, localVps, devices, scheduler, createNanos, connectNanos, prepareNanos, writeNanos,
                peakConnectionBytes, time(), memory.plasticSynapses(), memory.plasticBytes(), rank, processes, link, reports);
    }

    /**
     * Refuses a neuron of another process: GetStatus reads this process's nodes (NEST's local nodes);
     * devices are on every process.
     */
    private void requireLocal(int node, String what) {
        requireNode(node);
        if (populationOf[node] != null && !vps[vpOf[node]].local) {
            throw new KernelStateException(what + "(" + node + "): neuron " + node + " lives on VP " + vpOf[node] + " of process "
                    + vpOf[node] % processes + "; this is process " + rank + " (read a neuron on its own process)");
        }
    }

    /** Refuses an id that is not a node's. */
    void requireNode(int id) {
        if (id < 1 || id > nodeCount) {
            throw new BadParameterException("node " + id + " does not exist; nodes are 1.." + nodeCount);
        }
    }

    void requireOpen() {
        if (closed) {
            throw new KernelStateException("this kernel is closed");
        }
    }

    @Override
    public void close() {
        closed = true;
        if (scheduler != null) {
            scheduler.close();
        }
        if (buildPool != null) {
            buildPool.shutdownNow();
        }
    }
}
