package org.hvsim.core.result;

import java.util.Objects;

/**
 * One reported figure: a metric of a scope (the host, a VM name, or {@code VM/class}) under one
 * architecture (more generally, one treatment of an experiment), with its estimate.
 */
public record Figure(String architecture, String scope, String metric, Estimate estimate) {
    public Figure {
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(estimate, "estimate");
    }
}
