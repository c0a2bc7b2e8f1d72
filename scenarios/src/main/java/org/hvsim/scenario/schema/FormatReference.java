package org.hvsim.scenario.schema;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.hvsim.scenario.load.Quantity;
import org.hvsim.scenario.load.Units;

/**
 * Writes the key reference of docs/scenario-format.md from {@link ScenarioSchema}: one table per
 * section with every key's type, unit, default and why, range, example and meaning.
 */
public final class FormatReference {

    /** Marks the start of the generated part of docs/scenario-format.md. */
    public static final String BEGIN = "<!-- BEGIN KEY REFERENCE: generated from ScenarioSchema by SchemaWriter; do not edit by hand -->";
    /** Marks its end. */
    public static final String END = "<!-- END KEY REFERENCE -->";

    private FormatReference() {
    }

    /** The generated Markdown, markers included. */
    public static String markdown() {
        StringBuilder out = new StringBuilder(BEGIN).append("\n\n");
        for (Section s : ScenarioSchema.sections()) {
            boolean family = s.id().startsWith("dist.");
            if (family && s == ScenarioSchema.CONSTANT) {
                out.append("### Distributions\n\n")
                        .append("A distribution is written `FAMILY: { settings }`, or as a plain duration for a "
                                + "constant (`cpu: 8 ms`). A family with one parameter also takes it as a plain "
                                + "value: `constant: 1.5 s`, `exponential: 2 s` (its mean). All values are "
                                + "durations.\n\n");
            }
            out.append(family ? "#### " : "### ").append(s.title()).append("\n\n").append(s.description()).append("\n\n");
            for (List<String> group : s.exactlyOneOf()) {
                out.append("Exactly one of ").append(String.join(", ", group.stream().map(n -> "`" + n + "`").toList()))
                        .append(".\n\n");
            }
            out.append("| key | type | unit | default | why this default | range | example | meaning |\n");
            out.append("|---|---|---|---|---|---|---|---|\n");
            for (Key k : s.keys()) {
                out.append("| `").append(k.name()).append("` | ")
                        .append(cell(type(k))).append(" | ")
                        .append(cell(unit(k))).append(" | ")
                        .append(cell(defaultText(k))).append(" | ")
                        .append(cell(k.defaultSource().orElse(""))).append(" | ")
                        .append(cell(range(k))).append(" | ")
                        .append(k.example().map(e -> "`" + e + "`").map(FormatReference::cell).orElse("")).append(" | ")
                        .append(cell(k.description() + requires(k))).append(" |\n");
            }
            out.append('\n');
        }
        return out.append(END).append('\n').toString();
    }

    /** One line about a key for the JSON Schema's descriptions (shown by editors on hover). */
    static String summary(Key k) {
        StringBuilder out = new StringBuilder(capitalise(k.description())).append('.');
        String unit = unit(k);
        if (!unit.isEmpty()) {
            out.append(" Unit: ").append(unit).append('.');
        }
        String range = range(k);
        if (!range.isEmpty()) {
            out.append(" Range: ").append(range).append('.');
        }
        if (k.isRequired()) {
            out.append(" Required.");
        } else if (k.defaultText().isPresent()) {
            out.append(" Default: ").append(k.defaultText().get()).append(" (")
                    .append(k.defaultSource().orElse("")).append(").");
        }
        if (k.type().sweepable()) {
            out.append(" A list or {from, to, step} sweeps it.");
        }
        return out.toString();
    }

    static String type(Key k) {
        return switch (k.type()) {
            case QUANTITY -> k.quantity().noun().substring(k.quantity().noun().indexOf(' ') + 1);
            case CHOICE -> String.join(" | ", k.choices().stream().map(c -> "`" + c + "`").toList());
            case MAPPING -> "mapping: " + k.child().title();
            case LIST -> "list of " + k.child().title();
            case NAME_OR_MAPPING_LIST -> "list of names or " + k.child().title();
            default -> k.type().label();
        };
    }

    static String unit(Key k) {
        if (k.unitText().isPresent()) {
            return k.unitText().get();
        }
        if (k.type() != KeyType.QUANTITY) {
            return "";
        }
        return String.join(", ", canonicalUnits(k.quantity()));
    }

    /** One spelling per unit for the docs. */
    static List<String> canonicalUnits(Quantity q) {
        return switch (q) {
            case DURATION -> List.of("ns", "us", "ms", "s", "min", "h", "d");
            case SIZE -> List.of("B", "KB", "MB", "GB", "TB");
            case BANDWIDTH -> List.of("bit/s", "kbit/s", "Mbit/s", "Gbit/s", "B/s", "KB/s", "MB/s", "GB/s");
            case RATE -> List.of("/s", "/min", "/h");
            default -> {
                Set<String> all = new LinkedHashSet<>(Units.unitsOf(q));
                yield new ArrayList<>(all);
            }
        };
    }

    static String defaultText(Key k) {
        if (k.isRequired()) {
            return "required";
        }
        return k.defaultText().map(d -> k.hasComputedDefault() ? d : "`" + d + "`").orElse("none");
    }

    static String range(Key k) {
        if (k.rangeText().isPresent()) {
            return k.rangeText().get();
        }
        boolean lo = Double.isFinite(k.min());
        boolean hi = Double.isFinite(k.max());
        if (!lo && !hi) {
            return "";
        }
        String a = lo ? show(k, k.min()) : "";
        String b = hi ? show(k, k.max()) : "";
        if (lo && hi) {
            return a + " – " + b;
        }
        return lo ? "≥ " + a : "≤ " + b;
    }

    private static String show(Key k, double v) {
        if (k.type() == KeyType.QUANTITY) {
            return k.quantity().format(v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    private static String requires(Key k) {
        return k.requiredWith().isEmpty() ? ""
                : "; needs " + String.join(", ", k.requiredWith().stream().map(n -> "`" + n + "`").toList());
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
