package org.hvsim.core.result;

/**
 * A figure estimated over independent replications: the mean and its Student-t 95 % confidence
 * interval. With a single replication the bounds are NaN (no interval can be given).
 */
public record Estimate(double mean, double ciLow, double ciHigh, int replications) {

    /** Half the width of the interval; NaN when there is no interval. */
    public double halfWidth() {
        return (ciHigh - ciLow) / 2.0;
    }

    /** True when {@code value} lies inside the closed interval. */
    public boolean covers(double value) {
        return value >= ciLow && value <= ciHigh;
    }

    /** Half-width relative to the mean; NaN when undefined. */
    public double relativeHalfWidth() {
        return halfWidth() / Math.abs(mean);
    }
}
