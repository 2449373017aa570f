package org.neurosweep.nef;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.DoubleFunction;

/** Ensembles, nodes, connections and probes, with the seed every random choice of the build derives from. */
public final class Network {
    final long seed;
    final List<Ensemble> ensembles = new ArrayList<>();
    final List<Node> nodes = new ArrayList<>();
    final List<Connection> connections = new ArrayList<>();
    final List<Probe> probes = new ArrayList<>();

    public Network(long seed) {
        this.seed = seed;
    }

    public Ensemble ensemble(String label, int neurons, int dimensions) {
        Ensemble e = new Ensemble(label, neurons, dimensions, ensembles.size());
        ensembles.add(e);
        return e;
    }

    /** A node whose output is a function of time (s), {@code size} values. */
    public Node node(String label, int size, DoubleFunction<double[]> output) {
        return add(Node.ofTime(label, size, output));
    }

    /** A node of constant output. */
    public Node constant(String label, double... value) {
        double[] v = value.clone();
        return add(Node.ofTime(label, v.length, t -> v));
    }

    /** A node whose output (sizeOut values) is a function of time and of its summed input (sizeIn values). */
    public Node node(String label, int sizeIn, int sizeOut, BiFunction<Double, double[], double[]> function) {
        return add(Node.ofInput(label, sizeIn, sizeOut, function));
    }

    /** A node that outputs its summed input ({@code size} values) in the same step. */
    public Node passthrough(String label, int size) {
        return add(Node.passthrough(label, size));
    }

    /** Nengo's EnsembleArray: {@code count} ensembles of {@code neurons} neurons, {@code dimensions} each. */
    public EnsembleArray ensembleArray(String label, int neurons, int count, int dimensions, double radius) {
        return new EnsembleArray(this, label, neurons, count, dimensions, radius);
    }

    private Node add(Node n) {
        nodes.add(n);
        return n;
    }

    /** A connection from a node or an ensemble of this network into an ensemble or a node with input. */
    public Connection connect(Object pre, Object post) {
        if (!(pre instanceof Node || pre instanceof Ensemble)) {
            throw new NefException("connect: the pre side must be a node or an ensemble, got " + pre);
        }
        if (!(post instanceof Ensemble || post instanceof Node)) {
            throw new NefException("connect: the post side must be an ensemble or a node, got " + post);
        }
        if (post instanceof Node n && n.sizeIn == 0) {
            throw new NefException("connect: " + n + " is a function of time only (size_in 0); it takes no input");
        }
        if (!contains(pre) || !contains(post)) {
            throw new NefException("connect: " + pre + " -> " + post + " joins objects of another network");
        }
        Connection c = new Connection(pre, post, connections.size());
        connections.add(c);
        return c;
    }

    /** A probe of a node's output or an ensemble's decoded value; synapse 0 for none; sampleEvery 0 for every step. */
    public Probe probe(Object target, double synapse, double sampleEvery) {
        if (!contains(target)) {
            throw new NefException("probe: " + target + " is not a node or an ensemble of this network");
        }
        Probe p = new Probe(target, synapse, sampleEvery, probes.size());
        probes.add(p);
        return p;
    }

    private boolean contains(Object o) {
        return o instanceof Node n ? nodes.contains(n) : o instanceof Ensemble e && ensembles.contains(e);
    }

    public List<Ensemble> ensembles() {
        return List.copyOf(ensembles);
    }

    public List<Node> nodes() {
        return List.copyOf(nodes);
    }

    /** Neurons in all ensembles. */
    public long neurons() {
        long n = 0;
        for (Ensemble e : ensembles) {
            n += e.neurons;
        }
        return n;
    }
}
