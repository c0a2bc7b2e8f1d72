package org.hvsim.model.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hvsim.core.engine.ReplicationModel;
import org.hvsim.core.engine.ReplicationOutput;
import org.hvsim.core.engine.Simulation;
import org.hvsim.model.hardware.DiskSpec;
import org.hvsim.model.hardware.FcfsStation;
import org.hvsim.model.hardware.HostSpec;
import org.hvsim.model.hardware.NicSpec;
import org.hvsim.model.hypervisor.CpuClient;
import org.hvsim.model.hypervisor.HypervisorScheduler;
import org.hvsim.model.hypervisor.HypervisorSchedulers;

/**
 * One host under one architecture, as a replication model: wires the devices, the hypervisor
 * scheduler, the guests and their workloads together; {@link StagePlanner} plans the requests' stages
 * and {@link HostMetrics} reports the figures of the output contract.
 */
public final class HostModel implements ReplicationModel {

    private final SystemSpec spec;
    private final org.hvsim.model.fault.FaultPlan faults;
    /** The faults in this replication, or null when the scenario has none. */
    private OutageRuntime outages;
    private final Map<String, FcfsStation> disks = new LinkedHashMap<>();
    private final Map<String, FcfsStation> nics = new LinkedHashMap<>();
    private final Map<String, VmTemplate> templates = new LinkedHashMap<>();
    private TimeSeriesRecorder timeline;
    private HypervisorScheduler hypervisor;
    private ControlDomainRuntime control;
    private HostMetrics metrics;
    /** Response times by window of the templates whose rate follows a profile. */
    private final Map<String, ResponseWindows> byWindow = new LinkedHashMap<>();

    /** Intervals of the time series recorded in the first replication. */
    static final int TIMELINE_INTERVALS = 100;

    /**
     * @throws IllegalArgumentException if the VMs do not fit in memory and overcommit is not allowed, or
     *         if a VM or the control domain asks for a CPU control the scheduler would ignore
     */
    public HostModel(SystemSpec spec) {
        this(spec, org.hvsim.model.fault.FaultPlan.NONE);
    }

    /** The host under a scenario's faults; without any it runs exactly as {@link #HostModel(SystemSpec)}. */
    public HostModel(SystemSpec spec, org.hvsim.model.fault.FaultPlan faults) {
        MemoryAdmission.refusal(spec).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        SchedulerControls.refusal(spec).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        this.spec = spec;
        this.faults = faults;
    }

    @Override
    public void construct(Simulation sim) {
        HostSpec host = spec.host();
        if (sim.replicationIndex() == 0) {
            timeline = new TimeSeriesRecorder(sim, TIMELINE_INTERVALS); // before the statistics it reads
        }
        for (DiskSpec d : host.disks()) {
            disks.put(d.name(), new FcfsStation(d.name(), d.channels(), sim));
        }
        for (NicSpec n : host.nics()) {
            nics.put(n.name(), new FcfsStation(n.name(), 1, sim));
        }
        hypervisor = HypervisorSchedulers.create(spec.scheduler(), sim, host);
        List<CpuClient> clients = new ArrayList<>();
        if (spec.architecture().hasControlDomain()) {
            var c = spec.architecture().control();
            control = new ControlDomainRuntime(sim, c, host.pcpus(), host.speed(),
                    SchedulerControls.of(c));
            clients.add(control.client());
        }
        StagePlanner planner = new StagePlanner(spec, disks, nics, control);
        List<Runnable> starts = new ArrayList<>();
        for (VmSpec vm : spec.vms()) {
            VmTemplate t = VmTemplate.create(sim, vm, host.speed());
            templates.put(vm.name(), t);
            ResponseWindows windows = vm.workload().arrivals() instanceof org.hvsim.model.workload.Arrivals.Varying v
                    ? new ResponseWindows(sim, v.profile()) : null;
            if (windows != null) {
                byWindow.put(vm.name(), windows);
            }
            for (int i = 0; i < vm.count(); i++) {
                String name = vm.instanceName(i);
                VmInstance instance = VmInstance.create(sim, vm, name, host, planner, t, clients);
                instance.windows = windows;
                t.instances.add(instance);
                if (vm.workload().arrivals() instanceof org.hvsim.model.workload.Arrivals.Trace trace) {
                    var stages = planner.traceStages(sim, name, trace, vm.enlightened(), vm.guestScheduler());
                    starts.add(() -> new TraceReplay(sim, trace, r -> instance.sendTraced(stages.apply(r))).start());
                } else if (vm.workload().spread() && i > 0) {
                    starts.add(() -> instance.standby(vm.workload().arrivals())); // the first sends to it
                } else {
                    starts.add(() -> instance.start(vm.workload().arrivals()));
                }
            }
            if (vm.workload().spread()) {
                List<java.util.function.Supplier<VmInstance>> serving = new ArrayList<>();
                t.instances.forEach(r -> serving.add(() -> r));
                spread(sim, vm.name(), t.instances.get(0), serving);
            }
        }
        hypervisor.attach(clients);
        // one event halfway through the measured interval: the backlog is then seen in each half
        sim.scheduleAt(sim.warmupTime() + (sim.endTime() - sim.warmupTime()) / 2, () -> {
            for (VmTemplate t : templates.values()) {
                t.counts.markMiddle();
            }
        });
        if (control != null) {
            control.start(starts.size());
        }
        if (faults.active()) {
            outages = new OutageRuntime(sim, spec, faults, templates, control);
            outages.start();
        }
        starts.forEach(Runnable::run);
        metrics = new HostMetrics(spec, disks, nics, templates, hypervisor, control, timeline);
        if (timeline != null) {
            metrics.recordTimeline(host);
            if (outages != null) {
                outages.recordTimeline(timeline);
            }
            timeline.start();
        }
    }

    /**
     * A workload spread over the template's replicas: the generator's arrivals (the total rate, its own
     * instance standing for the first replica) go to the replicas up, each served by {@code serving}.
     */
    static void spread(Simulation sim, String template, VmInstance generator,
            List<java.util.function.Supplier<VmInstance>> serving) {
        generator.route = new Spread(serving, sim.random().stream(Spread.stream(template)));
    }

    @Override
    public void collect(Simulation sim, ReplicationOutput out) {
        metrics.collect(sim, out);
        if (outages != null) {
            outages.collect(sim, out);
        }
        byWindow.forEach((vm, w) -> w.report(vm, out));
    }
}
