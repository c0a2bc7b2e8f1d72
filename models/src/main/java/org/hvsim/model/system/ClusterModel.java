package org.hvsim.model.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.hvsim.core.engine.ReplicationModel;
import org.hvsim.core.engine.ReplicationOutput;
import org.hvsim.core.engine.Simulation;
import org.hvsim.core.result.Metric;
import org.hvsim.model.fault.AvailabilityModel;
import org.hvsim.model.fault.ClusterFailover;
import org.hvsim.model.fault.FaultPlan;
import org.hvsim.model.fault.OutageHistory;
import org.hvsim.model.hardware.DiskSpec;
import org.hvsim.model.hardware.FcfsStation;
import org.hvsim.model.hardware.HostSpec;
import org.hvsim.model.hardware.NicSpec;
import org.hvsim.model.hypervisor.CpuClient;
import org.hvsim.model.hypervisor.HypervisorScheduler;
import org.hvsim.model.hypervisor.HypervisorSchedulers;
import org.hvsim.model.workload.Arrivals;

/**
 * A cluster of identical hosts under one architecture in one simulation, at the level of requests: each
 * host has its own devices, hypervisor scheduler and control domain; each VM instance starts on the host
 * the cluster's placement gives it, and {@link ClusterFailover} decides, from the replication's failure
 * history, when it is down and where it runs after each failover. The instance has a copy on every host
 * it runs on in the replication (created idle, not admitted anywhere else); its arrivals go to the copy
 * on the host that runs it now, and are lost while it is down. What a copy held when its host failed is
 * lost; after a repair the VM stays where it restarted (no failback).
 */
public final class ClusterModel implements ReplicationModel {

    /** Scope of host {@code h}'s figures: "host0", "host1", … */
    public static String hostScope(int h) {
        return Metrics.HOST + h;
    }

    private final SystemSpec spec;
    private final FaultPlan faults;
    private final ClusterFailover placement;
    private final Map<String, VmTemplate> templates = new LinkedHashMap<>();
    private final Map<String, ResponseWindows> byWindow = new LinkedHashMap<>();
    private final List<Host> hosts = new ArrayList<>();
    private TimeSeriesRecorder timeline;
    /** Instances up again on another host, by [instant, host], in time order. */
    private final Map<List<Double>, Integer> restarts = new TreeMap<>(
            (a, b) -> a.get(0).equals(b.get(0)) ? Double.compare(a.get(1), b.get(1)) : Double.compare(a.get(0), b.get(0)));

    /** One host: its devices, scheduler and control domain, and the copies of VMs that run on it. */
    private static final class Host {
        final Map<String, FcfsStation> disks = new LinkedHashMap<>();
        final Map<String, FcfsStation> nics = new LinkedHashMap<>();
        final List<CpuClient> clients = new ArrayList<>();
        HypervisorScheduler hypervisor;
        ControlDomainRuntime control;
        StagePlanner planner;
        OutageRuntime outages;
        /** VM instances placed here at the start (what its management agents serve). */
        int initialVms;
    }

    /**
     * @param spec      one host of the cluster (every host is alike), the VMs and the architecture
     * @param placement the cluster's placement of {@code spec}'s instances, in their order
     * @throws IllegalArgumentException if a VM asks for a CPU control the scheduler would ignore, or replays
     *                                  a trace (not routed across hosts)
     */
    public ClusterModel(SystemSpec spec, FaultPlan faults, ClusterFailover placement) {
        SchedulerControls.refusal(spec).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        if (faults.cluster() == null) {
            throw new IllegalArgumentException("a cluster model needs the faults' cluster");
        }
        for (VmSpec vm : spec.vms()) {
            if (vm.workload().arrivals() instanceof Arrivals.Trace) {
                throw new IllegalArgumentException("VM '" + vm.name() + "' replays a trace, which a cluster does not route");
            }
        }
        // each host admits by the cluster's placement (strict memory), not by one host's overcommit
        this.spec = spec.withMemory(MemoryPolicy.STRICT);
        this.faults = faults;
        this.placement = placement;
    }

