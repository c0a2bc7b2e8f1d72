package org.hvsim.report.scenario;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as the scenario format writes them (docs/scenario-format.md: {@code ns}, {@code us} or
 * {@code µs}, {@code ms}, {@code s}, {@code min}, {@code h}, {@code d}), read as seconds. A bare
 * number is seconds.
 */
public final class Durations {

    private static final Pattern DURATION =
            Pattern.compile("\\s*([-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?)\\s*([a-zµμ]*)\\s*");

    private static final Map<String, Double> SECONDS_PER_UNIT = Map.ofEntries(
            Map.entry("", 1.0), Map.entry("s", 1.0), Map.entry("sec", 1.0),
            Map.entry("ns", 1e-9), Map.entry("us", 1e-6), Map.entry("µs", 1e-6), Map.entry("μs", 1e-6),
            Map.entry("ms", 1e-3), Map.entry("min", 60.0), Map.entry("h", 3600.0), Map.entry("d", 86400.0));

    private Durations() {
    }

    /** {@code value} (a number of seconds, or text like "30 s") in seconds; empty when unreadable. */
    public static Optional<Double> seconds(Object value) {
        if (value instanceof Number n) {
            double s = n.doubleValue();
            return Double.isFinite(s) ? Optional.of(s) : Optional.empty();
        }
        if (!(value instanceof CharSequence text)) {
            return Optional.empty();
        }
        Matcher m = DURATION.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        Double factor = SECONDS_PER_UNIT.get(m.group(2));
        if (factor == null) {
            return Optional.empty();
        }
        return Optional.of(Double.parseDouble(m.group(1)) * factor);
    }
}
