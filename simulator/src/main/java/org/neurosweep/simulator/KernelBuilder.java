package org.neurosweep.simulator;

import java.nio.file.Path;
import org.neurosweep.exchange.Exchange;

/** Kernel settings; each checked when set. */
public final class KernelBuilder {
    private double resolution = 0.1;
    private int threads = 1;
    private int vps;
    private long seed = 12345;
    private Path dataPath = Path.of("");
    private Exchange exchange;
    private Placement placement = Placement.roundRobin();

    KernelBuilder() {
    }

    /** The step (ms), default 0.1. */
    public KernelBuilder resolution(double ms) {
        new Resolution(ms);
        this.resolution = ms;
        return this;
    }

    /** local_num_threads, default 1. */
    public KernelBuilder threads(int n) {
        if (n < 1) {
            throw new KernelStateException("local_num_threads = " + n + " must be at least 1");
        }
        this.threads = n;
        return this;
    }

    /** total_num_virtual_procs, default = threads; results depend only on the seed, never on this. */
    public KernelBuilder virtualProcesses(int n) {
        if (n < 1) {
            throw new KernelStateException("total_num_virtual_procs = " + n + " must be at least 1");
        }
        this.vps = n;
        return this;
    }

    /** The seed of every random stream (rng_seed), default 12345. */
    public KernelBuilder seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** Where recorders with record_to = ascii write their files (data_path), default the working directory. */
    public KernelBuilder dataPath(Path path) {
        this.dataPath = path;
        return this;
    }

    /**
     * Runs the simulation on several processes (NEST's MPI processes): this one is {@code exchange.rank()}
     * of {@code exchange.size()}. Every process builds the same network with the same calls, but only its
     * own VPs' nodes and connections; spikes go between processes once per min_delay slice. Spikes and
     * recorded values are the same whatever the number of processes, threads and VPs.
     * total_num_virtual_procs (default processes x threads) must be a multiple of the processes.
     */
    public KernelBuilder processes(Exchange exchange) {
        if (exchange == null) {
            throw new KernelStateException("processes: the exchange is null; give one (InMemoryExchange, AeronExchange)");
        }
        this.exchange = exchange;
        return this;
    }

    /** Which VP (so which process) each node lives on; default NEST's round robin (node n on VP n % N_vp). */
    public KernelBuilder placement(Placement placement) {
        if (placement == null) {
            throw new KernelStateException("placement is null; use Placement.roundRobin() or Placement.parts(...)");
        }
        this.placement = placement;
        return this;
    }

    public Kernel build() {
        return new Kernel(this);
    }

    double resolution() {
        return resolution;
    }

    int threads() {
        return threads;
    }

    /** 0 when not set: as many as threads. */
    int vps() {
        return vps;
    }

    long seed() {
        return seed;
    }

    Path dataPath() {
        return dataPath;
    }

    Exchange exchange() {
        return exchange;
    }

    Placement placement() {
        return placement;
    }
}
