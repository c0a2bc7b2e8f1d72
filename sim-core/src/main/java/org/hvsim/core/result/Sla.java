package org.hvsim.core.result;

import java.util.Objects;

/**
 * A service-level objective: {@code metric} of {@code scope} must stay at or below {@code max}, in the
 * metric's stored unit (seconds for response times).
 */
public record Sla(String metric, String scope, double max) {

    public Sla {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(scope, "scope");
    }

    /** True when {@code value} meets the objective. */
    public boolean isMetBy(double value) {
        return value <= max;
    }
}
