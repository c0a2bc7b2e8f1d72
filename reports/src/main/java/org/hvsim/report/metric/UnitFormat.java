package org.hvsim.report.metric;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Values in the unit that fits them: 2.06 µs rather than 0.002063 ms. Three significant digits, kept
 * even when they are zeros ("1.50 s"), because a reader compares magnitudes across cells and the
 * digits say how precise a figure is.
 */
public final class UnitFormat {

    private static final int DIGITS = 3;
    private static final double STEP = 1000.0;
    /** Time units from the smallest, each 1000 × the one before. */
    private static final String[] TIME_UNITS = {"ns", "µs", "ms", "s"};

    private UnitFormat() {
    }

    /** A duration given in seconds, in ns, µs, ms or s; "n/a" for NaN. */
    public static String seconds(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (Double.isInfinite(value)) {
            return (value > 0 ? "∞" : "-∞") + " s";
        }
        if (value == 0.0) {
            return "0 s";
        }
        int unit = TIME_UNITS.length - 1;
        double scaled = value;
        while (unit > 0 && Math.abs(scaled) < 1.0) {
            scaled *= STEP;
            unit--;
        }
        BigDecimal rounded = significant(scaled);
        // 999.7 µs rounds to 1000 µs: that is 1.00 ms
        if (unit < TIME_UNITS.length - 1 && rounded.abs().compareTo(BigDecimal.valueOf(STEP)) >= 0) {
            rounded = significant(scaled / STEP);
            unit++;
        }
        return rounded.toPlainString() + " " + TIME_UNITS[unit];
    }

    /** {@code value} rounded to {@value #DIGITS} significant digits, trailing zeros kept. */
    private static BigDecimal significant(double value) {
        BigDecimal d = new BigDecimal(value).round(new MathContext(DIGITS, RoundingMode.HALF_EVEN));
        int integerDigits = d.precision() - d.scale();
        return d.setScale(Math.max(0, DIGITS - integerDigits), RoundingMode.HALF_EVEN);
    }
}
