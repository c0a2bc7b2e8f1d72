package org.hvsim.scenario.load;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Map;

/**
 * The kinds of physical value a scenario file can contain, each converted to one SI unit on reading
 * so that nothing downstream has to know how the user wrote it.
 *
 * <p>See {@link Units} for the accepted unit spellings.
 */
public enum Quantity {
    /** Seconds. */
    DURATION("a duration", "'10 ms' or '5 min'", true,
            List.of(unit("d", 86_400), unit("h", 3_600), unit("min", 60), unit("s", 1), unit("ms", 1e-3),
                    unit("us", 1e-6), unit("ns", 1e-9))),
    /** Bytes. */
    SIZE("a size", "'16 KB' or '4 GB'", true,
            List.of(unit("TB", Units.TEBI), unit("GB", Units.GIBI), unit("MB", Units.MEBI), unit("KB", Units.KIBI),
                    unit("B", 1))),
    /** Bytes per second. */
    BANDWIDTH("a bandwidth", "'1 Gbit/s' or '100 MB/s'", true,
            List.of(unit("GB/s", Units.GIBI), unit("MB/s", Units.MEBI), unit("KB/s", Units.KIBI), unit("B/s", 1))),
    /** Events per second. */
    RATE("a rate", "'40 /s' or '2400 /min'", true, List.of(unit("/s", 1), unit("/min", 1.0 / 60), unit("/h", 1.0 / 3600))),
    /** A plain fraction, 1 meaning 100 %. */
    FRACTION("a fraction", "'0.5' or '50 %'", false, List.of(unit("%", 0.01))),
    /** Hertz. */
    FREQUENCY("a frequency", "'2.4 GHz' or '100 MHz'", true,
            List.of(unit("GHz", 1e9), unit("MHz", 1e6), unit("kHz", 1e3), unit("Hz", 1)));

    private final String noun;
    private final String examples;
    private final boolean unitRequired;
    // Largest first: the units used to show a value back to the user (in range messages).
    private final List<Map.Entry<String, Double>> displayUnits;

    Quantity(String noun, String examples, boolean unitRequired, List<Map.Entry<String, Double>> displayUnits) {
        this.noun = noun;
        this.examples = examples;
        this.unitRequired = unitRequired;
        this.displayUnits = displayUnits;
    }

    private static Map.Entry<String, Double> unit(String name, double factor) {
        return Map.entry(name, factor);
    }

    /** "a duration", "a size", ... */
    public String noun() {
        return noun;
    }

    /** Two example values, quoted, for messages. */
    public String examples() {
        return examples;
    }

    /** Whether a bare number (other than 0) is refused for want of a unit. */
    public boolean unitRequired() {
        return unitRequired;
    }

    /** "expected a duration with a unit such as '10 ms' or '5 min'". */
    String expectation() {
        return "expected " + noun + (unitRequired ? " with a unit such as " : " such as ") + examples;
    }

    /** An SI value written back in the largest unit that keeps it at least 1, e.g. 90.0 → "1.5 min". */
    public String format(double si) {
        if (this == FRACTION) {
            return plain(si * 100) + " %";
        }
        if (si == 0 || !Double.isFinite(si)) {
            Map.Entry<String, Double> base = displayUnits.stream().filter(u -> u.getValue() == 1).findFirst()
                    .orElse(displayUnits.get(displayUnits.size() - 1));
            return plain(si) + " " + base.getKey();
        }
        Map.Entry<String, Double> chosen = displayUnits.get(displayUnits.size() - 1);
        for (Map.Entry<String, Double> u : displayUnits) {
            if (Math.abs(si) >= u.getValue()) {
                chosen = u;
                break;
            }
        }
        return plain(si / chosen.getValue()) + " " + chosen.getKey();
    }

    static String plain(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return new BigDecimal(value).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }
}