    @Override
    public void construct(Simulation sim) {
        HostSpec host = spec.host();
        if (sim.replicationIndex() == 0) {
            timeline = new TimeSeriesRecorder(sim, HostModel.TIMELINE_INTERVALS); // before the statistics it reads
        }
        Map<String, List<String>> names = new LinkedHashMap<>();
        for (VmSpec vm : spec.vms()) {
            List<String> n = new ArrayList<>();
            for (int i = 0; i < vm.count(); i++) {
                n.add(vm.instanceName(i));
            }
            names.put(vm.name(), n);
        }
        OutageHistory history = new OutageHistory(faults, spec.architecture(), names, sim.random(), sim.endTime(),
                placement);
        for (int h = 0; h < faults.cluster().hosts(); h++) {
            hosts.add(host(sim, host, history, names));
        }
        List<Runnable> starts = new ArrayList<>();
        List<Double> scripted = scriptedInstants(sim.endTime());
        int index = 0;
        for (VmSpec vm : spec.vms()) {
            VmTemplate t = VmTemplate.create(sim, vm, host.speed());
            templates.put(vm.name(), t);
            // without a profile of its own, a VM is reported before and after each scripted failure and repair
            ResponseWindows windows = vm.workload().arrivals() instanceof Arrivals.Varying v
                    ? new ResponseWindows(sim, v.profile())
                    : scripted.isEmpty() ? null : ResponseWindows.between(sim, scripted);
            if (windows != null) {
                byWindow.put(vm.name(), windows);
            }
            List<java.util.function.Supplier<VmInstance>> serving = new ArrayList<>();
            VmInstance generator = null;
            for (int i = 0; i < vm.count(); i++) {
                String name = vm.instanceName(i);
                int home = placement.initialHost(index++);
                hosts.get(home).initialVms++;
                Map<Integer, VmInstance> copies = new TreeMap<>();
                copies.put(home, null);
                history.residence(name).forEach(stay -> copies.put((int) stay[2], null));
                for (Integer h : copies.keySet()) {
                    Host on = hosts.get(h);
                    VmInstance copy = VmInstance.create(sim, vm, name, host, on.planner, t, on.clients);
                    copy.windows = windows;
                    copy.faults = on.outages;
                    copies.put(h, copy);
                    t.instances.add(copy);
                }
                Failover route = new Failover(copies, home);
                copies.values().forEach(c -> c.route = route::serving);
                route.schedule(hosts.get(home).outages, history.down(name), history.residence(name));
                countRestarts(history.down(name), history.residence(name), sim.endTime());
                serving.add(route::serving);
                VmInstance first = copies.get(home);
                if (i == 0) {
                    generator = first;
                }
                boolean sends = i == 0 || !vm.workload().spread(); // a spread workload's first replica sends for all
                starts.add(() -> {
                    copies.values().stream().filter(c -> c != first || !sends)
                            .forEach(c -> c.standby(vm.workload().arrivals()));
                    if (sends) {
                        first.start(vm.workload().arrivals());
                    }
                });
            }
            if (vm.workload().spread()) {
                HostModel.spread(sim, vm.name(), generator, serving);
            }
        }
        for (int h = 0; h < hosts.size(); h++) {
            Host on = hosts.get(h);
            on.hypervisor.attach(on.clients);
            if (on.control != null) {
                on.control.start(on.initialVms);
            }
        }
        // one event halfway through the measured interval: the backlog is then seen in each half
        sim.scheduleAt(sim.warmupTime() + (sim.endTime() - sim.warmupTime()) / 2, () -> {
            for (VmTemplate t : templates.values()) {
                t.counts.markMiddle();
            }
        });
        for (int h = 0; h < hosts.size(); h++) {
            hosts.get(h).outages.startHost(history.stalled(h), history.controlOut(h));
        }
        starts.forEach(Runnable::run);
        if (timeline != null) {
            for (int h = 0; h < hosts.size(); h++) {
                HypervisorScheduler hv = hosts.get(h).hypervisor;
                timeline.add(hostScope(h), Metrics.CPU_UTIL, hv::busyArea, host.pcpus());
            }
            hosts.get(0).outages.recordTimeline(timeline);
            timeline.start();
        }
    }

    /**
     * Counts each move of an instance to another host at the instant it is up there (the end of the
     * outage the move falls in: detection and boot done), by instant and host, for the time series' marks.
     */
    private void countRestarts(List<double[]> downs, List<double[]> stays, double end) {
        for (int k = 1; k < stays.size(); k++) {
            double moved = stays.get(k)[0];
            for (double[] d : downs) {
                if (d[0] <= moved && moved < d[1] && d[1] <= end) {
                    restarts.merge(List.of(d[1], stays.get(k)[2]), 1, Integer::sum);
                }
            }
        }
    }

