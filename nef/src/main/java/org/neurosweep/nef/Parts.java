package org.neurosweep.nef;

import java.util.ArrayList;
import java.util.List;

/**
 * The pieces of a network as a {@link Simulator} runs them on one process: objects (ensembles as built, nodes),
 * decoded outputs, blocks of neurons, connections, probes, depths; and the kernels that encode and decode.
 * Each value is computed by the same operations in the same order wherever it runs, so blocks, threads and
 * processes change no bit of the output.
 */
final class Parts {
    private Parts() {
    }

    /** A network object as this process runs it. */
    abstract static class Obj {
        int id;
        int level;
        int lane;
        final List<Link> inLinks = new ArrayList<>();
        final List<Link> outLinks = new ArrayList<>();
        /** The summed input of this step. */
        double[] input;
    }

    /** An ensemble as built. */
    static final class Ens extends Obj {
        final Ensemble e;
        final int n;
        final int d;
        final double[][] evalPoints;
        final double[][] encoders;
        /** Scaled encoders (gain / radius folded in), dimension-major: [j * n + i]. */
        final double[] encT;
        final double[] gain;
        final double[] bias;
        final double[][] initialState;
        final List<Out> outs = new ArrayList<>();
        /** Where its neurons sit in its block's arrays. */
        Block block;
        int offset;
        /** With the optimizer on: every decoder of it, row per neuron, and the decoded values, concatenated. */
        double[] allDecoders;
        double[] allDecoded;

