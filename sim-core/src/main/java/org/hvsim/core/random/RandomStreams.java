package org.hvsim.core.random;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Named random streams for one replication. A stream's seed is derived from (scenario seed,
 * replication index, stream name) only, so the stream {@code vm/web#3/arrivals} yields the same numbers
 * under every architecture of a comparison (common random numbers) and whatever else the model draws.
 */
public final class RandomStreams {

    private final long scenarioSeed;
    private final int replication;
    private final Map<String, RandomGenerator> streams = new HashMap<>();

    public RandomStreams(long scenarioSeed, int replication) {
        this.scenarioSeed = scenarioSeed;
        this.replication = replication;
    }

    /** The stream with this name; the same object on every call with the same name. */
    public RandomGenerator stream(String name) {
        return streams.computeIfAbsent(name, n -> new MersenneTwister(seedFor(scenarioSeed, replication, n)));
    }

    /**
     * Mixes the three inputs with SplitMix64 finalisers. The full 64 bits go to Commons Math's
     * MersenneTwister, which uses both halves (unlike DSOL's, which keeps 31 bits).
     */
    public static long seedFor(long scenarioSeed, int replication, String name) {
        long h = mix(scenarioSeed ^ 0x9E3779B97F4A7C15L);
        h = mix(h + replication * 0xBF58476D1CE4E5B9L + 1);
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xFF)) * 0x100000001B3L; // FNV-1a step, then re-mixed below
        }
        return mix(h);
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
