package org.neurosweep.nef;

import java.util.function.BiFunction;
import java.util.function.DoubleFunction;

/**
 * Nengo's Node: a source of values (a function of time), a function of time and of its input (the sum of
 * the connections into it), or a passthrough that outputs its summed input in the same step.
 */
public final class Node {
    final String label;
    /** Values in (0 for a function of time only). */
    final int sizeIn;
    /** Values out. */
    final int size;
    final DoubleFunction<double[]> output;
    final BiFunction<Double, double[], double[]> function;

    private Node(String label, int sizeIn, int size, DoubleFunction<double[]> output, BiFunction<Double, double[], double[]> function) {
        if (size < 1) {
            throw new NefException("node " + label + ": size_out = " + size + " must be at least 1");
        }
        if (sizeIn < 0) {
            throw new NefException("node " + label + ": size_in = " + sizeIn + " must be at least 0");
        }
        this.label = label;
        this.sizeIn = sizeIn;
        this.size = size;
        this.output = output;
        this.function = function;
    }

    static Node ofTime(String label, int size, DoubleFunction<double[]> output) {
        return new Node(label, 0, size, java.util.Objects.requireNonNull(output, "output"), null);
    }

    static Node ofInput(String label, int sizeIn, int sizeOut, BiFunction<Double, double[], double[]> f) {
        if (sizeIn < 1) {
            throw new NefException("node " + label + ": a function of its input needs size_in >= 1, got " + sizeIn);
        }
        return new Node(label, sizeIn, sizeOut, null, java.util.Objects.requireNonNull(f, "function"));
    }

    static Node passthrough(String label, int size) {
        return new Node(label, size, size, null, null);
    }

    boolean isPassthrough() {
        return output == null && function == null;
    }

    /** Its output at time t for input x, checked for size. */
    double[] at(double t, double[] x) {
        double[] v = output != null ? output.apply(t) : function.apply(t, x);
        if (v == null || v.length != size) {
            throw new NefException("node " + label + ": its function returned " + (v == null ? "null" : v.length + " values")
                    + " at t = " + t + " s; it must return " + size);
        }
        return v;
    }

    public int size() {
        return size;
    }

    @Override
    public String toString() {
        return "Node " + label + " (" + (sizeIn > 0 ? sizeIn + " in, " : "") + size + " out)";
    }
}
