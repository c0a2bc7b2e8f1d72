package org.hvsim.model.workload;

import java.util.List;
import java.util.Objects;

/** What one VM instance is asked to do: an arrival process and a mix of request classes. */
public record Workload(Arrivals arrivals, List<RequestClass> classes) {
    public Workload {
        Objects.requireNonNull(arrivals, "arrivals");
        if (classes.isEmpty()) {
            throw new IllegalArgumentException("a workload needs at least one request class");
        }
        classes = List.copyOf(classes);
    }
}
