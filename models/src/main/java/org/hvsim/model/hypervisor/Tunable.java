package org.hvsim.model.hypervisor;

import java.util.List;
import java.util.Objects;

/**
 * A setting a hypervisor scheduler reads, declared by the scheduler that owns it: its key in scenario
 * files, its kind, its default (one constant that the code and the generated docs both use, with the
 * reason for it), its range and what it means. A scheduler lists the tunables it reads in its
 * {@link SchedulerDescriptor}; the loader makes a key of the {@code scheduler} section (and of an
 * architecture variant) of each registered one.
 *
 * @param key           the name in scenario files ("boost", "quantum")
 * @param kind          how it is written and read
 * @param defaultValue  a Double (seconds) for a duration, a Boolean for a flag, a String for a choice
 * @param min           the smallest duration allowed (durations only)
 * @param max           the largest duration allowed (durations only)
 * @param choices       the values a choice takes (choices only)
 * @param defaultReason where the default comes from (a docs/references.md row or the reasoning)
 * @param meaning       one line for the docs, e.g. "BOOST waking vCPUs"
 * @param example       a value for the docs' example column, as a file writes it
 */
public record Tunable(String key, Kind kind, Object defaultValue, double min, double max, List<String> choices,
        String defaultReason, String meaning, String example) {

    /** How a tunable is written in a file: a duration with its unit, true/false, or one of some words. */
    public enum Kind { DURATION, FLAG, CHOICE }

    public Tunable {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(defaultValue, "defaultValue");
        choices = List.copyOf(choices);
        if (!fits(kind, defaultValue, min, max, choices)) {
            throw new IllegalArgumentException("tunable " + key + ": default " + defaultValue + " does not fit "
                    + kind + " " + (kind == Kind.CHOICE ? choices : "[" + min + ", " + max + "]"));
        }
    }

    /** A duration in seconds within [{@code min}, {@code max}]. */
    public static Tunable duration(String key, double defaultSeconds, double min, double max, String defaultReason,
            String meaning, String example) {
        return new Tunable(key, Kind.DURATION, defaultSeconds, min, max, List.of(), defaultReason, meaning, example);
    }

    /** A flag. */
    public static Tunable flag(String key, boolean defaultValue, String defaultReason, String meaning, String example) {
        return new Tunable(key, Kind.FLAG, defaultValue, 0, 0, List.of(), defaultReason, meaning, example);
    }

    /** One of {@code choices}. */
    public static Tunable choice(String key, List<String> choices, String defaultValue, String defaultReason,
            String meaning, String example) {
        return new Tunable(key, Kind.CHOICE, defaultValue, 0, 0, choices, defaultReason, meaning, example);
    }

    /** True when {@code value} is of this tunable's kind and within its range or choices. */
    public boolean accepts(Object value) {
        return fits(kind, value, min, max, choices);
    }

    private static boolean fits(Kind kind, Object value, double min, double max, List<String> choices) {
        return switch (kind) {
            case DURATION -> value instanceof Double d && d >= min && d <= max;
            case FLAG -> value instanceof Boolean;
            case CHOICE -> value instanceof String s && choices.contains(s);
        };
    }
}
