package org.neurosweep.storage;

import static hdf.hdf5lib.HDF5Constants.H5P_DEFAULT;
import static hdf.hdf5lib.HDF5Constants.H5S_ALL;

import hdf.hdf5lib.H5;
import hdf.hdf5lib.HDF5Constants;
import hdf.hdf5lib.exceptions.HDF5Exception;
import hdf.hdf5lib.structs.H5AC_cache_config_t;
import java.nio.charset.StandardCharsets;
import org.bytedeco.javacpp.Loader;
import org.neurosweep.trajectory.ValueType;

/**
 * The HDF5 library: loads bytedeco's natives once (binding the HDF Group's Java API to them, not to a
 * system copy such as Debian's libhdf5-jni), and small helpers over {@link H5}. Every method must be
 * called from the one writer thread.
 */
final class Hdf5 {
    private static volatile boolean loaded;

    private Hdf5() {
    }

    /** Loads the natives; cheap after the first call. */
    static void load() {
        if (loaded) {
            return;
        }
        synchronized (Hdf5.class) {
            if (!loaded) {
                String library = Loader.load(org.bytedeco.hdf5.hdf5_java.class);
                System.setProperty("hdf.hdf5lib.H5.hdf5lib", library);
                try {
                    H5.H5open();
                } catch (HDF5Exception e) {
                    throw new StorageException("cannot start the HDF5 library: " + e.getMessage(), e);
                }
                loaded = true;
            }
        }
    }

    /** The file type of a scalar value type, or of an array's elements (a new id for strings: close it). */
    static long fileType(ValueType t) throws HDF5Exception {
        switch (t) {
            case BOOLEAN:
                return HDF5Constants.H5T_STD_I8LE;
            case INT:
            case INT_ARRAY:
                return HDF5Constants.H5T_STD_I32LE;
            case LONG:
            case LONG_ARRAY:
                return HDF5Constants.H5T_STD_I64LE;
            case DOUBLE:
            case DOUBLE_ARRAY:
                return HDF5Constants.H5T_IEEE_F64LE;
            default:
                return vlenString();
        }
    }

    /** The memory type matching {@link #fileType}. */
    static long memoryType(ValueType t) throws HDF5Exception {
        switch (t) {
            case BOOLEAN:
                return HDF5Constants.H5T_NATIVE_INT8;
            case INT:
            case INT_ARRAY:
                return HDF5Constants.H5T_NATIVE_INT32;
            case LONG:
            case LONG_ARRAY:
                return HDF5Constants.H5T_NATIVE_INT64;
            case DOUBLE:
            case DOUBLE_ARRAY:
                return HDF5Constants.H5T_NATIVE_DOUBLE;
            default:
                return vlenString();
        }
    }

    static boolean ownsType(ValueType t) {
        return t == ValueType.STRING;
    }

    static long vlenString() throws HDF5Exception {
        long type = H5.H5Tcopy(HDF5Constants.H5T_C_S1);
        H5.H5Tset_size(type, HDF5Constants.H5T_VARIABLE);
        H5.H5Tset_cset(type, HDF5Constants.H5T_CSET_UTF8);
        return type;
    }

    static long fixedString(int bytes) throws HDF5Exception {
        long type = H5.H5Tcopy(HDF5Constants.H5T_C_S1);
        H5.H5Tset_size(type, bytes);
        H5.H5Tset_strpad(type, HDF5Constants.H5T_STR_NULLPAD);
        H5.H5Tset_cset(type, HDF5Constants.H5T_CSET_UTF8);
        return type;
    }

    /** UTF-8 bytes of each string, cut or zero-padded to {@code width}, laid end to end. */
    static byte[] packFixed(String[] values, int count, int width) {
        byte[] out = new byte[count * width];
        for (int i = 0; i < count; i++) {
            byte[] b = values[i].getBytes(StandardCharsets.UTF_8);
            System.arraycopy(b, 0, out, i * width, Math.min(width, b.length));
        }
        return out;
    }

    /** Writes a whole in-memory array or boxed scalar of type {@code t} to a dataset. */
    static void writeAll(long dataset, ValueType t, Object value) throws HDF5Exception {
        long mem = memoryType(t);
        try {
            switch (t) {
                case BOOLEAN:
                    H5.H5Dwrite(dataset, mem, H5S_ALL, H5S_ALL, H5P_DEFAULT, new byte[] {(byte) (((Boolean) value) ? 1 : 0)});
                    break;
                case INT:
                    H5.H5Dwrite_int(dataset, mem, H5S_ALL, H5S_ALL, H5P_DEFAULT, new int[] {(Integer) value});
                    break;
                case LONG:
                    H5.H5Dwrite_long(dataset, mem, H5S_ALL, H5S_ALL, H5P_DEFAULT, new long[] {(Long) value});
                    break;
                case DOUBLE:
                    H5.H5Dwrite_double(dataset, mem, H5S_ALL, H5S_ALL, H5P_DEFAULT, new double[] {(Double) value});
                    break;
                case STRING:
                    H5.H5Dwrite_VLStrings(dataset, mem, H5S_ALL, H5S_ALL, H5P_DEFAULT, new String[] {(String) value});
                    break;
                case INT_ARRAY:
                    H5.H5Dwrite_int(dataset, mem, H5S_ALL, H5S_ALL, H5P_DEFAULT, (int[]) value);
                    break;
                case LONG_ARRAY:
                    H5.H5Dwrite_long(dataset, mem, H5S_ALL, H5S_ALL, H5P_DEFAULT, (long[]) value);
                    break;
                default:
                    H5.H5Dwrite_double(dataset, mem, H5S_ALL, H5S_ALL, H5P_DEFAULT, (double[]) value);
            }
        } finally {
            if (ownsType(t)) {
                H5.H5Tclose(mem);
            }
        }
    }

