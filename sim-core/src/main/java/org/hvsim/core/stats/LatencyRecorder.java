package org.hvsim.core.stats;

import org.HdrHistogram.DoubleHistogram;
import org.hvsim.core.engine.Warmup;

/**
 * Response times (seconds): an exact mean and variance (a {@link Tally}) and quantiles from an
 * HdrHistogram with 3 significant digits (0.1 % relative error, bounded memory).
 */
public final class LatencyRecorder implements Warmup {
    static final double MIN_RECORDED = 1e-7;
    static final double MAX_RECORDED = 1e8;

    private final Tally tally = new Tally();
    private final DoubleHistogram histogram = new DoubleHistogram(3);

    public void record(double seconds) {
        tally.add(seconds);
        // An auto-ranging DoubleHistogram covers at most a 2^53 ratio of values and has no bucket for 0:
        // quantiles are kept between 0.1 us and 1e8 s (3 years); the mean stays exact.
        histogram.recordValue(Math.min(Math.max(seconds, MIN_RECORDED), MAX_RECORDED));
    }

    public long count() {
        return tally.count();
    }

    public double mean() {
        return tally.mean();
    }

    /** Quantile for {@code q} in [0, 1]; NaN with no observations. */
    public double quantile(double q) {
        return tally.count() == 0 ? Double.NaN : histogram.getValueAtPercentile(q * 100);
    }

    public DoubleHistogram histogram() {
        return histogram;
    }

    @Override
    public void reset(double now) {
        tally.reset(now);
        histogram.reset();
    }
}
