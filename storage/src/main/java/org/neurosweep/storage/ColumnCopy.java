package org.neurosweep.storage;

import static hdf.hdf5lib.HDF5Constants.H5P_DEFAULT;

import hdf.hdf5lib.H5;
import hdf.hdf5lib.HDF5Constants;
import hdf.hdf5lib.exceptions.HDF5Exception;
import org.bytedeco.javacpp.BytePointer;

/**
 * Copies a range of a column (one entry per run, stored in chunks of {@value Layout#CHUNK}) from a shard's file
 * to the merged file: whole chunks compressed as they are, the rest value by value. Used by {@link ShardMerge}.
 */
final class ColumnCopy {
    private ColumnCopy() {
    }

    /**
     * Copies entries first..last-1: the chunks the range covers whole as they are (compressed, no value decoded), the
     * range's part of a chunk it shares with a neighbouring shard value by value. Variable-length text is copied
     * value by value throughout: its chunks hold addresses into the source file's global heap.
     */
    static void copyRange(long src, long dst, long first, long last, String what) throws HDF5Exception {
        long dcpl = H5.H5Dget_create_plist(src);
        long[] dims = new long[1];
        try {
            if (H5.H5Pget_layout(dcpl) != HDF5Constants.H5D_CHUNKED || H5.H5Pget_chunk(dcpl, 1, dims) != 1 || dims[0] != Layout.CHUNK) {
                throw new MergeException(what + " is not stored in chunks of " + Layout.CHUNK + " entries");
            }
        } finally {
            H5.H5Pclose(dcpl);
        }
        long length = length(src);
        if (variableLength(src)) { // its chunks hold addresses in the source file's global heap: copied as text
            for (long at = first, to; at < last; at = to) {
                to = Math.min(at - at % Layout.CHUNK + Layout.CHUNK, last);
                copyValues(src, dst, at, to);
            }
            return;
        }
        long[] offset = new long[1];
        long[] size = new long[1];
        int[] filters = new int[1];
        for (long at = first - first % Layout.CHUNK; at < last; at += Layout.CHUNK) {
            long from = Math.max(at, first);
            long to = Math.min(Math.min(at + Layout.CHUNK, length), last);
            if (from > at || to < Math.min(at + Layout.CHUNK, length)) {
                copyValues(src, dst, from, to); // a chunk shared with a neighbouring shard: this shard's part of it
                continue;
            }
            offset[0] = at;
            if (org.bytedeco.hdf5.global.hdf5.H5Dget_chunk_storage_size(src, offset, size) < 0 || size[0] == 0) {
                continue; // never written: the fill value, as in the output
            }
            try (BytePointer buf = new BytePointer(size[0])) {
                if (org.bytedeco.hdf5.global.hdf5.H5Dread_chunk(src, H5P_DEFAULT, offset, filters, buf) < 0
                        || org.bytedeco.hdf5.global.hdf5.H5Dwrite_chunk(dst, H5P_DEFAULT, filters[0], offset, size[0], buf) < 0) {
                    throw new MergeException("copying the chunk at " + at + " of " + what + " failed");
                }
            }
        }
    }

    private static boolean variableLength(long dataset) throws HDF5Exception {
        long type = H5.H5Dget_type(dataset);
        try {
            return H5.H5Tis_variable_str(type) || H5.H5Tget_class(type) == HDF5Constants.H5T_VLEN;
        } finally {
            H5.H5Tclose(type);
        }
    }

    private static long length(long dataset) throws HDF5Exception {
        long space = H5.H5Dget_space(dataset);
        try {
            long[] dims = new long[1];
            H5.H5Sget_simple_extent_dims(space, dims, null);
            return dims[0];
        } finally {
            H5.H5Sclose(space);
        }
    }

    /** Entries from..to-1 read and written in the column's own type (variable-length text as text). */
    private static void copyValues(long src, long dst, long from, long to) throws HDF5Exception {
        int n = (int) (to - from);
        long type = H5.H5Dget_type(src);
        try (Slab slab = Slab.of(src, dst, from, n)) {
            if (H5.H5Tis_variable_str(type)) {
                String[] text = new String[n];
                H5.H5Dread_VLStrings(src, type, slab.mem, slab.in, H5P_DEFAULT, text);
                H5.H5Dwrite_VLStrings(dst, type, slab.mem, slab.out, H5P_DEFAULT, text);
            } else {
                byte[] raw = new byte[n * (int) H5.H5Tget_size(type)];
                H5.H5Dread(src, type, slab.mem, slab.in, H5P_DEFAULT, raw);
                H5.H5Dwrite(dst, type, slab.mem, slab.out, H5P_DEFAULT, raw);
            }
        } finally {
            H5.H5Tclose(type);
        }
    }

    /** Worker codes of entries first..last-1, read, mapped to the output's codes and written. */
    static void recodeWorkers(long src, long dst, long first, long last, int[] map) throws HDF5Exception {
        for (long at = first; at < last; at += Layout.CHUNK) {
            int n = (int) Math.min(Layout.CHUNK, last - at);
            short[] codes = new short[n];
            try (Slab slab = Slab.of(src, dst, at, n)) {
                H5.H5Dread(src, HDF5Constants.H5T_NATIVE_SHORT, slab.mem, slab.in, H5P_DEFAULT, codes);
                for (int i = 0; i < n; i++) {
                    codes[i] = codes[i] < map.length ? (short) map[codes[i]] : codes[i];
                }
                H5.H5Dwrite(dst, HDF5Constants.H5T_NATIVE_SHORT, slab.mem, slab.out, H5P_DEFAULT, codes);
            }
        }
    }

    /** Entries at..at+n-1 of a source and a destination column, and the memory space of n entries. */
    private record Slab(long mem, long in, long out) implements AutoCloseable {
        static Slab of(long src, long dst, long at, int n) throws HDF5Exception {
            long mem = H5.H5Screate_simple(1, new long[] {n}, null);
            long in = H5.H5Dget_space(src);
            long out = H5.H5Dget_space(dst);
            H5.H5Sselect_hyperslab(in, HDF5Constants.H5S_SELECT_SET, new long[] {at}, null, new long[] {n}, null);
            H5.H5Sselect_hyperslab(out, HDF5Constants.H5S_SELECT_SET, new long[] {at}, null, new long[] {n}, null);
            return new Slab(mem, in, out);
        }

        @Override
        public void close() throws HDF5Exception {
            H5.H5Sclose(out);
            H5.H5Sclose(in);
            H5.H5Sclose(mem);
        }
    }
}
