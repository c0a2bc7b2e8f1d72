package org.hvsim.scenario.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads quantities written with units ("5 min", "4 GB", "1 Gbit/s", "40 /s", "50 %", "2.4 GHz") and
 * converts them once to SI doubles: seconds, bytes, bytes per second, events per second, plain
 * fractions and hertz.
 *
 * <p>Numbers: an optional sign, digits with an optional fraction and exponent ({@code 5}, {@code 0.5},
 * {@code .5}, {@code 1e3}, {@code 2.5E-3}); underscores are allowed between digits for readability
 * ({@code 1_000}). Hexadecimal, octal, {@code NaN} and infinities are refused. Whitespace between the
 * number and the unit is optional. Negative values are refused unless the caller allows them.
 *
 * <p>Units are case-sensitive, because case carries meaning (MB is a size, Mb would be megabits).
 * A bare number with no unit is refused where a unit is needed, except {@code 0}, which means the same
 * in every unit.
 *
 * <ul>
 *   <li>Durations: ns; us, µs; ms; s, sec, secs, second, seconds; min, mins, minute, minutes;
 *       h, hour, hours; d, day, days.</li>
 *   <li>Sizes: B, byte, bytes; KB, MB, GB, TB are <b>binary</b> (1 KB = 1024 B), as memory sizes are
 *       usually meant; KiB, MiB, GiB, TiB are accepted as exact synonyms.</li>
 *   <li>Bandwidths: bit/s, kbit/s (or Kbit/s), Mbit/s, Gbit/s, Tbit/s and bps, kbps, Mbps, Gbps, Tbps
 *       are <b>decimal</b> bits per second (1 Gbit/s = 10⁹ bit/s = 125,000,000 B/s), as network links
 *       are rated; B/s, KB/s, MB/s, GB/s, TB/s and KiB/s, MiB/s, GiB/s, TiB/s are binary bytes per
 *       second, like sizes.</li>
 *   <li>Rates: /s, /sec, /ms, /min, /h, /hour, or "per" followed by s, sec, second, ms, min, minute, h,
 *       hour ("40 /s", "40/s", "40 per s").</li>
 *   <li>Fractions: a bare number (0.5) or a percentage ("50 %").</li>
 *   <li>Frequencies: Hz, kHz (or KHz), MHz, GHz.</li>
 * </ul>
 */
public final class Units {

    public static final double KIBI = 1024.0;
    public static final double MEBI = KIBI * 1024;
    public static final double GIBI = MEBI * 1024;
    public static final double TEBI = GIBI * 1024;

