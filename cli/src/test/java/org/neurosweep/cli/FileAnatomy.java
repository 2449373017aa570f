package org.neurosweep.cli;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Where the parts of an HDF5 file lie, found from its bytes: the superblock, and every structure that
 * starts with a signature (object headers and their continuation blocks, B-trees, heaps), and the chunks
 * that the version-1 B-tree leaves of chunked datasets point to. Used to aim damage at each kind of part.
 * A signature found inside data is kept only if what it announces fits in the file.
 */
final class FileAnatomy {
    /** The kinds of part damage is aimed at. */
    enum Part { SUPERBLOCK, OBJECT_HEADER, BTREE, HEAP, CHUNK }

    /** Bytes {@code [start, start + length)} of the file. */
    record Region(Part part, String what, long start, int length) {
    }

    private static final byte[] HDF5_SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    private static final int SIZE_OF_OFFSETS = 8;

    private final Map<Part, List<Region>> regions = new EnumMap<>(Part.class);
    private final long size;

    private FileAnatomy(long size) {
        this.size = size;
        for (Part p : Part.values()) {
            regions.put(p, new ArrayList<>());
        }
    }

    static FileAnatomy of(byte[] file) {
        FileAnatomy a = new FileAnatomy(file.length);
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < HDF5_SIGNATURE.length; i++) {
            if (file[i] != HDF5_SIGNATURE[i]) {
                throw new IllegalArgumentException("not an HDF5 file with its superblock at 0");
            }
        }
        int version = file[8];
        a.add(Part.SUPERBLOCK, "superblock v" + version, 0, version >= 2 ? 48 : 96);
        for (int at = 0; at + 4 <= file.length; at++) {
            switch (signature(file, at)) {
                case "OHDR" -> a.objectHeader(b, at);
                case "OCHK" -> a.add(Part.OBJECT_HEADER, "OCHK", at, Math.min(256, file.length - at));
                case "TREE" -> a.btreeV1(b, at);
                case "BTHD", "BTIN", "BTLF" -> a.add(Part.BTREE, signature(file, at), at, Math.min(64, file.length - at));
                case "GCOL" -> a.globalHeap(b, at);
                case "HEAP" -> a.add(Part.HEAP, "HEAP", at, 32);
                case "FRHP", "FHDB", "FHIB" -> a.add(Part.HEAP, signature(file, at), at, Math.min(64, file.length - at));
                default -> {
                    // not the start of a structure
                }
            }
        }
        return a;
    }

    private static String signature(byte[] file, int at) {
        return new String(file, at, 4, StandardCharsets.US_ASCII);
    }

    List<Region> regions(Part p) {
        return regions.get(p);
    }

    /** Every region of every part, by address. */
    List<Region> all() {
        List<Region> out = new ArrayList<>();
        regions.values().forEach(out::addAll);
        out.sort((r, s) -> Long.compare(r.start(), s.start()));
        return out;
    }

    private void add(Part part, String what, long start, long length) {
        if (start >= 0 && length > 0 && start + length <= size) {
            regions.get(part).add(new Region(part, what, start, (int) length));
        }
    }

    /** Version-2 object header: signature, version, flags, optional times and limits, chunk-0 size, messages, checksum. */
    private void objectHeader(ByteBuffer b, int at) {
        if (at + 7 > size || b.get(at + 4) != 2) {
            return;
        }
        int flags = b.get(at + 5) & 0xff;
        int p = at + 6 + ((flags & 0x20) != 0 ? 16 : 0) + ((flags & 0x10) != 0 ? 4 : 0);
        int width = 1 << (flags & 3);
        if (p + width > size) {
            return;
        }
        long chunk = unsigned(b, p, width);
        add(Part.OBJECT_HEADER, "OHDR", at, p + width + chunk + 4 - at);
    }

    /**
     * Version-1 B-tree node: type (0 groups, 1 chunks), level, entries, siblings, then keys and children.
     * A chunk key is the chunk's size, its filter mask and rank + 1 offsets; our chunked datasets are 1-D.
     */
    private void btreeV1(ByteBuffer b, int at) {
        if (at + 24 > size) {
            return;
        }
        int type = b.get(at + 4);
        int level = b.get(at + 5);
        int entries = b.getShort(at + 6) & 0xffff;
        int key = type == 0 ? 8 : 8 + 8 * 2;
        int length = 24 + entries * (key + SIZE_OF_OFFSETS) + key;
        if (type < 0 || type > 1 || at + length > size) {
            return;
        }
        add(Part.BTREE, "TREE type " + type + " level " + level, at, length);
        if (type == 1 && level == 0) {
            for (int i = 0; i < entries; i++) {
                int k = at + 24 + i * (key + SIZE_OF_OFFSETS);
                long chunkSize = b.getInt(k) & 0xffffffffL;
                long address = b.getLong(k + key);
                add(Part.CHUNK, "chunk of TREE@" + at, address, chunkSize);
            }
        }
    }

    /** Global heap collection: its header, and the 16-byte header of each object in it (not the objects' bytes). */
    private void globalHeap(ByteBuffer b, int at) {
        if (at + 16 > size) {
            return;
        }
        long length = b.getLong(at + 8);
        if (length < 16 || at + length > size) {
            return;
        }
        add(Part.HEAP, "GCOL", at, 16);
        long p = at + 16;
        while (p + 16 <= at + length) {
            int index = b.getShort((int) p) & 0xffff;
            long objectSize = b.getLong((int) p + 8);
            if (index == 0 || objectSize < 0 || objectSize > length) {
                break; // the free space
            }
            add(Part.HEAP, "GCOL object " + index, p, 16);
            p += 16 + ((objectSize + 7) & ~7L);
        }
    }

    private static long unsigned(ByteBuffer b, int at, int width) {
        return switch (width) {
            case 1 -> b.get(at) & 0xffL;
            case 2 -> b.getShort(at) & 0xffffL;
            case 4 -> b.getInt(at) & 0xffffffffL;
            default -> b.getLong(at);
        };
    }
}
