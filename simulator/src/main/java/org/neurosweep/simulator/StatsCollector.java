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

    static SimulationStats collect(VirtualProcess[] vps, VirtualProcess[] localVps, List<Device> devices, Scheduler scheduler,
                                   long createNanos, long connectNanos, long prepareNanos, long writeNanos,
                                   long peakConnectionBytes, double biologicalMs, long plasticSynapses, long plasticBytes,
                                   int rank, int processes, ProcessLink link, long[][] reports) {
        int nVp = vps.length;
        long[][] all = reports != null ? reports : new long[processes][];
        if (reports == null) {
            all[rank] = report(vps, localVps, scheduler, link, peakConnectionBytes);
            for (int p = 0; p < processes; p++) {
                all[p] = all[p] != null ? all[p] : new long[FIXED + 2 * nVp]; // before the first simulate
            }
        }
        ProcessStats ps = processStats(all, rank, nVp);
        double[] vpSeconds = new double[nVp];
        double sum = 0;
        double max = 0;
        for (int v = 0; v < nVp; v++) {
            vpSeconds[v] = ps.vpUpdateSeconds()[v] + ps.vpDeliverSeconds()[v];
            sum += vpSeconds[v];
            max = Math.max(max, vpSeconds[v]);
        }
        long events = 0;
        for (long e : ps.events()) {
            events += e;
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
                recording, biologicalMs, plasticSynapses, plasticBytes, ps);
    }

    /** The figures of one process in a report: these, then per VP update nanos, then per VP deliver nanos. */
    private static final int FIXED = 11;

    /** What this process reports to the others after a simulate (nanoseconds, bytes, counts). */
    static long[] report(VirtualProcess[] vps, VirtualProcess[] localVps, Scheduler s, ProcessLink link, long connectionBytes) {
        int nVp = vps.length;
        long[] r = new long[FIXED + 2 * nVp];
        long events = 0;
        for (VirtualProcess vp : localVps) {
            r[FIXED + vp.index] = vp.updateNanos;
            r[FIXED + nVp + vp.index] = vp.deliverNanos;
            events += vp.eventsDelivered;
        }
        if (s != null) {
            r[0] = s.updateNanos;
            r[1] = s.deliverNanos;
            r[2] = s.exchangeNanos;
        }
        if (link != null) {
            org.neurosweep.exchange.Exchange.Counters c = link.exchange.counters();
            r[3] = link.encodeNanos + c.sendNanos();
            r[4] = c.waitNanos();
            r[5] = link.mergeNanos;
            r[6] = link.messageBytes * (link.processes - 1);
            r[7] = link.spikesSent;
            r[8] = link.messageBytes;
        }
        r[9] = connectionBytes;
        r[10] = events;
        return r;
    }

    private static ProcessStats processStats(long[][] all, int rank, int nVp) {
        int n = all.length;
        double[][] sec = new double[6][n];
        long[][] counts = new long[5][n];
        double[] vpUpdate = new double[nVp];
        double[] vpDeliver = new double[nVp];
        for (int p = 0; p < n; p++) {
            for (int k = 0; k < 6; k++) {
                sec[k][p] = all[p][k] / 1e9;
            }
            for (int k = 0; k < 5; k++) {
                counts[k][p] = all[p][6 + k];
            }
            for (int v = 0; v < nVp; v++) {
                vpUpdate[v] += all[p][FIXED + v] / 1e9;
                vpDeliver[v] += all[p][FIXED + nVp + v] / 1e9;
            }
        }
        return new ProcessStats(n, rank, sec[0], sec[1], sec[2], sec[3], sec[4], sec[5], counts[0], counts[1], counts[2],
                counts[3], counts[4], vpUpdate, vpDeliver);
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
