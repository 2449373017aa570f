package org.neurosweep.simulator;

/**
 * NEST's virtual processes: {@code total_num_virtual_procs} VPs over the processes, VP v on process
 * v % processes, each process's VPs run by its {@code local_num_threads} threads.
 */
final class VpLayout {
    private VpLayout() {
    }

    /** Refuses a layout NEST refuses: fewer than one thread, VPs not a multiple of the processes, fewer VPs than threads. */
    static void check(int threads, int vps, int processes) {
        if (threads < 1) {
            throw new KernelStateException("local_num_threads = " + threads + " must be at least 1");
        }
        if (vps % processes != 0) {
            throw new KernelStateException("total_num_virtual_procs = " + vps + " must be a multiple of the number of processes "
                    + processes + " (NEST's rule: VP v lives on process v % processes)");
        }
        if (vps / processes < threads) {
            throw new KernelStateException("total_num_virtual_procs = " + vps + (processes == 1 ? "" : " over " + processes
                    + " processes (" + vps / processes + " each)") + " must be at least local_num_threads = " + threads
                    + (processes == 1 ? "" : " per process"));
        }
    }

    /** Every VP, empty; those of process {@code rank} marked local. */
    static VirtualProcess[] vps(int n, int processes, int rank, Resolution resolution) {
        VirtualProcess[] vps = new VirtualProcess[n];
        for (int v = 0; v < n; v++) {
            vps[v] = new VirtualProcess(v);
            vps[v].resolution = resolution;
            vps[v].local = v % processes == rank;
        }
        return vps;
    }

    /** This process's VPs, in order: local VP i is VP rank + i * processes. */
    static VirtualProcess[] local(VirtualProcess[] vps, int processes) {
        VirtualProcess[] local = new VirtualProcess[vps.length / processes];
        for (VirtualProcess vp : vps) {
            if (vp.local) {
                local[vp.index / processes] = vp;
            }
        }
        return local;
    }
}
