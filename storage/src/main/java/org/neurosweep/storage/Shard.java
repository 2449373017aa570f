package org.neurosweep.storage;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.neurosweep.trajectory.Branch;
import org.neurosweep.trajectory.Leaf;
import org.neurosweep.trajectory.Parameter;
import org.neurosweep.trajectory.Trajectory;

/**
 * Part {@code k} of {@code n} of a sweep of {@code sweepRuns} runs: the runs {@code [first, last)}, by their
 * indices in the whole sweep. The parts are contiguous and even: shard K holds the runs
 * {@code [floor((K-1)·R/N), floor(K·R/N))} of a sweep of R runs, so shards differ by at most one run, and only a
 * sweep of fewer runs than shards leaves some empty. When every shard holds at least {@value #ALIGNED_CHUNKS}
 * of the columns' 4,096-run chunks (R >= 32,768·N), the boundaries fall on chunks instead (shard K holds chunks
 * {@code [floor((K-1)·B/N), floor(K·B/N))} of the B chunks), so that a big sweep's shards store and merge whole
 * chunks; they then differ by at most one chunk. Together the N shards cover every run exactly once.
 *
 * <pre>{@code
 * Shard s = Shard.parse("3/10").of(10_000_000);   // chunks 488..731: first 1,998,848, last 2,998,272 (exclusive)
 * Shard t = Shard.parse("2/4").of(25);            // runs 6..11
 * }</pre>
 *
 * @param k         the shard's number, 1..n
 * @param n         how many shards the sweep is split into, at least 1
 * @param first     the first run of the shard (inclusive)
 * @param last      the end of the shard's runs (exclusive); {@code first == last} for an empty shard
 * @param sweepRuns the runs of the whole sweep
 */
public record Shard(int k, int n, long first, long last, long sweepRuns) {
    public Shard {
        if (n < 1 || k < 1 || k > n) {
            throw new IllegalArgumentException("shard " + k + "/" + n + ": K must be 1.." + n);
        }
        if (sweepRuns < 0 || first < 0 || first > last || last > sweepRuns) {
            throw new IllegalArgumentException("shard " + k + "/" + n + ": runs " + first + ".." + last
                    + " are not a range of a " + sweepRuns + "-run sweep");
        }
    }

    /** Which shard of how many, before the sweep's size is known: what {@code --shard K/N} says. */
    public record Spec(int k, int n) {
        public Spec {
            if (n < 1) {
                throw new IllegalArgumentException("shard " + k + "/" + n + ": N must be at least 1");
            }
            if (k < 1 || k > n) {
                throw new IllegalArgumentException("shard " + k + "/" + n + ": K must be 1.." + n);
            }
        }

        /** This shard of a sweep of {@code runs} runs. */
        public Shard of(long runs) {
            return Shard.of(k, n, runs);
        }

        @Override
        public String toString() {
            return k + "/" + n;
        }
    }

    /** Shard {@code k} of {@code n} of a sweep of {@code runs} runs. */
    public static Shard of(int k, int n, long runs) {
        new Spec(k, n); // checks k and n
        if (runs < 0) {
            throw new IllegalArgumentException("a sweep has 0 or more runs, not " + runs);
        }
        return new Shard(k, n, start(k - 1, n, runs), start(k, n, runs), runs);
    }

    /**
     * Where shard number {@code i + 1} (i = 0..n) starts: floor(i·runs/n); when every shard holds at least
     * {@value #ALIGNED_CHUNKS} chunks, the first run of chunk floor(i·B/n) of the B chunks instead.
     */
    private static long start(int i, int n, long runs) {
        long chunks = (runs + Layout.CHUNK - 1) / Layout.CHUNK;
        if (chunks / n >= ALIGNED_CHUNKS) {
            return Math.min(runs, (i * (chunks / n) + i * (chunks % n) / n) * Layout.CHUNK);
        }
        return i * (runs / n) + i * (runs % n) / n; // (runs % n) · i < n² < 2^62
    }

    /**
     * Chunks per shard from which shard boundaries fall on the columns' chunks, so that shard files store and
     * merge whole chunks: the shards then differ by at most one chunk, under 1/8 of a shard.
     */
    static final int ALIGNED_CHUNKS = 8;

