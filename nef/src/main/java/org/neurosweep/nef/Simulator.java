package org.neurosweep.nef;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.neurosweep.exchange.Exchange;

/**
 * Builds a {@link Network} and runs it in Nengo's time base: steps of dt (default 1 ms), the first at
 * t = dt. A step computes each object from its input, in dependency order: an ensemble's input (the sum of
 * its connections, in the order they were made) is encoded, its neurons step, and its decoded outputs are
 * formed; a node's output is its function of time and input. A connection with a synapse then filters its
 * value, which its post object reads the next step (one step of delay); one without a synapse passes its
 * value within the step. Decoded connections stay factored (decoders, then transform).
 *
 * <p>Where it runs: the {@link Partition} puts each object in a component; component c runs on process
 * {@code c % processes} (an {@link Exchange} joins the processes) and on one of that process's threads.
 * With the optimizer on, the ensembles one thread steps at one depth with one neuron model are one array,
 * their decoders one block product, and the synapses one array. None of this changes a bit of the output:
 * every value is computed by the same operations in the same order wherever it runs.
 *
 * <p>Build, run and memory are measured ({@link #stats}).
 */
public final class Simulator implements AutoCloseable {
    /** How to build and run a network. */
    public static final class Builder {
        private final Network net;
        private double dt = 0.001;
        private DecoderCache cache;
        private boolean optimize = true;
        private int threads = 1;
        private Partition partition;
        private Exchange exchange;

        private Builder(Network net) {
            this.net = java.util.Objects.requireNonNull(net, "network");
        }

        public Builder dt(double seconds) {
            dt = seconds;
            return this;
        }

        /** Decoders taken from and stored in {@code c} (null: none). */
        public Builder cache(DecoderCache c) {
            cache = c;
            return this;
        }

        /** Merge same-type operations into blocks (Nengo's optimizer; on by default). */
        public Builder optimize(boolean on) {
            optimize = on;
            return this;
        }

        public Builder threads(int n) {
            if (n < 1) {
                throw new NefException("threads = " + n + " must be at least 1");
            }
            threads = n;
            return this;
        }

        /** Which component computes each object (default: equal neurons over processes x threads components). */
        public Builder partition(Partition p) {
            partition = p;
            return this;
        }

        /** This process is {@code e.rank()} of {@code e.size()}; every process builds the same network and runs the same steps. */
        public Builder processes(Exchange e) {
            exchange = e;
            return this;
        }

        public Simulator build() {
            return new Simulator(this);
        }
    }

    public static Builder builder(Network net) {
        return new Builder(net);
    }

    public Simulator(Network net) {
        this(builder(net));
    }

    public Simulator(Network net, double dt) {
        this(builder(net).dt(dt));
    }

    /** With decoders taken from and stored in {@code cache} (null: none). */
    public Simulator(Network net, double dt, DecoderCache cache) {
        this(builder(net).dt(dt).cache(cache));
    }

    private final double dt;
    private final DecoderCache cache;
    private final Exchange exchange;
    private final int rank;
    private final int processes;
    private final int[] processOf;
    private final Lane[] lanes;
    private final Link[] links;
    private final Rec[] recs;
    private final List<Link> sentLinks = new ArrayList<>();
    private final int operators;
    private long step;
    private long evalNanos;
    private long gainBiasNanos;
    private final java.util.concurrent.atomic.AtomicLong activitiesNanos = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong solveNanos = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong cacheNanos = new java.util.concurrent.atomic.AtomicLong();
    private final long buildNanos;
    private long runNanos;
    private long peakBytes;
    private byte[] message = new byte[0];

