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
 * <p>Element types: a scalar {@link ValueType}, or a fixed-length string of {@code fixedBytes} bytes; a
 * column may be stored narrower than its Java values ({@link #createNarrow}: doubles as float32, ints as
 * int16), the library converting on the way in and out.
 *
 * <p>Integer and boolean columns are never filled explicitly: their fill value is 0, which is also what
 * jHDF reads in a chunk never written, so both readers agree without it. {@link #extend} grows a column
 * without filling, for callers that write the new range at once or whose readers know the entries are
 * not real (see {@code TrajectoryReader}).
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
        return create(parent, name, type, fixedBytes, length, deflate, -1);
    }

    /**
     * Creates an empty column whose {@code type} values (DOUBLE or INT) are stored as {@code fileType}
     * (e.g. {@code H5T_IEEE_F32LE}, {@code H5T_STD_I16LE}, not closed here); doubles keep the NaN fill value.
     */
    static Column createNarrow(long parent, String name, ValueType type, long fileType, int deflate) throws HDF5Exception {
        if (type != ValueType.DOUBLE && type != ValueType.INT) {
            throw new IllegalArgumentException("no narrow column of " + type.label());
        }
        return create(parent, name, type, 0, 0, deflate, fileType);
    }

    private static Column create(long parent, String name, ValueType type, int fixedBytes, long length, int deflate,
            long narrowType) throws HDF5Exception {
        long fileType = narrowType >= 0 ? narrowType : fixedBytes > 0 ? Hdf5.fixedString(fixedBytes) : Hdf5.fileType(type);
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
            if (narrowType < 0 && (fixedBytes > 0 || Hdf5.ownsType(type))) {
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

    /**
     * Extends the column to {@code newLength} elements; a string or double column gets fill values written
     * into the new range (integer and boolean columns need none, see above).
     */
    void grow(long newLength) throws HDF5Exception {
        long from = length;
        extend(newLength);
        if (fixedBytes > 0 || type == ValueType.STRING || type == ValueType.DOUBLE) {
            fill(from, newLength);
        }
    }

    /** Extends the column to {@code newLength} elements without writing anything. */
    void extend(long newLength) throws HDF5Exception {
        if (newLength <= length) {
            return;
        }
        H5.H5Dset_extent(dataset, new long[] {newLength});
        length = newLength;
    }

    /** Writes fill values into elements from..to-1. */
    void fill(long from, long to) throws HDF5Exception {
        for (long start = from; start < to; start += FILL_BLOCK) {
            int n = (int) Math.min(FILL_BLOCK, to - start);
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

    /** Reads the whole column as {@code byte[]}, {@code int[]}, {@code long[]}, {@code double[]} or (variable-length) {@code String[]}. */
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
            case STRING:
                if (fixedBytes == 0) {
                    String[] s = new String[n];
                    try {
                        if (n > 0) {
                            H5.H5Dread_VLStrings(dataset, mem, HDF5Constants.H5S_ALL, HDF5Constants.H5S_ALL, H5P_DEFAULT, s);
                        }
                    } finally {
                        H5.H5Tclose(mem);
                    }
                    return s;
                }
                H5.H5Tclose(mem);
                throw new StorageException("readAll does not read fixed-length string columns");
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
