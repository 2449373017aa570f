package org.neurosweep.nef.networks;

import org.neurosweep.exchange.Exchange;
import org.neurosweep.nef.DecoderCache;
import org.neurosweep.nef.Network;
import org.neurosweep.nef.Partition;
import org.neurosweep.nef.Simulator;

/**
 * How a reference network is built and run: decoder cache (null: none), the optimizer, threads, a partition
 * (null: equal neurons over processes x threads), and the exchange joining processes (null: one process).
 */
public record RunOptions(DecoderCache cache, boolean optimize, int threads, Partition partition, Exchange exchange) {
    /** No cache, optimizer on, one thread, one process. */
    public static RunOptions defaults() {
        return new RunOptions(null, true, 1, null, null);
    }

    public RunOptions withCache(DecoderCache c) {
        return new RunOptions(c, optimize, threads, partition, exchange);
    }

    public RunOptions withOptimize(boolean on) {
        return new RunOptions(cache, on, threads, partition, exchange);
    }

    public RunOptions withThreads(int t) {
        return new RunOptions(cache, optimize, t, partition, exchange);
    }

    public RunOptions withPartition(Partition p) {
        return new RunOptions(cache, optimize, threads, p, exchange);
    }

    public RunOptions withExchange(Exchange e) {
        return new RunOptions(cache, optimize, threads, partition, e);
    }

    /** A simulator of {@code net} at dt = 1 ms with these options. */
    public Simulator simulator(Network net) {
        Simulator.Builder b = Simulator.builder(net).cache(cache).optimize(optimize).threads(threads).processes(exchange);
        if (partition != null) {
            b.partition(partition);
        }
        return b.build();
    }
}