    private Simulator(Builder b) {
        long t0 = System.nanoTime();
        if (!(b.dt > 0) || Double.isInfinite(b.dt)) {
            throw new NefException("dt = " + b.dt + " s must be a positive number");
        }
        dt = b.dt;
        cache = b.cache;
        exchange = b.exchange;
        rank = exchange == null ? 0 : exchange.rank();
        processes = exchange == null ? 1 : exchange.size();
        Network net = b.net;
        Graph g = new Graph(net);
        Partition partition = b.partition != null ? b.partition : Partition.equalNeurons(processes * b.threads);
        int[] componentOf = partition.objectComponents(g, net.connections);
        int n = g.objects.size();
        processOf = new int[n];
        int[] laneOf = new int[n];
        // the components of this process, in order, spread round robin over its threads
        int[] localIndex = new int[partition.components()];
        int k = 0;
        for (int c = 0; c < partition.components(); c++) {
            localIndex[c] = c % processes == rank ? k++ : -1;
        }
        int nLanes = Math.min(b.threads, Math.max(1, k));
        for (int o = 0; o < n; o++) {
            int c = componentOf[o];
            processOf[o] = c % processes;
            laneOf[o] = processOf[o] == rank ? localIndex[c] % nLanes : -1;
        }
        lanes = new Lane[nLanes];
        for (int l = 0; l < nLanes; l++) {
            lanes[l] = new Lane();
        }
        // objects: ensembles built where they run
        Obj[] objs = new Obj[n];
        List<Ens> built = new ArrayList<>();
        for (int o = 0; o < n; o++) {
            Object x = g.objects.get(o);
            boolean local = laneOf[o] >= 0;
            if (x instanceof Ensemble e) {
                objs[o] = local ? build(e, new SplittableRandom(net.seed * 0x9E3779B97F4A7C15L + e.index)) : null;
                if (local) {
                    built.add((Ens) objs[o]);
                }
            } else if (local) {
                objs[o] = new Nod((Node) x);
            }
            if (objs[o] != null) {
                objs[o].id = o;
                objs[o].level = g.level[o];
                objs[o].lane = laneOf[o];
            }
        }
        // connections and probes, with the decoders the local ensembles need, solved in parallel over threads
        links = new Link[net.connections.size()];
        List<Runnable> solves = new ArrayList<>();
        for (Connection c : net.connections) {
            int pre = g.id.get(c.pre);
            int post = g.id.get(c.post);
            double[][] t = c.transformMatrix();
            Link l = new Link(c, pre, post, t, dt);
            links[c.index] = l;
            if (objs[pre] != null) {
                objs[pre].outLinks.add(l);
                if (objs[pre] instanceof Ens e) {
                    Out out = new Out(e, c.functionSize);
                    e.outs.add(out);
                    l.out = out;
                    solves.add(() -> out.decoders = decoders(e, c.function, c.functionSize, c.solver, c.evalPoints));
                } else {
                    l.preNode = (Nod) objs[pre];
                }
            }
            if (objs[post] != null) {
                objs[post].inLinks.add(l);
            }
            if (processOf[pre] != processOf[post] && processOf[pre] == rank) {
                sentLinks.add(l);
            }
        }
        recs = new Rec[net.probes.size()];
        for (Probe p : net.probes) {
            int o = g.id.get(p.target);
            int stride = 1;
            if (p.sampleEvery != 0) {
                double q = p.sampleEvery / dt;
                stride = (int) Math.round(q);
                if (stride < 1 || Math.abs(q - stride) > 1e-9 * Math.max(1, q)) {
                    throw new NefException("probe on " + p.target + ": sample_every = " + p.sampleEvery + " s must be a positive multiple of dt = "
                            + dt + " s");
                }
            }
            int size = p.target instanceof Ensemble e ? e.dimensions : ((Node) p.target).size;
            Rec r = new Rec(p, o, size, stride, p.synapse == 0 ? 0 : Math.exp(-dt / p.synapse));
            recs[p.index] = r;
            if (objs[o] != null) {
                r.local = true;
                lanes[objs[o].lane].recs.add(r);
                if (objs[o] instanceof Ens e) {
                    Out out = new Out(e, size);
                    e.outs.add(out);
                    r.out = out;
                    solves.add(() -> out.decoders = decoders(e, null, size, LstsqL2.defaults(), null));
                } else {
                    r.node = (Nod) objs[o];
                }
            }
        }
        runAll(solves, b.threads);
        // the lanes' work, by depth, and the layout of their arrays (merged blocks with the optimizer on)
        for (int o = 0; o < n; o++) {
            if (objs[o] != null) {
                lanes[objs[o].lane].objs.add(objs[o]);
            }
        }
        int ops = 0;
        for (Lane lane : lanes) {
            lane.objs.sort(Comparator.comparingInt((Obj o) -> o.level).thenComparingInt(o -> o.id));
            ops += lane.layout(b.optimize, links);
        }
        for (Link l : links) {
            if (l.u == null && objs[l.pre] != null && l.delayed) { // its post object runs on another process
                l.u = new double[2][l.dPost];
            }
        }
        operators = ops;
        peakBytes = bytes();
        buildNanos = System.nanoTime() - t0;
    }

