package org.hvsim.model.workload;

import java.util.List;
import java.util.Objects;

/** A kind of request, its share of the mix and its phases in order. */
public record RequestClass(String name, double weight, List<Phase> phases) {
    public RequestClass {
        Objects.requireNonNull(name, "name");
        if (!(weight > 0)) {
            throw new IllegalArgumentException("class " + name + ": weight must be positive");
        }
        if (phases.isEmpty()) {
            throw new IllegalArgumentException("class " + name + ": needs at least one phase");
        }
        phases = List.copyOf(phases);
    }
}
