package org.neurosweep.simulator;

import java.util.Arrays;
import java.util.List;
import org.neurosweep.simulator.devices.Device;
import org.neurosweep.simulator.devices.Multimeter;
import org.neurosweep.simulator.devices.SpikeRecorder;

/** Gathers the figures of {@link SimulationStats} from the VPs, the devices and the scheduler. */
final class StatsCollector {
    private StatsCollector() {
    }

    static SimulationStats collect(VirtualProcess[] vps, List<Device> devices, Scheduler scheduler, long createNanos,
                                   long connectNanos, long prepareNanos, long writeNanos, long peakConnectionBytes,
                                   double biologicalMs, long plasticSynapses, long plasticBytes) {
        int nVp = vps.length;
        double[] vpSeconds = new double[nVp];
        double sum = 0;
        double max = 0;
        long events = 0;
        for (VirtualProcess vp : vps) {
            vpSeconds[vp.index] = (vp.updateNanos + vp.deliverNanos) / 1e9;
            sum += vpSeconds[vp.index];
            max = Math.max(max, vpSeconds[vp.index]);
            events += vp.eventsDelivered;
        }
        long recording = 0;
        for (Device d : devices) {
            if (d instanceof SpikeRecorder r) {
                recording += r.recordingBytes();
            } else if (d instanceof Multimeter m) {
                recording += m.recordingBytes();
            }
        }
        Scheduler s = scheduler;
        return new SimulationStats(createNanos / 1e9, connectNanos / 1e9, prepareNanos / 1e9,
                s == null ? 0 : s.updateNanos / 1e9, s == null ? 0 : s.exchangeNanos / 1e9, s == null ? 0 : s.deliverNanos / 1e9,
                writeNanos / 1e9, vpSeconds, max > 0 ? sum / nVp / max : 1.0, s == null ? 0 : s.slices,
                s == null ? new long[0] : trimmed(s.histogram), s == null ? 0 : s.totalSpikes, events, peakConnectionBytes,
                recording, biologicalMs, plasticSynapses, plasticBytes);
    }

    /**
     * What the connections take: bytes of the static tables, device inputs and plastic synapses (all
     * included in {@code connectionBytes}), and the number of plastic synapses.
     */
    record Memory(long connectionBytes, long plasticSynapses, long plasticBytes) {
    }

    /** The connections' memory on every VP, once the network is prepared. */
    static Memory memory(VirtualProcess[] vps) {
        long bytes = 0;
        long plasticSynapses = 0;
        long plasticBytes = 0;
        for (VirtualProcess vp : vps) {
            bytes += vp.connections.bytes() + vp.poisson.bytes() + vp.dc.bytes();
            for (PlasticGroup g : vp.plastic) {
                plasticSynapses += g.size();
                plasticBytes += g.bytes();
            }
        }
        return new Memory(bytes + plasticBytes, plasticSynapses, plasticBytes);
    }

    private static long[] trimmed(long[] histogram) {
        int n = histogram.length;
        while (n > 1 && histogram[n - 1] == 0) {
            n--;
        }
        return Arrays.copyOf(histogram, n);
    }
}
