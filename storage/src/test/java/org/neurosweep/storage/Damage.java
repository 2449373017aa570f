package org.neurosweep.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jhdf.HdfFile;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Damages HDF5 objects on disk the way an interrupted write can: their object header is overwritten. */
final class Damage {
    private Damage() {
    }

    /** The file address of the object at {@code path} (its object header), found with jHDF. */
    static long address(Path file, String path) {
        try (HdfFile h = new HdfFile(file)) {
            return h.getByPath(path).getAddress();
        }
    }

    /** Overwrites the version-2 object header ("OHDR") at each address with "XXXX". */
    static void overwriteHeaders(Path file, Iterable<Long> addresses) throws IOException {
        try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
            byte[] header = new byte[4];
            for (long address : addresses) {
                raw.seek(address);
                raw.readFully(header);
                assertEquals("OHDR", new String(header, StandardCharsets.US_ASCII), "a version-2 object header at " + address);
                raw.seek(address);
                raw.write("XXXX".getBytes(StandardCharsets.US_ASCII));
            }
        }
    }
}
