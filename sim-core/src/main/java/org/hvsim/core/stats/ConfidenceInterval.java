package org.hvsim.core.stats;

import org.apache.commons.math3.distribution.TDistribution;
import org.hvsim.core.result.Estimate;

/**
 * Confidence intervals for the mean of independent replication results, with the Student t quantile
 * (djutils' Tally uses the normal one, too narrow for few replications).
 */
public final class ConfidenceInterval {
    private ConfidenceInterval() {
    }

    /** The two-sided Student-t interval at {@code level} (e.g. 0.95); NaN bounds with one value. */
    public static Estimate studentT(double[] values, double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1), got " + level);
        }
        int n = values.length;
        if (n == 0) {
            throw new IllegalArgumentException("no values");
        }
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= n;
        if (n == 1 || Double.isNaN(mean)) {
            return new Estimate(mean, Double.NaN, Double.NaN, n);
        }
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(ss / (n - 1));
        double t = tQuantile(n - 1, level);
        double half = t * sd / Math.sqrt(n);
        return new Estimate(mean, mean - half, mean + half, n);
    }

    /** Upper (1 + level)/2 quantile of Student's t with {@code df} degrees of freedom. */
    public static double tQuantile(int df, double level) {
        return new TDistribution(null, df).inverseCumulativeProbability((1 + level) / 2);
    }
}
