package org.hvsim.core.stats;

import org.hvsim.core.engine.Warmup;

/**
 * Observations (e.g. response times): count, mean and variance by Welford's update, min and max.
 * Forgets everything at the warm-up instant.
 */
public final class Tally implements Warmup {
    private long n;
    private double mean;
    private double m2;
    private double min = Double.NaN;
    private double max = Double.NaN;

    public void add(double x) {
        n++;
        double d = x - mean;
        mean += d / n;
        m2 += d * (x - mean);
        if (n == 1) {
            min = x;
            max = x;
        } else {
            if (x < min) {
                min = x;
            }
            if (x > max) {
                max = x;
            }
        }
    }

    public long count() {
        return n;
    }

    /** Sample mean; NaN with no observations. */
    public double mean() {
        return n == 0 ? Double.NaN : mean;
    }

    /** Unbiased sample variance; NaN with fewer than two observations. */
    public double variance() {
        return n < 2 ? Double.NaN : m2 / (n - 1);
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    @Override
    public void reset(double now) {
        n = 0;
        mean = 0;
        m2 = 0;
        min = Double.NaN;
        max = Double.NaN;
    }
}
