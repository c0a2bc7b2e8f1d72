package org.hvsim.core.result;

/**
 * A figure estimated over independent replications: the mean and its Student-t 95 % confidence
 * interval. With a single replication the bounds are NaN (no interval can be given).
 *
 * @param replications    replications the estimate is made of (those that gave a number)
 * @param nanReplications replications that gave NaN for this figure and were left out of it, so that a
 *                        reader can tell an interval over fewer replications than were run
 */
public record Estimate(double mean, double ciLow, double ciHigh, int replications, int nanReplications) {

    public Estimate {
        if (nanReplications < 0) {
            throw new IllegalArgumentException("nanReplications must be >= 0, got " + nanReplications);
        }
    }

    /** An estimate every replication contributed to. */
    public Estimate(double mean, double ciLow, double ciHigh, int replications) {
        this(mean, ciLow, ciHigh, replications, 0);
    }

    /** This estimate, saying that {@code count} further replications gave NaN and were left out. */
    public Estimate withNanReplications(int count) {
        return new Estimate(mean, ciLow, ciHigh, replications, count);
    }

    /** Half the width of the interval; NaN when there is no interval. */
    public double halfWidth() {
        return (ciHigh - ciLow) / 2.0;
    }

    /** True when {@code value} lies inside the closed interval. */
    public boolean covers(double value) {
        return value >= ciLow && value <= ciHigh;
    }
}
