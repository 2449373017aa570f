package org.neurosweep.storage;

import static hdf.hdf5lib.HDF5Constants.H5P_DEFAULT;

import hdf.hdf5lib.H5;
import hdf.hdf5lib.HDF5Constants;
import hdf.hdf5lib.exceptions.HDF5Exception;
import java.util.Arrays;
import org.neurosweep.trajectory.ValueType;

/**
 * A growable 1-D column: chunked ({@value Layout#CHUNK} elements), shuffled and deflated, unlimited in
 * length. Every element up to {@link #length()} has been written (new ranges are filled explicitly with
 * the fill value: NaN, 0, false or ""), so readers that see unwritten chunks as zeros (jHDF) and those
 * that apply the fill value (h5py) read the same numbers.
 *
 * <p>Element types: a scalar {@link ValueType}, or a fixed-length string of {@code fixedBytes} bytes.
 */
final class Column implements AutoCloseable {
    private static final int FILL_BLOCK = 1 << 18;

    private final long dataset;
    private final ValueType type;
    private final int fixedBytes;
    private long length;

    private Column(long dataset, ValueType type, int fixedBytes, long length) {
        this.dataset = dataset;
        this.type = type;
        this.fixedBytes = fixedBytes;
        this.length = length;
    }

    /** Creates a column of {@code length} fill values. */
    static Column create(long parent, String name, ValueType type, int fixedBytes, long length, int deflate)
            throws HDF5Exception {
        long fileType = fixedBytes > 0 ? Hdf5.fixedString(fixedBytes) : Hdf5.fileType(type);
        long space = H5.H5Screate_simple(1, new long[] {0}, new long[] {HDF5Constants.H5S_UNLIMITED});
        long dcpl = H5.H5Pcreate(HDF5Constants.H5P_DATASET_CREATE);
        try {
            H5.H5Pset_chunk(dcpl, 1, new long[] {Layout.CHUNK});
            if (deflate > 0) {
                if (fixedBytes == 0 && type != ValueType.STRING) {
                    // shuffle helps numbers compress; on strings it gains nothing and jHDF cannot undo it
                    H5.H5Pset_shuffle(dcpl);
                }
                H5.H5Pset_deflate(dcpl, deflate);
            }
            if (type == ValueType.DOUBLE) {
                H5.H5Pset_fill_value(dcpl, HDF5Constants.H5T_NATIVE_DOUBLE, new double[] {Double.NaN});
            }
            long dataset = H5.H5Dcreate(parent, name, fileType, space, H5P_DEFAULT, dcpl, H5P_DEFAULT);
            Column c = new Column(dataset, type, fixedBytes, 0);
            c.grow(length);
            return c;
        } finally {
            H5.H5Pclose(dcpl);
            H5.H5Sclose(space);
            if (fixedBytes > 0 || Hdf5.ownsType(type)) {
                H5.H5Tclose(fileType);
            }
        }
    }

    /** Opens an existing column. */
    static Column open(long parent, String name, ValueType type, int fixedBytes) throws HDF5Exception {
        long dataset = H5.H5Dopen(parent, name, H5P_DEFAULT);
        long space = H5.H5Dget_space(dataset);
        try {
            long[] dims = new long[1];
            H5.H5Sget_simple_extent_dims(space, dims, null);
            return new Column(dataset, type, fixedBytes, dims[0]);
        } finally {
            H5.H5Sclose(space);
        }
    }

    ValueType type() {
        return type;
    }

    long length() {
        return length;
    }

    /** Extends the column to {@code newLength} elements, writing fill values into the new range. */
    void grow(long newLength) throws HDF5Exception {
        if (newLength <= length) {
            return;
        }
        long from = length;
        H5.H5Dset_extent(dataset, new long[] {newLength});
        length = newLength;
        for (long start = from; start < newLength; start += FILL_BLOCK) {
            int n = (int) Math.min(FILL_BLOCK, newLength - start);
            write(start, fill(n), n);
        }
    }

    private Object fill(int n) {
        Object buffer = ColumnArrays.allocate(fixedBytes > 0 ? ValueType.STRING : type, n);
        if (buffer instanceof String[] s) {
            Arrays.fill(s, "");
        } else if (buffer instanceof double[] d) {
            Arrays.fill(d, Double.NaN);
        }
        return buffer; // integers and booleans are already 0
    }

