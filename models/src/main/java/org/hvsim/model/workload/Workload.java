package org.hvsim.model.workload;

import java.util.List;
import java.util.Objects;

/** What one VM instance is asked to do: an arrival process and a mix of request classes (none for a trace). */
public record Workload(Arrivals arrivals, List<RequestClass> classes) {
    public Workload {
        Objects.requireNonNull(arrivals, "arrivals");
        if (classes.isEmpty() != arrivals instanceof Arrivals.Trace) {
            throw new IllegalArgumentException("a workload needs request classes, except a trace, whose records carry the demands");
        }
        classes = List.copyOf(classes);
    }
}
