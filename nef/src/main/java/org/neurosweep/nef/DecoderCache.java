package org.neurosweep.nef;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.attribute.FileTime;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * Solved decoders on disk, so that building the same network again skips the activities and the solve.
 * Better than Nengo's in the ways its users asked for:
 * <ul>
 *   <li>the key is a SHA-256 of everything the decoders depend on: the solver and its settings, the neuron
 *       type, gains, biases, encoders, eval points and the function's values there; never a random
 *       generator's state;</li>
 *   <li>no lock and no index: an entry is written to a temporary file and renamed into place, so processes
 *       of a sweep may write at once and a killed process leaves at most a temporary file, never a torn
 *       entry;</li>
 *   <li>every entry carries its shape and a CRC-32 of its numbers: a damaged entry is deleted and solved
 *       again;</li>
 *   <li>bounded: after a write, least recently used entries (by modification time, touched on every hit)
 *       are deleted until the cache fits;</li>
 *   <li>hits, misses, damaged entries and evictions are counted.</li>
 * </ul>
 */
public final class DecoderCache {
    private static final int MAGIC = 0x4E454644; // "NEFD"
    private static final int HEADER = 16;
    private static final String SUFFIX = ".dec";

    private final Path directory;
    private final long maxBytes;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    private final AtomicLong damaged = new AtomicLong();
    private final AtomicLong evicted = new AtomicLong();

    /** A cache in {@code directory} (made if missing) of at most {@code maxBytes}. */
    public DecoderCache(Path directory, long maxBytes) {
        if (maxBytes < 1) {
            throw new NefException("decoder cache: size limit " + maxBytes + " bytes must be at least 1");
        }
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new NefException("decoder cache: cannot use the directory " + directory + ": " + e);
        }
        this.directory = directory;
        this.maxBytes = maxBytes;
    }

    /** The default place: $XDG_CACHE_HOME/neurosweep/decoders, else ~/.cache/neurosweep/decoders; 512 MB. */
    public static DecoderCache userDefault() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return new DecoderCache(base.resolve("neurosweep").resolve("decoders"), 512L << 20);
    }

    public Path directory() {
        return directory;
    }

    public long hits() {
        return hits.get();
    }

    public long misses() {
        return misses.get();
    }

    /** Entries found damaged (and deleted) so far. */
    public long damaged() {
        return damaged.get();
    }

    /** Entries deleted to keep within the size limit so far. */
    public long evicted() {
        return evicted.get();
    }

    /** The key of decoders for these inputs. */
    static String key(String solver, String neuronType, double[] gain, double[] bias, double[][] encoders, double[][] evalPoints,
                      double[][] targets) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update((solver + "|" + neuronType + "|").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            update(md, gain);
            update(md, bias);
            for (double[][] m : new double[][][] {encoders, evalPoints, targets}) {
                md.update(ByteBuffer.allocate(8).putInt(m.length).putInt(m.length == 0 ? 0 : m[0].length).array());
                for (double[] row : m) {
                    update(md, row);
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(MessageDigest md, double[] v) {
        ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asDoubleBuffer().put(v);
        md.update(b.array());
    }

    /** The decoders stored under {@code key}, or null (a miss; a damaged entry is deleted and counts as one). */
    double[][] get(String key) {
        Path file = directory.resolve(key + SUFFIX);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            misses.incrementAndGet();
            return null;
        } catch (IOException e) {
            misses.incrementAndGet();
            return null;
        }
        double[][] x = decode(bytes);
        if (x == null) {
            damaged.incrementAndGet();
            misses.incrementAndGet();
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // another process may have replaced it meanwhile
            }
            return null;
        }
        try {
            Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis())); // recently used
        } catch (IOException ignored) {
            // evicted meanwhile: the decoders read are still good
        }
        hits.incrementAndGet();
        return x;
    }

    /** Stores decoders under {@code key}: a temporary file renamed into place, then eviction. */
    void put(String key, double[][] x) {
        int n = x.length;
        int d = n == 0 ? 0 : x[0].length;
        ByteBuffer b = ByteBuffer.allocate(HEADER + 8 * n * d).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(MAGIC).putInt(n).putInt(d).putInt(0);
        for (double[] row : x) {
            for (double v : row) {
                b.putDouble(v);
            }
        }
        CRC32 crc = new CRC32();
        crc.update(b.array(), HEADER, 8 * n * d);
        b.putInt(12, (int) crc.getValue());
        Path file = directory.resolve(key + SUFFIX);
        try {
            Path tmp = Files.createTempFile(directory, key + "-", ".tmp");
            try {
                Files.write(tmp, b.array());
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
            evict();
        } catch (IOException e) {
            // a cache that cannot be written only costs speed
        }
    }

    private static double[][] decode(byte[] bytes) {
        if (bytes.length < HEADER) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int magic = b.getInt();
        int n = b.getInt();
        int d = b.getInt();
        int sum = b.getInt();
        if (magic != MAGIC || n < 0 || d < 0 || bytes.length != HEADER + 8L * n * d) {
            return null;
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, HEADER, bytes.length - HEADER);
        if ((int) crc.getValue() != sum) {
            return null;
        }
        double[][] x = new double[n][d];
        for (double[] row : x) {
            for (int c = 0; c < d; c++) {
                row[c] = b.getDouble();
            }
        }
        return x;
    }

    /** How old a temporary file must be to count as left by a killed writer (a write takes milliseconds). */
    static final long ORPHAN_MILLIS = 3_600_000;

    /**
     * Deletes temporary files killed writers left (older than an hour), then least recently used entries until
     * the cache fits its limit.
     */
    private void evict() throws IOException {
        List<Path> entries = new ArrayList<>();
        long now = System.currentTimeMillis();
        try (Stream<Path> s = Files.list(directory)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String name = p.getFileName().toString();
                if (name.endsWith(SUFFIX)) {
                    entries.add(p);
                } else if (name.endsWith(".tmp")) {
                    try {
                        if (now - Files.getLastModifiedTime(p).toMillis() > ORPHAN_MILLIS) {
                            Files.deleteIfExists(p);
                        }
                    } catch (NoSuchFileException e) {
                        // renamed into place or deleted by its writer meanwhile
                    }
                }
            }
        }
        long total = 0;
        List<Object[]> known = new ArrayList<>();
        for (Path p : entries) {
            try {
                long size = Files.size(p);
                known.add(new Object[] {p, Files.getLastModifiedTime(p).toMillis(), size});
                total += size;
            } catch (NoSuchFileException e) {
                // deleted by another process meanwhile
            }
        }
        if (total <= maxBytes) {
            return;
        }
        known.sort(Comparator.comparingLong(o -> (Long) o[1]));
        for (Object[] o : known) {
            if (total <= maxBytes) {
                break;
            }
            if (Files.deleteIfExists((Path) o[0])) {
                evicted.incrementAndGet();
            }
            total -= (Long) o[2];
        }
    }
}
