package org.neurosweep.simulator;

import java.util.Arrays;

/**
 * Connections made but not yet in a VP's {@link ConnectionTable}, as runs that share one target (with its
 * route bit), weight and delay: most connect rules make a target's connections one after the other
 * (Brunel: 1,250 a run), so a pending connection costs 4 bytes (its source), not 18.
 */
final class PendingConnections {
    int[] source = new int[0];
    int size;
    /** Per run: where its sources start, its target (with the route bit), weight and delay. */
    int[] runStart = new int[0];
    int[] runTarget = new int[0];
    double[] runWeight = new double[0];
    char[] runDelay = new char[0];
    int runs;

    /** Makes room for n more connections at once (avoids repeated growth). */
    void reserve(int n) {
        if (size + n > source.length) {
            source = Arrays.copyOf(source, size + n);
        }
    }

    void add(int from, int target, double w, char delay) {
        int last = runs - 1;
        if (runs == 0 || runTarget[last] != target || Double.compare(runWeight[last], w) != 0 || runDelay[last] != delay) {
            startRun(target, w, delay);
        }
        if (size == source.length) {
            reserve(Math.max(1024, size >> 1));
        }
        source[size++] = from;
    }

    private void startRun(int target, double w, char delay) {
        if (runs == runStart.length) {
            int n = Math.max(256, runs * 2);
            runStart = Arrays.copyOf(runStart, n);
            runTarget = Arrays.copyOf(runTarget, n);
            runWeight = Arrays.copyOf(runWeight, n);
            runDelay = Arrays.copyOf(runDelay, n);
        }
        runStart[runs] = size;
        runTarget[runs] = target;
        runWeight[runs] = w;
        runDelay[runs] = delay;
        runs++;
    }

    /** Where run r's sources end. */
    int runEnd(int r) {
        return r + 1 < runs ? runStart[r + 1] : size;
    }

    long bytes() {
        return source.length * 4L + runStart.length * (4L + 4 + 8 + 2);
    }
}
