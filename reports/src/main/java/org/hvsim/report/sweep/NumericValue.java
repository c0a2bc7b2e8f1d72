package org.hvsim.report.sweep;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parameter value as written in a scenario, read as a number and a unit: "4" is 4 with no unit,
 * "40 /s" is 40 with unit "/s", "2 GB" is 2 with unit "GB". Units are kept, not converted: a sweep
 * writes its values in one unit, and the axis shows that unit.
 *
 * @param number the leading number
 * @param unit   what follows it, trimmed; empty when there is nothing
 */
public record NumericValue(double number, String unit) {

    private static final Pattern NUMBER_AND_UNIT =
            Pattern.compile("\\s*([-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?)\\s*(.*?)\\s*");

    /** The value read as a number with an optional unit; empty when it does not start with a number. */
    public static Optional<NumericValue> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = NUMBER_AND_UNIT.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        double number = Double.parseDouble(m.group(1));
        return Double.isFinite(number) ? Optional.of(new NumericValue(number, m.group(2))) : Optional.empty();
    }

    /**
     * The unit shared by all {@code values}, if every value is a number and they share one unit
     * (possibly none: then the empty string); empty otherwise, and the values cannot form an axis.
     */
    public static Optional<String> commonUnit(List<String> values) {
        String unit = null;
        for (String v : values) {
            Optional<NumericValue> n = parse(v);
            if (n.isEmpty() || (unit != null && !unit.equals(n.get().unit()))) {
                return Optional.empty();
            }
            unit = n.get().unit();
        }
        return unit == null ? Optional.empty() : Optional.of(unit);
    }
}
