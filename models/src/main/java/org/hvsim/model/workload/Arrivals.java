package org.hvsim.model.workload;

import java.util.Objects;

import org.hvsim.core.random.Distribution;

/** Where requests come from: an open stream or a closed population of users. */
public sealed interface Arrivals {

    /** Renewal arrivals with the given inter-arrival distribution (exponential: Poisson). */
    record Open(Distribution interarrival) implements Arrivals {
        public Open {
            Objects.requireNonNull(interarrival, "interarrival");
        }

        public static Open poisson(double ratePerSecond) {
            return new Open(new Distribution.Exponential(1 / ratePerSecond));
        }

        public double rate() {
            return 1 / interarrival.mean();
        }
    }

    /** {@code users} users who each think, send a request and wait for its response. */
    record Closed(int users, Distribution think) implements Arrivals {
        public Closed {
            if (users < 1) {
                throw new IllegalArgumentException("closed workload needs at least one user");
            }
            Objects.requireNonNull(think, "think");
        }
    }
}
