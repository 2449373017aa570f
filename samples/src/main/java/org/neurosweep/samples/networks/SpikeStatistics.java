package org.neurosweep.samples.networks;

import org.neurosweep.simulator.NodeCollection;
import org.neurosweep.simulator.devices.SpikeEvents;

/**
 * Rates, irregularity and synchrony of one population's spikes in an analysis window [from, to), the
 * start-up transient excluded.
 *
 * @param neurons the population's size
 * @param spikes  spikes in the window
 * @param rateHz  mean firing rate over the population's neurons (Hz)
 * @param cvIsi   mean coefficient of variation of the inter-spike intervals in the window, over neurons with
 *                at least 3 spikes there (NaN if none has)
 * @param cvs     each such neuron's CV (for a histogram)
 * @param isis    every inter-spike interval in the window (ms)
 * @param binMs   the bin of {@code counts} (ms)
 * @param counts  the population's spike count in each bin of the window
 */
public record SpikeStatistics(int neurons, long spikes, double rateHz, double cvIsi, double[] cvs, double[] isis,
                              double binMs, long[] counts) {

    /** Statistics of {@code neurons} in [fromMs, toMs), the population's spikes counted in bins of {@code binMs}. */
    public static SpikeStatistics of(SpikeEvents events, NodeCollection neurons, double fromMs, double toMs, double binMs) {
        if (!(toMs > fromMs) || !(binMs > 0)) {
            throw new IllegalArgumentException("analysis window [" + fromMs + ", " + toMs + ") ms with bins of " + binMs
                    + " ms: the window must be non-empty and the bin positive");
        }
        Members m = Members.of(neurons);
        int first = m.first();
        int[] count = new int[m.member().length];
        double[] lastTime = new double[count.length];
        double[] sum = new double[count.length];
        double[] sumSq = new double[count.length];
        double[] isis = new double[events.size()];
        int isiCount = 0;
        int bins = Math.max(1, (int) Math.floor((toMs - fromMs) / binMs + 1e-9));
        long[] binCounts = new long[bins];
        long total = 0;
        for (int k = 0; k < events.size(); k++) {
            int id = events.senders()[k];
            double t = events.times()[k];
            if (!m.contains(id) || t < fromMs || t >= toMs) {
                continue;
            }
            int i = id - first;
            if (count[i] > 0) {
                double isi = t - lastTime[i];
                sum[i] += isi;
                sumSq[i] += isi * isi;
                isis[isiCount++] = isi;
            }
            lastTime[i] = t;
            count[i]++;
            total++;
            int b = (int) Math.floor((t - fromMs) / binMs);
            if (b < bins) {
                binCounts[b]++;
            }
        }
        double[] cvs = new double[count.length];
        int cvNeurons = 0;
        double cvSum = 0;
        for (int i = 0; i < count.length; i++) {
            if (count[i] >= 3) {
                int intervals = count[i] - 1;
                double mean = sum[i] / intervals;
                double var = Math.max(0, sumSq[i] / intervals - mean * mean);
                cvs[cvNeurons] = Math.sqrt(var) / mean;
                cvSum += cvs[cvNeurons++];
            }
        }
        int n = neurons.size();
        double rate = total / (double) n / ((toMs - fromMs) / 1000.0);
        return new SpikeStatistics(n, total, rate, cvNeurons == 0 ? Double.NaN : cvSum / cvNeurons,
                java.util.Arrays.copyOf(cvs, cvNeurons), java.util.Arrays.copyOf(isis, isiCount), binMs, binCounts);
    }

    /**
     * The modulation of the population rate in bins of {@code syncBinMs} (a whole number of {@link #binMs}):
     * the standard deviation of the population spike count per bin with the counting (Poisson) noise
     * removed, over its mean, sqrt(max(0, var - mean)) / mean. 0 when neurons fire independently, whatever
     * their number (the Fano factor of the same counts is 1 + (N - 1) c for N neurons with count correlation
     * c, so it grows with N and is never near 1 in a network of 12,500); 1 when the rate's fluctuations are
     * as large as its mean. NaN without spikes.
     */
    public double sync(double syncBinMs) {
        int k = Math.max(1, (int) Math.round(syncBinMs / binMs));
        int bins = counts.length / k;
        if (bins == 0) {
            return Double.NaN;
        }
        long[] coarse = new long[bins];
        for (int b = 0; b < bins * k; b++) {
            coarse[b / k] += counts[b];
        }
        return modulation(coarse);
    }

    /**
     * How periodic the population rate is: the highest autocorrelation of the population spike count (bins
     * of {@link #binMs}) at a lag from {@code minLagMs} to {@code maxLagMs} past its first minimum, the
     * height of its first side peak. About 0 for a steady rate with noise (a damped oscillation gives a
     * small bump), near 1 for a rate oscillating at one frequency. NaN without spikes.
     */
    public double coherence(double minLagMs, double maxLagMs) {
        int n = counts.length;
        double mean = 0;
        for (long c : counts) {
            mean += c;
        }
        mean /= n;
        int maxLag = Math.min(n / 2, (int) Math.round(maxLagMs / binMs));
        if (mean == 0 || maxLag < 2) {
            return Double.NaN;
        }
        double[] ac = new double[maxLag + 1];
        for (int lag = 0; lag <= maxLag; lag++) {
            double sum = 0;
            for (int i = 0; i + lag < n; i++) {
                sum += (counts[i] - mean) * (counts[i + lag] - mean);
            }
            ac[lag] = sum / (n - lag);
        }
        if (ac[0] == 0) {
            return 0;
        }
        int lag = 1;
        while (lag < maxLag && !(ac[lag] <= ac[lag - 1] && ac[lag] <= ac[lag + 1])) {
            lag++;
        }
        double best = Double.NEGATIVE_INFINITY;
        for (int l = Math.max(lag, (int) Math.ceil(minLagMs / binMs - 1e-9)); l <= maxLag; l++) {
            best = Math.max(best, ac[l] / ac[0]);
        }
        return best == Double.NEGATIVE_INFINITY ? 0 : Math.max(0, Math.min(1, best));
    }

    /** sqrt(max(0, var - mean)) / mean of the counts: the population rate's modulation beyond counting noise. */
    static double modulation(long[] counts) {
        double mean = 0;
        for (long c : counts) {
            mean += c;
        }
        mean /= counts.length;
        if (mean == 0) {
            return Double.NaN;
        }
        double var = 0;
        for (long c : counts) {
            var += (c - mean) * (c - mean);
        }
        var /= counts.length;
        return Math.sqrt(Math.max(0, var - mean)) / mean;
    }

    /**
     * The population rate (Hz per neuron) of {@code neurons} in bins of {@code binMs} from 0 to {@code toMs}:
     * spikes in the bin over the population size and the bin's length.
     */
    public static double[] populationRate(SpikeEvents events, NodeCollection neurons, double toMs, double binMs) {
        Members m = Members.of(neurons);
        int bins = Math.max(1, (int) Math.ceil(toMs / binMs - 1e-9));
        double[] rate = new double[bins];
        double perSpike = 1000.0 / (neurons.size() * binMs);
        for (int k = 0; k < events.size(); k++) {
            if (!m.contains(events.senders()[k])) {
                continue;
            }
            int b = (int) Math.floor(events.times()[k] / binMs);
            if (b >= 0 && b < bins) {
                rate[b] += perSpike;
            }
        }
        return rate;
    }

    /** Which ids belong to a collection: a flag per id from the smallest to the largest. */
    private record Members(int first, boolean[] member) {
        static Members of(NodeCollection neurons) {
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
            return new Members(first, member);
        }

        boolean contains(int id) {
            return id >= first && id < first + member.length && member[id - first];
        }
    }
}
