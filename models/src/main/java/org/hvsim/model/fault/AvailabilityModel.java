package org.hvsim.model.fault;

import java.util.List;
import java.util.Map;

import org.hvsim.core.engine.ReplicationModel;
import org.hvsim.core.engine.ReplicationOutput;
import org.hvsim.core.engine.Simulation;
import org.hvsim.core.result.Metric;
import org.hvsim.model.arch.ArchitectureProfile;

/**
 * The failure and repair process alone, over a long horizon (years): no requests, no events, only the
 * history's intervals measured. It draws the same streams as the request-level run, whose history is
 * this one's beginning.
 */
public final class AvailabilityModel implements ReplicationModel {
    private final FaultPlan plan;
    private final ArchitectureProfile architecture;
    private final Map<String, List<String>> instances;
    private final ClusterFailover cluster;
    private OutageHistory history;

    /**
     * @param instances per VM template, its instance names
     * @param cluster   the cluster's placement, or null on one host
     */
    public AvailabilityModel(FaultPlan plan, ArchitectureProfile architecture, Map<String, List<String>> instances,
            ClusterFailover cluster) {
        this.plan = plan;
        this.architecture = architecture;
        this.instances = instances;
        this.cluster = cluster;
    }

    @Override
    public void construct(Simulation sim) {
        history = new OutageHistory(plan, architecture, instances, sim.random(), sim.endTime(), cluster);
    }

    @Override
    public void collect(Simulation sim, ReplicationOutput out) {
        history.report(out, instances, sim.warmupTime(), sim.endTime());
        if (cluster != null) {
            reportWorstFailure(out, cluster);
        }
    }

    /** The cluster's {@code vms_left_down} and {@code headroom_after_worst_failure}. */
    public static void reportWorstFailure(ReplicationOutput out, ClusterFailover cluster) {
        ClusterFailover.WorstFailure w = cluster.worstSingleFailure();
        out.put(Metric.CLUSTER_SCOPE, Metric.VMS_LEFT_DOWN.name(), w.vmsLeftDown());
        out.put(Metric.CLUSTER_SCOPE, Metric.HEADROOM_AFTER_WORST_FAILURE.name(), w.headroom());
    }
}
