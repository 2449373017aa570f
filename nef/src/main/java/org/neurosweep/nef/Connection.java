package org.neurosweep.nef;

import java.util.function.Function;

/**
 * A connection from a node or an ensemble to an ensemble or a node that takes input. From an ensemble it is
 * decoded (decoders solved for {@code function} of the pre ensemble's eval points, then {@code transform}),
 * kept factored; from a node it is the node's output (through {@code function}, if given) times
 * {@code transform}. A lowpass synapse (Nengo's default 5 ms) adds one step of delay; synapse 0 is Nengo's
 * {@code synapse=None}: the value reaches the post object in the same step.
 */
public final class Connection {
    final Object pre;
    final Object post;
    final int index;
    Function<double[], double[]> function;
    int functionSize;
    double[][] transform;
    double scalar = Double.NaN;
    double synapse = 0.005;
    Solver solver = LstsqL2.defaults();
    double[][] evalPoints;

    Connection(Object pre, Object post, int index) {
        this.pre = pre;
        this.post = post;
        this.index = index;
        functionSize = preSize();
    }

    int preSize() {
        return pre instanceof Node n ? n.size : ((Ensemble) pre).dimensions;
    }

    int postSize() {
        return post instanceof Node n ? n.sizeIn : ((Ensemble) post).dimensions;
    }

    /** The function of the pre object's value, giving {@code size} values (decoded, from an ensemble). */
    public Connection function(Function<double[], double[]> f, int size) {
        if (size < 1) {
            throw new NefException(this + ": function size " + size + " must be at least 1");
        }
        function = java.util.Objects.requireNonNull(f, "function");
        functionSize = size;
        if (transform != null) {
            transform(transform);
        }
        return this;
    }

    /** A post-size x function-size matrix applied after the function. */
    public Connection transform(double[][] t) {
        if (t.length != postSize() || t.length == 0 || t[0].length != functionSize) {
            throw new NefException(this + ": transform is " + t.length + " x " + (t.length == 0 ? 0 : t[0].length) + "; it must be "
                    + postSize() + " x " + functionSize + " (post size x " + (function == null ? "pre size" : "function size") + ")");
        }
        for (double[] row : t) {
            if (row.length != functionSize) {
                throw new NefException(this + ": transform rows differ in length (" + row.length + " and " + functionSize + ")");
            }
        }
        transform = t;
        scalar = Double.NaN;
        return this;
    }

    /** A scalar times the identity (pre and post sizes must agree). */
    public Connection transform(double s) {
        transform = null;
        scalar = s;
        return this;
    }

    /** Lowpass time constant (s), >= 0; 0 for none (no delay). */
    public Connection synapse(double tau) {
        if (!(tau >= 0) || Double.isInfinite(tau)) {
            throw new NefException(this + ": synapse time constant " + tau + " s must be a number >= 0 (0 for none)");
        }
        synapse = tau;
        return this;
    }

    public Connection solver(Solver s) {
        solver = java.util.Objects.requireNonNull(s, "solver");
        return this;
    }

    /** Points (each of the pre ensemble's dimensions) to solve the decoders over, instead of the ensemble's. */
    public Connection evalPoints(double[][] points) {
        if (!(pre instanceof Ensemble e)) {
            throw new NefException(this + ": eval points are for connections from an ensemble");
        }
        if (points.length < 1) {
            throw new NefException(this + ": give at least 1 eval point");
        }
        for (double[] p : points) {
            if (p.length != e.dimensions) {
                throw new NefException(this + ": an eval point has " + p.length + " values; " + e + " has " + e.dimensions + " dimensions");
            }
        }
        evalPoints = points;
        return this;
    }

    /** The transform in force: the given matrix, a scalar times the identity, or the identity. */
    double[][] transformMatrix() {
        if (transform != null) {
            return transform;
        }
        if (functionSize != postSize()) {
            throw new NefException(this + ": the pre side gives " + functionSize + " values but the post side takes " + postSize()
                    + "; give a transform of " + postSize() + " x " + functionSize);
        }
        double s = Double.isNaN(scalar) ? 1 : scalar;
        double[][] t = new double[functionSize][functionSize];
        for (int i = 0; i < functionSize; i++) {
            t[i][i] = s;
        }
        return t;
    }

    @Override
    public String toString() {
        return "connection " + pre + " -> " + post;
    }
}
