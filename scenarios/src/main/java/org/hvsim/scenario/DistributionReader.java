package org.hvsim.scenario;

import static org.hvsim.scenario.schema.ScenarioSchema.*;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hvsim.core.random.Distribution;
import org.hvsim.scenario.load.MapNode;
import org.hvsim.scenario.load.Quantity;
import org.hvsim.scenario.load.Node;
import org.hvsim.scenario.load.ScalarNode;
import org.hvsim.scenario.load.SourceLocation;
import org.hvsim.scenario.load.Variant;
import org.hvsim.scenario.schema.Key;
import org.hvsim.scenario.schema.ScenarioSchema;
import org.hvsim.scenario.schema.Section;
import org.hvsim.scenario.schema.SectionReader;

/**
 * Reads a duration-valued distribution: a single-key mapping naming the family
 * ({@code { exponential: { mean: 5 ms } }}), the short form of a one-parameter family
 * ({@code { exponential: 5 ms }}, its parameter as a plain value), or a plain duration (or a sweep of
 * them) meaning a constant.
 */
final class DistributionReader {

    /** The forms a distribution may take, for messages about a wrong one. */
    static final String FORMS = "a duration such as '5 ms' (a constant), a one-parameter family with its "
            + "parameter such as { exponential: 5 ms }, or a family with its parameters such as "
            + "{ exponential: { mean: 5 ms } }";

    private final Reading reading;

    DistributionReader(Reading reading) {
        this.reading = reading;
    }

    /** The distribution at {@code key}, its resolved form put in {@code tree}; null if absent or wrong. */
    Distribution read(SectionReader owner, Key key, Map<String, Object> tree) {
        Optional<Node> n = owner.node(key);
        if (n.isEmpty()) {
            return null;
        }
        String path = owner.pathOf(key);
        Node node = n.get();
        if ((node instanceof ScalarNode s && !s.isNull()) || owner.isSweep(key)) {
            // "8 ms" means a constant 8 ms.
            double v = owner.raw().quantity(key.name(), Quantity.DURATION, Double.NaN, 0, 1e9);
            owner.source(key, (owner.isSweep(key) ? "sweep at " : "") + node.location());
            if (Double.isNaN(v)) {
                return null;
            }
            tree.put(key.name(), Map.of("constant", Map.of("value", Formats.duration(v))));
            return new Distribution.Constant(v);
        }
        owner.source(key, node.location().toString());
        Map<String, Section> families = ScenarioSchema.families();
        Optional<Variant> variant = Variant.of(node, reading.problems(), path, "distribution", families.keySet(),
                FORMS);
        if (variant.isEmpty()) {
            return null;
        }
        String family = variant.get().kind();
        Section section = families.get(family);
        Node settings = variant.get().settings();
        if (!(settings instanceof MapNode)) {
            if (section.keys().size() != 1 || settings instanceof ScalarNode s && s.isNull()) {
                reading.problems().add(settings.location(), path + "." + family + ": expected "
                        + forms(family, section) + ", found " + settings.describe());
                return null;
            }
            // The short form: the family's one parameter as a plain value (or a sweep of values).
            settings = new MapNode(settings.location(),
                    List.of(new MapNode.Entry(section.keys().get(0).name(), variant.get().location(), settings)));
        }
        return family(reading.reader(section, settings, path + "." + family), family, key, tree);
    }

    /** The right forms of {@code family}, for a message about a wrong one. */
    private static String forms(String family, Section section) {
        List<Key> keys = section.keys();
        Key first = keys.get(0);
        String full = "{ " + family + ": { " + String.join(", ", keys.stream().filter(Key::isRequired)
                .map(k -> k.name() + ": " + k.example().orElse("…")).toList()) + " } }";
        return keys.size() == 1 ? "{ " + family + ": " + first.example().orElse("…") + " } or " + full
                : full + " (" + family + " has no short form: it takes " + String.join(" and ",
                        keys.stream().filter(Key::isRequired).map(Key::name).toList()) + ")";
    }

