package org.hvsim.core.result;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything an experiment produced: the figures with their confidence intervals, the distributions
 * behind the percentiles, and what was run: typed in {@link RunSummary} for the reports, and as the
 * resolved scenario (a plain tree of maps, lists, strings and numbers) to be written out as it is.
 *
 * <p>A sweep is told by its figures: each carries the values of the swept parameters at its point. A
 * result without a sweep has no parameter names and one empty point, so code written for sweeps handles
 * a plain run too.
 *
 * @param name           scenario name
 * @param description    free text from the scenario, may be empty
 * @param seed           the scenario seed every random stream was derived from
 * @param architectures  treatments in the order the scenario lists them
 * @param figures        one per (architecture, scope, metric)
 * @param distributions  response-time distributions per (architecture, scope), pooled over replications
 * @param resolvedScenario the scenario with every default made explicit, for results.json and the report's listing
 * @param run            what was simulated: host, VMs, run times, SLAs, swept parameters
 * @param timeSeries     levels over simulated time from one replication (utilization, queue lengths)
 * @param unstable       scopes whose figures describe a growing backlog, not a steady state
 * @param marks          instants of the time series' replication worth a marker: each fault's onset and repair
 */
public record ExperimentResult(
        String name,
        String description,
        long seed,
        List<String> architectures,
        List<Figure> figures,
        List<Distribution> distributions,
        Map<String, Object> resolvedScenario,
        RunSummary run,
        List<TimeSeries> timeSeries,
        List<Unstable> unstable,
        List<Mark> marks) {

    public ExperimentResult {
        marks = marks == null ? List.of() : List.copyOf(marks);
        architectures = List.copyOf(architectures);
        figures = List.copyOf(figures);
        distributions = List.copyOf(distributions);
        resolvedScenario = resolvedScenario == null ? Map.of() : resolvedScenario;
        description = description == null ? "" : description;
        run = run == null ? RunSummary.NONE : run;
        timeSeries = timeSeries == null ? List.of() : List.copyOf(timeSeries);
        unstable = unstable == null ? List.of() : List.copyOf(unstable);
    }

    /** A result without marks. */
    public ExperimentResult(String name, String description, long seed, List<String> architectures,
            List<Figure> figures, List<Distribution> distributions, Map<String, Object> resolvedScenario,
            RunSummary run, List<TimeSeries> timeSeries, List<Unstable> unstable) {
        this(name, description, seed, architectures, figures, distributions, resolvedScenario, run, timeSeries,
                unstable, List.of());
    }

    /** A result in which no scope was found unstable. */
    public ExperimentResult(String name, String description, long seed, List<String> architectures,
            List<Figure> figures, List<Distribution> distributions, Map<String, Object> resolvedScenario,
            RunSummary run, List<TimeSeries> timeSeries) {
        this(name, description, seed, architectures, figures, distributions, resolvedScenario, run, timeSeries,
                List.of());
    }

    /** A result with no summary of what was run, no time series and no instability. */
    public ExperimentResult(String name, String description, long seed, List<String> architectures,
            List<Figure> figures, List<Distribution> distributions, Map<String, Object> resolvedScenario) {
        this(name, description, seed, architectures, figures, distributions, resolvedScenario, RunSummary.NONE,
                List.of(), List.of());
    }

    /** The instability entry covering {@code f}, if its scope was found unstable. */
    public Optional<Unstable> unstableFor(Figure f) {
        for (Unstable u : unstable) {
            if (u.covers(f)) {
                return Optional.of(u);
            }
        }
        return Optional.empty();
    }

    /** The figure for an architecture, scope and metric, if there is one. */
    public Optional<Figure> find(String architecture, String scope, String metric) {
        for (Figure f : figures) {
            if (f.architecture().equals(architecture) && f.scope().equals(scope) && f.metric().equals(metric)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /**
     * The swept parameter names: those the run declares, in its order, then any that only the figures
     * carry (in order of first appearance), so that no value is ever dropped from an output.
     */
    public List<String> parameters() {
        Set<String> names = new LinkedHashSet<>(run.parameterNames());
        for (Figure f : figures) {
            names.addAll(f.parameters().keySet());
        }
        return new ArrayList<>(names);
    }

    /** True when the result has at least one swept parameter. */
    public boolean isSweep() {
        return !parameters().isEmpty();
    }

    /**
     * The distinct sweep points in order of first appearance, each as parameter name → value as
     * written, keyed in {@link #parameters()} order. Without a sweep: one empty point.
     */
    public List<Map<String, String>> points() {
        List<String> names = parameters();
        Set<Map<String, String>> points = new LinkedHashSet<>();
        for (Figure f : figures) {
            points.add(normalized(f.parameters(), names));
        }
        if (points.isEmpty()) {
            points.add(Map.of());
        }
        return new ArrayList<>(points);
    }

    /** The distinct values of one swept parameter, in order of first appearance. */
    public List<String> values(String parameter) {
        Set<String> values = new LinkedHashSet<>();
        for (Figure f : figures) {
            String v = f.parameters().get(parameter);
            if (v != null) {
                values.add(v);
            }
        }
        return new ArrayList<>(values);
    }

    /**
     * This result restricted to the figures of {@code point}, with the parameters taken off the
     * figures, so that charts and findings written for one run apply to one sweep point. The
     * distributions and time series are kept as they are: the results contract does not tie them to
     * a point.
     */
    public ExperimentResult atPoint(Map<String, String> point) {
        List<String> names = parameters();
        Map<String, String> wanted = normalized(point, names);
        List<Figure> kept = new ArrayList<>();
        for (Figure f : figures) {
            if (normalized(f.parameters(), names).equals(wanted)) {
                kept.add(new Figure(f.architecture(), f.scope(), f.metric(), f.estimate()));
            }
        }
        List<Unstable> keptUnstable = new ArrayList<>();
        for (Unstable u : unstable) {
            if (normalized(u.parameters(), names).equals(wanted)) {
                keptUnstable.add(new Unstable(u.architecture(), u.scope(), Map.of(), u.arrivalRate(), u.throughput()));
            }
        }
        return new ExperimentResult(name, description, seed, architectures, kept, distributions, resolvedScenario,
                run.withSweep(List.of()), timeSeries, keptUnstable, marks);
    }

    /** The figure of {@code architecture, scope, metric} at {@code point}, if there is one. */
    public Optional<Figure> find(Map<String, String> point, String architecture, String scope, String metric) {
        List<String> names = parameters();
        Map<String, String> wanted = normalized(point, names);
        for (Figure f : figures) {
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
        for (String n : names) {
            String v = point.get(n);
            if (v != null) {
                ordered.put(n, v);
            }
        }
        return ordered;
    }

    /**
     * An empirical distribution, as (value, cumulative probability) points, e.g. of response time in
     * seconds for one scope under one architecture.
     */
    public record Distribution(String architecture, String scope, String metric, double[] values, double[] cumulative) {
    }

    /**
     * A level over simulated time (seconds) from one replication of one architecture, e.g. the host's
     * CPU utilization averaged over each interval ending at {@code times[i]}.
     */
    public record TimeSeries(String architecture, String scope, String metric, double[] times, double[] values) {
    }

    /**
     * An instant of one architecture's time series worth a marker: a fault's onset or repair.
     *
     * @param component what it happened to ("host", "parent", "web#0" …)
     * @param what      a label: "host0-down fails", "host0-down repaired"
     */
    public record Mark(String architecture, double time, String component, String what) {
    }
}
