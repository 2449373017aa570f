package org.neurosweep.storage;

import hdf.hdf5lib.exceptions.HDF5Exception;
import io.jhdf.api.Attribute;
import io.jhdf.api.Node;
import java.util.Optional;

/**
 * The attributes on {@code overview} that make a file a shard (see {@code docs/shards.md}): which shard of
 * how many ({@value #SHARD}, "K/N"), its runs ({@value #FIRST} inclusive, {@value #LAST} exclusive), the
 * runs of the whole sweep ({@value #SWEEP_RUNS}) and the sweep's identity ({@value #SWEEP_ID}, see
 * {@link Shard#sweepId}). A file without them is a whole sweep.
 */
final class ShardAttributes {
    static final String SHARD = "shard";
    static final String FIRST = "shard_first";
    static final String LAST = "shard_last";
    static final String SWEEP_RUNS = "sweep_runs";
    static final String SWEEP_ID = "sweep_id";

    private ShardAttributes() {
    }

    /** Writes the attributes on the overview group (native library; the caller flushes). */
    static void write(long overview, Shard shard, String sweepId) throws HDF5Exception {
        Hdf5.setStringAttribute(overview, SHARD, shard.label());
        Hdf5.setLongAttribute(overview, FIRST, shard.first());
        Hdf5.setLongAttribute(overview, LAST, shard.last());
        Hdf5.setLongAttribute(overview, SWEEP_RUNS, shard.sweepRuns());
        Hdf5.setStringAttribute(overview, SWEEP_ID, sweepId);
    }

    /** The shard a file holds, or empty for a whole sweep (jHDF). */
    static Optional<Shard> read(Node overview) {
        if (overview.getAttribute(SHARD) == null) {
            return Optional.empty();
        }
        Shard.Spec spec = Shard.parse(Nodes.stringAttribute(overview, SHARD));
        return Optional.of(new Shard(spec.k(), spec.n(), number(overview, FIRST), number(overview, LAST),
                number(overview, SWEEP_RUNS)));
    }

    /** The sweep's identity, or null for a file that is not a shard. */
    static String sweepId(Node overview) {
        return overview.getAttribute(SWEEP_ID) == null ? null : Nodes.stringAttribute(overview, SWEEP_ID);
    }

    private static long number(Node n, String name) {
        Attribute a = n.getAttribute(name);
        if (a == null) {
            throw new IllegalStateException(n.getPath() + " has no attribute '" + name + "'"); // damaged: reading() says so
        }
        return ((Number) a.getData()).longValue();
    }
}