    /**
     * Writes {@code count} consecutive elements from {@code first}. {@code values} is a {@code byte[]}
     * (booleans), {@code int[]}, {@code long[]}, {@code double[]} or {@code String[]} of at least
     * {@code count} elements.
     */
    void write(long first, Object values, int count) throws HDF5Exception {
        if (count == 0) {
            return;
        }
        if (first + count > length) {
            throw new StorageException("write past the end of a column: elements " + first + ".." + (first + count - 1)
                    + " of " + length);
        }
        long fileSpace = H5.H5Dget_space(dataset);
        long memSpace = H5.H5Screate_simple(1, new long[] {count}, null);
        long memType = fixedBytes > 0 ? Hdf5.fixedString(fixedBytes) : Hdf5.memoryType(type);
        try {
            H5.H5Sselect_hyperslab(fileSpace, HDF5Constants.H5S_SELECT_SET, new long[] {first}, null,
                    new long[] {count}, null);
            if (fixedBytes > 0) {
                H5.H5Dwrite(dataset, memType, memSpace, fileSpace, H5P_DEFAULT,
                        Hdf5.packFixed((String[]) values, count, fixedBytes));
            } else if (values instanceof byte[] b) {
                H5.H5Dwrite(dataset, memType, memSpace, fileSpace, H5P_DEFAULT, exact(b, count));
            } else if (values instanceof int[] a) {
                H5.H5Dwrite_int(dataset, memType, memSpace, fileSpace, H5P_DEFAULT, count == a.length ? a : Arrays.copyOf(a, count));
            } else if (values instanceof long[] a) {
                H5.H5Dwrite_long(dataset, memType, memSpace, fileSpace, H5P_DEFAULT, count == a.length ? a : Arrays.copyOf(a, count));
            } else if (values instanceof double[] a) {
                H5.H5Dwrite_double(dataset, memType, memSpace, fileSpace, H5P_DEFAULT, count == a.length ? a : Arrays.copyOf(a, count));
            } else {
                String[] s = (String[]) values;
                H5.H5Dwrite_VLStrings(dataset, memType, memSpace, fileSpace, H5P_DEFAULT, count == s.length ? s : Arrays.copyOf(s, count));
            }
        } finally {
            if (fixedBytes > 0 || Hdf5.ownsType(type)) {
                H5.H5Tclose(memType);
            }
            H5.H5Sclose(memSpace);
            H5.H5Sclose(fileSpace);
        }
    }

    private static byte[] exact(byte[] b, int count) {
        return count == b.length ? b : Arrays.copyOf(b, count);
    }

    /** Reads the whole column as {@code byte[]}, {@code int[]}, {@code long[]} or {@code double[]} (not strings). */
    Object readAll() throws HDF5Exception {
        int n = Math.toIntExact(length);
        long mem = Hdf5.memoryType(type);
        switch (type) {
            case BOOLEAN:
                byte[] b = new byte[n];
                H5.H5Dread(dataset, mem, HDF5Constants.H5S_ALL, HDF5Constants.H5S_ALL, H5P_DEFAULT, b);
                return b;
            case INT:
                int[] i = new int[n];
                H5.H5Dread_int(dataset, mem, HDF5Constants.H5S_ALL, HDF5Constants.H5S_ALL, H5P_DEFAULT, i);
                return i;
            case LONG:
                long[] l = new long[n];
                H5.H5Dread_long(dataset, mem, HDF5Constants.H5S_ALL, HDF5Constants.H5S_ALL, H5P_DEFAULT, l);
                return l;
            case DOUBLE:
                double[] d = new double[n];
                H5.H5Dread_double(dataset, mem, HDF5Constants.H5S_ALL, HDF5Constants.H5S_ALL, H5P_DEFAULT, d);
                return d;
            default:
                throw new StorageException("readAll does not read " + type.label() + " columns");
        }
    }

    long id() {
        return dataset;
    }

    @Override
    public void close() throws HDF5Exception {
        H5.H5Dclose(dataset);
    }
}
