package org.neurosweep.nef;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Nengo's EnsembleArray: {@code count} ensembles of {@code neurons} neurons and {@code dimensions} dimensions
 * each, fed by one passthrough {@link #input()} node of count x dimensions values (ensemble i takes the slice
 * [i d, (i + 1) d)) and decoded into one passthrough {@link #output()} node the same way. The connections
 * inside have no synapse, as Nengo's.
 */
public final class EnsembleArray {
    private final Network net;
    private final String label;
    private final List<Ensemble> ensembles = new ArrayList<>();
    private final int dimensions;
    private final Node input;
    private final Node output;

    EnsembleArray(Network net, String label, int neurons, int count, int dimensions, double radius) {
        if (count < 1) {
            throw new NefException("ensemble array " + label + ": n_ensembles = " + count + " must be at least 1");
        }
        this.net = net;
        this.label = label;
        this.dimensions = dimensions;
        for (int i = 0; i < count; i++) {
            ensembles.add(net.ensemble(label + "[" + i + "]", neurons, dimensions).radius(radius));
        }
        input = net.passthrough(label + ".input", count * dimensions);
        for (int i = 0; i < count; i++) {
            net.connect(input, ensembles.get(i)).transform(slice(count * dimensions, i * dimensions, dimensions, false)).synapse(0);
        }
        output = addOutput("output", null, dimensions);
    }

    /** The ensembles, in order. */
    public List<Ensemble> ensembles() {
        return List.copyOf(ensembles);
    }

    public Node input() {
        return input;
    }

    /** The decoded identity of every ensemble, concatenated. */
    public Node output() {
        return output;
    }

    /**
     * A new passthrough node of count x size values: {@code function} (null: identity, size = dimensions)
     * decoded from each ensemble into its slice, as Nengo's {@code add_output}.
     */
    public Node addOutput(String name, Function<double[], double[]> function, int size) {
        if (function == null && size != dimensions) {
            throw new NefException("ensemble array " + label + ": the identity output has " + dimensions + " values per ensemble, not " + size);
        }
        int count = ensembles.size();
        Node out = net.passthrough(label + "." + name, count * size);
        for (int i = 0; i < count; i++) {
            Connection c = net.connect(ensembles.get(i), out).synapse(0).transform(slice(count * size, i * size, size, true));
            if (function != null) {
                c.function(function, size);
            }
        }
        return out;
    }

    /**
     * A selection matrix: {@code into} true gives a (total x size) matrix placing size values at offset; false a
     * (size x total) matrix taking them from there.
     */
    private static double[][] slice(int total, int offset, int size, boolean into) {
        double[][] t = into ? new double[total][size] : new double[size][total];
        for (int k = 0; k < size; k++) {
            if (into) {
                t[offset + k][k] = 1;
            } else {
                t[k][offset + k] = 1;
            }
        }
        return t;
    }
}
