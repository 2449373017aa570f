package org.neurosweep.simulator;

import java.util.Arrays;
import java.util.List;

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
                for (SpikeRecorder.Buffer b : r.buffers) {
                    recording += b.bytes();
                }
            } else if (d instanceof Multimeter m) {
                for (Multimeter.Buffer b : m.buffers) {
                    recording += b.bytes();
                }
            }
        }
        Scheduler s = scheduler;
        return new SimulationStats(createNanos / 1e9, connectNanos / 1e9, prepareNanos / 1e9,
                s == null ? 0 : s.updateNanos / 1e9, s == null ? 0 : s.exchangeNanos / 1e9, s == null ? 0 : s.deliverNanos / 1e9,
                writeNanos / 1e9, vpSeconds, max > 0 ? sum / nVp / max : 1.0, s == null ? 0 : s.slices,
                s == null ? new long[0] : trimmed(s.histogram), s == null ? 0 : s.totalSpikes, events, peakConnectionBytes,
                recording, biologicalMs, plasticSynapses, plasticBytes);
    }

    private static long[] trimmed(long[] histogram) {
        int n = histogram.length;
        while (n > 1 && histogram[n - 1] == 0) {
            n--;
        }
        return Arrays.copyOf(histogram, n);
    }
}