        Ens(Ensemble e, double[][] evalPoints, double[][] encoders, double[] gain, double[] bias, double[][] initialState) {
            this.e = e;
            n = e.neurons;
            d = e.dimensions;
            this.evalPoints = evalPoints;
            this.encoders = encoders;
            this.gain = gain;
            this.bias = bias;
            this.initialState = initialState;
            encT = new double[d * n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    encT[j * n + i] = encoders[i][j] * gain[i] / e.radius;
                }
            }
            input = new double[d];
        }
    }

    /** A node as run. */
    static final class Nod extends Obj {
        final Node node;
        double[] output;

        Nod(Node node) {
            this.node = node;
            input = new double[node.sizeIn];
            output = new double[node.size];
        }
    }

    /** One decoded output of an ensemble (a connection's or a probe's): decoders n x k, row-major, and its value. */
    static final class Out {
        final Ens ens;
        final int k;
        double[] decoders;
        /** The training RMSE per dimension when solved here (null: taken from the decoder cache). */
        double[] rmses;
        final double[] value;

        Out(Ens ens, int k) {
            this.ens = ens;
            this.k = k;
            value = new double[k];
        }
    }

    /** Ensembles of one model stepped as one array (one ensemble each with the optimizer off). */
    static final class Block {
        final NeuronType type;
        final List<Ens> members = new ArrayList<>();
        double[] current;
        double[] activity;
        double[][] state;

        Block(NeuronType type) {
            this.type = type;
        }

        void layout() {
            int total = 0;
            for (Ens e : members) {
                e.block = this;
                e.offset = total;
                total += e.n;
            }
            current = new double[total];
            activity = new double[total];
            int arrays = members.get(0).initialState.length;
            state = new double[arrays][total];
            for (Ens e : members) {
                for (int a = 0; a < arrays; a++) {
                    System.arraycopy(e.initialState[a], 0, state[a], e.offset, e.n);
                }
            }
        }
    }

    /** A connection as run. */
    static final class Link {
        final Connection c;
        final int pre;
        final int post;
        final int k;
        final int dPost;
        /** Transform, row-major dPost x k. */
        final double[] t;
        final boolean delayed;
        final double a;
        final double b;
        Out out;
        Nod preNode;
        /** The node function's output this step (connections from a node with a function). */
        double[] fnOut;
        /** The synapse's input by step parity (written where the pre object runs) and its state (where the post runs). */
        double[][] u;
        int uOff;
        double[] y;
        int yOff;
        /** The value of a connection without a synapse, this step. */
        final double[] direct;

        Link(Connection c, int pre, int post, double[][] transform, double dt) {
            this.c = c;
            this.pre = pre;
            this.post = post;
            k = c.functionSize;
            dPost = c.postSize();
            t = new double[dPost * k];
            for (int i = 0; i < dPost; i++) {
                System.arraycopy(transform[i], 0, t, i * k, k);
            }
            delayed = c.synapse > 0;
            a = delayed ? Math.exp(-dt / c.synapse) : 0;
            b = 1 - a;
            direct = new double[dPost];
            if (c.function != null && c.pre instanceof Node) {
                fnOut = new double[k];
            }
        }

        /** The pre object's value for this connection this step (decoded, or the node's output through the function). */
        double[] source(double time) {
            if (out != null) {
                return out.value;
            }
            if (fnOut == null) {
                return preNode.output;
            }
            double[] v = c.function.apply(preNode.output.clone());
            if (v == null || v.length != k) {
                throw new NefException(c + ": its function returned " + (v == null ? "null" : v.length + " values") + " at t = " + time
                        + " s; it must return " + k);
            }
            System.arraycopy(v, 0, fnOut, 0, k);
            return fnOut;
        }

        /** dst[off ..] = transform . value. */
        void transform(double[] value, double[] dst, int off) {
            for (int i = 0; i < dPost; i++) {
                double s = 0;
                int row = i * k;
                for (int j = 0; j < k; j++) {
                    s += t[row + j] * value[j];
                }
                dst[off + i] = s;
            }
        }
    }

    /** A probe as run. */
    static final class Rec {
        final Probe p;
        final int obj;
        final int stride;
        final double a;
        final double[] filtered;
        Out out;
        Nod node;
        boolean local;
        /** Samples so far, flat ({@code count} x size), and their times; grown by doubling. */
        double[] data = new double[0];
        double[] times = new double[0];
        int count;
        int gathered;

        void add(double time, double[] values, int from) {
            int size = filtered.length;
            if (count == times.length) {
                int capacity = Math.max(16, 2 * times.length);
                times = java.util.Arrays.copyOf(times, capacity);
                data = java.util.Arrays.copyOf(data, capacity * size);
            }
            times[count] = time;
            System.arraycopy(values, from, data, count * size, size);
            count++;
        }

        Rec(Probe p, int obj, int size, int stride, double a) {
            this.p = p;
            this.obj = obj;
            this.stride = stride;
            this.a = a;
            filtered = new double[size];
        }
    }

    static final class Level {
        final int depth;
        final List<Obj> objs = new ArrayList<>();
        final List<Block> blocks = new ArrayList<>();
        final List<Link> leaving = new ArrayList<>();

        Level(int depth) {
            this.depth = depth;
        }
    }

    /**
     * cur[off + i] = J_i: dimension-major, four dimensions a pass, so the inner loop runs over neurons and the
     * JIT vectorizes it. The order of the sums is fixed, whatever the block, thread or process.
     */
    static void encode(Ens e, double[] cur, int off) {
        encode(e, e.input, cur, off);
    }

    /** cur[off + i] = J_i for the value x (the activities at eval points use it too: the same sums as a step). */
    static void encode(Ens e, double[] x, double[] cur, int off) {
        int n = e.n;
        int d = e.d;
        double[] enc = e.encT;
        double[] bias = e.bias;
        for (int i = 0; i < n; i++) {
            cur[off + i] = bias[i];
        }
        int c = 0;
        for (; c + 4 <= d; c += 4) {
            double x0 = x[c];
            double x1 = x[c + 1];
            double x2 = x[c + 2];
            double x3 = x[c + 3];
            int r0 = c * n;
            int r1 = r0 + n;
            int r2 = r1 + n;
            int r3 = r2 + n;
            for (int i = 0; i < n; i++) {
                cur[off + i] += enc[r0 + i] * x0 + enc[r1 + i] * x1 + enc[r2 + i] * x2 + enc[r3 + i] * x3;
            }
        }
        for (; c < d; c++) {
            double xc = x[c];
            int row = c * n;
            for (int i = 0; i < n; i++) {
                cur[off + i] += enc[row + i] * xc;
            }
        }
    }

    /** One output's decoded value: the sum over active neurons, in neuron order. */
    static void decode(Out out) {
        Ens e = out.ens;
        double[] act = e.block.activity;
        int off = e.offset;
        int k = out.k;
        double[] v = out.value;
        java.util.Arrays.fill(v, 0);
        for (int i = 0; i < e.n; i++) {
            double a = act[off + i];
            if (a != 0) {
                int row = i * k;
                for (int c = 0; c < k; c++) {
                    v[c] += out.decoders[row + c] * a;
                }
            }
        }
    }

    /** Every output of an ensemble at once (its concatenated decoders): the same sums, in the same order. */
    static void decodeAll(Ens e) {
        double[] act = e.block.activity;
        int off = e.offset;
        double[] v = e.allDecoded;
        int total = v.length;
        java.util.Arrays.fill(v, 0);
        for (int i = 0; i < e.n; i++) {
            double a = act[off + i];
            if (a != 0) {
                int row = i * total;
                for (int c = 0; c < total; c++) {
                    v[c] += e.allDecoders[row + c] * a;
                }
            }
        }
        int at = 0;
        for (Out out : e.outs) {
            System.arraycopy(v, at, out.value, 0, out.k);
            at += out.k;
        }
    }
}
