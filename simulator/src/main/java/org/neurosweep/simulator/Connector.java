package org.neurosweep.simulator;

import java.util.HashSet;
import java.util.Set;
import org.neurosweep.simulator.devices.CurrentGenerator;
import org.neurosweep.simulator.devices.Device;
import org.neurosweep.simulator.devices.NoiseGenerator;
import org.neurosweep.simulator.devices.PoissonGenerator;
import org.neurosweep.simulator.devices.SpikeGenerator;
import org.neurosweep.simulator.devices.WeightRecorder;
import org.neurosweep.simulator.synapses.SynapseModel;

/**
 * Turns one connect call into connections stored with their targets' VPs. Every random choice (which
 * sources, weights, delays) comes from a stream keyed by (seed, call, target) — or (seed, call, source)
 * for fixed_outdegree — so the connections made do not depend on the number of VPs or threads. Each VP
 * makes the connections into its own neurons, so VPs connect in parallel.
 */
final class Connector {
    private static final long PURPOSE_CONNECT = 0x100000000L;
    private static final long PURPOSE_POISSON = 0x200000000L;
    private static final long PURPOSE_NOISE = 0x400000000L;

    private final Kernel kernel;
    private final Resolution resolution;
    private final int call;
    private final int[] pre;
    private final int[] post;
    private final ConnSpec rule;
    private final SynSpec syn;

    Connector(Kernel kernel, Resolution resolution, int call, int[] pre, int[] post, ConnSpec rule, SynSpec syn) {
        this.kernel = kernel;
        this.resolution = resolution;
        this.call = call;
        this.pre = pre;
        this.post = post;
        this.rule = rule;
        this.syn = syn;
    }

    /** Checks what can be checked before any VP starts, so that a bad call changes nothing. */
    void validate() {
        if (rule instanceof ConnSpec.OneToOne && pre.length != post.length) {
            throw new BadConnectionException("one_to_one needs as many sources as targets, got " + pre.length + " and "
                    + post.length);
        }
        if (rule instanceof ConnSpec.FixedIndegree f && !f.allowMultapses() && f.indegree() > pre.length) {
            throw new BadConnectionException("fixed_indegree " + f.indegree() + " without multapses needs at least that many"
                    + " sources, got " + pre.length);
        }
        if (rule instanceof ConnSpec.FixedOutdegree f && !f.allowMultapses() && f.outdegree() > post.length) {
            throw new BadConnectionException("fixed_outdegree " + f.outdegree() + " without multapses needs at least that many"
                    + " targets, got " + post.length);
        }
        if ((rule instanceof ConnSpec.FixedIndegree || rule instanceof ConnSpec.FixedOutdegree) && pre.length == 0) {
            throw new BadConnectionException(rule + " needs at least one source");
        }
        if (syn.delay().isConstant()) {
            delaySteps(((Distribution.Constant) syn.delay()).value());
        }
        if (!syn.isStatic() && syn.weight().isConstant()) {
            @SuppressWarnings("unchecked")
            SynapseModel<Object> m = (SynapseModel<Object>) Synapses.model(syn.model());
            m.checkWeight(m.check(syn.modelParams()), syn.weight().draw(null));
        }
    }

    /** Delay (ms) in steps: a whole number of steps, at least one. */
    private int delaySteps(double delayMs) {
        if (!(delayMs >= resolution.ms() * (1 - 1e-9))) {
            throw new BadConnectionException("delay " + delayMs + " ms is below the resolution " + resolution.ms() + " ms");
        }
        return (int) resolution.exactSteps(delayMs, "delay");
    }

    /** A delay drawn from a distribution, rounded to the nearest step as NEST does; at least one step. */
    private int drawnDelaySteps(double delayMs) {
        long steps = resolution.steps(delayMs);
        if (steps < 1) {
            throw new BadConnectionException("a drawn delay of " + delayMs + " ms rounds to " + steps
                    + " steps; delays must be at least the resolution " + resolution.ms() + " ms (clip the distribution)");
        }
        return (int) steps;
    }

