package org.neurosweep.nef;

import java.util.function.DoubleFunction;

/** A source of values: a function of time (s) giving a vector of {@code size} values. */
public final class Node {
    final String label;
    final int size;
    final DoubleFunction<double[]> output;

    Node(String label, int size, DoubleFunction<double[]> output) {
        if (size < 1) {
            throw new NefException("node " + label + ": size_out = " + size + " must be at least 1");
        }
        this.label = label;
        this.size = size;
        this.output = java.util.Objects.requireNonNull(output, "output");
    }

    /** Its output at time t, checked for size. */
    double[] at(double t) {
        double[] v = output.apply(t);
        if (v == null || v.length != size) {
            throw new NefException("node " + label + ": its function returned " + (v == null ? "null" : v.length + " values")
                    + " at t = " + t + " s; it must return " + size);
        }
        return v;
    }

    @Override
    public String toString() {
        return "Node " + label + " (" + size + "D)";
    }
}
