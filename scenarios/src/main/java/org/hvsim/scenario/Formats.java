package org.hvsim.scenario;

import java.math.BigDecimal;
import java.math.MathContext;

/** Writes SI values back with a readable unit, for the resolved scenario and messages. */
public final class Formats {
    private Formats() {
    }

    public static String duration(double s) {
        if (s == 0) {
            return "0 s";
        }
        double a = Math.abs(s);
        if (a >= 3600 && isWhole(s / 3600)) {
            return num(s / 3600) + " h";
        }
        if (a >= 60 && isWhole(s / 60)) {
            return num(s / 60) + " min";
        }
        if (a >= 1) {
            return num(s) + " s";
        }
        if (a >= 1e-3) {
            return num(s * 1e3) + " ms";
        }
        if (a >= 1e-6) {
            return num(s * 1e6) + " us";
        }
        return num(s * 1e9) + " ns";
    }

    public static String size(double bytes) {
        String[] units = {"TB", "GB", "MB", "KB"};
        double[] f = {1024.0 * 1024 * 1024 * 1024, 1024.0 * 1024 * 1024, 1024.0 * 1024, 1024.0};
        for (int i = 0; i < units.length; i++) {
            if (bytes >= f[i] && isWhole(bytes / f[i] * 1000)) {
                return num(bytes / f[i]) + " " + units[i];
            }
        }
        return num(bytes) + " B";
    }

    public static String bandwidth(double bytesPerSecond) {
        double bits = bytesPerSecond * 8;
        if (bits >= 1e9) {
            return num(bits / 1e9) + " Gbit/s";
        }
        if (bits >= 1e6) {
            return num(bits / 1e6) + " Mbit/s";
        }
        return num(bits / 1e3) + " kbit/s";
    }

    public static String rate(double perSecond) {
        return num(perSecond) + " /s";
    }

    private static boolean isWhole(double v) {
        return Math.abs(v - Math.rint(v)) < 1e-9 * Math.max(1, Math.abs(v));
    }

    /** Up to 9 significant digits, no trailing zeros, no exponent for ordinary magnitudes. */
    public static String num(double v) {
        if (isWhole(v) && Math.abs(v) < 1e15) {
            return Long.toString(Math.round(v));
        }
        return new BigDecimal(v).round(new MathContext(9)).stripTrailingZeros().toPlainString();
    }
}
