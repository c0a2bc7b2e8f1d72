package org.hvsim.model.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hvsim.core.stats.LatencyRecorder;

/** What is reported per VM template: its instances and recorders. */
final class VmTemplate {
    final List<VmInstance> instances = new ArrayList<>();
    IoRecorder io;
    final LatencyRecorder all = new LatencyRecorder();
    final RequestCounts counts = new RequestCounts();
    /** Users with think time: a bounded population, which can never be unstable. */
    boolean closed;
    final Map<String, LatencyRecorder> perClass = new LinkedHashMap<>();

    /** The recorders of {@code vm}, registered for the warm-up reset. */
    static VmTemplate create(org.hvsim.core.engine.Simulation sim, VmSpec vm, double speed) {
        VmTemplate t = new VmTemplate();
        t.io = new IoRecorder(sim, speed);
        sim.onWarmup(t.all);
        sim.onWarmup(t.counts);
        t.closed = vm.workload().arrivals() instanceof org.hvsim.model.workload.Arrivals.Closed;
        for (org.hvsim.model.workload.RequestClass c : vm.workload().classes()) {
            LatencyRecorder r = new LatencyRecorder();
            sim.onWarmup(r);
            t.perClass.put(c.name(), r);
        }
        return t;
    }
}
