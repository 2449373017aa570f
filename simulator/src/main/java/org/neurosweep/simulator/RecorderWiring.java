package org.neurosweep.simulator;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Connections of recording devices, as NEST makes them: neurons to a spike_recorder (each VP's replica
 * records the neurons of its VP), a multimeter to neurons. One recorder and one multimeter per neuron.
 */
final class RecorderWiring {
    private RecorderWiring() {
    }

    /** Handles neuron -> spike_recorder and multimeter -> neuron; returns false for other connections. */
    static boolean connect(int[] sources, int[] targets, VirtualProcess[] vps, Device[] deviceOf, Population[] populationOf,
                           int[] localOf, IntFunction<String> describe) {
        int nVp = vps.length;
        boolean toRecorder = Arrays.stream(targets).anyMatch(id -> deviceOf[id] instanceof SpikeRecorder);
        boolean fromMeter = Arrays.stream(sources).anyMatch(id -> deviceOf[id] instanceof Multimeter);
        if (!toRecorder && !fromMeter) {
            return false;
        }
        if (toRecorder) {
            for (int t : targets) {
                if (!(deviceOf[t] instanceof SpikeRecorder)) {
                    throw new BadConnectionException("connect spike recorders in a call of their own; node " + t + " is "
                            + describe.apply(t));
                }
            }
            for (int s : sources) {
                if (deviceOf[s] != null) {
                    throw new BadConnectionException("a spike_recorder records neurons; node " + s + " is " + describe.apply(s));
                }
                VirtualProcess vp = vps[s % nVp];
                for (int t : targets) {
                    attach(vp, vp.recorderOf, localOf[s], ((SpikeRecorder) deviceOf[t]).buffers, vp.recorders, s, "spike_recorder");
                }
            }
        } else {
            for (int s : sources) {
                if (!(deviceOf[s] instanceof Multimeter)) {
                    throw new BadConnectionException("connect multimeters in a call of their own; node " + s + " is "
                            + describe.apply(s));
                }
            }
            for (int t : targets) {
                if (deviceOf[t] != null) {
                    throw new BadConnectionException("a multimeter samples neurons; node " + t + " is " + describe.apply(t));
                }
                for (int s : sources) {
                    Multimeter m = (Multimeter) deviceOf[s];
                    for (String r : m.recordFrom) {
                        populationOf[t].recordableIndex(r);
                    }
                    VirtualProcess vp = vps[t % nVp];
                    attach(vp, vp.meterOf, localOf[t], m.buffers, vp.meters, t, "multimeter");
                }
            }
        }
        return true;
    }

    private static <B> void attach(VirtualProcess vp, int[] table, int local, List<B> deviceBuffers, List<B> vpBuffers,
                                   int neuron, String what) {
        if (table[local] >= 0) {
            throw new BadConnectionException("neuron " + neuron + " already has a " + what + "; one per neuron");
        }
        B buffer = deviceBuffers.get(vp.index);
        int index = vpBuffers.indexOf(buffer);
        if (index < 0) {
            vpBuffers.add(buffer);
            index = vpBuffers.size() - 1;
        }
        table[local] = index;
    }
}
