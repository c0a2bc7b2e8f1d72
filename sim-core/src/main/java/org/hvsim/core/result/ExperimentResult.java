package org.hvsim.core.result;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything an experiment produced: the figures with their confidence intervals, the distributions
 * behind the percentiles, and what was run (the resolved scenario as a plain tree of maps, lists,
 * strings and numbers, and the seed).
 *
 * @param name           scenario name
 * @param description    free text from the scenario, may be empty
 * @param seed           the scenario seed every random stream was derived from
 * @param architectures  treatments in the order the scenario lists them
 * @param figures        one per (architecture, scope, metric)
 * @param distributions  response-time distributions per (architecture, scope), pooled over replications
 * @param resolvedScenario the scenario with every default made explicit
 * @param parameters     names of the swept parameters, in column order; empty without a sweep
 * @param timeSeries     levels over simulated time from one replication (utilization, queue lengths)
 * @param unstable       scopes whose figures describe a growing backlog, not a steady state
 */
public record ExperimentResult(
        String name,
        String description,
        long seed,
        List<String> architectures,
        List<Figure> figures,
        List<Distribution> distributions,
        Map<String, Object> resolvedScenario,
        List<String> parameters,
        List<TimeSeries> timeSeries,
        List<Unstable> unstable) {

    public ExperimentResult {
        architectures = List.copyOf(architectures);
        figures = List.copyOf(figures);
        distributions = List.copyOf(distributions);
        resolvedScenario = resolvedScenario == null ? Map.of() : resolvedScenario;
        description = description == null ? "" : description;
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
        timeSeries = timeSeries == null ? List.of() : List.copyOf(timeSeries);
        unstable = unstable == null ? List.of() : List.copyOf(unstable);
    }

    /** A result in which no scope was found unstable. */
    public ExperimentResult(String name, String description, long seed, List<String> architectures,
            List<Figure> figures, List<Distribution> distributions, Map<String, Object> resolvedScenario,
            List<String> parameters, List<TimeSeries> timeSeries) {
        this(name, description, seed, architectures, figures, distributions, resolvedScenario, parameters, timeSeries,
                List.of());
    }

    /** A result without sweep parameters or time series. */
    public ExperimentResult(String name, String description, long seed, List<String> architectures,
            List<Figure> figures, List<Distribution> distributions, Map<String, Object> resolvedScenario) {
        this(name, description, seed, architectures, figures, distributions, resolvedScenario, List.of(), List.of(),
                List.of());
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
}
