package org.hvsim.scenario.load;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads a numeric value written as a sweep: a list of values ({@code [2, 4, 8]}) or a range
 * ({@code { from: 2, to: 40, step: 2 }}). Every value is checked as a single value would be; the axis
 * is recorded in the reader's {@link Sweeps}, and the value the current grid point uses is returned.
 */
final class SweepReader {

    private SweepReader() {
    }

    /** Whether {@code n} is written as a sweep: a list, or a mapping with a {@code from} key. */
    static boolean looksLikeSweep(Node n) {
        return n instanceof ListNode || n instanceof MapNode m && m.containsKey("from");
    }

    /**
     * Reads the sweep {@code node} at {@code key} of {@code owner}: checks every value, records the axis
     * and returns the value the current point uses; empty after a problem.
     */
    static Optional<Number> select(ObjectReader owner, String key, Node node, ObjectReader.NumberKind kind) {
        List<Number> values = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        boolean read = node instanceof ListNode list ? list(owner, key, list, kind, values, labels)
                : range(owner, key, node, kind, values, labels);
        if (!read) {
            return Optional.empty();
        }
        if (values.size() > Sweeps.MAX_VALUES) {
            owner.wrong(node, key, "this sweep has " + values.size() + " values; a sweep axis may have at most "
                    + Sweeps.MAX_VALUES);
            return Optional.empty();
        }
        int chosen = owner.sweeps().select(owner.pathOf(key), node.location(), labels);
        return Optional.of(values.get(chosen));
    }

    private static boolean list(ObjectReader owner, String key, ListNode list, ObjectReader.NumberKind kind,
            List<Number> values, List<String> labels) {
        if (list.items().isEmpty()) {
            owner.wrong(list, key, "a sweep needs at least one value, found an empty list");
            return false;
        }
        for (Node item : list.items()) {
            if (!(item instanceof ScalarNode s) || s.isNull()) {
                owner.wrong(item, key, "each value of a sweep must be a single value, found " + item.describe());
                continue;
            }
            Number v = kind.bounded().apply(s);
            if (v == null) {
                continue;
            }
            if (values.stream().anyMatch(x -> x.doubleValue() == v.doubleValue())) {
                owner.wrong(item, key, "the value " + Excerpt.quote(s.text().strip()) + " appears twice in the sweep");
                continue;
            }
            values.add(v);
            labels.add(s.text().strip());
        }
        // With some values refused, the others still form the axis, so that problems that only
        // some points have (memory, warm-up) are found in the same run.
        return !values.isEmpty();
    }

    private static boolean range(ObjectReader owner, String key, Node node, ObjectReader.NumberKind kind,
            List<Number> values, List<String> labels) {
        String path = owner.pathOf(key);
        ObjectReader r = owner.childOf(node, path);
        r.require("from", "to", "step");
        Optional<Number> from = r.map().get("from").flatMap(n -> end(r, n, kind.bounded()));
        Optional<Number> to = r.map().get("to").flatMap(n -> end(r, n, kind.bounded()));
        Optional<Number> step = r.map().get("step").flatMap(n -> end(r, n, kind.unbounded()));
        r.finish();
        if (from.isEmpty() || to.isEmpty() || step.isEmpty()) {
            return false;
        }
        double a = from.get().doubleValue();
        double b = to.get().doubleValue();
        double d = step.get().doubleValue();
        if (!(d > 0)) {
            owner.wrong(r.map().get("step").orElseThrow(), key, path + ".step must be positive");
            return false;
        }
        if (b < a) {
            owner.wrong(r.map().get("to").orElseThrow(), key, path + ".to must not be below from");
            return false;
        }
        double count = Math.floor((b - a) / d * (1 + 1e-12)) + 1;
        if (count > Sweeps.MAX_VALUES) {
            owner.wrong(node, key, "this range has " + Quantity.plain(count) + " values; a sweep axis may have at most "
                    + Sweeps.MAX_VALUES + " (use a larger step)");
            return false;
        }
        Quantity quantity = kind.quantity();
        String unit = quantity == null ? "" : unit(r);
        double factor = 1;
        if (!unit.isEmpty()) {
            try {
                factor = Units.parse(quantity, "1 " + unit, false);
            } catch (UnitException e) {
                unit = "";
            }
        }
        for (int i = 0; i < (int) count; i++) {
            if (kind.integral()) {
                long v = from.get().longValue() + i * step.get().longValue();
                values.add(v);
                labels.add(Long.toString(v));
            } else {
                // Rounded to 12 significant digits so that 0.1 + 2 × 0.1 is 0.3, as the user meant.
                double v = new BigDecimal(a + i * d).round(new MathContext(12)).doubleValue();
                values.add(v);
                labels.add(quantity == null ? Quantity.plain(v)
                        : unit.isEmpty() ? quantity.format(v)
                        : Quantity.plain(new BigDecimal(v / factor).round(new MathContext(12)).doubleValue())
                                + " " + unit);
            }
        }
        return true;
    }

    /** The unit a range is written in (that of 'from', else 'to'), to show its values the same way. */
    private static String unit(ObjectReader r) {
        for (String end : List.of("from", "to")) {
            Optional<Node> n = r.map().get(end);
            if (n.isPresent() && n.get() instanceof ScalarNode s && !s.isNull()) {
                String unit = Units.unitOf(s.text());
                if (!unit.isEmpty()) {
                    return unit;
                }
            }
        }
        return "";
    }

    private static Optional<Number> end(ObjectReader r, Node n, Function<ScalarNode, Number> read) {
        if (n instanceof ScalarNode s && !s.isNull()) {
            return Optional.ofNullable(read.apply(s));
        }
        r.problems().add(n.location(), r.path() + ": expected a single value, found " + n.describe());
        return Optional.empty();
    }
}
