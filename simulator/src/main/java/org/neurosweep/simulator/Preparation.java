package org.neurosweep.simulator;

import java.util.Arrays;
import org.neurosweep.simulator.devices.Device;

/**
 * What {@link Kernel#simulate} builds before it runs, whenever the network changed: the delays agreed over all
 * processes (min_delay, the ring buffers' length), each VP's connection tables, plastic groups, buffers and
 * propagators, the devices' times, the spike exchange's index and the scheduler. Split from the kernel, whose
 * state it reads and sets.
 */
final class Preparation {
    private Preparation() {
    }

    /**
     * Builds the tables, buffers and propagators for the network as it is. With several processes,
     * {@code collective} (every process calls it: simulate does) agrees on the delays over all processes
     * first; otherwise this process's own delays serve until then.
     */
    static void prepare(Kernel k, boolean collective) {
        if (k.prepared && !collective) {
            return; // as agreed by the last simulate, or as this process alone had it
        }
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (VirtualProcess vp : k.localVps) {
            min = Math.min(min, vp.minDelay());
            max = Math.max(max, vp.maxDelay());
        }
        if (collective && k.link != null) {
            int[] all = k.link.agree(min, max, k.nodeCount, k.connectCalls, k.step);
            min = all[0];
            max = all[1];
        }
        if (k.prepared && Arrays.equals(k.preparedDelays, new int[] {min, max})) {
            return;
        }
        k.preparedDelays = new int[] {min, max};
        long t0 = System.nanoTime();
        if (min == Integer.MAX_VALUE) {
            min = (int) Math.max(1, k.resolution.steps(1.0)); // no connections between neurons: slices of 1 ms
            max = min;
        }
        if (k.step > 0 && k.minDelay > 0 && min < k.minDelay) {
            throw new BadConnectionException("a delay of " + k.resolution.toMs(min) + " ms is shorter than the min_delay "
                    + k.resolution.toMs(k.minDelay) + " ms the simulation already ran with");
        }
        k.minDelay = k.step > 0 && k.minDelay > 0 ? k.minDelay : min;
        int ring = k.minDelay + max;
        for (Device d : k.devices) {
            d.prepare(k.resolution);
        }
        k.parallel(vp -> {
            vp.connections.prepare(k.nodeCount, vp.localNeurons);
            for (PlasticGroup g : vp.plastic) {
                g.prepare(k.nodeCount, k.resolution);
            }
            vp.prepare(ring, k.step);
            for (Population p : vp.populations) {
                p.prepare(vp, k.resolution.ms());
            }
        });
        k.memory = StatsCollector.memory(k.localVps);
        k.peakConnectionBytes = Math.max(k.peakConnectionBytes, k.memory.connectionBytes());
        if (k.link != null) {
            boolean[] isNeuron = new boolean[k.nodeCount + 1];
            for (int id = 1; id <= k.nodeCount; id++) {
                isNeuron[id] = k.populationOf[id] != null;
            }
            k.link.index(k.nodeCount, isNeuron, k.vpOf);
        }
        if (k.scheduler == null) {
            k.scheduler = new Scheduler(k.localVps, k.threads, k.generatorsByVp, k.link);
        }
        k.prepared = true;
        k.prepareNanos += System.nanoTime() - t0;
    }
}
