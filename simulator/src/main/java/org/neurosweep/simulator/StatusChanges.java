package org.neurosweep.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * NEST's SetStatus between {@code simulate} calls ({@link Kernel#set}): neurons' parameters and state, each
 * value drawn from the neuron's own stream, or devices' parameters, every node's new values checked before any
 * changes. Split from the kernel, whose node tables it reads.
 */
final class StatusChanges {
    private StatusChanges() {
    }

    /**
     * Sets a state variable or parameter of every neuron, each value drawn from the neuron's own stream
     * (seed, node), so the values do not depend on threads or VPs.
     */
    static void set(Kernel k, NodeCollection nodes, String name, Distribution values) {
        k.requireOpen();
        int[] ids = nodes.idsUnsafe();
        List<Map<String, ?>> each = new ArrayList<>(ids.length);
        for (int id : ids) {
            k.requireNode(id);
            if (k.populationOf[id] == null) {
                throw new UnknownNameException("node " + id + " is a " + k.deviceOf[id].model()
                        + "; set(nodes, name, value) sets neurons' state and parameters, set(nodes, Map) a device's");
            }
            each.add(Map.of(name, values.draw(new Rng(k.seed, 0x300000000L, id))));
        }
        NeuronStatus.set(ids, each, k.vps, k.vpOf, k.populationOf, k.localOf);
        k.prepared = false;
    }

    static void set(Kernel k, NodeCollection nodes, Map<String, ?> params) {
        k.requireOpen();
        int[] ids = nodes.idsUnsafe();
        int neurons = 0;
        for (int id : ids) {
            k.requireNode(id);
            neurons += k.populationOf[id] != null ? 1 : 0;
        }
        if (neurons > 0) {
            if (neurons < ids.length) {
                throw new BadParameterException("set(nodes, params): the collection mixes neurons and devices; set each kind apart");
            }
            NeuronStatus.set(ids, java.util.Collections.nCopies(ids.length, params), k.vps, k.vpOf, k.populationOf, k.localOf);
            k.prepared = false;
            return;
        }
        List<Runnable> changes = new ArrayList<>();
        for (int id : ids) {
            changes.add(k.deviceOf[id].change(params, k.resolution, k.step)); // every node checked before any changes
        }
        changes.forEach(Runnable::run);
    }
}
