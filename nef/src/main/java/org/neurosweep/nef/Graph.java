package org.neurosweep.nef;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * A network as the simulator schedules it: its objects (ensembles, then nodes, by index), the connections
 * into each, the order in which a step computes them (connections without a synapse first compute their
 * pre object), and the units that must stay in one component (objects joined by connections without a
 * synapse, whose values cross within a step).
 */
final class Graph {
    final List<Object> objects = new ArrayList<>();
    final Map<Object, Integer> id = new IdentityHashMap<>();
    /** Object ids in the order a step computes them. */
    final int[] order;
    /** Each object's depth in the chain of synapse-less connections (0: reads only delayed values). */
    final int[] level;
    final int[] unitOf;
    final int units;

    Graph(Network net) {
        objects.addAll(net.ensembles);
        objects.addAll(net.nodes);
        for (int i = 0; i < objects.size(); i++) {
            id.put(objects.get(i), i);
        }
        int n = objects.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        List<List<Integer>> next = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            next.add(new ArrayList<>());
        }
        int[] waiting = new int[n];
        for (Connection c : net.connections) {
            int a = id.get(c.pre);
            int b = id.get(c.post);
            if (c.synapse == 0) {
                next.get(a).add(b);
                waiting[b]++;
                parent[find(parent, a)] = find(parent, b);
            }
        }
        order = new int[n];
        level = new int[n];
        PriorityQueue<Integer> ready = new PriorityQueue<>();
        for (int i = 0; i < n; i++) {
            if (waiting[i] == 0) {
                ready.add(i);
            }
        }
        int k = 0;
        while (!ready.isEmpty()) {
            int o = ready.poll();
            order[k++] = o;
            for (int b : next.get(o)) {
                level[b] = Math.max(level[b], level[o] + 1);
                if (--waiting[b] == 0) {
                    ready.add(b);
                }
            }
        }
        if (k < n) {
            StringBuilder loop = new StringBuilder();
            for (Connection c : net.connections) {
                if (c.synapse == 0 && waiting[id.get(c.post)] > 0 && waiting[id.get(c.pre)] > 0) {
                    loop.append(loop.length() == 0 ? "" : "; ").append(c);
                }
            }
            throw new NefException("an algebraic loop: connections without a synapse form a cycle (" + loop
                    + "); give one of them a synapse (> 0 s), which adds one step of delay");
        }
        unitOf = new int[n];
        int[] unitOfRoot = new int[n];
        java.util.Arrays.fill(unitOfRoot, -1);
        int u = 0;
        for (int i = 0; i < n; i++) {
            int r = find(parent, i);
            if (unitOfRoot[r] < 0) {
                unitOfRoot[r] = u++;
            }
            unitOf[i] = unitOfRoot[r];
        }
        units = u;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** The load of each unit: its neurons, and one for each node. */
    long[] unitNeurons() {
        long[] s = new long[units];
        for (int i = 0; i < objects.size(); i++) {
            s[unitOf[i]] += objects.get(i) instanceof Ensemble e ? e.neurons : 1;
        }
        return s;
    }
}