    /** A network object as this process runs it. */
    private abstract static class Obj {
        int id;
        int level;
        int lane;
        final List<Link> inLinks = new ArrayList<>();
        final List<Link> outLinks = new ArrayList<>();
        /** The summed input of this step. */
        double[] input;
    }

    /** An ensemble as built. */
    private static final class Ens extends Obj {
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

        /** J = bias + scaled encoders . x, summed as {@link Simulator#encode} sums it. */
        double current(int i, double[] x) {
            double j = bias[i];
            int c = 0;
            for (; c + 4 <= d; c += 4) {
                j += encT[c * n + i] * x[c] + encT[(c + 1) * n + i] * x[c + 1] + encT[(c + 2) * n + i] * x[c + 2]
                        + encT[(c + 3) * n + i] * x[c + 3];
            }
            for (; c < d; c++) {
                j += encT[c * n + i] * x[c];
            }
            return j;
        }
    }

    /** A node as run. */
    private static final class Nod extends Obj {
        final Node node;
        double[] output;

        Nod(Node node) {
            this.node = node;
            input = new double[node.sizeIn];
            output = new double[node.size];
        }
    }

    /** One decoded output of an ensemble (a connection's or a probe's): decoders n x k, row-major, and its value. */
    private static final class Out {
        final Ens ens;
        final int k;
        double[] decoders;
        final double[] value;

        Out(Ens ens, int k) {
            this.ens = ens;
            this.k = k;
            value = new double[k];
        }
    }

    /** Ensembles of one model stepped as one array (one ensemble each with the optimizer off). */
    private static final class Block {
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
    private static final class Link {
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
    private static final class Rec {
        final Probe p;
        final int obj;
        final int stride;
        final double a;
        final double[] filtered;
        Out out;
        Nod node;
        boolean local;
        final List<double[]> samples = new ArrayList<>();
        final List<Double> times = new ArrayList<>();
        int gathered;

        Rec(Probe p, int obj, int size, int stride, double a) {
            this.p = p;
            this.obj = obj;
            this.stride = stride;
            this.a = a;
            filtered = new double[size];
        }
    }

    /** The objects one thread computes, in depth order, and their arrays. */
    private final class Lane {
        final List<Obj> objs = new ArrayList<>();
        final List<Rec> recs = new ArrayList<>();
        /** Per depth: the objects, the blocks, the delayed connections leaving. */
        final List<Level> levels = new ArrayList<>();
        /** Delayed connections into this lane's objects, and (optimizer on) their synapses as flat arrays. */
        final List<Link> synapses = new ArrayList<>();
        double[] flatA;
        double[] flatB;
        double[] flatY;
        double[][] flatU;
        boolean merged;

