package org.hvsim.core.result;

import java.util.Map;
import java.util.Objects;

/**
 * A scope whose figures describe a growing backlog rather than a steady state: it was offered more
 * work than it served, beyond what chance explains. Its means are then artefacts of the run length
 * (response times grow with it), so the results say so beside them.
 *
 * @param architecture the treatment
 * @param scope        the scope that fell behind (a VM template); its {@code scope/class} figures too
 * @param parameters   the sweep point, as in {@link Figure#parameters()}; empty outside a sweep
 * @param arrivalRate  mean offered requests per second
 * @param throughput   mean completed requests per second
 */
public record Unstable(String architecture, String scope, Map<String, String> parameters, double arrivalRate,
        double throughput) {
    public Unstable {
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(scope, "scope");
        parameters = parameters == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(parameters));
    }

    /** True when {@code f} is one of this scope's figures ({@code scope}, {@code scope/class}, {@code scope@window}) at this point. */
    public boolean covers(Figure f) {
        return f.architecture().equals(architecture) && f.parameters().equals(parameters)
                && (f.scope().equals(scope) || f.scope().startsWith(scope + "/") || f.scope().startsWith(scope + "@"));
    }
}
