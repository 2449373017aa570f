package org.neurosweep.simulator;

import java.util.Arrays;

/**
 * Which virtual process each node lives on. VP {@code v} lives on process {@code v % P} (NEST's rule), so
 * placing a node on a VP places it on a process. Placement decides where work runs, never what is
 * computed: random streams are keyed by node and connection and spikes are delivered in one canonical
 * order, so spikes and recorded values are the same for every placement.
 *
 * <ul>
 *   <li>{@link #roundRobin()}: node {@code n} on VP {@code n % N_vp}, as NEST (the default);</li>
 *   <li>{@link #parts}: whole populations on chosen processes (nengo_mpi's partitions): the nodes of part
 *       k, spread round robin over the VPs of process {@code process[k]}. Parts are consecutive id ranges in
 *       creation order, as {@code create} numbers nodes; nodes after the last part are placed round robin.</li>
 * </ul>
 */
public final class Placement {
    private final long[] ends;
    private final int[] process;

    private Placement(long[] ends, int[] process) {
        this.ends = ends;
        this.process = process;
    }

    /** Node n on VP n % N_vp. */
    public static Placement roundRobin() {
        return new Placement(new long[0], new int[0]);
    }

    /**
     * Part k holds the {@code sizes[k]} nodes after those of parts 0..k-1 (ids from 1) and lives on process
     * {@code processOf[k]}.
     */
    public static Placement parts(int[] sizes, int[] processOf) {
        if (sizes.length != processOf.length) {
            throw new BadParameterException("placement: " + sizes.length + " part sizes but " + processOf.length
                    + " processes; give one process per part");
        }
        long[] ends = new long[sizes.length];
        long end = 0;
        for (int k = 0; k < sizes.length; k++) {
            if (sizes[k] < 1) {
                throw new BadParameterException("placement: part " + k + " has size " + sizes[k] + "; sizes must be at least 1");
            }
            if (processOf[k] < 0) {
                throw new BadParameterException("placement: part " + k + " is on process " + processOf[k]
                        + "; processes are numbered from 0");
            }
            end += sizes[k];
            ends[k] = end;
        }
        return new Placement(ends, processOf.clone());
    }

    /** Checks the placement against the number of processes; a part on a process that does not exist is refused. */
    void check(int processes) {
        for (int k = 0; k < process.length; k++) {
            if (process[k] >= processes) {
                throw new BadParameterException("placement: part " + k + " is on process " + process[k] + ", but there are "
                        + processes + " processes (0.." + (processes - 1) + ")");
            }
        }
    }

    /** Whether this is NEST's round robin. */
    boolean isRoundRobin() {
        return ends.length == 0;
    }

    /** The VP of node {@code id} with {@code nVp} VPs over {@code processes} processes. */
    int vp(int id, int nVp, int processes) {
        if (ends.length == 0 || id > ends[ends.length - 1]) {
            return id % nVp;
        }
        int k = Arrays.binarySearch(ends, id);
        k = k >= 0 ? k : -k - 1; // the first part whose end is at or after id
        long start = k == 0 ? 1 : ends[k - 1] + 1;
        int perProcess = nVp / processes;
        return process[k] + processes * (int) ((id - start) % perProcess);
    }

    @Override
    public String toString() {
        return isRoundRobin() ? "round robin" : "parts " + Arrays.toString(process);
    }
}