        int layout(boolean optimize, Link[] all) {
            merged = optimize;
            int ops = 0;
            Level cur = null;
            for (Obj o : objs) {
                if (cur == null || cur.depth != o.level) {
                    cur = new Level(o.level);
                    levels.add(cur);
                }
                cur.objs.add(o);
                ops++; // its input (sum of connections) and, for a node, its output
                if (o instanceof Ens e) {
                    Block blk = null;
                    if (optimize) {
                        for (Block x : cur.blocks) {
                            if (x.type.equals(e.e.neuronType)) {
                                blk = x;
                            }
                        }
                    }
                    if (blk == null) {
                        blk = new Block(e.e.neuronType);
                        cur.blocks.add(blk);
                    }
                    blk.members.add(e);
                    if (optimize) {
                        int total = 0;
                        for (Out out : e.outs) {
                            total += out.k;
                        }
                        e.allDecoders = new double[e.n * total];
                        e.allDecoded = new double[total];
                        int at = 0;
                        for (Out out : e.outs) {
                            for (int i = 0; i < e.n; i++) {
                                System.arraycopy(out.decoders, i * out.k, e.allDecoders, i * total + at, out.k);
                            }
                            at += out.k;
                            out.decoders = null; // kept once, in the block's rows
                        }
                    } else {
                        ops += e.outs.size(); // one decode each
                    }
                }
                for (Link l : o.outLinks) {
                    if (l.delayed) {
                        cur.leaving.add(l);
                        ops++; // its transform into the synapse's input
                    }
                }
                for (Link l : o.inLinks) {
                    if (l.delayed) {
                        synapses.add(l);
                    }
                }
            }
            for (Level lv : levels) {
                for (Block blk : lv.blocks) {
                    blk.layout();
                    ops += optimize ? 3 : 2; // encode and neurons (and one decode for the whole block)
                }
            }
            synapses.sort(Comparator.comparingInt(l -> l.c.index));
            if (optimize) {
                int total = 0;
                for (Link l : synapses) {
                    total += l.dPost;
                }
                flatA = new double[total];
                flatB = new double[total];
                flatY = new double[total];
                flatU = new double[2][total];
                int at = 0;
                for (Link l : synapses) {
                    java.util.Arrays.fill(flatA, at, at + l.dPost, l.a);
                    java.util.Arrays.fill(flatB, at, at + l.dPost, l.b);
                    l.y = flatY;
                    l.yOff = at;
                    l.u = flatU;
                    l.uOff = at;
                    at += l.dPost;
                }
                ops += synapses.isEmpty() ? 0 : 1;
            } else {
                for (Link l : synapses) {
                    l.y = new double[l.dPost];
                    l.u = new double[2][l.dPost];
                    ops++;
                }
            }
            return ops + recs.size();
        }

        /** Everything of this step up to the synapses' inputs. */
        void compute(double time, int parity) {
            for (Level lv : levels) {
                for (Obj o : lv.objs) {
                    double[] in = o.input;
                    java.util.Arrays.fill(in, 0);
                    for (Link l : o.inLinks) {
                        if (l.delayed) {
                            for (int i = 0; i < in.length; i++) {
                                in[i] += l.y[l.yOff + i];
                            }
                        } else {
                            l.transform(l.source(time), l.direct, 0);
                            for (int i = 0; i < in.length; i++) {
                                in[i] += l.direct[i];
                            }
                        }
                    }
                    if (o instanceof Ens e) {
                        double[] cur = e.block.current;
                        int off = e.offset;
                        encode(e, cur, off);
                    } else {
                        Nod nd = (Nod) o;
                        if (nd.node.isPassthrough()) {
                            System.arraycopy(in, 0, nd.output, 0, in.length);
                        } else {
                            System.arraycopy(nd.node.at(time, nd.node.sizeIn == 0 ? null : in.clone()), 0, nd.output, 0, nd.output.length);
                        }
                    }
                }
                for (Block blk : lv.blocks) {
                    blk.type.step(dt, blk.current, blk.activity, blk.state, 0, blk.current.length);
                    for (Ens e : blk.members) {
                        if (merged) {
                            decodeAll(e);
                        } else {
                            for (Out out : e.outs) {
                                decode(out);
                            }
                        }
                    }
                }
                for (Link l : lv.leaving) {
                    l.transform(l.source(time), l.u[parity], l.uOff);
                }
            }
        }

        /** The synapses into this lane's objects, and its probes. */
        void update(long stepNumber, double time, int parity) {
            if (merged) {
                double[] u = flatU[parity];
                for (int i = 0; i < flatY.length; i++) {
                    flatY[i] = flatA[i] * flatY[i] + flatB[i] * u[i];
                }
            } else {
                for (Link l : synapses) {
                    double[] u = l.u[parity];
                    for (int i = 0; i < l.dPost; i++) {
                        l.y[i] = l.a * l.y[i] + l.b * u[i];
                    }
                }
            }
            for (Rec r : recs) {
                double[] v = r.out != null ? r.out.value : r.node.output;
                double[] f = r.filtered;
                if (r.a == 0) {
                    System.arraycopy(v, 0, f, 0, f.length);
                } else {
                    for (int i = 0; i < f.length; i++) {
                        f[i] = r.a * f[i] + (1 - r.a) * v[i];
                    }
                }
                if (stepNumber % r.stride == 0) {
                    r.samples.add(f.clone());
                    r.times.add(time);
                }
            }
        }
    }

