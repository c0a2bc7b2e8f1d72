package org.hvsim.report.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.hvsim.core.result.ExperimentResult;
import org.hvsim.core.result.Figure;
import org.hvsim.core.result.Unstable;

/**
 * The sweep of an experiment: its parameter names and its points. A result without a sweep has no
 * names and a single empty point, so code written for sweeps handles a plain run too.
 */
public final class Sweep {

    private Sweep() {
    }

    /**
     * The swept parameter names: those the result declares, in its order, then any that only the
     * figures carry (in order of first appearance), so no value is ever dropped from an output.
     */
    public static List<String> parameterNames(ExperimentResult result) {
        Set<String> names = new LinkedHashSet<>(result.parameters());
        for (Figure f : result.figures()) {
            names.addAll(f.parameters().keySet());
        }
        return new ArrayList<>(names);
    }

    /** True when the result has at least one swept parameter. */
    public static boolean isSweep(ExperimentResult result) {
        return !parameterNames(result).isEmpty();
    }

    /**
     * The distinct points in order of first appearance, each as parameter name → value as written,
     * keyed in {@link #parameterNames} order. Without a sweep: one empty point.
     */
    public static List<Map<String, String>> points(ExperimentResult result) {
        List<String> names = parameterNames(result);
        Set<Map<String, String>> points = new LinkedHashSet<>();
        for (Figure f : result.figures()) {
            points.add(normalized(f.parameters(), names));
        }
        if (points.isEmpty()) {
            points.add(Map.of());
        }
        return new ArrayList<>(points);
    }

    /** The distinct values of one parameter, in order of first appearance. */
    public static List<String> values(ExperimentResult result, String parameter) {
        Set<String> values = new LinkedHashSet<>();
        for (Figure f : result.figures()) {
            String v = f.parameters().get(parameter);
            if (v != null) {
                values.add(v);
            }
        }
        return new ArrayList<>(values);
    }

    /**
     * The result restricted to the figures of {@code point}, with the parameters taken off the
     * figures, so that charts and findings written for one run apply to one sweep point. The
     * distributions and time series are kept as they are: the results contract does not tie them to
     * a point.
     */
    public static ExperimentResult atPoint(ExperimentResult result, Map<String, String> point) {
        List<String> names = parameterNames(result);
        Map<String, String> wanted = normalized(point, names);
        List<Figure> figures = new ArrayList<>();
        for (Figure f : result.figures()) {
            if (normalized(f.parameters(), names).equals(wanted)) {
                figures.add(new Figure(f.architecture(), f.scope(), f.metric(), f.estimate()));
            }
        }
        List<Unstable> unstable = new ArrayList<>();
        for (Unstable u : result.unstable()) {
            if (normalized(u.parameters(), names).equals(wanted)) {
                unstable.add(new Unstable(u.architecture(), u.scope(), Map.of(), u.arrivalRate(), u.throughput()));
            }
        }
        return new ExperimentResult(result.name(), result.description(), result.seed(), result.architectures(),
                figures, result.distributions(), result.resolvedScenario(), List.of(), result.timeSeries(), unstable);
    }

    /** The figure of {@code architecture, scope, metric} at {@code point}, if there is one. */
    public static Optional<Figure> find(ExperimentResult result, Map<String, String> point, String architecture,
                                        String scope, String metric) {
        List<String> names = parameterNames(result);
        Map<String, String> wanted = normalized(point, names);
        for (Figure f : result.figures()) {
            if (f.architecture().equals(architecture) && f.scope().equals(scope) && f.metric().equals(metric)
                    && normalized(f.parameters(), names).equals(wanted)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** "web.count = 4, web.rate = 40 /s"; empty for the empty point. */
    public static String describe(Map<String, String> point) {
        StringBuilder s = new StringBuilder();
        for (Map.Entry<String, String> e : point.entrySet()) {
            if (s.length() > 0) {
                s.append(", ");
            }
            s.append(e.getKey()).append(" = ").append(e.getValue());
        }
        return s.toString();
    }

    /** The point's values in {@code names} order; names the point lacks are left out. */
    private static Map<String, String> normalized(Map<String, String> point, List<String> names) {
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String name : names) {
            String v = point.get(name);
            if (v != null) {
                ordered.put(name, v);
            }
        }
        return ordered;
    }
}
