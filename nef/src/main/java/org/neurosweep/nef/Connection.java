package org.neurosweep.nef;

import java.util.function.Function;

/**
 * A connection from a node or an ensemble to an ensemble: from an ensemble it is decoded (decoders solved
 * for {@code function} of the pre ensemble's eval points, then {@code transform}), kept factored; from a
 * node it is the node's output times {@code transform}. Filtered by a lowpass synapse (Nengo's default
 * 5 ms), which adds one step of delay.
 */
public final class Connection {
    final Object pre;
    final Ensemble post;
    Function<double[], double[]> function;
    int functionSize;
    double[][] transform;
    double synapse = 0.005;
    Solver solver = LstsqL2.defaults();

    Connection(Object pre, Ensemble post) {
        this.pre = pre;
        this.post = post;
        functionSize = pre instanceof Node n ? n.size : ((Ensemble) pre).dimensions;
    }

    /** The function of the pre ensemble's value to decode, giving {@code size} values. */
    public Connection function(Function<double[], double[]> f, int size) {
        if (!(pre instanceof Ensemble)) {
            throw new NefException("a function is decoded from an ensemble; " + pre + " is not one");
        }
        if (size < 1) {
            throw new NefException("function size " + size + " must be at least 1");
        }
        function = f;
        functionSize = size;
        return this;
    }

    /** A post x function-size matrix applied after the function. */
    public Connection transform(double[][] t) {
        transform = t;
        return this;
    }

    /** Lowpass time constant (s), >= 0. */
    public Connection synapse(double tau) {
        if (!(tau >= 0) || Double.isInfinite(tau)) {
            throw new NefException("synapse time constant " + tau + " s must be a number >= 0");
        }
        synapse = tau;
        return this;
    }

    public Connection solver(Solver s) {
        solver = java.util.Objects.requireNonNull(s, "solver");
        return this;
    }

    /** The transform in force: the given one, or the identity when the sizes agree. */
    double[][] transformMatrix() {
        if (transform == null) {
            if (functionSize != post.dimensions) {
                throw new NefException("connection " + pre + " -> " + post + ": the pre side gives " + functionSize
                        + " values but the post ensemble has " + post.dimensions + " dimensions; give a transform");
            }
            double[][] t = new double[functionSize][functionSize];
            for (int i = 0; i < functionSize; i++) {
                t[i][i] = 1;
            }
            return t;
        }
        if (transform.length != post.dimensions || transform[0].length != functionSize) {
            throw new NefException("connection " + pre + " -> " + post + ": transform is " + transform.length + " x "
                    + transform[0].length + "; it must be " + post.dimensions + " x " + functionSize);
        }
        return transform;
    }
}
