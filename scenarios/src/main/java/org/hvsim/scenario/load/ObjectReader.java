package org.hvsim.scenario.load;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A typed, error-collecting view of one YAML mapping.
 *
 * <p>Every getter either returns the value or records a {@link Problem} at the offending value and
 * returns the default (or a neutral placeholder), so that a schema can be read to the end and every
 * mistake reported at once. Every key asked for, present or not, is remembered; {@link #finish()}
 * then reports the keys nobody asked for, with the nearest known key as a suggestion.
 *
 * <p>Messages name the value by its path ({@code vms[2].workload.open}); the problem's location
 * already says where it is. A YAML null ({@code key:} with nothing after it) is treated as a wrong
 * value ("found nothing"), not as an absent key, because it is almost always an unfinished edit;
 * {@link #node(String)} gives access to it for schemas that want otherwise.
 *
 * <p>Numeric getters accept a sweep when the reader was made with {@link Sweeps}: a list of values
 * ({@code [2, 4, 8]}) or a range ({@code { from: 2, to: 40, step: 2 }}). Every value is checked as a
 * single value would be; the getter returns the one the current grid point uses ({@link SweepReader}
 * reads them). Without {@link Sweeps}, a list or range is just a wrong value.
 *
 * <p>If the node given to {@link #of} is not a mapping, that one problem is recorded and the reader
 * stays silent afterwards (every getter returns its default, nothing is "missing" or "unknown"),
 * because one wrong value should not produce a cascade of messages.
 */
public final class ObjectReader {

    private static final Pattern WHOLE = Pattern.compile("[+-]?\\d(?:_?\\d)*");

    private final MapNode map;
    private final Problems problems;
    private final String path;
    private final boolean silent;
    private final Sweeps sweeps;
    private final Set<String> asked = new LinkedHashSet<>();

    private ObjectReader(MapNode map, Problems problems, String path, boolean silent, Sweeps sweeps) {
        this.map = map;
        this.problems = problems;
        this.path = path == null ? "" : path;
        this.silent = silent;
        this.sweeps = sweeps;
    }

    /**
     * A reader over {@code node}, which should be a mapping, accepting sweeps of numeric values,
     * recorded in {@code sweeps} (null: no sweeps). Nested readers share it.
     *
     * @param path how to name this mapping in messages ("" for the top level, "host", "vms[2]")
     */
    public static ObjectReader of(Node node, Problems problems, String path, Sweeps sweeps) {
        if (node instanceof MapNode m) {
            return new ObjectReader(m, problems, path, false, sweeps);
        }
        String where = path == null || path.isEmpty() ? "the file" : path;
        problems.add(node.location(), where + ": expected a mapping ('key: value' lines or { key: value }), found "
                + node.describe());
        return silentAt(node.location(), problems, path, sweeps);
    }

    private static ObjectReader silentAt(SourceLocation at, Problems problems, String path, Sweeps sweeps) {
        return new ObjectReader(new MapNode(at, List.of()), problems, path, true, sweeps);
    }

    /** The sweeps this reader records into; null if it accepts none. */
    public Sweeps sweeps() {
        return sweeps;
    }

    /** The name of this mapping in messages; "" at the top level. */
    public String path() {
        return path;
    }

    /** The name of {@code key} of this mapping in messages: "vms[2].vcpus". */
    public String pathOf(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** Where this mapping starts. */
    public SourceLocation location() {
        return map.location();
    }

    /** Where the value of {@code key} starts, or where this mapping starts if the key is absent. */
    public SourceLocation locationOf(String key) {
        return map.get(key).map(Node::location).orElse(map.location());
    }

    /** The mapping itself. */
    public MapNode map() {
        return map;
    }

    public Problems problems() {
        return problems;
    }

    /** Whether {@code key} is present (even with a null value). Counts as asking for it. */
    public boolean has(String key) {
        asked.add(key);
        return map.containsKey(key);
    }

    /** Records "missing required key" for each of {@code keys} that is absent. */
    public void require(String... keys) {
        for (String key : keys) {
            asked.add(key);
            if (!map.containsKey(key)) {
                missing(key, null);
            }
        }
    }

    /** Records a problem about {@code key} (at its value, or at this mapping if absent). */
    public void report(String key, String message) {
        asked.add(key);
        problems.add(locationOf(key), message);
    }

    /** The raw value of {@code key}, untyped, if present. Counts as asking for it. */
    public Optional<Node> node(String key) {
        asked.add(key);
        return map.get(key);
    }

    // ---------------------------------------------------------------- scalars

    /** Text; required if {@code defaultValue} is null (then "" stands in when it is missing or wrong). */
    public String string(String key, String defaultValue) {
        Optional<ScalarNode> s = scalar(key, defaultValue == null, "text");
        if (s.isEmpty()) {
            return defaultValue == null ? "" : defaultValue;
        }
        return s.get().text();
    }

    /** A whole number in [{@code min}, {@code max}]; {@code defaultValue} if absent or wrong. */
    public long longInteger(String key, long defaultValue, long min, long max) {
        return number(key, new NumberKind("a whole number", s -> wholeNumber(key, s, min, max),
                s -> wholeNumber(key, s, Long.MIN_VALUE, Long.MAX_VALUE), true, null))
                .map(Number::longValue).orElse(defaultValue);
    }

    private Long wholeNumber(String key, ScalarNode s, long min, long max) {
        String text = s.text().strip();
        if (!WHOLE.matcher(text).matches()) {
            wrong(s, key, "expected a whole number, found " + s.describe());
            return null;
        }
        BigInteger value = new BigInteger(text.replace("_", ""));
        if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
            wrong(s, key, pathOf(key) + " must be " + range(Long.toString(min), Long.toString(max),
                    min == Long.MIN_VALUE, max == Long.MAX_VALUE) + ", found " + text);
            return null;
        }
        return value.longValueExact();
    }

    /** A finite number (5, 0.5, 1e3) in [{@code min}, {@code max}]; {@code defaultValue} if absent or wrong. */
    public double decimal(String key, double defaultValue, double min, double max) {
        return number(key, new NumberKind("a number", s -> plainNumber(key, s, min, max),
                s -> plainNumber(key, s, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY), false, null))
                .map(Number::doubleValue).orElse(defaultValue);
    }

    private Double plainNumber(String key, ScalarNode s, double min, double max) {
        double value;
        try {
            value = Units.number(s.text());
        } catch (UnitException e) {
            wrong(s, key, e.getMessage());
            return null;
        }
        if (value < min || value > max) {
            wrong(s, key, pathOf(key) + " must be " + range(Quantity.plain(min), Quantity.plain(max),
                    min == Double.NEGATIVE_INFINITY || min == -Double.MAX_VALUE,
                    max == Double.POSITIVE_INFINITY || max == Double.MAX_VALUE) + ", found " + s.text().strip());
            return null;
        }
        return value;
    }

    /** true or false (also True/TRUE/False/FALSE); YAML 1.1's yes/no/on/off are refused as ambiguous. */
    public boolean bool(String key, boolean defaultValue) {
        Optional<ScalarNode> s = scalar(key, false, "true or false");
        if (s.isEmpty()) {
            return defaultValue;
        }
        switch (s.get().text().strip()) {
            case "true", "True", "TRUE":
                return true;
            case "false", "False", "FALSE":
                return false;
            default:
                wrong(s.get(), key, "expected true or false, found " + s.get().describe());
                return defaultValue;
        }
    }

    /**
     * A quantity in SI units within [{@code min}, {@code max}] (also SI). Negative values are accepted
     * only if {@code min} is negative.
     */
    public double quantity(String key, Quantity quantity, double defaultValue, double min, double max) {
        return number(key, new NumberKind(quantity.noun(), s -> quantityValue(key, s, quantity, min, max),
                s -> quantityValue(key, s, quantity, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY), false,
                quantity)).map(Number::doubleValue).orElse(defaultValue);
    }

    private Double quantityValue(String key, ScalarNode s, Quantity quantity, double min, double max) {
        double value;
        try {
            value = Units.parse(quantity, s.text(), min < 0);
        } catch (UnitException e) {
            wrong(s, key, e.getMessage());
            return null;
        }
        if (value < min || value > max) {
            String hint = quantity == Quantity.FRACTION && value > 1 && !s.text().contains("%")
                    ? " (write '" + s.text().strip() + " %' for a percentage)" : "";
            wrong(s, key, pathOf(key) + " must be " + range(quantity.format(min), quantity.format(max),
                    min == Double.NEGATIVE_INFINITY, max == Double.POSITIVE_INFINITY)
                    + ", found " + Excerpt.quote(s.text().strip()) + hint);
            return null;
        }
        return value;
    }

    // ---------------------------------------------------------------- sweeps

    /**
     * How one kind of number is read from a scalar: {@code bounded} checks the key's range, {@code
     * unbounded} does not (for a range's step); both record a problem and give null for a wrong value.
     *
     * @param noun     what a single value is, for "expected …"
     * @param integral whether the values are whole numbers (a range then steps in whole numbers)
     * @param quantity the unit family, to show a range's values; null for plain numbers
     */
    record NumberKind(String noun, Function<ScalarNode, Number> bounded, Function<ScalarNode, Number> unbounded,
            boolean integral, Quantity quantity) {
    }

    /** The value of {@code key}, single or swept; empty if absent or after a problem. */
    private Optional<Number> number(String key, NumberKind kind) {
        Optional<Node> sweep = sweepNode(key);
        if (sweep.isPresent()) {
            return SweepReader.select(this, key, sweep.get(), kind);
        }
        return scalar(key, false, kind.noun()).map(kind.bounded());
    }

    /**
     * Whether {@code key} holds a sweep: a list, or a mapping with a {@code from} key. Does not count
     * as asking for the key.
     */
    public boolean isSweep(String key) {
        return sweeps != null && map.get(key).filter(SweepReader::looksLikeSweep).isPresent();
    }

    private Optional<Node> sweepNode(String key) {
        if (sweeps == null) {
            return Optional.empty();
        }
        asked.add(key);
        return map.get(key).filter(SweepReader::looksLikeSweep);
    }

    /**
     * One of {@code allowed}, matched exactly; required if {@code defaultValue} is null (then the first
     * allowed value stands in). A miss suggests the nearest allowed value.
     */
    public String oneOf(String key, String defaultValue, List<String> allowed) {
        String placeholder = defaultValue != null ? defaultValue : allowed.isEmpty() ? "" : allowed.get(0);
        Optional<ScalarNode> s = scalar(key, defaultValue == null, "one of " + String.join(", ", allowed));
        if (s.isEmpty()) {
            return placeholder;
        }
        String text = s.get().text().strip();
        if (allowed.contains(text)) {
            return text;
        }
        wrong(s.get(), key, "expected one of " + String.join(", ", allowed) + ", found " + s.get().describe()
                + suggestion(text, allowed));
        return placeholder;
    }

    // ---------------------------------------------------------------- structure

    /** A nested mapping, required: if missing or not a mapping, a problem and a silent empty reader. */
    public ObjectReader object(String key) {
        asked.add(key);
        Optional<Node> n = map.get(key);
        if (n.isEmpty()) {
            missing(key, "a mapping");
            return silentAt(map.location(), problems, pathOf(key), sweeps);
        }
        return childOf(n.get(), pathOf(key));
    }

    /** A nested mapping if present. */
    public Optional<ObjectReader> optionalObject(String key) {
        asked.add(key);
        return map.get(key).map(n -> childOf(n, pathOf(key)));
    }

    /** A reader of a nested value, silent if this one is. */
    ObjectReader childOf(Node node, String childPath) {
        if (silent) {
            return node instanceof MapNode m ? new ObjectReader(m, problems, childPath, true, sweeps)
                    : silentAt(node.location(), problems, childPath, sweeps);
        }
        return of(node, problems, childPath, sweeps);
    }

    /**
     * A list, required (empty if missing or wrong). A single mapping or non-null scalar where a list is
     * expected is accepted as a list of that one item, so that {@code architectures: native} means
     * {@code architectures: [native]}.
     */
    public List<Node> list(String key) {
        return list(key, true);
    }

    /** As {@link #list(String)}, but an absent key gives an empty list without a problem. */
    public List<Node> optionalList(String key) {
        return list(key, false);
    }

    private List<Node> list(String key, boolean required) {
        asked.add(key);
        Optional<Node> n = map.get(key);
        if (n.isEmpty()) {
            if (required) {
                missing(key, "a list");
            }
            return List.of();
        }
        Node node = n.get();
        if (node instanceof ListNode l) {
            return l.items();
        }
        if (node instanceof ScalarNode s && s.isNull()) {
            wrong(node, key, "expected a list, found nothing");
            return List.of();
        }
        return List.of(node);
    }

    /** A list of mappings, each read with path {@code key[i]}; required. */
    public List<ObjectReader> objects(String key) {
        return readers(key, list(key, true));
    }

    /** As {@link #objects(String)}, but an absent key gives an empty list without a problem. */
    public List<ObjectReader> optionalObjects(String key) {
        return readers(key, list(key, false));
    }

    private List<ObjectReader> readers(String key, List<Node> items) {
        List<ObjectReader> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            out.add(childOf(items.get(i), pathOf(key) + "[" + i + "]"));
        }
        return out;
    }

    /**
     * Of {@code keys}, the one that is present, for alternatives such as {@code open} vs
     * {@code closed}. A problem if none is present (at this mapping) or several are (at the second).
     */
    public Optional<String> exactlyOne(String... keys) {
        List<String> present = new ArrayList<>();
        for (String key : keys) {
            asked.add(key);
            if (map.containsKey(key)) {
                present.add(key);
            }
        }
        if (present.size() == 1) {
            return Optional.of(present.get(0));
        }
        if (silent) {
            return present.stream().findFirst();
        }
        if (present.isEmpty()) {
            problems.add(map.location(), prefix() + "expected " + alternatives(List.of(keys)) + ", found none of them");
            return Optional.empty();
        }
        problems.add(map.entry(present.get(1)).orElseThrow().keyLocation(), prefix() + "'" + present.get(0)
                + "' and '" + present.get(1) + "' cannot both be given; choose one");
        return Optional.of(present.get(0));
    }

    /**
     * Reports every key present but never asked for, at the key, suggesting the nearest key that was
     * asked for: "unknown key 'vpcus' in vms[0] — did you mean 'vcpus'?". Call once, after reading.
     */
    public void finish() {
        if (silent) {
            return;
        }
        for (MapNode.Entry e : map.entries()) {
            if (asked.contains(e.key())) {
                continue;
            }
            Optional<String> near = NearestKey.among(e.key(), asked);
            String message = "unknown key " + Excerpt.quote(e.key()) + " " + where();
            if (near.isPresent()) {
                message += " — did you mean '" + near.get() + "'?";
            } else if (!asked.isEmpty() && asked.size() <= 16) {
                message += " (known keys here: " + String.join(", ", asked) + ")";
            }
            problems.add(e.keyLocation(), message);
        }
        // Each unknown key is reported once even if finish() is called again.
        asked.addAll(map.keys());
    }

    // ---------------------------------------------------------------- internals

    /** "in vms[0]" or "at the top level", to follow a noun. */
    private String where() {
        return path.isEmpty() ? "at the top level" : "in " + path;
    }

    /** "vms[0].workload: " or nothing at the top level, to start a message. */
    private String prefix() {
        return path.isEmpty() ? "" : path + ": ";
    }

    /** The scalar value of {@code key}, or empty after recording why it cannot be used. */
    private Optional<ScalarNode> scalar(String key, boolean required, String expected) {
        asked.add(key);
        Optional<Node> n = map.get(key);
        if (n.isEmpty()) {
            if (required) {
                missing(key, expected);
            }
            return Optional.empty();
        }
        if (n.get() instanceof ScalarNode s && !s.isNull()) {
            return Optional.of(s);
        }
        wrong(n.get(), key, "expected " + expected + ", found " + n.get().describe());
        return Optional.empty();
    }

    private void missing(String key, String expected) {
        if (!silent) {
            problems.add(map.location(), "missing required key '" + key + "' " + where()
                    + (expected == null ? "" : " (expected " + expected + ")"));
        }
    }

    /** Records {@code message} at {@code at}, prefixed with the key's path unless it starts with it. */
    void wrong(Node at, String key, String message) {
        if (!silent) {
            problems.add(at.location(), message.startsWith(pathOf(key) + " ") ? message : pathOf(key) + ": " + message);
        }
    }

    private static String range(String min, String max, boolean noMin, boolean noMax) {
        if (noMin && noMax) {
            return "a number";
        }
        if (noMax) {
            return "at least " + min;
        }
        if (noMin) {
            return "at most " + max;
        }
        return "between " + min + " and " + max;
    }

    static String suggestion(String typed, Collection<String> candidates) {
        return NearestKey.among(typed, candidates).map(n -> " — did you mean '" + n + "'?").orElse("");
    }

    static String alternatives(List<String> keys) {
        List<String> quoted = keys.stream().map(k -> "'" + k + "'").toList();
        if (quoted.size() <= 2) {
            return "one of " + String.join(" or ", quoted);
        }
        return "one of " + String.join(", ", quoted.subList(0, quoted.size() - 1)) + " or " + quoted.get(quoted.size() - 1);
    }
}