    /** The plastic synapses this call makes on the VP being connected, or null for static ones. */
    private final ThreadLocal<PlasticGroup> group = new ThreadLocal<>();

    /** Makes this call's connections into the neurons of one VP. */
    void connectInto(VirtualProcess vp) {
        if (!syn.isStatic()) {
            SynapseModel<?> m = Synapses.model(syn.model());
            PlasticGroup g = new PlasticGroup(m, m.check(syn.modelParams()), syn.receptor() == 1,
                    syn.weightRecorder() == 0 ? null : ((WeightRecorder) kernel.device(syn.weightRecorder())).buffer(vp.index));
            vp.plastic.add(g);
            group.set(g);
        } else {
            group.remove();
        }
        int nVp = kernel.virtualProcesses();
        reserve(vp, nVp);
        boolean plain = syn.weight().isConstant() && syn.delay().isConstant() && neuronSources() && syn.isStatic();
        double plainWeight = plain ? syn.weight().draw(null) : 0;
        int plainDelay = plain ? delaySteps(syn.delay().draw(null)) : 0;
        if (rule instanceof ConnSpec.FixedOutdegree f) {
            for (int s : pre) {
                Rng rng = new Rng(kernel.seed(), PURPOSE_CONNECT + call, -1L - s);
                Set<Integer> chosen = f.allowMultapses() ? null : new HashSet<>();
                for (int k = 0; k < f.outdegree(); k++) {
                    int t = drawDistinct(rng, post, s, f.allowAutapses(), chosen);
                    double w = syn.weight().draw(rng);
                    double d = syn.delay().draw(rng);
                    if (kernel.vpOfUnchecked(t) == vp.index) {
                        add(vp, s, t, w, d, k);
                    }
                }
            }
            return;
        }
        for (int i = 0; i < post.length; i++) {
            int t = post[i];
            if (kernel.vpOfUnchecked(t) != vp.index) {
                continue;
            }
            Rng rng = new Rng(kernel.seed(), PURPOSE_CONNECT + call, t);
            int made = 0;
            if (rule instanceof ConnSpec.OneToOne) {
                made = pair(vp, rng, pre[i], t, made);
            } else if (rule instanceof ConnSpec.AllToAll a) {
                for (int s : pre) {
                    if (a.allowAutapses() || s != t) {
                        made = pair(vp, rng, s, t, made);
                    }
                }
            } else if (rule instanceof ConnSpec.PairwiseBernoulli b) {
                for (int s : pre) {
                    if ((b.allowAutapses() || s != t) && rng.nextDouble() < b.p()) {
                        made = pair(vp, rng, s, t, made);
                    }
                }
            } else if (rule instanceof ConnSpec.FixedIndegree f && f.allowAutapses() && f.allowMultapses() && plain
                    && !kernel.countsSpikes(t)) {
                // the common case (Brunel): constant weight and delay, neurons as sources: nothing but draws
                int local = kernel.localIndex(t);
                boolean in = plainWeight < 0 && kernel.splitsBySign(t);
                ConnectionTable table = vp.connections;
                for (int k = 0; k < f.indegree(); k++) {
                    table.add(pre[rng.nextInt(pre.length)], local, plainWeight, plainDelay, in);
                }
            } else if (rule instanceof ConnSpec.FixedIndegree f) {
                Set<Integer> chosen = f.allowMultapses() ? null : new HashSet<>();
                for (int k = 0; k < f.indegree(); k++) {
                    int s = drawDistinct(rng, pre, t, f.allowAutapses(), chosen);
                    made = pair(vp, rng, s, t, made);
                }
            }
        }
    }

    private boolean neuronSources() {
        for (int s : pre) {
            if (kernel.device(s) != null) {
                return false;
            }
        }
        return true;
    }

