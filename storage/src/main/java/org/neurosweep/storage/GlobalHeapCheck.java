package org.neurosweep.storage;

import io.jhdf.AbstractNode;
import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import io.jhdf.dataset.DatasetBase;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.VariableLength;
import io.jhdf.storage.HdfBackingStorage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Variable-length values (texts) read only once the global heap they come from is known to hold what
 * was written.
 *
 * <p>A stored text is a reference (its length, the address of a global heap collection and an object's
 * index in it) to an object of that collection. Collections have no checksum, and jHDF reads an object's
 * bytes by the size its header gives and keeps the last of two objects with one index: a damaged byte in an
 * object's header so silently shortened or lengthened a text, or read another text in its place (a
 * comment, a type label, an explored value). Here the collection must start as one does and fit in the
 * file, and each reference must find exactly one object with its index, of exactly the length it records;
 * otherwise the value is damaged.
 */
final class GlobalHeapCheck {
    private static final byte[] SIGNATURE = "GCOL".getBytes(StandardCharsets.US_ASCII);
    private static final int OBJECT_HEADER = 8; // index (2), reference count (2), reserved (4); then the size
    /** In a collection's sizes by index: no object has this index. */
    private static final int ABSENT = -1;
    /** In a collection's sizes by index: two objects have this index, and which one was written is unknown. */
    private static final int AMBIGUOUS = -2;

    /** Collections' object sizes by index, by collection address, per open file (read once each). */
    private static final Map<HdfBackingStorage, Map<Long, int[]>> OBJECTS = Collections.synchronizedMap(new WeakHashMap<>());

    private GlobalHeapCheck() {
    }

    /** A dataset's values, as {@link Dataset#getData()}. */
    static Object data(Dataset d) {
        Object data = d.getData();
        if (data == null) {
            return unwritten(d, Math.toIntExact(d.getDimensionsAsLong().length == 1 ? d.getDimensionsAsLong()[0] : 0));
        }
        if (d.getDataType() instanceof VariableLength && !d.isEmpty() && d instanceof DatasetBase base) {
            check(storage(d), d.getDataType(), base.getDataBuffer(), d.getPath());
        }
        return data;
    }

    /** A slice of a dataset's values, as {@link Dataset#getData(long[], int[])}. */
    static Object data(Dataset d, long[] offset, int[] shape) {
        if (d.isEmpty() && shape.length == 1) {
            return unwritten(d, shape[0]);
        }
        Object data = d.getData(offset, shape);
        if (data == null && shape.length == 1) {
            return unwritten(d, shape[0]);
        }
        if (d.getDataType() instanceof VariableLength && d instanceof DatasetBase base) {
            check(storage(d), d.getDataType(), base.getSliceDataBuffer(offset, shape), d.getPath());
        }
        return data;
    }

    /**
     * The values of a column of which no chunk was ever written (jHDF gives null): zeros, or "" for strings,
     * as jHDF reads a chunk never written (the writer leaves integer columns of runs never stored unwritten).
     */
    private static Object unwritten(Dataset d, int n) {
        Class<?> type = d.getJavaType();
        Object out = java.lang.reflect.Array.newInstance(type, n);
        if (type == String.class) {
            java.util.Arrays.fill((String[]) out, "");
        }
        return out;
    }

    /** An attribute's value, as {@link Attribute#getData()}. */
    static Object data(Attribute a) {
        Object data = a.getData();
        if (a.getDataType() instanceof VariableLength && !a.isEmpty()) {
            check(storage(a.getNode()), a.getDataType(), a.getBuffer(),
                    "attribute " + a.getName() + " of " + a.getNode().getPath());
        }
        return data;
    }

    private static HdfBackingStorage storage(Node n) {
        if (n instanceof HdfFile f) {
            return f.getHdfBackingStorage();
        }
        return ((AbstractNode) n).getHdfFile().getHdfBackingStorage();
    }

