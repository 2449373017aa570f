package org.neurosweep.simulator;

import java.nio.file.Path;

/** Kernel settings; each checked when set. */
public final class KernelBuilder {
    private double resolution = 0.1;
    private int threads = 1;
    private int vps;
    private long seed = 12345;
    private Path dataPath = Path.of("");

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
}
