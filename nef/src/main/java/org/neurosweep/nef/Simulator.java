package org.neurosweep.nef;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.neurosweep.exchange.Exchange;
import org.neurosweep.nef.Parts.Ens;
import org.neurosweep.nef.Parts.Link;
import org.neurosweep.nef.Parts.Nod;
import org.neurosweep.nef.Parts.Obj;
import org.neurosweep.nef.Parts.Out;
import org.neurosweep.nef.Parts.Rec;

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
    private final Exchange exchange;
    private final int rank;
    private final int processes;
    private final int[] processOf;
    private final Lane[] lanes;
    private final Link[] links;
    private final Rec[] recs;
    private final int operators;
    private long step;
    private final Builds builds;
    private final long buildNanos;
    private long runNanos;
    private long peakBytes;
    private final ProcessLink processLink;

    private Simulator(Builder b) {
        long t0 = System.nanoTime();
        if (!(b.dt > 0) || Double.isInfinite(b.dt)) {
            throw new NefException("dt = " + b.dt + " s must be a positive number");
        }
        dt = b.dt;
        builds = new Builds(b.cache);
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
            lanes[l] = new Lane(dt);
        }
        // objects: ensembles built where they run
        Obj[] objs = new Obj[n];
        List<Ens> built = new ArrayList<>();
        for (int o = 0; o < n; o++) {
            Object x = g.objects.get(o);
            boolean local = laneOf[o] >= 0;
            if (x instanceof Ensemble e) {
                objs[o] = local ? builds.build(e, new SplittableRandom(net.seed * 0x9E3779B97F4A7C15L + e.index)) : null;
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
                    solves.add(() -> builds.solve(out, e, c.function, c.functionSize, c.solver, c.evalPoints));
                } else {
                    l.preNode = (Nod) objs[pre];
                }
            }
            if (objs[post] != null) {
                objs[post].inLinks.add(l);
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
                    solves.add(() -> builds.solve(out, e, null, size, LstsqL2.defaults(), null));
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
        processLink = new ProcessLink(exchange, processOf, links, recs);
        operators = ops;
        peakBytes = bytes();
        buildNanos = System.nanoTime() - t0;
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
                processLink.exchange(parity);
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
                        processLink.exchange(parity);
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
        processLink.gatherProbes();
        runNanos += System.nanoTime() - t0;
        peakBytes = Math.max(peakBytes, bytes());
    }

    /** A probe's samples so far: [sample][dimension]. */
    public double[][] data(Probe p) {
        Rec r = recorder(p);
        int size = r.filtered.length;
        double[][] out = new double[r.count][];
        for (int s = 0; s < r.count; s++) {
            out[s] = java.util.Arrays.copyOfRange(r.data, s * size, (s + 1) * size);
        }
        return out;
    }

    /**
     * A hash of every bit of a probe's samples and their times so far: runs whose outputs are equal bit for bit
     * have equal fingerprints (and unequal ones almost surely differ).
     */
    public long fingerprint(Probe p) {
        Rec r = recorder(p);
        long h = 1125899906842597L;
        int size = r.filtered.length;
        for (int s = 0; s < r.count; s++) {
            h = 31 * h + Double.doubleToLongBits(r.times[s]);
            for (int i = 0; i < size; i++) {
                h = 31 * h + Double.doubleToLongBits(r.data[s * size + i]);
            }
            h ^= h >>> 29;
        }
        return h;
    }

    /** The times (s) of a probe's samples. */
    public double[] times(Probe p) {
        Rec r = recorder(p);
        return java.util.Arrays.copyOf(r.times, r.count);
    }

    private Rec recorder(Probe p) {
        if (p.index < recs.length && recs[p.index].p == p) {
            return recs[p.index];
        }
        throw new NefException("the probe is not of this simulator's network");
    }

    /**
     * Nengo's solver info {@code rmses} of a decoded connection: the training RMSE of each decoded dimension over
     * the eval points (null when the decoders came from the cache).
     *
     * @throws NefException when the connection is not decoded, or its pre ensemble runs on another process
     */
    public double[] trainingRmse(Connection c) {
        Link l = c.index < links.length && links[c.index].c == c ? links[c.index] : null;
        if (l == null) {
            throw new NefException(c + " is not of this simulator's network");
        }
        if (!(c.pre instanceof Ensemble)) {
            throw new NefException(c + " is not decoded (its pre object is a node)");
        }
        if (l.out == null) {
            throw new NefException(c + ": its pre ensemble runs on process " + processOf[l.pre] + ", not this one (" + rank + ")");
        }
        return l.out.rmses == null ? null : l.out.rmses.clone();
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
        return new NefStats(builds.evalNanos / 1e9, builds.gainBiasNanos / 1e9, builds.activitiesNanos.get() / 1e9,
                builds.solveNanos.get() / 1e9, builds.cacheNanos.get() / 1e9, buildNanos / 1e9, runNanos / 1e9, Math.max(peakBytes, bytes()), operators);
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
                bytes += 8L * (r.filtered.length + (long) r.times.length * (r.filtered.length + 1));
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