    private static final Pattern NUMBER_THEN_UNIT = Pattern.compile(
            "([+-]?(?:\\d(?:_?\\d)*(?:\\.(?:\\d(?:_?\\d)*)?)?|\\.\\d(?:_?\\d)*)(?:[eE][+-]?\\d+)?)\\s*(.*)",
            Pattern.DOTALL);
    private static final Pattern NOT_FINITE = Pattern.compile(
            "[+-]?\\.?(?:nan|inf|infinity)\\b.*", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private static final Map<Quantity, Map<String, Double>> UNITS = new LinkedHashMap<>();

    static {
        Map<String, Double> d = new LinkedHashMap<>();
        put(d, 1e-9, "ns");
        put(d, 1e-6, "us", "µs", "μs");
        put(d, 1e-3, "ms");
        put(d, 1, "s", "sec", "secs", "second", "seconds");
        put(d, 60, "min", "mins", "minute", "minutes");
        put(d, 3600, "h", "hour", "hours");
        put(d, 86_400, "d", "day", "days");
        put(d, 365.25 * 86_400, "y", "year", "years"); // Julian years: availability horizons
        UNITS.put(Quantity.DURATION, d);

        Map<String, Double> s = new LinkedHashMap<>();
        Map<String, Double> b = new LinkedHashMap<>();
        put(s, 1, "B", "byte", "bytes");
        put(b, 1.0 / 8, "bit/s", "bps");
        put(b, 1e3 / 8, "kbit/s", "Kbit/s", "kbps", "Kbps");
        put(b, 1e6 / 8, "Mbit/s", "Mbps");
        put(b, 1e9 / 8, "Gbit/s", "Gbps");
        put(b, 1e12 / 8, "Tbit/s", "Tbps");
        put(b, 1, "B/s");
        // Sizes and bytes per second share their binary prefixes, each also in its IEC spelling (KiB).
        double factor = 1;
        for (String prefix : List.of("K", "M", "G", "T")) {
            factor *= KIBI;
            put(s, factor, prefix + "B", prefix + "iB");
            put(b, factor, prefix + "B/s", prefix + "iB/s");
        }
        UNITS.put(Quantity.SIZE, s);
        UNITS.put(Quantity.BANDWIDTH, b);

        Map<String, Double> r = new LinkedHashMap<>();
        put(r, 1000, "/ms", "per ms");
        put(r, 1, "/s", "/sec", "per s", "per sec", "per second");
        put(r, 1.0 / 60, "/min", "per min", "per minute");
        put(r, 1.0 / 3600, "/h", "/hour", "per h", "per hour");
        UNITS.put(Quantity.RATE, r);

        Map<String, Double> f = new LinkedHashMap<>();
        put(f, 0.01, "%");
        UNITS.put(Quantity.FRACTION, f);

        Map<String, Double> hz = new LinkedHashMap<>();
        put(hz, 1, "Hz");
        put(hz, 1e3, "kHz", "KHz");
        put(hz, 1e6, "MHz");
        put(hz, 1e9, "GHz");
        UNITS.put(Quantity.FREQUENCY, hz);
    }

    private Units() {
    }

    private static void put(Map<String, Double> table, double factor, String... names) {
        for (String n : names) {
            table.put(n, factor);
        }
    }

    /** The units accepted for a quantity, in the order they are documented. */
    public static List<String> unitsOf(Quantity quantity) {
        return List.copyOf(UNITS.get(quantity).keySet());
    }

    /**
     * Reads {@code text} as a {@code quantity} and returns it in SI units.
     *
     * @param allowNegative whether a value below zero is acceptable here
     * @throws UnitException with a message naming what was found and what was expected
     */
    public static double parse(Quantity quantity, String text, boolean allowNegative) throws UnitException {
        if (text == null || text.isBlank()) {
            throw new UnitException(quantity.expectation() + ", found nothing");
        }
        String trimmed = text.strip();
        Matcher m = NUMBER_THEN_UNIT.matcher(trimmed);
        if (!m.matches()) {
            if (NOT_FINITE.matcher(trimmed).matches()) {
                throw new UnitException("expected a finite number, found " + Excerpt.quote(trimmed));
            }
            throw new UnitException(quantity.expectation() + ", found " + Excerpt.quote(trimmed));
        }
        double number = toDouble(m.group(1));
        String unit = normalise(m.group(2));
        double factor;
        if (unit.isEmpty()) {
            if (quantity.unitRequired() && number != 0) {
                throw new UnitException(quantity.expectation() + ", found " + Excerpt.quote(trimmed));
            }
            factor = 1;
        } else {
            Double f = UNITS.get(quantity).get(unit);
            if (f == null) {
                throw new UnitException(unknownUnit(quantity, unit, trimmed));
            }
            factor = f;
        }
        if (number < 0 && !allowNegative) {
            throw new UnitException(quantity.noun().substring(quantity.noun().indexOf(' ') + 1)
                    + " must not be negative, found " + Excerpt.quote(trimmed));
        }
        // Dividing by an exact reciprocal keeps "5 us" at 5e-6 rather than 4.9999999999999996E-6.
        double reciprocal = Math.rint(1 / factor);
        double value = factor < 1 && Math.abs(reciprocal * factor - 1) < 1e-12 ? number / reciprocal : number * factor;
        if (!Double.isFinite(value)) {
            throw new UnitException("the number is too large, found " + Excerpt.quote(trimmed));
        }
        return value == 0 ? 0.0 : value; // no -0.0: it prints oddly and compares unequal in records
    }

    /**
     * A plain decimal number in the grammar described above, possibly negative.
     *
     * @throws UnitException if it is not a finite number, or has anything after it
     */
    public static double number(String text) throws UnitException {
        if (text == null || text.isBlank()) {
            throw new UnitException("expected a number, found nothing");
        }
        String trimmed = text.strip();
        Matcher m = NUMBER_THEN_UNIT.matcher(trimmed);
        if (!m.matches() || !m.group(2).isEmpty()) {
            if (NOT_FINITE.matcher(trimmed).matches()) {
                throw new UnitException("expected a finite number, found " + Excerpt.quote(trimmed));
            }
            throw new UnitException("expected a number, found " + Excerpt.quote(trimmed));
        }
        double value = toDouble(m.group(1));
        if (!Double.isFinite(value)) {
            throw new UnitException("the number is too large, found " + Excerpt.quote(trimmed));
        }
        return value == 0 ? 0.0 : value;
    }

    /** The unit as written after the number ("ms" in "2.5 ms"); "" if there is none or the text is no quantity. */
    static String unitOf(String text) {
        Matcher m = NUMBER_THEN_UNIT.matcher(text == null ? "" : text.strip());
        return m.matches() ? normalise(m.group(2)) : "";
    }

    /** Unit spelling with the space around '/' and repeated spaces removed: "Gbit / s" → "Gbit/s". */
    private static String normalise(String unit) {
        return unit.strip().replaceAll("\\s*/\\s*", "/").replaceAll("\\s+", " ");
    }

    private static String unknownUnit(Quantity quantity, String unit, String whole) {
        String ambiguous = ambiguity(quantity, unit);
        if (ambiguous != null) {
            return ambiguous + ", found " + Excerpt.quote(whole);
        }
        for (Map.Entry<Quantity, Map<String, Double>> other : UNITS.entrySet()) {
            if (other.getKey() != quantity && other.getKey() != Quantity.FRACTION
                    && other.getValue().containsKey(unit)) {
                return Excerpt.quote(unit) + " is a unit of " + other.getKey().noun().substring(2) + ", but "
                        + quantity.expectation() + ", found " + Excerpt.quote(whole);
            }
        }
        StringBuilder out = new StringBuilder("unknown " + quantity.noun().substring(2) + " unit " + Excerpt.quote(unit)
                + " in " + Excerpt.quote(whole));
        Optional<String> near = NearestKey.among(unit, UNITS.get(quantity).keySet());
        near.ifPresent(n -> out.append(" — did you mean '").append(n).append("'?"));
        out.append(" (units: ").append(String.join(", ", canonical(quantity))).append(')');
        return out.toString();
    }

    /** Units that stand for different things to different readers get a targeted explanation. */
    private static String ambiguity(Quantity quantity, String unit) {
        String withoutPerSecond = unit.endsWith("/s") ? unit.substring(0, unit.length() - 2) : unit;
        String prefix = switch (withoutPerSecond) {
            case "b" -> "";
            case "Kb", "kb" -> "K";
            case "Mb", "mb" -> "M";
            case "Gb", "gb" -> "G";
            case "Tb", "tb" -> "T";
            default -> null;
        };
        if (prefix == null) {
            if (quantity == Quantity.DURATION && unit.equals("m")) {
                return "'m' is ambiguous: write 'min' for minutes or 'ms' for milliseconds";
            }
            return null;
        }
        String bits = (prefix.equals("K") ? "kbit/s" : prefix + "bit/s");
        String bytes = prefix + "B" + (quantity == Quantity.SIZE ? "" : "/s");
        return Excerpt.quote(unit) + " is ambiguous (bits or bytes?): write '" + bits + "' for bits per second or '"
                + bytes + "' for bytes" + (quantity == Quantity.SIZE ? "" : " per second");
    }

    /** One spelling per factor, for listing units in messages. */
    private static List<String> canonical(Quantity quantity) {
        List<String> names = new ArrayList<>();
        List<Double> seen = new ArrayList<>();
        for (Map.Entry<String, Double> e : UNITS.get(quantity).entrySet()) {
            if (!seen.contains(e.getValue())) {
                seen.add(e.getValue());
                names.add(e.getKey());
            }
        }
        return names;
    }

    private static double toDouble(String digits) {
        // The grammar above only admits strings Double.parseDouble accepts once underscores go.
        return Double.parseDouble(digits.replace("_", "").toLowerCase(Locale.ROOT));
    }
}
