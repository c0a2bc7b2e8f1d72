package org.hvsim.core.result;

import java.util.Map;
import java.util.Objects;

/**
 * One reported figure: a metric of a scope (the host, a VM name, or {@code VM/class}) under one
 * architecture (more generally, one treatment of an experiment), with its estimate. In a sweep,
 * {@code parameters} holds the swept values of the point this figure belongs to (parameter name →
 * value as written), in the order of {@link ExperimentResult#parameters()}; empty otherwise.
 */
public record Figure(String architecture, String scope, String metric, Estimate estimate,
        Map<String, String> parameters) {
    public Figure {
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(estimate, "estimate");
        parameters = parameters == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(parameters));
    }

    /** A figure outside any sweep. */
    public Figure(String architecture, String scope, String metric, Estimate estimate) {
        this(architecture, scope, metric, estimate, Map.of());
    }
}
