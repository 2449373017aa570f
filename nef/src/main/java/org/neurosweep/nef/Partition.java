package org.neurosweep.nef;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.neurosweep.exchange.Partitioner;

/**
 * nengo_mpi's {@code Partitioner(n_components, func)}: which component computes each ensemble and node.
 * Objects joined by connections without a synapse always share a component (their values cross within a
 * step); every other connection that crosses components sends its value once a step. Component c runs on
 * process {@code c % processes}, and within a process its components are spread over the threads; the
 * output is bit for bit the same for any partition, process count and thread count.
 */
public final class Partition {
    private enum Kind { EQUAL_NEURONS, MINIMUM_CUT, EXPLICIT }

    private final Kind kind;
    private final int components;
    private final Map<Object, Integer> assigned;

    private Partition(Kind kind, int components, Map<Object, Integer> assigned) {
        if (components < 1) {
            throw new NefException("a partition needs at least 1 component, got " + components);
        }
        this.kind = kind;
        this.components = components;
        this.assigned = assigned;
    }

    /** Components of about equal neuron counts (largest unit first into the lightest component). */
    public static Partition equalNeurons(int components) {
        return new Partition(Kind.EQUAL_NEURONS, components, Map.of());
    }

    /** Few decoded values crossing components, neuron counts within 10% of the mean (or the largest unit). */
    public static Partition minimumCut(int components) {
        return new Partition(Kind.MINIMUM_CUT, components, Map.of());
    }

    /**
     * The user's own assignment of ensembles and nodes to components 0..components-1. An object left out
     * goes with the objects it shares a unit with; a unit none of whose objects is assigned is refused.
     */
    public static Partition explicit(int components, Map<?, Integer> componentOf) {
        return new Partition(Kind.EXPLICIT, components, new java.util.IdentityHashMap<>(componentOf));
    }

    public int components() {
        return components;
    }

    /** The component of each object of the graph. */
    int[] objectComponents(Graph g, List<Connection> connections) {
        int[] ofUnit;
        long[] sizes = g.unitNeurons();
        switch (kind) {
            case EQUAL_NEURONS -> ofUnit = Partitioner.balanced(sizes, components);
            case MINIMUM_CUT -> {
                List<Partitioner.Edge> edges = new ArrayList<>();
                for (Connection c : connections) {
                    int a = g.unitOf[g.id.get(c.pre)];
                    int b = g.unitOf[g.id.get(c.post)];
                    if (a != b) {
                        edges.add(new Partitioner.Edge(a, b, c.postSize()));
                    }
                }
                ofUnit = Partitioner.minimumCut(sizes, edges.toArray(new Partitioner.Edge[0]), components, 0.1);
            }
            default -> {
                ofUnit = new int[g.units];
                java.util.Arrays.fill(ofUnit, -1);
                for (Map.Entry<Object, Integer> e : assigned.entrySet()) {
                    Integer o = g.id.get(e.getKey());
                    if (o == null) {
                        throw new NefException("partition: " + e.getKey() + " is not an ensemble or node of this network");
                    }
                    int c = e.getValue();
                    if (c < 0 || c >= components) {
                        throw new NefException("partition: " + e.getKey() + " is assigned to component " + c + "; components are 0.."
                                + (components - 1));
                    }
                    int u = g.unitOf[o];
                    if (ofUnit[u] >= 0 && ofUnit[u] != c) {
                        throw new NefException("partition: " + e.getKey() + " is assigned to component " + c + " but an object it is joined"
                                + " to by a connection without a synapse is assigned to " + ofUnit[u] + "; they must share one");
                    }
                    ofUnit[u] = c;
                }
                for (int o = 0; o < g.objects.size(); o++) {
                    if (ofUnit[g.unitOf[o]] < 0) {
                        throw new NefException("partition: " + g.objects.get(o) + " is not assigned to a component (nor is any object"
                                + " joined to it by a connection without a synapse)");
                    }
                }
            }
        }
        int[] of = new int[g.objects.size()];
        for (int o = 0; o < of.length; o++) {
            of[o] = ofUnit[g.unitOf[o]];
        }
        return of;
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + "(" + components + ")";
    }
}
