package org.hvsim.scenario.capacity;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@code hvsim capacity} searches (the scenario's {@code capacity} section): the most instances of
 * {@code template} in {@code from … to} that one host carries.
 *
 * @param cpuHeadroom     share of the host's CPU to keep free (NaN: no headroom constraint)
 * @param maxReplications replications one count may take when an interval straddles its limit
 */
public record CapacityPlan(String template, int from, int to, double cpuHeadroom, int maxReplications,
        Optional<CostModel.Fleet> fleet, Optional<CostModel.Costs> costs) {

    /** A plan without fleet sizing or costs. */
    public CapacityPlan(String template, int from, int to, double cpuHeadroom, int maxReplications) {
        this(template, from, to, cpuHeadroom, maxReplications, Optional.empty(), Optional.empty());
    }

    public CapacityPlan {
        Objects.requireNonNull(fleet, "fleet");
        Objects.requireNonNull(costs, "costs");
        Objects.requireNonNull(template, "template");
        if (from < 1 || to < from) {
            throw new IllegalArgumentException("capacity range must have 1 <= from <= to, got " + from + ".." + to);
        }
        if (maxReplications < 1) {
            throw new IllegalArgumentException("max_replications must be >= 1");
        }
    }

    public boolean hasHeadroom() {
        return !Double.isNaN(cpuHeadroom);
    }
}
