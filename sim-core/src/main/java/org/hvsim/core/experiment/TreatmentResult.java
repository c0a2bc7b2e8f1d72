package org.hvsim.core.experiment;

import java.util.List;
import java.util.Map;

import org.HdrHistogram.DoubleHistogram;
import org.hvsim.core.engine.ReplicationOutput;
import org.hvsim.core.result.Estimate;

/**
 * What one treatment produced: the estimate of each figure across replications, the pooled
 * distributions, and the raw replication outputs (in replication order) for paired comparisons.
 */
public record TreatmentResult(String name, Map<ReplicationOutput.Key, Estimate> estimates,
        Map<ReplicationOutput.Key, DoubleHistogram> pooled, List<ReplicationOutput> replications) {

    public Estimate estimate(String scope, String metric) {
        Estimate e = estimates.get(new ReplicationOutput.Key(scope, metric));
        if (e == null) {
            throw new IllegalArgumentException("no figure " + scope + " " + metric + " for " + name);
        }
        return e;
    }

    public long events() {
        long s = 0;
        for (ReplicationOutput r : replications) {
            s += r.events();
        }
        return s;
    }
}
