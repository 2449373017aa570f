package org.neurosweep.simulator;

import java.util.Arrays;

/**
 * Inputs from generator devices to the neurons of one VP, grouped by target: for local neuron n, entries
 * {@code start[n]..start[n+1]}. Each entry is one connection with one long of state: its random stream
 * (poisson_generator, noise_generator), or where it is in its generator's spikes (spike_generator).
 */
final class DeviceInputs {
    int[] start = new int[1];
    Object[] source = new Object[0];
    double[] weight = new double[0];
    int[] delay = new int[0];
    long[] state = new long[0];
    int size;

    private int[] pendingTarget = new int[0];
    private Object[] pendingSource = new Object[0];
    private double[] pendingWeight = new double[0];
    private int[] pendingDelay = new int[0];
    private long[] pendingState = new long[0];
    private int pending;

    boolean isEmpty() {
        return size == 0 && pending == 0;
    }

    void add(int target, Object src, double w, int delaySteps, long rngState) {
        if (pending == pendingTarget.length) {
            int n = Math.max(16, pending * 2);
            pendingTarget = Arrays.copyOf(pendingTarget, n);
            pendingSource = Arrays.copyOf(pendingSource, n);
            pendingWeight = Arrays.copyOf(pendingWeight, n);
            pendingDelay = Arrays.copyOf(pendingDelay, n);
            pendingState = Arrays.copyOf(pendingState, n);
        }
        pendingTarget[pending] = target;
        pendingSource[pending] = src;
        pendingWeight[pending] = w;
        pendingDelay[pending] = delaySteps;
        pendingState[pending] = rngState;
        pending++;
    }

    /** Merges pending entries into the table grouped by target (stable: older entries first). */
    void prepare(int localNeurons) {
        if (pending == 0 && start.length == localNeurons + 1) {
            return;
        }
        int[] count = new int[localNeurons + 1];
        int oldTargets = start.length - 1;
        for (int n = 0; n < oldTargets; n++) {
            count[n] += start[n + 1] - start[n];
        }
        for (int i = 0; i < pending; i++) {
            count[pendingTarget[i]]++;
        }
        int[] newStart = new int[localNeurons + 1];
        for (int n = 0; n < localNeurons; n++) {
            newStart[n + 1] = newStart[n] + count[n];
        }
        int total = newStart[localNeurons];
        Object[] src = new Object[total];
        double[] w = new double[total];
        int[] d = new int[total];
        long[] st = new long[total];
        int[] fill = Arrays.copyOf(newStart, localNeurons);
        for (int n = 0; n < oldTargets; n++) {
            for (int c = start[n]; c < start[n + 1]; c++) {
                int at = fill[n]++;
                src[at] = source[c];
                w[at] = weight[c];
                d[at] = delay[c];
                st[at] = state[c];
            }
        }
        for (int i = 0; i < pending; i++) {
            int at = fill[pendingTarget[i]]++;
            src[at] = pendingSource[i];
            w[at] = pendingWeight[i];
            d[at] = pendingDelay[i];
            st[at] = pendingState[i];
        }
        start = newStart;
        source = src;
        weight = w;
        delay = d;
        state = st;
        size = total;
        pending = 0;
    }

    long bytes() {
        return start.length * 4L + size * (8L + 8 + 4 + 8);
    }
}
