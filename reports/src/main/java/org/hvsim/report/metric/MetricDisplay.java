package org.hvsim.report.metric;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * How one metric is shown: a human label, the display unit, and the factor that converts the stored
 * value (SI: seconds, fractions, per second) into that unit.
 *
 * @param metric            the metric name as it appears in the results
 * @param label             human label, e.g. "Mean response time"
 * @param unit              display unit, e.g. "ms" or "%"; empty when unknown
 * @param scale             display value = stored value × scale
 * @param preference        which direction is better, for findings
 * @param significantDigits digits shown in tables (availability needs more than a response time)
 */
public record MetricDisplay(String metric, String label, String unit, double scale, Preference preference,
                            int significantDigits) {

    /** Which direction of a metric is an improvement. */
    public enum Preference { LOWER_IS_BETTER, HIGHER_IS_BETTER, NEUTRAL }

    /** The stored value converted to the display unit. */
    public double toDisplay(double value) {
        return value * scale;
    }

    /** Units of durations (stored in seconds), largest first, and their factors from seconds. */
    private static final String[] TIME_UNITS = {"s", "ms", "µs", "ns"};
    private static final double[] TIME_SCALES = {1, 1e3, 1e6, 1e9};
    private static final java.util.Set<String> TIME_UNIT_SET = java.util.Set.of(TIME_UNITS);

    /** True for a duration (stored in seconds), whose unit {@link UnitFormat} picks per value. */
    public boolean isTime() {
        return TIME_UNIT_SET.contains(unit);
    }

    /**
     * For a duration, this display in the time unit that fits values up to {@code largest} (seconds), so
     * that an axis of microseconds reads "2 µs", not "0.002 ms"; anything else is returned as it is.
     */
    public MetricDisplay fittedTo(double largest) {
        if (!isTime() || !(largest > 0) || Double.isInfinite(largest)) {
            return this;
        }
        int i = 0;
        while (i < TIME_UNITS.length - 1 && largest * TIME_SCALES[i] < 1) {
            i++;
        }
        return new MetricDisplay(metric, label, TIME_UNITS[i], TIME_SCALES[i], preference, significantDigits);
    }

    /** A table header: the label, with the unit when every cell is in it (durations carry their own). */
    public String header() {
        return isTime() ? label : labelWithUnit();
    }

    /** A table cell: the number in the header's unit, or a duration with the unit that fits it. */
    public String cell(double value) {
        return isTime() ? formatWithUnit(value) : format(value);
    }

    /** The label with its unit in parentheses, for axes and table headers. */
    public String labelWithUnit() {
        return unit.isEmpty() ? label : label + " (" + unit + ")";
    }

    /** The stored value in display units, rounded to {@link #significantDigits()}; "n/a" for NaN. */
    public String format(double value) {
        return formatNumber(toDisplay(value), significantDigits);
    }

    /** The stored value formatted with its unit, e.g. "12.3 ms" or "2.06 µs". */
    public String formatWithUnit(double value) {
        if (isTime()) {
            return UnitFormat.seconds(value);
        }
        String number = format(value);
        if (unit.isEmpty() || Double.isNaN(value)) {
            return number;
        }
        return "%".equals(unit) ? number + " %" : number + " " + unit;
    }

    /**
     * A plain, locale-independent rendering rounded to {@code significantDigits} significant digits,
     * trailing zeros dropped; large values keep all their integer digits rather than switching to
     * scientific notation.
     */
    public static String formatNumber(double value, int significantDigits) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "∞" : "-∞";
        }
        if (value == 0.0) {
            return "0";
        }
        return new BigDecimal(value).round(new MathContext(significantDigits)).stripTrailingZeros().toPlainString();
    }
}