    /** Sizes the VP's table once for the connections this call will most likely make. */
    private void reserve(VirtualProcess vp, int nVp) {
        if (kernel.device(pre[0]) != null) {
            return; // devices' connections are kept apart (VirtualProcess.poisson and .dc)
        }
        long local = 0;
        for (int t : post) {
            local += kernel.vpOfUnchecked(t) == vp.index ? 1 : 0;
        }
        long expected = 0;
        if (rule instanceof ConnSpec.FixedIndegree f) {
            expected = local * f.indegree();
        } else if (rule instanceof ConnSpec.AllToAll) {
            expected = local * pre.length;
        } else if (rule instanceof ConnSpec.OneToOne) {
            expected = local;
        } else if (rule instanceof ConnSpec.FixedOutdegree f) {
            expected = (long) pre.length * f.outdegree() / nVp;
        } else if (rule instanceof ConnSpec.PairwiseBernoulli b) {
            expected = (long) (local * pre.length * b.p());
        }
        vp.connections.reserve((int) Math.min(expected, Integer.MAX_VALUE - 16));
    }

    private int pair(VirtualProcess vp, Rng rng, int s, int t, int made) {
        double w = syn.weight().draw(rng);
        double d = syn.delay().draw(rng);
        add(vp, s, t, w, d, made);
        return made + 1;
    }

    /** Draws a member of {@code from} that is not {@code self} (without autapses) and not chosen yet (without multapses). */
    private static int drawDistinct(Rng rng, int[] from, int self, boolean autapses, Set<Integer> chosen) {
        for (int attempt = 0; attempt < 100 * from.length + 1000; attempt++) {
            int candidate = from[rng.nextInt(from.length)];
            if ((!autapses && candidate == self) || (chosen != null && chosen.contains(candidate))) {
                continue;
            }
            if (chosen != null) {
                chosen.add(candidate);
            }
            return candidate;
        }
        throw new BadConnectionException("cannot draw enough distinct partners for node " + self
                + " without autapses or multapses from " + from.length + " candidates");
    }

    private void add(VirtualProcess vp, int s, int t, double weight, double delayMs, int k) {
        int local = kernel.localIndex(t);
        PlasticGroup g = group.get();
        // a parrot repeats each spike: static connections to it carry a count of 1; plastic ones keep their
        // weight, which changes, and deliver 1
        double w = g == null && kernel.countsSpikes(t) ? 1.0 : weight;
        int d = syn.delay().isConstant() ? delaySteps(delayMs) : drawnDelaySteps(delayMs);
        Device source = kernel.device(s);
        long key = ((long) t << 20) ^ k ^ ((long) s << 42); // a connection's random stream: (seed, call, target, k, source)
        if (g != null) {
            g.add(s, local, w, d);
            if (g.model.usesPostHistory()) {
                vp.history.register(local, d, vp.resolution);
                vp.archiving = true;
            }
        } else if (syn.receptor() == 1) {
            return; // a parrot's port 1 repeats nothing: a static synapse there has no effect
        } else if (source == null) {
            vp.connections.add(s, local, w, d, w < 0 && kernel.splitsBySign(t));
        } else if (source instanceof SpikeGenerator sg) {
            vp.poisson.add(local, source, w, d, sg.connectionState(kernel.step(), kernel.countsSpikes(t)));
        } else if (source instanceof PoissonGenerator) {
            vp.poisson.add(local, source, w, d, Rng.seedState(kernel.seed(), PURPOSE_POISSON + call, key));
        } else if (source instanceof NoiseGenerator) {
            vp.dc.add(local, source, w, d, Rng.seedState(kernel.seed(), PURPOSE_NOISE + call, key));
        } else if (source instanceof CurrentGenerator) {
            vp.dc.add(local, source, w, d, 0);
        } else {
            throw new BadConnectionException(source.model() + " " + s + " cannot send to neurons");
        }
    }
}
