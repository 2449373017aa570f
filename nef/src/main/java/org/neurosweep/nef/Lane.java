package org.neurosweep.nef;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.neurosweep.nef.Parts.Block;
import org.neurosweep.nef.Parts.Ens;
import org.neurosweep.nef.Parts.Level;
import org.neurosweep.nef.Parts.Link;
import org.neurosweep.nef.Parts.Nod;
import org.neurosweep.nef.Parts.Obj;
import org.neurosweep.nef.Parts.Out;
import org.neurosweep.nef.Parts.Rec;

/** The objects one thread computes, in depth order, and their arrays (merged into blocks with the optimizer on). */
final class Lane {
private final double dt;

Lane(double dt) {
    this.dt = dt;
}

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
                    Parts.encode(e, cur, off);
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
                        Parts.decodeAll(e);
                    } else {
                        for (Out out : e.outs) {
                            Parts.decode(out);
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
                r.add(time, f, 0);
            }
        }
    }
}
