package org.hvsim.report.chart;

import java.util.HashMap;
import java.util.Map;

import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Bar values (means) with a confidence interval per item. JFreeChart's statistical dataset only
 * knows mean ± standard deviation; storing the interval's ends keeps the whiskers exactly at
 * ci_low and ci_high, whatever the interval's shape.
 */
public final class ConfidenceIntervalDataset extends DefaultCategoryDataset {

    private static final long serialVersionUID = 1L;

    private final Map<Key, double[]> intervals = new HashMap<>();

    private record Key(Comparable<?> row, Comparable<?> column) {
    }

    /** Adds a mean and its interval; pass NaN bounds when there is no interval. */
    public void add(double mean, double low, double high, Comparable<?> rowKey, Comparable<?> columnKey) {
        addValue(mean, rowKey, columnKey);
        intervals.put(new Key(rowKey, columnKey), new double[] {low, high});
    }

    /** The interval's lower end, NaN when there is none. */
    public double getLow(int row, int column) {
        return bound(row, column, 0);
    }

    /** The interval's upper end, NaN when there is none. */
    public double getHigh(int row, int column) {
        return bound(row, column, 1);
    }

    private double bound(int row, int column, int which) {
        double[] interval = intervals.get(new Key(getRowKey(row), getColumnKey(column)));
        return interval == null ? Double.NaN : interval[which];
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof ConfidenceIntervalDataset other && super.equals(obj)
                && sameIntervals(other);
    }

    private boolean sameIntervals(ConfidenceIntervalDataset other) {
        if (!intervals.keySet().equals(other.intervals.keySet())) {
            return false;
        }
        for (Map.Entry<Key, double[]> e : intervals.entrySet()) {
            if (!java.util.Arrays.equals(e.getValue(), other.intervals.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
