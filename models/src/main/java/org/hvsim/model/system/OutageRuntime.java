package org.hvsim.model.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hvsim.core.engine.ReplicationOutput;
import org.hvsim.core.engine.Simulation;
import org.hvsim.core.engine.Warmup;
import org.hvsim.core.result.Metric;
import org.hvsim.model.fault.FaultPlan;
import org.hvsim.model.fault.InFlight;
import org.hvsim.model.fault.OutageHistory;

/**
 * The scenario's faults in a request-level run: the replication's {@link OutageHistory} becomes events
 * at its failures and repairs (none in between, and nothing per request but two comparisons), which
 * take VMs down and up, stall the control domain's I/O and stop its agents.
 */
final class OutageRuntime implements Warmup {
    private final Simulation sim;
    private final FaultPlan plan;
    private final Map<String, VmTemplate> templates;
    private final ControlDomainRuntime control;
    private final Map<String, List<String>> names = new LinkedHashMap<>();
    private final OutageHistory history;
    private boolean stalled;
    private List<Request> held = new ArrayList<>();
    /** Where the availability series' area restarts (0, then the warm-up instant). */
    private double areaFrom;

    OutageRuntime(Simulation sim, SystemSpec spec, FaultPlan plan, Map<String, VmTemplate> templates,
            ControlDomainRuntime control) {
        this(sim, plan, templates, control, null, spec);
    }

    /**
     * One host of a cluster: the cluster's {@code history}, its VM templates (filled later with their
     * copies on every host), their instances' names, and this host's control domain.
     */
    OutageRuntime(Simulation sim, FaultPlan plan, Map<String, VmTemplate> templates, Map<String, List<String>> names,
            ControlDomainRuntime control, OutageHistory history) {
        this(sim, plan, templates, control, history, null);
        this.names.putAll(names);
    }

    private OutageRuntime(Simulation sim, FaultPlan plan, Map<String, VmTemplate> templates,
            ControlDomainRuntime control, OutageHistory history, SystemSpec spec) {
        this.sim = sim;
        this.plan = plan;
        this.templates = templates;
        this.control = control;
        templates.forEach((t, v) -> names.put(t, v.instances.stream().map(vm -> vm.name).toList()));
        this.history = history != null ? history
                : new OutageHistory(plan, spec.architecture(), names, sim.random(), sim.endTime());
        sim.onWarmup(this);
    }


    InFlight inFlight() {
        return plan.inFlight();
    }

    /** Schedules every failure and repair of the replication. */
    void start() {
        for (VmTemplate t : templates.values()) {
            for (VmInstance vm : t.instances) {
                vm.faults = this;
                for (double[] d : history.down(vm.name)) {
                    at(d[0], vm::fail);
                    at(d[1], vm::recover);
                }
            }
        }
        startHost(history.stalled(), history.controlOut());
    }

    /** Schedules what happens to one host's control domain: its I/O stalls and its outages. */
    void startHost(List<double[]> stalls, List<double[]> controlOut) {
        for (double[] s : stalls) {
            at(s[0], () -> stalled = true);
            at(s[1], this::release);
        }
        if (control != null) {
            for (double[] c : controlOut) {
                at(c[0], () -> control.out = true);
                at(c[1], () -> control.out = false);
            }
        }
    }

    void at(double time, Runnable action) {
        if (time <= sim.endTime()) {
            sim.scheduleAt(time, action::run);
        }
    }

    /** True if the control domain's I/O is stalled: the request waits for it. */
    boolean holds(Request r) {
        if (stalled) {
            held.add(r);
        }
        return stalled;
    }

    private void release() {
        stalled = false;
        List<Request> waiting = held;
        held = new ArrayList<>();
        waiting.forEach(Request::dispatch);
    }

    /**
     * Per VM template, the share of its instances up over each interval, and the mean response time of the
     * requests completed in each (how a failure shows in the requests).
     */
    void recordTimeline(TimeSeriesRecorder timeline) {
        templates.forEach((t, v) -> timeline.addMean(t, Metrics.RESPONSE_TIME_MEAN,
                now -> v.all.count() == 0 ? 0 : v.all.mean() * v.all.count(), now -> v.all.count()));
        names.forEach((t, vms) -> timeline.add(t, Metric.AVAILABILITY.name(), now -> {
            double up = 0;
            for (String vm : vms) {
                up += (now - areaFrom) - OutageHistory.measure(history.unavailable(vm), areaFrom, now);
            }
            return up;
        }, vms.size()));
    }

    @Override
    public void reset(double now) {
        areaFrom = now;
    }

    void collect(Simulation sim, ReplicationOutput out) {
        marks(out, sim.endTime());
        if (plan.horizon() == 0) {
            // with a horizon, availability comes from the failure process alone over it
            history.report(out, names, sim.warmupTime(), sim.endTime());
        }
        templates.forEach((t, v) -> {
            RequestCounts n = v.counts;
            out.put(t, Metric.REQUESTS_LOST.name(), n.lost);
            if (!v.closed) {
                // a lost request has left the system as surely as a completed one: not a growing backlog
                out.putDiagnostic(t, Stability.COMPLETED_FIRST_HALF, n.completedFirstHalf + n.lostFirstHalf);
                out.putDiagnostic(t, Stability.COMPLETED_SECOND_HALF,
                        n.completed + n.lost - n.completedFirstHalf - n.lostFirstHalf);
            }
        });
    }

    /** Each failure's onset and repair within the run, in time order, for the time series' markers. */
    private void marks(ReplicationOutput out, double end) {
        List<ReplicationOutput.Mark> marks = new ArrayList<>();
        for (OutageHistory.Failure f : history.failures()) {
            String component = f.component().name().toLowerCase(java.util.Locale.ROOT);
            if (f.at() <= end) {
                marks.add(new ReplicationOutput.Mark(f.at(), component, f.fault() + " fails"));
            }
            if (f.until() <= end) {
                marks.add(new ReplicationOutput.Mark(f.until(), component, f.fault() + " repaired"));
            }
        }
        marks.sort(java.util.Comparator.comparingDouble(ReplicationOutput.Mark::time));
        marks.forEach(m -> out.putMark(m.time(), m.component(), m.what()));
    }

    /** Diagnostic: requests present at the warm-up instant, which close arrived = completed + lost + in flight. */
    static final String IN_FLIGHT_AT_WARMUP = "in_flight_at_warmup";

    List<OutageHistory.Failure> failures() {
        return history.failures();
    }
}
