package org.hvsim.model.workload;

import java.util.List;
import java.util.Objects;

/**
 * What one VM instance is asked to do: an arrival process and a mix of request classes (none for a trace).
 *
 * @param spread true if the open arrivals are the total over the template's instances, each request sent to
 *               one of the instances up at the time, chosen at random (a load balancer in front of replicas)
 */
public record Workload(Arrivals arrivals, List<RequestClass> classes, boolean spread) {
    /** Arrivals per instance. */
    public Workload(Arrivals arrivals, List<RequestClass> classes) {
        this(arrivals, classes, false);
    }

    public Workload {
        if (spread && (arrivals instanceof Arrivals.Closed || arrivals instanceof Arrivals.Trace)) {
            throw new IllegalArgumentException("only open arrivals are spread over replicas");
        }
        Objects.requireNonNull(arrivals, "arrivals");
        if (classes.isEmpty() != arrivals instanceof Arrivals.Trace) {
            throw new IllegalArgumentException("a workload needs request classes, except a trace, whose records carry the demands");
        }
        classes = List.copyOf(classes);
    }
}