    private static final class Level {
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
    private static void encode(Ens e, double[] cur, int off) {
        int n = e.n;
        int d = e.d;
        double[] x = e.input;
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
    private static void decode(Out out) {
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
    private static void decodeAll(Ens e) {
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

    private Ens build(Ensemble e, SplittableRandom rng) {
        long t0 = System.nanoTime();
        int d = e.dimensions;
        double[][] eval = new double[e.evalPoints][];
        for (int k = 0; k < eval.length; k++) {
            double[] x = unitVector(rng, d);
            double r = e.radius * Math.pow(rng.nextDouble(), 1.0 / d); // uniform in the ball
            for (int i = 0; i < d; i++) {
                x[i] *= r;
            }
            eval[k] = x;
        }
        double[][] enc = new double[e.neurons][];
        for (int i = 0; i < e.neurons; i++) {
            enc[i] = unitVector(rng, d);
        }
        double[] rates = new double[e.neurons];
        double[] icpt = new double[e.neurons];
        for (int i = 0; i < e.neurons; i++) {
            rates[i] = e.maxRates[0] + (e.maxRates[1] - e.maxRates[0]) * rng.nextDouble();
            icpt[i] = e.intercepts[0] + (e.intercepts[1] - e.intercepts[0]) * rng.nextDouble();
        }
        long t1 = System.nanoTime();
        double[][] gb = e.neuronType.gainBias(rates, icpt);
        long t2 = System.nanoTime();
        evalNanos += t1 - t0;
        gainBiasNanos += t2 - t1;
        return new Ens(e, eval, enc, gb[0], gb[1], e.neuronType.initialState(e.neurons, rng));
    }

    private static double[] unitVector(SplittableRandom rng, int d) {
        while (true) {
            double[] x = new double[d];
            double norm = 0;
            for (int i = 0; i < d; i++) {
                x[i] = gaussian(rng);
                norm += x[i] * x[i];
            }
            if (norm > 0) {
                norm = Math.sqrt(norm);
                for (int i = 0; i < d; i++) {
                    x[i] /= norm;
                }
                return x;
            }
        }
    }

    private static double gaussian(SplittableRandom rng) {
        double u = rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log1p(-u)) * Math.cos(2 * Math.PI * v);
    }

    /** Decoders (n x size, row-major) of {@code f} (identity when null) over the eval points given or the ensemble's. */
    private double[] decoders(Ens b, java.util.function.Function<double[], double[]> f, int size, Solver solver, double[][] points) {
        long t0 = System.nanoTime();
        Ensemble e = b.e;
        double[][] eval = points != null ? points : b.evalPoints;
        int m = eval.length;
        double[][] y = new double[m][];
        for (int k = 0; k < m; k++) {
            double[] x = eval[k];
            y[k] = f == null ? x.clone() : f.apply(x.clone());
            if (y[k] == null || y[k].length != size) {
                throw new NefException("the function of a connection from " + e + " returned "
                        + (y[k] == null ? "null" : y[k].length + " values") + " at eval point " + java.util.Arrays.toString(x)
                        + "; it must return " + size);
            }
        }
        String key = null;
        if (cache != null) {
            long c0 = System.nanoTime();
            key = DecoderCache.key(solver.toString(), e.neuronType + "|radius " + e.radius, b.gain, b.bias, b.encoders, eval, y);
            double[][] hit = cache.get(key);
            cacheNanos.addAndGet(System.nanoTime() - c0);
            if (hit != null && hit.length == e.neurons && hit[0].length == size) {
                return flatten(hit);
            }
        }
        double[][] a = new double[m][e.neurons];
        for (int k = 0; k < m; k++) {
            for (int i = 0; i < e.neurons; i++) {
                a[k][i] = e.neuronType.rate(b.current(i, eval[k]));
            }
        }
        long t1 = System.nanoTime();
        double[][] dec = solver.solve(a, y);
        long t2 = System.nanoTime();
        activitiesNanos.addAndGet(t1 - t0);
        solveNanos.addAndGet(t2 - t1);
        if (cache != null) {
            cache.put(key, dec);
            cacheNanos.addAndGet(System.nanoTime() - t2);
        }
        return flatten(dec);
    }

    private static double[] flatten(double[][] m) {
        int k = m[0].length;
        double[] f = new double[m.length * k];
        for (int i = 0; i < m.length; i++) {
            System.arraycopy(m[i], 0, f, i * k, k);
        }
        return f;
    }

    /** Runs the tasks on up to {@code threads} threads; the first failure is thrown. */
    private static void runAll(List<Runnable> tasks, int threads) {
        if (threads <= 1 || tasks.size() <= 1) {
            tasks.forEach(Runnable::run);
            return;
        }
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<RuntimeException> failed = new java.util.concurrent.atomic.AtomicReference<>();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < tasks.size() && failed.get() == null; i = next.getAndIncrement()) {
                try {
                    tasks.get(i).run();
                } catch (RuntimeException e) {
                    failed.compareAndSet(null, e);
                }
            }
        };
        List<Thread> started = new ArrayList<>();
        for (int t = 1; t < Math.min(threads, tasks.size()); t++) {
            Thread th = new Thread(worker, "nef-build-" + t);
            th.start();
            started.add(th);
        }
        worker.run();
        for (Thread th : started) {
            try {
                th.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NefException("interrupted while building");
            }
        }
        if (failed.get() != null) {
            throw failed.get();
        }
    }

