package org.hvsim.core.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.HdrHistogram.DoubleHistogram;

/** The figures one replication reports, in the order the model put them, plus raw distributions. */
public final class ReplicationOutput {

    /** A figure's identity within a replication. */
    public record Key(String scope, String metric) {
    }

    private final Map<Key, Double> values = new LinkedHashMap<>();
    private final Map<Key, DoubleHistogram> distributions = new LinkedHashMap<>();
    private final Map<Key, double[][]> series = new LinkedHashMap<>();
    private final Map<Key, Double> diagnostics = new LinkedHashMap<>();
    private long events;
    private final java.util.List<Mark> marks = new java.util.ArrayList<>();

    /** Something that happened at {@code time} to {@code component}, for charts of the run: "web#0 fails". */
    public record Mark(double time, String component, String what) {
    }

    /** Keeps an instant worth marking on the time series (a failure, a repair). */
    public void putMark(double time, String component, String what) {
        marks.add(new Mark(time, component, what));
    }

    /** The marked instants, in the order they were put. */
    public java.util.List<Mark> marks() {
        return Collections.unmodifiableList(marks);
    }

    public void put(String scope, String metric, double value) {
        Key key = new Key(scope, metric);
        if (values.putIfAbsent(key, value) != null) {
            throw new IllegalStateException("figure reported twice: " + scope + " " + metric);
        }
    }

    /** Keeps a distribution (e.g. of response times) so that replications can be pooled for a CDF. */
    public void putDistribution(String scope, String metric, DoubleHistogram histogram) {
        distributions.put(new Key(scope, metric), histogram);
    }

    /**
     * Keeps a value for checks made across replications (e.g. whether a queue kept up with its
     * arrivals) that is not itself a figure: it is neither estimated nor reported.
     */
    public void putDiagnostic(String scope, String name, double value) {
        diagnostics.put(new Key(scope, name), value);
    }

    /** The diagnostic values, see {@link #putDiagnostic}. */
    public Map<Key, Double> diagnostics() {
        return Collections.unmodifiableMap(diagnostics);
    }

    /** Keeps a level over time: {@code times[i]} is the end of the interval whose mean is {@code values[i]}. */
    public void putSeries(String scope, String metric, double[] times, double[] values) {
        if (times.length != values.length) {
            throw new IllegalArgumentException("series needs as many times as values");
        }
        series.put(new Key(scope, metric), new double[][] {times.clone(), values.clone()});
    }

    /** Time series, each as {times, values}. */
    public Map<Key, double[][]> series() {
        return Collections.unmodifiableMap(series);
    }

    public double get(String scope, String metric) {
        Double v = values.get(new Key(scope, metric));
        if (v == null) {
            throw new IllegalArgumentException("no figure " + scope + " " + metric + " in this replication");
        }
        return v;
    }

    public boolean has(String scope, String metric) {
        return values.containsKey(new Key(scope, metric));
    }

    public Map<Key, Double> values() {
        return Collections.unmodifiableMap(values);
    }

    public Map<Key, DoubleHistogram> distributions() {
        return Collections.unmodifiableMap(distributions);
    }

    /** Events the replication executed (set by the runner). */
    public long events() {
        return events;
    }

    void setEvents(long events) {
        this.events = events;
    }
}
