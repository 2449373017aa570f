package org.neurosweep.exchange;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Places whole parts of a model (populations, ensembles) into components, as nengo_mpi's partitioner
 * does: by balancing their sizes, by also keeping the traffic between components small, or as the user
 * says. Components are independent of processes: component c runs on process {@code c % processes}.
 * Every method is deterministic (the same input gives the same placement on every process).
 */
public final class Partitioner {
    private Partitioner() {
    }

    /** Traffic between parts {@code a} and {@code b} (connections, or decoded dimensions), in either direction. */
    public record Edge(int a, int b, long weight) {
    }

    /**
     * Largest part first into the lightest component (ties: the lower number): sizes balanced within the
     * largest part of the best.
     *
     * @return the component of each part
     */
    public static int[] balanced(long[] sizes, int components) {
        check(sizes, components);
        int[] of = new int[sizes.length];
        long[] load = new long[components];
        for (int part : bySizeDescending(sizes)) {
            int best = 0;
            for (int c = 1; c < components; c++) {
                if (load[c] < load[best]) {
                    best = c;
                }
            }
            of[part] = best;
            load[best] += sizes[part];
        }
        return of;
    }

    /**
     * Few crossing edges, loads within {@code imbalance} of the mean: each component may hold at most
     * {@code (1 + imbalance) * total / components}, or the largest part if that is more. Starts from
     * {@link #balanced} and improves the cut by single moves and pairwise swaps (as Fiduccia–Mattheyses,
     * greedily, best gain first) until no step gains.
     *
     * @return the component of each part
     */
    public static int[] minimumCut(long[] sizes, Edge[] edges, int components, double imbalance) {
        check(sizes, components);
        if (!(imbalance >= 0) || Double.isInfinite(imbalance)) {
            throw new IllegalArgumentException("imbalance = " + imbalance + " must be a finite number >= 0 (0.1: loads within 10% of the mean)");
        }
        for (Edge e : edges) {
            if (e.a() < 0 || e.a() >= sizes.length || e.b() < 0 || e.b() >= sizes.length) {
                throw new IllegalArgumentException("edge " + e + " names a part outside 0.." + (sizes.length - 1));
            }
            if (e.weight() < 0) {
                throw new IllegalArgumentException("edge " + e + " has a negative weight");
            }
        }
        int n = sizes.length;
        long[][] w = new long[n][n];
        for (Edge e : edges) {
            if (e.a() != e.b()) {
                w[e.a()][e.b()] += e.weight();
                w[e.b()][e.a()] += e.weight();
            }
        }
        long total = Arrays.stream(sizes).sum();
        long largest = Arrays.stream(sizes).max().orElse(0);
        long cap = Math.max(largest, (long) Math.floor((1 + imbalance) * total / components));
        int[] of = balanced(sizes, components);
        long[] load = new long[components];
        for (int p = 0; p < n; p++) {
            load[of[p]] += sizes[p];
        }
        boolean improved = true;
        while (improved) {
            improved = false;
            long bestGain = 0;
            int bestPart = -1;
            int bestTo = -1;
            int bestSwap = -1;
            for (int p = 0; p < n; p++) {
                for (int c = 0; c < components; c++) {
                    if (c == of[p]) {
                        continue;
                    }
                    long gain = link(w, of, p, c) - link(w, of, p, of[p]);
                    if (load[c] + sizes[p] <= cap && gain > bestGain) {
                        bestGain = gain;
                        bestPart = p;
                        bestTo = c;
                        bestSwap = -1;
                    }
                }
                for (int q = p + 1; q < n; q++) {
                    int cp = of[p];
                    int cq = of[q];
                    if (cp == cq || load[cp] - sizes[p] + sizes[q] > cap || load[cq] - sizes[q] + sizes[p] > cap) {
                        continue;
                    }
                    long gain = link(w, of, p, cq) - link(w, of, p, cp) + link(w, of, q, cp) - link(w, of, q, cq) - 2 * w[p][q];
                    if (gain > bestGain) {
                        bestGain = gain;
                        bestPart = p;
                        bestTo = cq;
                        bestSwap = q;
                    }
                }
            }
            if (bestPart >= 0) {
                int from = of[bestPart];
                load[from] -= sizes[bestPart];
                load[bestTo] += sizes[bestPart];
                of[bestPart] = bestTo;
                if (bestSwap >= 0) {
                    load[bestTo] -= sizes[bestSwap];
                    load[from] += sizes[bestSwap];
                    of[bestSwap] = from;
                }
                improved = true;
            }
        }
        return of;
    }

    /** The user's own placement, checked: one component per part, each in 0..components-1. */
    public static int[] explicit(int[] componentOf, int components) {
        if (components < 1) {
            throw new IllegalArgumentException("components = " + components + " must be at least 1");
        }
        for (int p = 0; p < componentOf.length; p++) {
            if (componentOf[p] < 0 || componentOf[p] >= components) {
                throw new IllegalArgumentException("part " + p + " is assigned to component " + componentOf[p]
                        + "; components are 0.." + (components - 1));
            }
        }
        return componentOf.clone();
    }

    /** The summed weight of the edges whose ends are in different components. */
    public static long cut(int[] componentOf, Edge[] edges) {
        long cut = 0;
        for (Edge e : edges) {
            cut += componentOf[e.a()] != componentOf[e.b()] ? e.weight() : 0;
        }
        return cut;
    }

    /** The summed size of each component's parts. */
    public static long[] loads(long[] sizes, int[] componentOf, int components) {
        long[] load = new long[components];
        for (int p = 0; p < sizes.length; p++) {
            load[componentOf[p]] += sizes[p];
        }
        return load;
    }

    /** The process of each part when components are spread round robin over {@code processes}. */
    public static int[] onProcesses(int[] componentOf, int processes) {
        if (processes < 1) {
            throw new IllegalArgumentException("processes = " + processes + " must be at least 1");
        }
        return Arrays.stream(componentOf).map(c -> c % processes).toArray();
    }

    /** The weight between part p and the parts in component c. */
    private static long link(long[][] w, int[] of, int p, int c) {
        long sum = 0;
        for (int q = 0; q < of.length; q++) {
            if (q != p && of[q] == c) {
                sum += w[p][q];
            }
        }
        return sum;
    }

    private static int[] bySizeDescending(long[] sizes) {
        return IntStream.range(0, sizes.length).boxed()
                .sorted(Comparator.<Integer>comparingLong(p -> -sizes[p]).thenComparingInt(p -> p))
                .mapToInt(Integer::intValue).toArray();
    }

    private static void check(long[] sizes, int components) {
        if (components < 1) {
            throw new IllegalArgumentException("components = " + components + " must be at least 1");
        }
        for (int p = 0; p < sizes.length; p++) {
            if (sizes[p] < 1) {
                throw new IllegalArgumentException("part " + p + " has size " + sizes[p] + "; sizes must be at least 1");
            }
        }
    }
}
