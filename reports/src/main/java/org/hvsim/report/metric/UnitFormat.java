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

    /**
     * A configured length of time ("5 min", "30 s", "250 ms"): whole hours and minutes in those units,
     * the rest as {@link #seconds} without trailing zeros, since a setting is exact, not a measurement.
     */
    public static String setting(double seconds) {
        if (seconds >= 3600 && isWhole(seconds / 3600)) {
            return whole(seconds / 3600) + " h";
        }
        if (seconds >= 60 && isWhole(seconds / 60)) {
            return whole(seconds / 60) + " min";
        }
        if (!Double.isFinite(seconds) || seconds == 0.0) {
            return seconds(seconds);
        }
        int unit = TIME_UNITS.length - 1;
        double scaled = seconds;
        while (unit > 0 && Math.abs(scaled) < 1.0) {
            scaled *= STEP;
            unit--;
        }
        // 999.7 µs rounds to 1000 µs: that is 1 ms
        if (unit < TIME_UNITS.length - 1 && significant(scaled).abs().compareTo(BigDecimal.valueOf(STEP)) >= 0) {
            scaled /= STEP;
            unit++;
        }
        return exact(scaled) + " " + TIME_UNITS[unit];
    }

    /** A size in bytes in binary units as the scenario format writes them: "512 MB", "1.5 GB". */
    public static String bytes(double bytes) {
        String[] units = {"B", "KB", "MB", "GB", "TB"};
        int unit = 0;
        double scaled = bytes;
        while (unit < units.length - 1 && Math.abs(scaled) >= 1024) {
            scaled /= 1024;
            unit++;
        }
        return exact(scaled) + " " + units[unit];
    }

    /** A line rate given in bytes per second, in bits per second: "1 Gbit/s", "100 Mbit/s". */
    public static String bitRate(double bytesPerSecond) {
        String[] units = {"bit/s", "kbit/s", "Mbit/s", "Gbit/s", "Tbit/s"};
        int unit = 0;
        double scaled = bytesPerSecond * 8;
        while (unit < units.length - 1 && Math.abs(scaled) >= STEP) {
            scaled /= STEP;
            unit++;
        }
        return exact(scaled) + " " + units[unit];
    }

    /** A rate per second: "40 /s". */
    public static String perSecond(double rate) {
        return exact(rate) + " /s";
    }

    /** Up to {@value #DIGITS} significant digits without trailing zeros: 2, 1.5, 0.333. */
    private static String exact(double value) {
        if (isWhole(value) && Math.abs(value) < 1e15) {
            return Long.toString(Math.round(value));
        }
        return significant(value).stripTrailingZeros().toPlainString();
    }

    private static boolean isWhole(double v) {
        return Math.abs(v - Math.rint(v)) < 1e-9 * Math.max(1, Math.abs(v));
    }

    private static String whole(double v) {
        return Long.toString(Math.round(v));
    }
}