    private Distribution family(SectionReader p, String family, Key key, Map<String, Object> tree) {
        Map<String, Object> pt = new LinkedHashMap<>();
        Distribution d = null;
        int before = reading.problems().size();
        switch (family) {
            case "constant" -> d = new Distribution.Constant(duration(p, CONSTANT_VALUE, pt));
            case "exponential" -> d = new Distribution.Exponential(duration(p, EXP_MEAN, pt));
            case "uniform" -> {
                double lo = duration(p, UNIFORM_MIN, pt);
                double hi = p.quantity(UNIFORM_MAX, lo);
                if (hi < lo) {
                    p.report(UNIFORM_MAX, p.pathOf(UNIFORM_MAX) + " must not be below min");
                    hi = lo;
                }
                pt.put("max", Formats.duration(hi));
                d = new Distribution.Uniform(lo, hi);
            }
            case "normal" -> d = new Distribution.Normal(duration(p, NORMAL_MEAN, pt), duration(p, NORMAL_SD, pt));
            case "lognormal" ->
                    d = new Distribution.LogNormal(duration(p, LOGNORMAL_MEAN, pt), number(p, LOGNORMAL_CV, pt));
            case "gamma" -> d = new Distribution.GammaDist(duration(p, GAMMA_MEAN, pt), number(p, GAMMA_CV, pt));
            case "weibull" ->
                    d = new Distribution.Weibull(number(p, WEIBULL_SHAPE, pt), duration(p, WEIBULL_SCALE, pt));
            case "hyperexponential" ->
                    d = Distribution.HyperExponential.balanced(duration(p, HYPER_MEAN, pt), number(p, HYPER_CV, pt));
            case "empirical" -> {
                String file = p.text(EMPIRICAL_FILE);
                String column = p.text(EMPIRICAL_COLUMN, "");
                Optional<String> unit = p.optionalChoice(EMPIRICAL_UNIT);
                if (!file.isBlank() && reading.problems().size() == before) {
                    d = empirical(p, file, column.isEmpty() ? null : column, unit.orElse(null), pt);
                }
            }
            default -> throw new IllegalStateException("family without a reader: " + family);
        }
        p.finish();
        tree.put(key.name(), Map.of(family, pt));
        return reading.problems().size() == before ? d : null;
    }

    /** A parameter in seconds, put in {@code pt} as written back ("5 ms"). */
    private static double duration(SectionReader p, Key k, Map<String, Object> pt) {
        double v = p.quantity(k);
        pt.put(k.name(), Formats.duration(v));
        return v;
    }

    /** A plain-number parameter, put in {@code pt}. */
    private static double number(SectionReader p, Key k, Map<String, Object> pt) {
        double v = p.decimal(k);
        pt.put(k.name(), v);
        return v;
    }

    private Distribution empirical(SectionReader p, String file, String column, String unit, Map<String, Object> pt) {
        SourceLocation at = p.locationOf(EMPIRICAL_FILE);
        if (at.file().startsWith("(built-in)")) {
            reading.problems().add(at, "empirical: the built-in scenario cannot read files");
            return null;
        }
        Path csv = Path.of(at.file()).resolveSibling(file).normalize();
        String cacheKey = csv.toAbsolutePath() + "\n" + column + "\n" + unit;
        List<Double> values = reading.csvCache().get(cacheKey);
        if (values == null) {
            values = EmpiricalCsv.read(csv, column, unit, at, reading.problems()).orElse(null);
            if (values == null) {
                return null;
            }
            reading.csvCache().put(cacheKey, values);
        }
        Distribution.Empirical d = new Distribution.Empirical(values);
        pt.put("file", file);
        if (column != null) {
            pt.put("column", column);
        }
        pt.put("values", values.size());
        pt.put("mean", Formats.duration(d.mean()));
        return d;
    }
}