    private static void check(HdfBackingStorage storage, DataType type, ByteBuffer raw, String what) {
        ByteBuffer refs = raw.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        refs.rewind();
        int offsets = storage.getSizeOfOffsets();
        int size = type.getSize();
        if (size != 4 + offsets + 4) {
            throw new DamagedStructureException("the values of " + what + " are damaged: references of " + size + " bytes");
        }
        while (refs.remaining() >= size) {
            long length = refs.getInt() & 0xffffffffL;
            long collection = unsigned(refs, offsets);
            int index = refs.getInt();
            if (index == 0 && length == 0) {
                continue; // an empty value refers to no object
            }
            int[] sizes = objects(storage, collection, what);
            int stored = index > 0 && index < sizes.length ? sizes[index] : ABSENT;
            if (stored != length) {
                String found = stored == ABSENT ? "no object" : stored == AMBIGUOUS ? "one of two objects with one index"
                        : "an object of " + stored + " bytes";
                throw new DamagedStructureException("the values of " + what + " are damaged: a text of " + length
                        + " bytes refers to " + found + " in the global heap at " + collection);
            }
        }
    }

    /**
     * The object sizes by index of the collection at {@code address} (read once). Objects past one that
     * runs past the collection's end are {@link #ABSENT}, an index that two objects have is
     * {@link #AMBIGUOUS}: only the values referring to damaged objects are refused (as jHDF refuses those
     * it finds no object for), the others still read.
     */
    private static int[] objects(HdfBackingStorage storage, long address, String what) {
        Map<Long, int[]> known = OBJECTS.computeIfAbsent(storage, s -> Collections.synchronizedMap(new HashMap<>()));
        int[] objects = known.get(address);
        if (objects == null) {
            objects = read(storage, address, what);
            known.put(address, objects);
        }
        return objects;
    }

    private static int[] read(HdfBackingStorage storage, long address, String what) {
        int lengths = storage.getSizeOfLengths();
        int head = SIGNATURE.length + 4 + lengths; // signature, version, 3 reserved bytes, the collection's size
        if (address <= 0 || address + head > storage.size()) {
            throw damaged(what, address, "its address is outside the file");
        }
        ByteBuffer h = storage.readBufferFromAddress(address, head).order(ByteOrder.LITTLE_ENDIAN);
        byte[] signature = new byte[SIGNATURE.length];
        h.get(signature);
        if (!Arrays.equals(signature, SIGNATURE) || h.get() != 1) {
            throw damaged(what, address, "no collection starts there");
        }
        h.position(SIGNATURE.length + 4);
        long size = unsigned(h, lengths);
        if (size < head || size > Integer.MAX_VALUE || address + size > storage.size()) {
            throw damaged(what, address, "its size " + size + " does not fit the file");
        }
        ByteBuffer c = storage.readBufferFromAddress(address, (int) size).order(ByteOrder.LITTLE_ENDIAN);
        int[] objects = new int[0];
        long at = head;
        while (at + OBJECT_HEADER + lengths <= size) {
            c.position((int) at);
            int index = c.getShort() & 0xffff;
            c.position((int) at + OBJECT_HEADER);
            long length = unsigned(c, lengths);
            if (index == 0) {
                break; // the free space, to the end
            }
            long data = at + OBJECT_HEADER + lengths;
            if (length < 0 || length > size - data) {
                break; // damaged: where the next object starts is unknown
            }
            if (index >= objects.length) {
                int from = objects.length;
                objects = Arrays.copyOf(objects, Math.max(index + 1, 2 * from));
                Arrays.fill(objects, from, objects.length, ABSENT);
            }
            objects[index] = objects[index] == ABSENT ? (int) length : AMBIGUOUS;
            at = data + ((length + 7) & ~7L);
        }
        return objects;
    }

    private static DamagedStructureException damaged(String what, long address, String why) {
        return new DamagedStructureException("the values of " + what + " are damaged: the global heap at " + address
                + " they refer to is damaged (" + why + ")");
    }

    private static long unsigned(ByteBuffer b, int width) {
        return switch (width) {
            case 2 -> b.getShort() & 0xffffL;
            case 4 -> b.getInt() & 0xffffffffL;
            default -> b.getLong();
        };
    }
}
