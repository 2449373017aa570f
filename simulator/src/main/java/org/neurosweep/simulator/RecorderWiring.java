package org.neurosweep.simulator;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import org.neurosweep.simulator.devices.Device;
import org.neurosweep.simulator.devices.Multimeter;
import org.neurosweep.simulator.devices.SpikeGenerator;
import org.neurosweep.simulator.devices.SpikeRecorder;

/**
 * Connections of recording devices, as NEST makes them: neurons and spike generators to a spike_recorder
 * (each VP's replica records the neurons and generators of its VP), a multimeter (or voltmeter) to
 * neurons. A neuron may have any number of each; the VP keeps, per neuron, the index of the set of buffers
 * it feeds. And the spike files of the recorders that write them, after each simulate.
 */
final class RecorderWiring {
    private RecorderWiring() {
    }

    /** Handles neuron or spike_generator -&gt; spike_recorder and multimeter -&gt; neuron; false for other connections. */
    static boolean connect(int[] sources, int[] targets, VirtualProcess[] vps, int[] vpOf, Device[] deviceOf,
                           Population[] populationOf, int[] localOf, IntFunction<String> describe) {
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
                if (deviceOf[s] instanceof SpikeGenerator g) {
                    for (int t : targets) { // the recorder's buffer on the generator's home VP (id % N_vp), where it runs
                        g.recordInto(((SpikeRecorder) deviceOf[t]).buffer(vpOf[s]));
                    }
                    continue;
                }
                if (deviceOf[s] != null) {
                    throw new BadConnectionException("a spike_recorder records neurons and spike generators; node " + s + " is "
                            + describe.apply(s));
                }
                VirtualProcess vp = vps[vpOf[s]];
                if (!vp.local) {
                    continue; // recorded on its own process
                }
                for (int t : targets) {
                    attach(vp.recorderOf, localOf[s], ((SpikeRecorder) deviceOf[t]).buffer(vp.index), vp.recorders, s, "spike_recorder");
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
                    for (String r : m.recordFrom()) {
                        populationOf[t].recordableIndex(r);
                    }
                    VirtualProcess vp = vps[vpOf[t]];
                    if (!vp.local) {
                        continue; // sampled on its own process
                    }
                    attach(vp.meterOf, localOf[t], m.buffer(vp.index), vp.meters, t, "multimeter");
                }
            }
        }
        return true;
    }

    /** Writes the files of every spike_recorder with record_to = ascii into {@code dataPath}: those of this process's VPs. */
    static void writeFiles(List<Device> devices, Path dataPath, Resolution resolution, java.util.function.IntPredicate localVp) {
        for (Device d : devices) {
            if (d instanceof SpikeRecorder r && r.writesFiles()) {
                try {
                    r.writeFiles(dataPath, resolution, localVp);
                } catch (IOException e) {
                    throw new SimulationException("cannot write the spike files of recorder " + r.id() + " to " + dataPath + ": " + e);
                }
            }
        }
    }

    /**
     * Adds {@code buffer} (a recorder's replica on the neuron's VP) to the set of buffers the neuron feeds:
     * {@code table[local]} indexes the VP's sets {@code vpSets}.
     */
    private static <B> void attach(int[] table, int local, B buffer, List<B[]> vpSets, int neuron, String what) {
        B[] set;
        if (table[local] < 0) {
            @SuppressWarnings("unchecked")
            B[] one = (B[]) java.lang.reflect.Array.newInstance(buffer.getClass(), 1);
            one[0] = buffer;
            set = one;
        } else {
            B[] old = vpSets.get(table[local]);
            for (B b : old) {
                if (b == buffer) {
                    throw new BadConnectionException("neuron " + neuron + " is already connected to this " + what
                            + "; connect each " + what + " once");
                }
            }
            set = Arrays.copyOf(old, old.length + 1);
            set[old.length] = buffer;
        }
        int index = -1;
        for (int i = 0; i < vpSets.size() && index < 0; i++) {
            if (Arrays.equals(vpSets.get(i), set)) {
                index = i;
            }
        }
        if (index < 0) {
            vpSets.add(set);
            index = vpSets.size() - 1;
        }
        table[local] = index;
    }
}
