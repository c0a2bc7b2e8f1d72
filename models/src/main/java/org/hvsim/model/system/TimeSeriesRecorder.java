package org.hvsim.model.system;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

import org.hvsim.core.engine.ReplicationOutput;
import org.hvsim.core.engine.Simulation;
import org.hvsim.core.engine.Warmup;

/**
 * Levels over the whole run of one replication, as means over equal intervals (warm-up included, so
 * the start-up transient is visible). Each series reads a cumulative area that the model keeps anyway;
 * one sampling event per interval. Registered before the statistics it reads, so that at the warm-up
 * instant it banks the areas before they restart from zero.
 */
final class TimeSeriesRecorder implements Warmup {

    /** A cumulative area (level × seconds since the warm-up) and the divisor that makes it a level. */
    private record Series(String scope, String metric, DoubleUnaryOperator area, double divisor, double[] sums) {
    }

    /** A mean per interval: the growth of a cumulative sum over that of a cumulative count (series indices). */
    private record Mean(String scope, String metric, int sum, int count) {
    }

    private final List<Mean> means = new ArrayList<>();

    private final Simulation sim;
    private final int intervals;
    private final double width;
    private final List<Series> series = new ArrayList<>();
    private double[] lastArea = new double[0];
    private int current;

    TimeSeriesRecorder(Simulation sim, int intervals) {
        this.sim = sim;
        this.intervals = intervals;
        this.width = sim.endTime() / intervals;
        sim.onWarmup(this);
    }

    void add(String scope, String metric, DoubleUnaryOperator cumulativeArea, double divisor) {
        series.add(new Series(scope, metric, cumulativeArea, divisor, new double[intervals]));
    }

    /**
     * A mean of what happened in each interval, Δ{@code sum} / Δ{@code count} (NaN in an interval with
     * none): the mean response time of the requests completed in it. Both are cumulative since the warm-up.
     */
    void addMean(String scope, String metric, DoubleUnaryOperator sum, DoubleUnaryOperator count) {
        means.add(new Mean(scope, metric, series.size(), series.size() + 1));
        series.add(new Series(scope, metric, sum, 1, new double[intervals]));
        series.add(new Series(scope, metric, count, 1, new double[intervals]));
    }

    void start() {
        lastArea = new double[series.size()];
        scheduleNext();
    }

    /** One pending sampling event at a time, so the event list stays as short as the model's own. */
    private void scheduleNext() {
        if (current < intervals) {
            sim.scheduleAt(Math.min(sim.endTime(), (current + 1) * width), this::sample);
        }
    }

    private void bank() {
        double now = sim.now();
        for (int k = 0; k < series.size(); k++) {
            double a = series.get(k).area.applyAsDouble(now);
            series.get(k).sums[Math.min(current, intervals - 1)] += a - lastArea[k];
            lastArea[k] = a;
        }
    }

    private void sample() {
        bank();
        current++;
        scheduleNext();
    }

    @Override
    public void reset(double now) {
        bank();
        java.util.Arrays.fill(lastArea, 0); // the areas restart from zero right after this
    }

    void report(ReplicationOutput out) {
        double[] times = new double[intervals];
        for (int i = 0; i < intervals; i++) {
            times[i] = Math.min(sim.endTime(), (i + 1) * width);
        }
        java.util.Set<Integer> inMeans = new java.util.HashSet<>();
        means.forEach(m -> {
            inMeans.add(m.sum());
            inMeans.add(m.count());
        });
        for (int k = 0; k < series.size(); k++) {
            if (inMeans.contains(k)) {
                continue;
            }
            Series s = series.get(k);
            double[] v = new double[intervals];
            for (int i = 0; i < intervals; i++) {
                double level = s.sums[i] / (s.divisor * width);
                // a level is never negative: a difference of areas a few ulps below 0 is shown as 0
                v[i] = level < 0 && level > -HostMetrics.ROUNDING_DUST ? 0 : level;
            }
            out.putSeries(s.scope, s.metric, times, v);
        }
        for (Mean m : means) {
            double[] sum = series.get(m.sum()).sums;
            double[] count = series.get(m.count()).sums;
            double[] v = new double[intervals];
            for (int i = 0; i < intervals; i++) {
                v[i] = count[i] > 0 ? sum[i] / count[i] : Double.NaN;
            }
            out.putSeries(m.scope(), m.metric(), times, v);
        }
    }
}
