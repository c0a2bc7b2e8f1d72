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

    /** A Poisson process whose rate follows {@code profile} over time (a daily peak, a ramp). */
    record Varying(RateProfile profile) implements Arrivals {
        public Varying {
            Objects.requireNonNull(profile, "profile");
        }
    }

    /**
     * Bursts: a two-state Markov-modulated Poisson process. The process stays an exponential time of mean
     * {@code stayLow} at rate {@code rateLow}, then of mean {@code stayHigh} at {@code rateHigh}, and so on;
     * it starts in the low state.
     */
    record Mmpp(double rateLow, double stayLow, double rateHigh, double stayHigh) implements Arrivals {
        public Mmpp {
            if (!(rateLow >= 0) || !(rateHigh >= 0) || !(stayLow > 0) || !(stayHigh > 0) || rateLow + rateHigh == 0
                    || Double.isInfinite(rateLow + rateHigh + stayLow + stayHigh)) {
                throw new IllegalArgumentException("MMPP: rates >= 0 (one positive) and mean stays > 0");
            }
        }

        /** The long-run arrival rate: each state's rate weighted by the share of time spent in it. */
        public double meanRate() {
            return (rateLow * stayLow + rateHigh * stayHigh) / (stayLow + stayHigh);
        }

        /**
         * The index of dispersion of counts over long windows (variance over mean of the arrivals in a
         * window, as the window grows): 1 for Poisson, more for bursts. With switching rates
         * s1 = 1/stayLow and s2 = 1/stayHigh: 1 + 2 s1 s2 (λ1 − λ2)² / ((s1 + s2)² (λ1 s2 + λ2 s1)).
         */
        public double dispersion() {
            double s1 = 1 / stayLow;
            double s2 = 1 / stayHigh;
            double d = rateLow - rateHigh;
            return 1 + 2 * s1 * s2 * d * d / ((s1 + s2) * (s1 + s2) * (rateLow * s2 + rateHigh * s1));
        }
    }

    /**
     * Requests replayed from a trace, in order: record i arrives at {@code k·repeat + time_i·timeScale}
     * (pass k = 0, 1, … while {@code repeat} > 0, else only k = 0: the stream stops after the last
     * record), its CPU and bytes multiplied by {@code demandScale}.
     *
     * @param records    the trace's record count (as read when the scenario was checked)
     * @param lastTime   the last record's time in the trace (seconds, unscaled)
     * @param disk       the disk its disk operations go to (null if it has none)
     * @param write      whether the disk operations are writes
     * @param nic        the NIC its bytes are sent through (null if it sends none)
     */
    record Trace(TraceSource source, double timeScale, double demandScale, double repeat, long records,
            double lastTime, String disk, boolean write, String nic) implements Arrivals {
        public Trace {
            Objects.requireNonNull(source, "source");
            if (!(timeScale > 0) || !(demandScale > 0) || !(repeat >= 0) || records < 1
                    || repeat > 0 && !(repeat > lastTime * timeScale) || Double.isInfinite(timeScale + demandScale + repeat)) {
                throw new IllegalArgumentException("trace: scales > 0, at least one record, a repeat beyond the last");
            }
        }

        /** The trace's arrivals per second: its records over the period, or over its span when it stops. */
        public double meanRate() {
            double span = repeat > 0 ? repeat : lastTime * timeScale;
            return span > 0 ? records / span : 0;
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
