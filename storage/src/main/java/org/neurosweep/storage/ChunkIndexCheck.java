package org.neurosweep.storage;

import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.dataset.chunked.Chunk;
import io.jhdf.dataset.chunked.ChunkedDatasetBase;
import io.jhdf.exceptions.HdfException;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * Checks the chunk index of the trajectory's columns. The version-1 B-trees that index chunks carry no
 * checksum, and jHDF trusts them: a chunk whose key lost a bit sits at a position outside the column, or
 * off the chunk grid, and jHDF reads the column as if that chunk were never written (zeros, empty texts);
 * a set filter-mask bit makes it skip the decompression. Either way a damaged file would read as other
 * numbers. neurosweep writes every chunk on the grid, inside the column, with every filter applied.
 */
final class ChunkIndexCheck {
    private static final String[] COLUMN_GROUPS = {Layout.OVERVIEW + "/" + Layout.RUNS, Layout.OVERVIEW + "/" + Layout.FAILURES,
        Layout.OVERVIEW + "/" + Layout.EXPLORED, "results/" + Layout.SUMMARY, "derived_parameters/" + Layout.SUMMARY};
    private static final Method CHUNK_LOOKUP = chunkLookup();

    private ChunkIndexCheck() {
    }

    /** jHDF keeps a chunked dataset's index behind a protected method; null if this jHDF has none. */
    private static Method chunkLookup() {
        try {
            Method m = ChunkedDatasetBase.class.getDeclaredMethod("getChunkLookup");
            m.setAccessible(true);
            return m;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** Throws (an IllegalStateException, which the reader reports as damage) if a column's chunk index is unsound. */
    static void requireSound(TrajectoryReader reader, long fileSize) {
        if (CHUNK_LOOKUP == null) {
            return;
        }
        for (String groupPath : COLUMN_GROUPS) {
            Map<String, Node> columns;
            try {
                columns = reader.find(groupPath) instanceof Group g ? Nodes.children(g) : Map.of();
            } catch (HdfException unreadable) {
                continue; // said when the columns are read: the others still read (ls shows what is left)
            }
            for (Node n : columns.values()) {
                if (n instanceof ChunkedDatasetBase d) {
                    try {
                        check(d, fileSize);
                    } catch (HdfException unreadable) {
                        // the same
                    }
                }
            }
        }
    }

    private static void check(ChunkedDatasetBase d, long fileSize) {
        Map<?, ?> lookup;
        try {
            lookup = (Map<?, ?>) CHUNK_LOOKUP.invoke(d);
        } catch (ReflectiveOperationException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(String.valueOf(e.getCause()), e);
        }
        int[] chunk = d.getChunkDimensions();
        long[] dims = ((Dataset) d).getDimensionsAsLong();
        for (Object o : lookup.values()) {
            Chunk c = (Chunk) o;
            long[] at = c.getChunkOffset();
            for (int i = 0; i < dims.length; i++) {
                if (at[i] < 0 || at[i] % chunk[i] != 0 || at[i] >= Math.max(dims[i], 1)) {
                    throw new IllegalStateException("the chunk index of " + d.getPath() + " is damaged: a chunk at " + at[i]
                            + ", outside the column's " + dims[i] + " entries or off its grid of " + chunk[i]);
                }
            }
            if (!c.getFilterMask().isEmpty() || c.getSize() <= 0 || c.getAddress() < 0 || c.getAddress() + c.getSize() > fileSize) {
                throw new IllegalStateException("the chunk index of " + d.getPath() + " is damaged: a chunk of " + c.getSize()
                        + " bytes at address " + c.getAddress() + " with filter mask " + c.getFilterMask());
            }
        }
    }
}
