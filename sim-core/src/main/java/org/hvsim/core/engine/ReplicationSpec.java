package org.hvsim.core.engine;

/**
 * What one replication needs besides its model.
 *
 * @param seed        scenario seed; the random streams derive from (seed, index, stream name)
 * @param index       replication index, 0-based
 * @param warmup      warm-up length in seconds of simulated time; statistics restart at this instant
 * @param runLength   total simulated time in seconds, warm-up included
 * @param wallTimeout wall-clock limit in seconds after which the replication is abandoned
 */
public record ReplicationSpec(long seed, int index, double warmup, double runLength, double wallTimeout) {
    public ReplicationSpec {
        if (!(runLength > 0) || Double.isInfinite(runLength)) {
            throw new IllegalArgumentException("run length must be positive and finite, got " + runLength);
        }
        if (!(warmup >= 0) || warmup >= runLength) {
            throw new IllegalArgumentException("warm-up must be in [0, run length), got " + warmup);
        }
        if (index < 0) {
            throw new IllegalArgumentException("replication index must be >= 0, got " + index);
        }
        if (!(wallTimeout > 0)) {
            throw new IllegalArgumentException("wall timeout must be positive, got " + wallTimeout);
        }
    }

    /** A spec with a generous default wall-clock limit of one hour. */
    public static ReplicationSpec of(long seed, int index, double warmup, double runLength) {
        return new ReplicationSpec(seed, index, warmup, runLength, 3600);
    }
}
