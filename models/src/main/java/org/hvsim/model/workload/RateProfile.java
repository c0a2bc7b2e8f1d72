package org.hvsim.model.workload;

import java.util.Arrays;

/**
 * An arrival rate that varies over time: {@code rate(t)} through the points (times[i], rates[i]), held
 * (steps) or interpolated (linear) between them, the last rate held after the last point, or the whole
 * profile repeated every {@code period} seconds (a daily profile). A non-homogeneous Poisson process
 * with this rate is sampled exactly by inverting its integrated rate: the next arrival after t is the
 * t' where the integral of the rate from t to t' equals an exponential(1) draw.
 *
 * @param times  increasing, the first 0 (seconds)
 * @param rates  per second, ≥ 0, one per time
 * @param linear interpolate between points (else each rate holds until the next point)
 * @param period repeat every {@code period} seconds (≥ the last time); 0 for no repeat
 */
public record RateProfile(double[] times, double[] rates, boolean linear, double period) {

    public RateProfile {
        times = times.clone();
        rates = rates.clone();
        if (times.length == 0 || times.length != rates.length || times[0] != 0) {
            throw new IllegalArgumentException("a rate profile needs points from time 0, one rate each");
        }
        for (int i = 0; i < times.length; i++) {
            if (!(rates[i] >= 0) || Double.isInfinite(rates[i]) || i > 0 && !(times[i] > times[i - 1])) {
                throw new IllegalArgumentException("rate profile: times must increase and rates be finite, >= 0");
            }
        }
        if (period != 0 && !(period >= times[times.length - 1] && period > 0)) {
            throw new IllegalArgumentException("rate profile: the period must cover every point");
        }
        if (Arrays.stream(rates).allMatch(r -> r == 0)) {
            throw new IllegalArgumentException("rate profile: at least one rate must be positive");
        }
    }

    /** The rate at time {@code t}. */
    public double rate(double t) {
        double x = period > 0 ? t % period : t;
        return interpolate(segment(x), x);
    }

    /** The mean rate: over one period when it repeats, else the rate it ends with. */
    public double meanRate() {
        if (period == 0) {
            return rates[rates.length - 1];
        }
        return integral(0, period) / period;
    }

    /** The integral of the rate from {@code a} to {@code b} (a ≤ b): the expected arrivals in between. */
    public double integral(double a, double b) {
        double sum = 0;
        double t = a;
        while (t < b) {
            double x = period > 0 ? t % period : t;
            double base = t - x;
            int i = segment(x);
            double end = i + 1 < times.length ? times[i + 1] : period > 0 ? period : Double.POSITIVE_INFINITY;
            double upto = Math.min(b, base + end);
            sum += piece(i, x, upto - base);
            t = upto;
        }
        return sum;
    }

    /**
     * The time after {@code t} at which the integrated rate has grown by {@code e} (an exponential(1)
     * draw gives the next arrival of the Poisson process); +∞ if the rate stays 0 for ever.
     */
    public double next(double t, double e) {
        double left = e;
        double now = t;
        while (true) {
            double x = period > 0 ? now % period : now;
            double base = now - x;
            int i = segment(x);
            double end = i + 1 < times.length ? times[i + 1] : period > 0 ? period : Double.POSITIVE_INFINITY;
            double mass = end == Double.POSITIVE_INFINITY ? Double.POSITIVE_INFINITY : piece(i, x, end);
            if (mass >= left) {
                return base + solve(i, x, left, end);
            }
            if (end == Double.POSITIVE_INFINITY) {
                return Double.POSITIVE_INFINITY; // a last rate of 0, held for ever
            }
            left -= mass;
            now = base + end;
        }
    }

    /**
     * An interval of the profile from one point to the next (the last up to the period, or for ever
     * without one): where response times are reported by time of day.
     */
    public record Window(double from, double to) {

        /** As figures name it after the VM: {@code 09:00-10:00}, {@code 00:01:40-00:01:50}, {@code 10:00-} when open-ended. */
        public String label() {
            // both ends to the minute, or both to the second: 09:00-10:00, 00:00:50-00:01:00
            boolean minutes = from % 60 == 0 && (to == Double.POSITIVE_INFINITY || to % 60 == 0);
            return clock(from, minutes) + "-" + (to == Double.POSITIVE_INFINITY ? "" : clock(to, minutes));
        }

        /** The scope of this window's figures for VM template {@code vm}: {@code web@09:00-10:00}. */
        public String scope(String vm) {
            return vm + "@" + label();
        }

        private static String clock(double seconds, boolean minutes) {
            long whole = (long) Math.floor(seconds);
            double fraction = seconds - whole;
            String hm = String.format(java.util.Locale.ROOT, "%02d:%02d", whole / 3600, whole / 60 % 60);
            if (minutes) {
                return hm;
            }
            String sec = String.format(java.util.Locale.ROOT, "%02d", whole % 60);
            return hm + ":" + (fraction == 0 ? sec
                    : sec + java.math.BigDecimal.valueOf(fraction).stripTrailingZeros().toPlainString().substring(1));
        }
    }

    /** The profile's windows, one per point, in time order. */
    public java.util.List<Window> windows() {
        java.util.List<Window> out = new java.util.ArrayList<>();
        for (int i = 0; i < times.length; i++) {
            double to = i + 1 < times.length ? times[i + 1] : period > 0 ? period : Double.POSITIVE_INFINITY;
            if (to > times[i]) {
                out.add(new Window(times[i], to));
            }
        }
        return out;
    }

    /** The window with the highest mean offered rate (the first of equals): with hourly points, the peak hour. */
    public Window peakWindow() {
        Window best = null;
        double bestRate = -1;
        for (Window w : windows()) {
            double r = w.to() == Double.POSITIVE_INFINITY ? rates[rates.length - 1] : integral(w.from(), w.to()) / (w.to() - w.from());
            if (r > bestRate) {
                best = w;
                bestRate = r;
            }
        }
        return best;
    }

    /** The window holding instant {@code t} (folded into the period when the profile repeats). */
    public Window windowAt(double t) {
        double x = period > 0 ? t % period : t;
        return windows().get(segment(x));
    }

    private int segment(double x) {
        int i = Arrays.binarySearch(times, x);
        return i >= 0 ? i : -i - 2;
    }

    /** The rate's slope on segment i (0 for steps and for the held last rate without repeat). */
    private double slope(int i) {
        if (!linear) {
            return 0;
        }
        if (i + 1 < times.length) {
            return (rates[i + 1] - rates[i]) / (times[i + 1] - times[i]);
        }
        // a repeating linear profile closes the loop back to the first rate
        return period > 0 && period > times[i] ? (rates[0] - rates[i]) / (period - times[i]) : 0;
    }

    private double interpolate(int i, double x) {
        return rates[i] + slope(i) * (x - times[i]);
    }

    /** The integral over segment i from x to y (both within it). */
    private double piece(int i, double x, double y) {
        double rx = interpolate(i, x);
        double ry = interpolate(i, y);
        return (rx + ry) / 2 * (y - x);
    }

    /** The point in segment i, from x, where the integral reaches m (which the segment holds). */
    private double solve(int i, double x, double m, double end) {
        double r = interpolate(i, x);
        double b = slope(i);
        if (b == 0) {
            return r > 0 ? x + m / r : end;
        }
        // r·d + b·d²/2 = m, the root with d ≥ 0
        double disc = r * r + 2 * b * m;
        double d = (Math.sqrt(Math.max(0, disc)) - r) / b;
        return Math.min(end, x + Math.max(0, d));
    }
}