    /** The scripted faults' onsets and repairs within (0, end), sorted, each once. */
    private List<Double> scriptedInstants(double end) {
        java.util.TreeSet<Double> at = new java.util.TreeSet<>();
        for (org.hvsim.model.fault.FaultSpec f : faults.faults()) {
            if (f.scripted()) {
                for (double t : new double[] {f.at(), f.at() + f.repair()}) {
                    if (t > 0 && t < end) {
                        at.add(t);
                    }
                }
            }
        }
        return new ArrayList<>(at);
    }

    /** A host's devices, scheduler and control domain, with no VM yet. */
    private Host host(Simulation sim, HostSpec spec, OutageHistory history, Map<String, List<String>> names) {
        Host h = new Host();
        for (DiskSpec d : spec.disks()) {
            h.disks.put(d.name(), new FcfsStation(d.name(), d.channels(), sim));
        }
        for (NicSpec n : spec.nics()) {
            h.nics.put(n.name(), new FcfsStation(n.name(), 1, sim));
        }
        h.hypervisor = HypervisorSchedulers.create(this.spec.scheduler(), sim, spec);
        if (this.spec.architecture().hasControlDomain()) {
            var c = this.spec.architecture().control();
            h.control = new ControlDomainRuntime(sim, c, spec.pcpus(), spec.speed(), SchedulerControls.of(c));
            h.clients.add(h.control.client());
        }
        h.planner = new StagePlanner(this.spec, h.disks, h.nics, h.control);
        // the first host's also reports the VMs' fault figures
        h.outages = new OutageRuntime(sim, faults, hosts.isEmpty() ? templates : Map.of(),
                hosts.isEmpty() ? names : Map.of(), h.control, history);
        return h;
    }

    /**
     * Which copy of one VM instance serves it: the one on its present host. Moves happen at its host's
     * failure, when it is down; it comes up on the new host after detection and boot.
     */
    private static final class Failover {
        private final Map<Integer, VmInstance> copies;
        private VmInstance serving;
        private boolean down;

        Failover(Map<Integer, VmInstance> copies, int home) {
            this.copies = copies;
            this.serving = copies.get(home);
        }

        VmInstance serving() {
            return serving;
        }

        /** Its failures, repairs and moves, in time order (at one instant: up, down, then the move). */
        void schedule(OutageRuntime events, List<double[]> downs, List<double[]> stays) {
            List<double[]> changes = new ArrayList<>();
            for (double[] d : downs) {
                changes.add(new double[] {d[1], 0, 0});
                changes.add(new double[] {d[0], 1, 0});
            }
            for (int k = 1; k < stays.size(); k++) {
                changes.add(new double[] {stays.get(k)[0], 2, stays.get(k)[2]});
            }
            changes.sort((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(a[1], b[1]));
            for (double[] c : changes) {
                int host = (int) c[2];
                events.at(c[0], c[1] == 0 ? this::recover : c[1] == 1 ? this::fail : () -> move(host));
            }
        }

        private void fail() {
            down = true;
            serving.fail();
        }

        private void recover() {
            down = false;
            serving.recover();
        }

        private void move(int host) {
            VmInstance next = copies.get(host);
            if (next == serving) {
                return;
            }
            serving.leaveFor(next);
            serving = next;
            if (down && !next.isDown()) {
                next.fail(); // it boots there: down until the restart is over
            }
        }
    }

    @Override
    public void collect(Simulation sim, ReplicationOutput out) {
        double now = sim.now();
        double span = now - sim.warmupTime();
        for (Map.Entry<String, VmTemplate> e : templates.entrySet()) {
            HostMetrics.requests(out, e.getKey(), e.getValue(), span);
            HostMetrics.responseTimes(out, e.getKey(), e.getValue(), span);
        }
        double capacity = spec.host().pcpus() * span;
        for (int h = 0; h < hosts.size(); h++) {
            out.put(hostScope(h), Metrics.CPU_UTIL, HostMetrics.fraction(hosts.get(h).hypervisor.busyArea(now) / capacity));
        }
        hosts.get(0).outages.collect(sim, out);
        restarts.forEach((at, n) -> out.putMark(at.get(0), "host",
                n + (n == 1 ? " VM" : " VMs") + " restarted on " + hostScope(at.get(1).intValue())));
        AvailabilityModel.reportWorstFailure(out, placement);
        if (timeline != null) {
            timeline.report(out);
        }
        byWindow.forEach((vm, w) -> w.report(vm, out));
    }

    /** Scope of the cluster's own figures. */
    static final String CLUSTER = Metric.CLUSTER_SCOPE;
}
