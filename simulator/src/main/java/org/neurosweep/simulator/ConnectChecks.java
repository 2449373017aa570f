package org.neurosweep.simulator;

import java.util.ArrayList;
import java.util.List;
import org.neurosweep.simulator.devices.CurrentGenerator;
import org.neurosweep.simulator.devices.WeightRecorder;

/**
 * What connect checks before any VP connects (so that a refused call changes nothing): which devices may
 * send what to which neurons, and what a synapse specification asks of its ends; and GetConnections'
 * listing.
 */
final class ConnectChecks {
    private ConnectChecks() {
    }

    /** Refuses a device as a target, a current into a parrot, a plastic synapse from a device, a port the target lacks. */
    static void check(Kernel k, int[] sources, int[] targets, SynSpec syn) {
        for (int id : targets) {
            if (k.device(id) != null) {
                throw new BadConnectionException("node " + id + " is a " + k.device(id).model()
                        + ", which cannot receive connections from " + k.describe(sources[0]));
            }
        }
        for (int id : sources) {
            if (k.device(id) != null && !k.device(id).sends()) {
                throw new BadConnectionException("node " + id + " is a " + k.device(id).model() + ", which sends nothing to neurons");
            }
        }
        for (int id : sources) {
            if (k.device(id) instanceof CurrentGenerator) {
                for (int t : targets) {
                    if (k.countsSpikes(t)) {
                        throw new BadConnectionException("node " + id + " is a " + k.device(id).model() + ", which sends a current;"
                                + " node " + t + " is a " + k.population(t).model + ", which accepts only spikes");
                    }
                }
            }
        }
        if (syn.weightRecorder() != 0) {
            int wr = syn.weightRecorder();
            k.requireNode(wr);
            if (syn.isStatic() || !(k.device(wr) instanceof WeightRecorder)) {
                throw new BadConnectionException("weight_recorder = " + wr + ": " + (syn.isStatic()
                        ? "a weight_recorder logs plastic synapses, not static ones" : "node " + wr + " is " + k.describe(wr)));
            }
        }
        if (syn.receptor() == 1) {
            for (int t : targets) {
                if (!k.countsSpikes(t)) {
                    throw new BadConnectionException("receptor_type 1: node " + t + " is " + k.describe(t)
                            + ", which has only receptor 0 (port 1 is a parrot_neuron's)");
                }
            }
        }
        if (!syn.isStatic()) {
            for (int id : sources) {
                if (k.device(id) != null) {
                    throw new BadConnectionException("node " + id + " is a " + k.device(id).model() + "; a " + syn.model()
                            + " connects neurons: put a parrot_neuron between");
                }
            }
        }
    }

    /**
     * GetConnections: the connections from {@code sources} to {@code targets} on every VP, ordered by target,
     * then source, then the order made; refused if a node does not exist.
     */
    static List<Connection> list(Kernel k, VirtualProcess[] vps, Resolution resolution, int[] sources, int[] targets) {
        boolean[] wanted = new boolean[k.nodeCount() + 1];
        for (int t : targets) {
            k.requireNode(t);
            wanted[t] = true;
        }
        for (int s : sources) {
            k.requireNode(s);
        }
        List<Connection> out = new ArrayList<>();
        for (int s : sources) {
            for (VirtualProcess vp : vps) {
                vp.connections.forEach(s, (local, w, d) -> {
                    int t = vp.ids[local];
                    if (wanted[t]) {
                        out.add(new Connection(s, t, w, resolution.toMs(d), SynSpec.STATIC));
                    }
                });
                for (PlasticGroup g : vp.plastic) {
                    g.forEach(s, (local, w, d) -> {
                        int t = vp.ids[local];
                        if (wanted[t]) {
                            out.add(new Connection(s, t, w, resolution.toMs(d), g.model.name()));
                        }
                    });
                }
            }
        }
        out.sort(java.util.Comparator.comparingInt(Connection::target).thenComparingInt(Connection::source));
        return out;
    }
}
