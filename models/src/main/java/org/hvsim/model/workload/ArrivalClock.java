package org.hvsim.model.workload;

import org.apache.commons.math3.random.RandomGenerator;

import org.hvsim.core.random.Sampler;

/**
 * The next arrival instant of an open stream, given the current one: renewal gaps, a rate profile
 * inverted exactly, or a two-state MMPP run as its state changes. One per VM instance, on that
 * instance's own random streams (common random numbers across architectures).
 */
public interface ArrivalClock {

    /** The next arrival after {@code now} (seconds; +∞ if none will come). */
    double next(double now);

    /**
     * The clock of an open process.
     *
     * @param arrivals   the stream that draws the gaps (exponential(1) draws for the Poisson forms)
     * @param modulation the stream of an MMPP's stays in each state
     */
    static ArrivalClock of(Arrivals a, RandomGenerator arrivals, RandomGenerator modulation) {
        if (a instanceof Arrivals.Open open) {
            Sampler gap = open.interarrival().sampler(arrivals);
            return now -> now + gap.next();
        }
        if (a instanceof Arrivals.Varying v) {
            return now -> v.profile().next(now, unitExponential(arrivals));
        }
        if (a instanceof Arrivals.Mmpp m) {
            return new MmppClock(m, arrivals, modulation);
        }
        throw new IllegalArgumentException("not an open arrival process: " + a);
    }

    private static double unitExponential(RandomGenerator g) {
        return -Math.log(1 - g.nextDouble());
    }

    /** An MMPP: in each state a Poisson process; leaving a state is memoryless, so a gap cut by a switch restarts. */
    final class MmppClock implements ArrivalClock {
        private final Arrivals.Mmpp m;
        private final RandomGenerator arrivals;
        private final RandomGenerator modulation;
        private boolean high;
        private double switchAt;

        MmppClock(Arrivals.Mmpp m, RandomGenerator arrivals, RandomGenerator modulation) {
            this.m = m;
            this.arrivals = arrivals;
            this.modulation = modulation;
            this.switchAt = m.stayLow() * unitExponential(modulation);
        }

        @Override
        public double next(double now) {
            double t = now;
            while (true) {
                double rate = high ? m.rateHigh() : m.rateLow();
                double candidate = rate > 0 ? t + unitExponential(arrivals) / rate : Double.POSITIVE_INFINITY;
                if (candidate < switchAt) {
                    return candidate;
                }
                t = switchAt;
                high = !high;
                switchAt = t + (high ? m.stayHigh() : m.stayLow()) * unitExponential(modulation);
            }
        }
    }
}
