package org.neurosweep.simulator;

import java.util.Arrays;

/**
 * Node ids (from 1), as returned by {@link Kernel#create}. Usually a contiguous range; slices and
 * concatenations keep the order given.
 */
public final class NodeCollection {
    private final int[] ids;

    private NodeCollection(int[] ids) {
        this.ids = ids;
    }

    /** The ids first..last inclusive. */
    static NodeCollection range(int first, int last) {
        int[] ids = new int[last - first + 1];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = first + i;
        }
        return new NodeCollection(ids);
    }

    /** Nodes by id. */
    public static NodeCollection of(int... ids) {
        for (int id : ids) {
            if (id < 1) {
                throw new BadParameterException("node id " + id + " is not valid; ids start at 1");
            }
        }
        return new NodeCollection(ids.clone());
    }

    public int size() {
        return ids.length;
    }

    public int id(int index) {
        return ids[index];
    }

    public int first() {
        return ids[0];
    }

    public int[] ids() {
        return ids.clone();
    }

    int[] idsUnsafe() {
        return ids;
    }

    /** Elements from (inclusive) to (exclusive), as Python's nodes[from:to]. */
    public NodeCollection slice(int from, int to) {
        if (from < 0 || to > ids.length || from > to) {
            throw new BadParameterException("slice [" + from + ", " + to + ") is outside a collection of " + ids.length);
        }
        return new NodeCollection(Arrays.copyOfRange(ids, from, to));
    }

    /** This collection followed by another, as NEST's {@code a + b}. */
    public NodeCollection plus(NodeCollection other) {
        int[] all = Arrays.copyOf(ids, ids.length + other.ids.length);
        System.arraycopy(other.ids, 0, all, ids.length, other.ids.length);
        return new NodeCollection(all);
    }

    @Override
    public String toString() {
        if (ids.length > 0 && ids[ids.length - 1] - ids[0] == ids.length - 1) {
            return "NodeCollection(first=" + ids[0] + ", last=" + ids[ids.length - 1] + ")";
        }
        return "NodeCollection" + Arrays.toString(ids);
    }
}
