package org.hvsim.core.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.math3.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** Named streams and their seeding: hvsim owns the seeds, all 64 bits of them, not DSOL. */
class RandomStreamsTest {

    private static final int DRAWS = 64;

    private static long[] draws(long seed, int replication, String name) {
        RandomGenerator g = new RandomStreams(seed, replication).stream(name);
        long[] out = new long[DRAWS];
        for (int i = 0; i < DRAWS; i++) {
            out[i] = g.nextLong();
        }
        return out;
    }

    @Test
    void sameSeedReplicationAndNameGiveIdenticalSequences() {
        assertArrayEquals(draws(12345, 3, "vm/web#0/arrivals"), draws(12345, 3, "vm/web#0/arrivals"));
    }

    @Test
    void aStreamDoesNotDependOnWhatElseWasDrawn() {
        RandomStreams busy = new RandomStreams(99, 1);
        RandomGenerator other = busy.stream("vm/db#0/arrivals");
        for (int i = 0; i < 1000; i++) {
            other.nextDouble();
        }
        RandomGenerator mine = busy.stream("vm/web#0/arrivals");
        long[] got = new long[DRAWS];
        for (int i = 0; i < DRAWS; i++) {
            got[i] = mine.nextLong();
        }
        assertArrayEquals(draws(99, 1, "vm/web#0/arrivals"), got);
    }

    @Test
    void theSameNameReturnsTheSameStreamObject() {
        RandomStreams s = new RandomStreams(1, 0);
        RandomGenerator a = s.stream("x");
        a.nextDouble();
        assertSame(a, s.stream("x"));
    }

    @Test
    void differentNamesReplicationsOrSeedsGiveDifferentSequences() {
        long[] base = draws(12345, 3, "vm/web#0/arrivals");
        assertFalse(Arrays.equals(base, draws(12345, 3, "vm/web#1/arrivals")), "name");
        assertFalse(Arrays.equals(base, draws(12345, 4, "vm/web#0/arrivals")), "replication");
        assertFalse(Arrays.equals(base, draws(12346, 3, "vm/web#0/arrivals")), "seed");
        // not merely shifted copies of each other: no common first value
        Set<Long> firsts = new HashSet<>();
        for (long[] d : List.of(base, draws(12345, 3, "vm/web#1/arrivals"), draws(12345, 4, "vm/web#0/arrivals"),
                draws(12346, 3, "vm/web#0/arrivals"))) {
            for (long v : d) {
                firsts.add(v);
            }
        }
        assertEquals(4 * DRAWS, firsts.size(), "streams overlap");
    }

    @Test
    void derivedSeedsAreDistinctOverManyNamesAndReplications() {
        Set<Long> seeds = new HashSet<>();
        int n = 0;
        for (int rep = 0; rep < 50; rep++) {
            for (int vm = 0; vm < 200; vm++) {
                seeds.add(RandomStreams.seedFor(2024, rep, "vm/web#" + vm + "/arrivals"));
                n++;
            }
            // names that differ only by a swap or by length
            seeds.add(RandomStreams.seedFor(2024, rep, "ab"));
            seeds.add(RandomStreams.seedFor(2024, rep, "ba"));
            seeds.add(RandomStreams.seedFor(2024, rep, "a"));
            seeds.add(RandomStreams.seedFor(2024, rep, ""));
            n += 4;
        }
        assertEquals(n, seeds.size());
    }

    @Test
    void awkwardSeedsAreReproducibleAndDistinct() {
        // DSOL's MersenneTwister keeps 31 bits: a seed with zero low 31 bits fell back to the clock, and
        // seeds <= 0 threw. Every one of these must work, reproducibly, and give its own sequence.
        long[] seeds = {0L, -1L, Long.MIN_VALUE, 1L << 31, 1L << 40, (1L << 31) + (1L << 40), 1L, Long.MAX_VALUE};
        Set<Long> firstValues = new HashSet<>();
        for (long seed : seeds) {
            long[] a = draws(seed, 0, "s");
            long[] b = draws(seed, 0, "s");
            assertArrayEquals(a, b, "seed " + seed + " not reproducible");
            firstValues.add(a[0]);
            firstValues.add(a[1]);
        }
        assertEquals(2 * seeds.length, firstValues.size(), "two awkward seeds give the same sequence");
    }

    @Test
    void seedsDifferingOnlyInTheHighBitsGiveDifferentStreams() {
        // the full 64-bit seed matters, not just the low 31 bits
        assertFalse(Arrays.equals(draws(5, 0, "s"), draws(5 + (1L << 31), 0, "s")));
        assertFalse(Arrays.equals(draws(5, 0, "s"), draws(5 + (1L << 50), 0, "s")));
    }

    @Test
    void drawsLookUniform() {
        // a crude check that the mixing does not hand MersenneTwister a degenerate seed
        RandomGenerator g = new RandomStreams(0, 0).stream("");
        int n = 100_000;
        int[] bins = new int[10];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double u = g.nextDouble();
            sum += u;
            bins[(int) (u * 10)]++;
        }
        assertEquals(0.5, sum / n, 5 * Math.sqrt(1.0 / 12 / n));
        double chi2 = 0;
        for (int b : bins) {
            chi2 += (b - n / 10.0) * (b - n / 10.0) / (n / 10.0);
        }
        assertFalse(chi2 > 27.9, "chi-square " + chi2 + " (9 df, p = 0.001)");
    }
}