    /**
     * Runs for {@code seconds} (a whole number of steps), continuing where the last run stopped. With
     * processes, every process calls it with the same time; afterwards every process has every probe's data.
     */
    public void run(double seconds) {
        long steps = Math.round(seconds / dt);
        if (!(seconds >= 0) || Math.abs(steps * dt - seconds) > 1e-9 * Math.max(1, seconds)) {
            throw new NefException("run time " + seconds + " s must be a whole number of steps of dt = " + dt + " s, >= 0");
        }
        long t0 = System.nanoTime();
        long first = step;
        if (lanes.length == 1) {
            Lane lane = lanes[0];
            for (long s = first + 1; s <= first + steps; s++) {
                double time = s * dt;
                int parity = (int) (s & 1);
                lane.compute(time, parity);
                exchange(parity);
                lane.update(s, time, parity);
            }
        } else {
            SpinBarrier barrier = new SpinBarrier(lanes.length);
            List<Thread> threads = new ArrayList<>();
            java.util.concurrent.atomic.AtomicReference<Throwable> failed = new java.util.concurrent.atomic.AtomicReference<>();
            for (int l = 1; l < lanes.length; l++) {
                Lane lane = lanes[l];
                Thread th = new Thread(() -> {
                    try {
                        for (long s = first + 1; s <= first + steps; s++) {
                            int parity = (int) (s & 1);
                            lane.compute(s * dt, parity);
                            barrier.await();
                            if (processes > 1) {
                                barrier.await();
                            }
                            lane.update(s, s * dt, parity);
                        }
                    } catch (Throwable e) {
                        failed.compareAndSet(null, e);
                        barrier.abort(e);
                    }
                }, "nef-lane-" + l);
                th.setDaemon(true);
                th.start();
                threads.add(th);
            }
            try {
                Lane lane = lanes[0];
                for (long s = first + 1; s <= first + steps; s++) {
                    int parity = (int) (s & 1);
                    lane.compute(s * dt, parity);
                    barrier.await();
                    if (processes > 1) {
                        exchange(parity);
                        barrier.await();
                    }
                    lane.update(s, s * dt, parity);
                }
            } catch (RuntimeException e) {
                failed.compareAndSet(null, e);
                barrier.abort(e);
            }
            for (Thread th : threads) {
                try {
                    th.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new NefException("interrupted while running");
                }
            }
            if (failed.get() != null) {
                Throwable e = failed.get();
                throw e instanceof RuntimeException r ? r : new NefException("a thread of the simulation failed: " + e);
            }
        }
        step = first + steps;
        gatherProbes();
        runNanos += System.nanoTime() - t0;
        peakBytes = Math.max(peakBytes, bytes());
    }

