package org.neurosweep.nef;

import java.util.ArrayList;
import java.util.List;
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

    public Node node(String label, int size, DoubleFunction<double[]> output) {
        Node n = new Node(label, size, output);
        nodes.add(n);
        return n;
    }

    /** A connection from a node or an ensemble of this network into an ensemble of it. */
    public Connection connect(Object pre, Ensemble post) {
        if (!(pre instanceof Node || pre instanceof Ensemble)) {
            throw new NefException("connect: the pre side must be a node or an ensemble, got " + pre);
        }
        if (!contains(pre) || !ensembles.contains(post)) {
            throw new NefException("connect: " + pre + " -> " + post + " joins objects of another network");
        }
        Connection c = new Connection(pre, post);
        connections.add(c);
        return c;
    }

    /** A probe of a node's output or an ensemble's decoded value; synapse 0 for none; sampleEvery 0 for every step. */
    public Probe probe(Object target, double synapse, double sampleEvery) {
        if (!contains(target)) {
            throw new NefException("probe: " + target + " is not a node or an ensemble of this network");
        }
        Probe p = new Probe(target, synapse, sampleEvery);
        probes.add(p);
        return p;
    }

    private boolean contains(Object o) {
        return o instanceof Node n ? nodes.contains(n) : o instanceof Ensemble e && ensembles.contains(e);
    }
}
