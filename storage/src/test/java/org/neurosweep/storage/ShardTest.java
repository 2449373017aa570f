package org.neurosweep.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.neurosweep.explore.Sweep;
import org.neurosweep.trajectory.Trajectory;

/** The split of a sweep into shards, by arithmetic alone (no files), and the sweep's identity. */
class ShardTest {

    @Test
    void shardsAreEvenContiguousBlocksCoveringEveryRunOnce() {
        long[] runs = {0, 1, 2, 25, 100, 4095, 4096, 4097, 5000, 10_000, 1_000_000, 10_000_000, 10_000_001, 3_000_000_000L,
            Long.MAX_VALUE / 2};
        int[] ns = {1, 2, 3, 7, 10, 64, 2441, 2442, 5000, Integer.MAX_VALUE};
        for (long r : runs) {
            for (int n : ns) {
                long expectedFirst = 0;
                long minRuns = Long.MAX_VALUE;
                long maxRuns = 0;
                // every K for small N; for a huge N the ends and the middle
                int[] ks = n <= 5000 ? java.util.stream.IntStream.rangeClosed(1, n).toArray() : new int[] {1, 2, n / 2, n - 1, n};
                for (int k : ks) {
                    Shard s = Shard.of(k, n, r);
                    String what = k + "/" + n + " of " + r;
                    if (n <= 5000) {
                        assertEquals(expectedFirst, s.first(), what + ": starts where the previous shard ends");
                    }
                    assertTrue(s.first() <= s.last() && s.last() <= r, what);
                    assertEquals(r, s.sweepRuns());
                    long chunks = (r + 4095) / 4096;
                    if (chunks / n >= 8) { // big: on chunks, floor((k-1)·B/n)
                        long chunk = java.math.BigInteger.valueOf(k - 1).multiply(java.math.BigInteger.valueOf(chunks))
                                .divide(java.math.BigInteger.valueOf(n)).longValueExact();
                        assertEquals(Math.min(r, chunk * 4096), s.first(), what);
                    } else { // floor((k-1)·r/n), exactly
                        assertEquals(java.math.BigInteger.valueOf(k - 1).multiply(java.math.BigInteger.valueOf(r))
                                .divide(java.math.BigInteger.valueOf(n)).longValueExact(), s.first(), what);
                    }
                    minRuns = Math.min(minRuns, s.last() - s.first());
                    maxRuns = Math.max(maxRuns, s.last() - s.first());
                    expectedFirst = s.last();
                }
                assertEquals(0, Shard.of(1, n, r).first(), "shard 1 starts at run 0");
                assertEquals(r, Shard.of(n, n, r).last(), "shard N ends at the sweep's end");
                if (n <= 5000) {
                    assertEquals(r, expectedFirst, n + " shards of " + r + " cover every run");
                    long chunks = (r + 4095) / 4096;
                    long spread = chunks / n >= 8 ? 4096 : 1; // at most a chunk apart when aligned, else a run
                    assertTrue(maxRuns - minRuns <= spread, n + " shards of " + r + ": " + minRuns + ".." + maxRuns + " runs each");
                    assertTrue(minRuns >= r / n - spread, "the smallest shard: " + minRuns);
                }
            }
        }
    }

    @Test
    void examplesByHand() {
        // 10^7 runs = 2,442 chunks, 244 per shard: on chunks; shard 3/10 = chunks 488..731
        Shard s = Shard.parse("3/10").of(10_000_000);
        assertEquals(488L * 4096, s.first());
        assertEquals(732L * 4096, s.last());
        // 300,000 runs in 10 shards: 7 chunks each, too few to align: even
        assertEquals(new Shard(3, 10, 60_000, 90_000, 300_000), Shard.of(3, 10, 300_000));
        assertEquals(3, s.k());
        assertEquals(10, s.n());
        // a small sweep of expensive runs over a job array: every task gets runs
        assertEquals(new Shard(1, 4, 0, 6, 25), Shard.of(1, 4, 25));
        assertEquals(new Shard(2, 4, 6, 12, 25), Shard.of(2, 4, 25));
        assertEquals(new Shard(4, 4, 18, 25, 25), Shard.of(4, 4, 25));
        // more shards than runs: some are empty
        assertEquals(new Shard(1, 4, 0, 0, 3), Shard.of(1, 4, 3));
        assertEquals(new Shard(2, 4, 0, 1, 3), Shard.of(2, 4, 3));
        assertTrue(Shard.of(1, 4, 3).isEmpty());
        assertEquals("shard 2/3 of a 10,000-run sweep: runs 3333..6665", Shard.of(2, 3, 10_000).describe());
        assertTrue(Shard.of(1, 4, 3).describe().contains("no runs of its own"), Shard.of(1, 4, 3).describe());
        assertEquals(new Shard(1, 1, 0, 12, 12), Shard.of(1, 1, 12));
        assertTrue(Shard.of(2, 3, 10_000).contains(3333) && !Shard.of(2, 3, 10_000).contains(6666));
    }

    @Test
    void badSpecsAreRefusedNamingTheValue() {
        String[][] cases = {
            {"0/3", "K must be 1..3"}, {"4/3", "K must be 1..3"}, {"3", "is not K/N"},
            {"a/b", "K 'a' is not a whole number"}, {"1/0", "N must be at least 1"}, {"", "is not K/N"},
            {"1/x", "N 'x' is not a whole number"}, {"-1/3", "K must be 1..3"},
        };
        for (String[] c : cases) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Shard.parse(c[0]), c[0]);
            assertTrue(e.getMessage().contains("'" + c[0] + "'") && e.getMessage().contains(c[1]), e.getMessage());
        }
        assertEquals(new Shard.Spec(2, 5), Shard.parse(" 2/5 "));
        assertThrows(IllegalArgumentException.class, () -> Shard.of(0, 3, 10));
        assertThrows(IllegalArgumentException.class, () -> Shard.of(1, 3, -1));
        assertThrows(IllegalArgumentException.class, () -> new Shard(1, 2, 10, 5, 20));
    }

    private static Trajectory sweep(long seed, int y, int last) {
        Trajectory t = new Trajectory("multiply", seed);
        t.addParameter("x", 1);
        t.addParameter("y", y);
        t.addConfig("where", "machine " + seed, ""); // config may differ between machines
        t.explore(Sweep.values("x", 1, 2, last));
        return t;
    }

    @Test
    void theSweepIdCoversNameSeedParametersAndExploredValuesOnly() {
        String id = Shard.sweepId(sweep(1, 5, 3));
        assertEquals(64, id.length());
        assertEquals(id, Shard.sweepId(sweep(1, 5, 3)), "the same sweep built again");
        assertNotEquals(id, Shard.sweepId(sweep(2, 5, 3)), "another seed");
        assertNotEquals(id, Shard.sweepId(sweep(1, 6, 3)), "another parameter value");
        assertNotEquals(id, Shard.sweepId(sweep(1, 5, 4)), "another explored value");
        Trajectory other = sweep(1, 5, 3);
        other.addConfig("more", 1, "");
        assertEquals(id, Shard.sweepId(other), "config is not part of the sweep's identity");
    }
}