    /** Number of elements of an array value (1 for scalars). */
    static int length(Object value) {
        if (value instanceof int[] a) {
            return a.length;
        } else if (value instanceof long[] a) {
            return a.length;
        } else if (value instanceof double[] a) {
            return a.length;
        }
        return 1;
    }

    /** Element size in bytes of an array type. */
    static int elementBytes(ValueType t) {
        return t == ValueType.INT_ARRAY ? 4 : 8;
    }

    static void setStringAttribute(long object, String name, String value) throws HDF5Exception {
        long type = vlenString();
        long space = H5.H5Screate(HDF5Constants.H5S_SCALAR);
        try {
            if (H5.H5Aexists(object, name)) {
                H5.H5Adelete(object, name);
            }
            long attr = H5.H5Acreate(object, name, type, space, H5P_DEFAULT, H5P_DEFAULT);
            try {
                H5.H5Awrite_VLStrings(attr, type, new String[] {value});
            } finally {
                H5.H5Aclose(attr);
            }
        } finally {
            H5.H5Sclose(space);
            H5.H5Tclose(type);
        }
    }

    static void setLongAttribute(long object, String name, long value) throws HDF5Exception {
        long space = H5.H5Screate(HDF5Constants.H5S_SCALAR);
        try {
            if (H5.H5Aexists(object, name)) {
                H5.H5Adelete(object, name);
            }
            long attr = H5.H5Acreate(object, name, HDF5Constants.H5T_STD_I64LE, space, H5P_DEFAULT, H5P_DEFAULT);
            try {
                H5.H5Awrite_long(attr, HDF5Constants.H5T_NATIVE_INT64, new long[] {value});
            } finally {
                H5.H5Aclose(attr);
            }
        } finally {
            H5.H5Sclose(space);
        }
    }

    static String readStringAttribute(long object, String name) throws HDF5Exception {
        long attr = H5.H5Aopen(object, name, H5P_DEFAULT);
        long type = vlenString();
        try {
            String[] out = new String[1];
            H5.H5Aread_VLStrings(attr, type, out);
            return out[0];
        } finally {
            H5.H5Tclose(type);
            H5.H5Aclose(attr);
        }
    }

    /** Creates a group, or opens it if it exists. */
    static long createOrOpenGroup(long parent, String name) throws HDF5Exception {
        if (H5.H5Lexists(parent, name, H5P_DEFAULT)) {
            return H5.H5Gopen(parent, name, H5P_DEFAULT);
        }
        return H5.H5Gcreate(parent, name, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
    }

    /**
     * Creates a group whose links keep their creation order (readers list children in insertion order),
     * or opens it if it exists. Used for the trajectory tree, not for per-run groups, where the index
     * would only cost space.
     */
    static long createOrOpenOrderedGroup(long parent, String name) throws HDF5Exception {
        if (H5.H5Lexists(parent, name, H5P_DEFAULT)) {
            return H5.H5Gopen(parent, name, H5P_DEFAULT);
        }
        long gcpl = H5.H5Pcreate(HDF5Constants.H5P_GROUP_CREATE);
        try {
            H5.H5Pset_link_creation_order(gcpl, HDF5Constants.H5P_CRT_ORDER_TRACKED | HDF5Constants.H5P_CRT_ORDER_INDEXED);
            return H5.H5Gcreate(parent, name, H5P_DEFAULT, gcpl, H5P_DEFAULT);
        } finally {
            H5.H5Pclose(gcpl);
        }
    }

    /**
     * The writer's file access properties: HDF5 1.10-readable format bounds, file locking, and a metadata cache
     * that never evicts (so dirty metadata reaches the file only in the writer's flushes).
     */
    static long writerFileAccess() throws HDF5Exception {
        long fapl = H5.H5Pcreate(HDF5Constants.H5P_FILE_ACCESS);
        // V18 objects and at most V110 features: readable by HDF5 1.10 (Debian's h5py) and by jHDF
        H5.H5Pset_libver_bounds(fapl, HDF5Constants.H5F_LIBVER_V18, HDF5Constants.H5F_LIBVER_V110);
        H5.H5Pset_file_locking(fapl, true, true);
        // No evictions from the metadata cache: dirty metadata then reaches the file only in our flushes,
        // never half-way through a commit (an evicted B-tree node of a run_set bucket, written before the
        // nodes it points to, is what a kill -9 between flushes damaged). The cache grows with what a
        // commit touches; the sink reopens the file when it passes RECYCLE_CACHE_BYTES.
        H5AC_cache_config_t mdc = H5.H5Pget_mdc_config(fapl);
        mdc.evictions_enabled = false;
        mdc.incr_mode = 0; // H5C_incr__off
        mdc.flash_incr_mode = 0; // H5C_flash_incr__off
        mdc.decr_mode = 0; // H5C_decr__off
        mdc.set_initial_size = true;
        mdc.initial_size = 32L << 20;
        mdc.max_size = Math.max(mdc.max_size, 32L << 20);
        mdc.min_size = Math.min(mdc.min_size, 1L << 20);
        H5.H5Pset_mdc_config(fapl, mdc);
        return fapl;
    }
}