    /**
     * Parses {@code K/N} (K in 1..N).
     *
     * @throws IllegalArgumentException naming the text and what is allowed
     */
    public static Spec parse(String text) {
        String t = text == null ? "" : text.trim();
        int slash = t.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("'" + text + "' is not K/N (the K-th of N shards, K in 1..N, e.g. 3/10)");
        }
        int k = number(t.substring(0, slash), text, "K");
        int n = number(t.substring(slash + 1), text, "N");
        if (n < 1) {
            throw new IllegalArgumentException("'" + text + "': N must be at least 1 (the number of shards)");
        }
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("'" + text + "': K must be 1.." + n + " (shards are numbered from 1)");
        }
        return new Spec(k, n);
    }

    private static int number(String part, String text, String which) {
        try {
            return Integer.parseInt(part.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not K/N: " + which + " '" + part.trim()
                    + "' is not a whole number (K in 1..N, e.g. 3/10)");
        }
    }

    /** The runs of this shard. */
    public long runs() {
        return last - first;
    }

    public boolean isEmpty() {
        return first == last;
    }

    /** Whether run {@code index} (of the whole sweep) is one of this shard's. */
    public boolean contains(long index) {
        return index >= first && index < last;
    }

    public Spec spec() {
        return new Spec(k, n);
    }

    /** "K/N", as {@link #parse} reads it. */
    public String label() {
        return k + "/" + n;
    }

    /** "shard 3/10 of a 10,000-run sweep: runs 2000..2999" (or "no runs of its own"). */
    public String describe() {
        return String.format("shard %s of a %,d-run sweep: %s", label(), sweepRuns,
                isEmpty() ? "no runs of its own (more shards than runs)"
                        : "runs " + first + ".." + (last - 1));
    }

    @Override
    public String toString() {
        return describe();
    }

    /**
     * The identity of a sweep, the same in every shard of it: SHA-256 (hex) over the trajectory's name,
     * seed, every parameter (path, type, value) and every explored column (path, type, every run's value).
     * Config, derived parameters and results are left out: they may differ between the machines running
     * the shards (where the code is) or come from the runs.
     */
    public static String sweepId(Trajectory t) {
        Digest d = new Digest();
        d.text("neurosweep-sweep-id/1");
        d.text(t.name());
        d.number(t.seed());
        List<Leaf> leaves = t.leaves(Branch.PARAMETERS);
        d.number(leaves.size());
        for (Leaf l : leaves) {
            d.text(l.fullPath());
            d.text(l.type().label());
            d.value(l.value());
        }
        List<Parameter> explored = t.exploredParameters();
        d.number(explored.size());
        d.number(t.runCount());
        for (Parameter p : explored) {
            d.text(p.fullPath());
            d.text(p.type().label());
            for (long r = 0, runs = t.runCount(); r < runs; r++) {
                d.value(p.valueInRun(r));
            }
        }
        return d.hex();
    }

    /** A SHA-256 over typed, length-prefixed values, buffered. */
    private static final class Digest {
        private final MessageDigest sha;
        private final ByteBuffer buf = ByteBuffer.allocate(1 << 16);

        Digest() {
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is missing from this JVM", e);
            }
        }

        private void room(int bytes) {
            if (buf.remaining() < bytes) {
                buf.flip();
                sha.update(buf);
                buf.clear();
            }
        }

        void number(long v) {
            room(9);
            buf.put((byte) 'L').putLong(v);
        }

        void text(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            number(b.length);
            for (int at = 0; at < b.length; at += buf.capacity()) {
                int len = Math.min(buf.capacity(), b.length - at);
                room(len);
                buf.put(b, at, len);
            }
        }

        void value(Object v) {
            if (v instanceof Integer i) {
                room(5);
                buf.put((byte) 'i').putInt(i);
            } else if (v instanceof Long l) {
                number(l);
            } else if (v instanceof Double x) {
                room(9);
                buf.put((byte) 'd').putLong(Double.doubleToLongBits(x));
            } else if (v instanceof Boolean b) {
                room(2);
                buf.put((byte) 'b').put((byte) (b ? 1 : 0));
            } else if (v instanceof String s) {
                room(1);
                buf.put((byte) 's');
                text(s);
            } else if (v instanceof int[] a) {
                number(a.length);
                for (int x : a) {
                    value(x);
                }
            } else if (v instanceof long[] a) {
                number(a.length);
                for (long x : a) {
                    value(x);
                }
            } else if (v instanceof double[] a) {
                number(a.length);
                for (double x : a) {
                    value(x);
                }
            } else {
                text(String.valueOf(v)); // no other types are stored
            }
        }

        String hex() {
            buf.flip();
            sha.update(buf);
            return HexFormat.of().formatHex(sha.digest());
        }
    }
}
