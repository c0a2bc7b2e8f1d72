package org.hvsim.core.experiment;

/**
 * How an experiment runs: replications per treatment, simulated times, the seed and the threads.
 *
 * @param seed         scenario seed
 * @param replications independent replications per treatment (≥ 2 for confidence intervals)
 * @param warmup       seconds of simulated time deleted at the start of each replication
 * @param runLength    seconds of simulated time per replication, warm-up included
 * @param threads      worker threads; results do not depend on it
 * @param wallTimeout  wall-clock limit per replication in seconds
 */
public record ExperimentSpec(long seed, int replications, double warmup, double runLength, int threads,
        double wallTimeout) {
    public ExperimentSpec {
        if (replications < 1) {
            throw new IllegalArgumentException("replications must be >= 1, got " + replications);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
    }

    public static ExperimentSpec of(long seed, int replications, double warmup, double runLength) {
        return new ExperimentSpec(seed, replications, warmup, runLength,
                Runtime.getRuntime().availableProcessors(), 3600);
    }

    public ExperimentSpec withThreads(int n) {
        return new ExperimentSpec(seed, replications, warmup, runLength, n, wallTimeout);
    }
}