    /** The synapse inputs of connections that cross processes, sent to every process and taken where their post object runs. */
    private void exchange(int parity) {
        if (processes == 1) {
            return;
        }
        int length = 0;
        for (Link l : sentLinks) {
            length += 8 * l.dPost;
        }
        if (message.length < length) {
            message = new byte[length];
        }
        ByteBuffer out = ByteBuffer.wrap(message);
        for (Link l : sentLinks) {
            double[] u = l.u[parity];
            for (int i = 0; i < l.dPost; i++) {
                out.putDouble(u[l.uOff + i]);
            }
        }
        ByteBuffer[] all = exchange.allGather(message, length);
        for (int r = 0; r < processes; r++) {
            if (r == rank) {
                continue;
            }
            ByteBuffer in = all[r];
            for (Link l : links) {
                if (processOf[l.pre] != r || processOf[l.post] == r) {
                    continue;
                }
                if (processOf[l.post] == rank) {
                    double[] u = l.u[parity];
                    for (int i = 0; i < l.dPost; i++) {
                        u[l.uOff + i] = in.getDouble();
                    }
                } else {
                    in.position(in.position() + 8 * l.dPost);
                }
            }
        }
    }

    /** Every process gets the samples the others took of their probes since the last gathering. */
    private void gatherProbes() {
        if (processes == 1) {
            return;
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.DataOutputStream out = new java.io.DataOutputStream(bytes);
        try {
            for (Rec r : recs) {
                if (r.local) {
                    out.writeInt(r.samples.size() - r.gathered);
                    for (int s = r.gathered; s < r.samples.size(); s++) {
                        out.writeDouble(r.times.get(s));
                        for (double v : r.samples.get(s)) {
                            out.writeDouble(v);
                        }
                    }
                    r.gathered = r.samples.size();
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        byte[] m = bytes.toByteArray();
        ByteBuffer[] all = exchange.allGather(m, m.length);
        for (int p = 0; p < processes; p++) {
            if (p == rank) {
                continue;
            }
            ByteBuffer in = all[p];
            for (Rec r : recs) {
                if (processOf[r.obj] != p) {
                    continue;
                }
                int count = in.getInt();
                for (int s = 0; s < count; s++) {
                    r.times.add(in.getDouble());
                    double[] v = new double[r.filtered.length];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = in.getDouble();
                    }
                    r.samples.add(v);
                }
            }
        }
    }

    /** A probe's samples so far: [sample][dimension]. */
    public double[][] data(Probe p) {
        return recorder(p).samples.toArray(new double[0][]);
    }

    /** The times (s) of a probe's samples. */
    public double[] times(Probe p) {
        return recorder(p).times.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private Rec recorder(Probe p) {
        if (p.index < recs.length && recs[p.index].p == p) {
            return recs[p.index];
        }
        throw new NefException("the probe is not of this simulator's network");
    }

    /** The current time (s). */
    public double time() {
        return step * dt;
    }

    /** Threads this process steps on. */
    public int threads() {
        return lanes.length;
    }

    /** Build stages, run time and memory so far, on this process. */
    public NefStats stats() {
        return new NefStats(evalNanos / 1e9, gainBiasNanos / 1e9, activitiesNanos.get() / 1e9, solveNanos.get() / 1e9,
                cacheNanos.get() / 1e9, buildNanos / 1e9, runNanos / 1e9, Math.max(peakBytes, bytes()), operators);
    }

    /** Bytes of what this process holds: encoders, eval points, decoders, transforms, neuron and synapse state, signals, probe data. */
    private long bytes() {
        long bytes = 0;
        for (Lane lane : lanes) {
            for (Obj o : lane.objs) {
                bytes += 8L * o.input.length;
                if (o instanceof Ens e) {
                    bytes += 8L * ((long) e.evalPoints.length * e.d + 2L * e.n * e.d + 4L * e.n);
                    bytes += 8L * (long) e.n * e.initialState.length;
                    for (Out out : e.outs) {
                        bytes += 8L * ((out.decoders == null ? 0 : out.decoders.length) + out.k);
                    }
                    bytes += 8L * ((e.allDecoders == null ? 0 : e.allDecoders.length) + (e.allDecoded == null ? 0 : e.allDecoded.length));
                } else {
                    bytes += 8L * ((Nod) o).output.length;
                }
            }
            for (Link l : lane.synapses) {
                bytes += 8L * 5 * l.dPost; // state, two inputs, the decay and its complement
            }
            for (Rec r : lane.recs) {
                bytes += 8L * (r.filtered.length + (long) r.samples.size() * (r.filtered.length + 1));
            }
        }
        for (Link l : links) {
            bytes += 8L * (l.t.length + l.direct.length);
        }
        return bytes;
    }

    @Override
    public void close() {
        // threads end with each run; the exchange belongs to the caller
    }
}
