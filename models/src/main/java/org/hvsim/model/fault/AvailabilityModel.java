package org.hvsim.model.fault;

import java.util.List;
import java.util.Map;

import org.hvsim.core.engine.ReplicationModel;
import org.hvsim.core.engine.ReplicationOutput;
import org.hvsim.core.engine.Simulation;
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
    private OutageHistory history;

    /** @param instances per VM template, its instance names */
    public AvailabilityModel(FaultPlan plan, ArchitectureProfile architecture, Map<String, List<String>> instances) {
        this.plan = plan;
        this.architecture = architecture;
        this.instances = instances;
    }

    @Override
    public void construct(Simulation sim) {
        history = new OutageHistory(plan, architecture, instances, sim.random(), sim.endTime());
    }

    @Override
    public void collect(Simulation sim, ReplicationOutput out) {
        history.report(out, instances, sim.warmupTime(), sim.endTime());
    }
}
