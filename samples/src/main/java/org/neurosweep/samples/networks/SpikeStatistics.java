package org.neurosweep.samples.networks;

import org.neurosweep.simulator.NodeCollection;
import org.neurosweep.simulator.SpikeEvents;

/**
 * Rates, irregularity and synchrony of recorded spikes.
 *
 * @param spikes         spikes of the neurons considered
 * @param rateHz         mean firing rate over the neurons (Hz)
 * @param cvIsi          mean coefficient of variation of the inter-spike intervals, over neurons with at
 *                       least 3 spikes (NaN if none has)
 * @param fanoFactor     variance over mean of the population spike count in 1 ms bins: about 1 for
 *                       asynchronous firing, much larger for synchronous firing (NaN without spikes)
 */
public record SpikeStatistics(long spikes, double rateHz, double cvIsi, double fanoFactor) {

    /** Statistics of the neurons in {@code neurons} over {@code durationMs}. */
    public static SpikeStatistics of(SpikeEvents events, NodeCollection neurons, double durationMs) {
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        for (int id : neurons.ids()) {
            first = Math.min(first, id);
            last = Math.max(last, id);
        }
        boolean[] member = new boolean[last - first + 1];
        for (int id : neurons.ids()) {
            member[id - first] = true;
        }
        int n = neurons.size();
        int[] count = new int[member.length];
        double[] lastTime = new double[member.length];
        double[] sum = new double[member.length];
        double[] sumSq = new double[member.length];
        int bins = Math.max(1, (int) Math.ceil(durationMs));
        long[] binCounts = new long[bins];
        long total = 0;
        for (int k = 0; k < events.size(); k++) {
            int id = events.senders()[k];
            if (id < first || id > last || !member[id - first]) {
                continue;
            }
            int i = id - first;
            double t = events.times()[k];
            if (count[i] > 0) {
                double isi = t - lastTime[i];
                sum[i] += isi;
                sumSq[i] += isi * isi;
            }
            lastTime[i] = t;
            count[i]++;
            total++;
            binCounts[Math.min(bins - 1, (int) Math.floor(Math.max(0, t - 1e-9)))]++;
        }
        double cvSum = 0;
        int cvNeurons = 0;
        for (int i = 0; i < member.length; i++) {
            if (count[i] >= 3) {
                int intervals = count[i] - 1;
                double mean = sum[i] / intervals;
                double var = sumSq[i] / intervals - mean * mean;
                cvSum += Math.sqrt(Math.max(0, var)) / mean;
                cvNeurons++;
            }
        }
        double binMean = 0;
        for (long c : binCounts) {
            binMean += c;
        }
        binMean /= bins;
        double binVar = 0;
        for (long c : binCounts) {
            binVar += (c - binMean) * (c - binMean);
        }
        binVar /= bins;
        double rate = n == 0 || durationMs <= 0 ? 0 : total / (double) n / (durationMs / 1000.0);
        return new SpikeStatistics(total, rate, cvNeurons == 0 ? Double.NaN : cvSum / cvNeurons,
                binMean == 0 ? Double.NaN : binVar / binMean);
    }
}
