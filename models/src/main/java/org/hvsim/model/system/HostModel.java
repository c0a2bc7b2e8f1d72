package org.hvsim.model.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hvsim.core.engine.ReplicationModel;
import org.hvsim.core.engine.ReplicationOutput;
import org.hvsim.core.engine.Simulation;
import org.hvsim.core.random.Distribution;
import org.hvsim.core.random.Sampler;
import org.hvsim.core.stats.LatencyRecorder;
import org.hvsim.model.arch.ArchitectureProfile;
import org.hvsim.model.arch.IoCosts;
import org.hvsim.model.arch.NativeIoWork;
import org.hvsim.model.guest.CpuCategory;
import org.hvsim.model.guest.GuestScheduler;
import org.hvsim.model.hardware.DiskSpec;
import org.hvsim.model.hardware.FcfsStation;
import org.hvsim.model.hardware.HostSpec;
import org.hvsim.model.hardware.NicSpec;
import org.apache.commons.math3.random.RandomGenerator;
import org.hvsim.model.hypervisor.CpuClient;
import org.hvsim.model.hypervisor.HypervisorScheduler;
import org.hvsim.model.hypervisor.HypervisorSchedulers;
import org.hvsim.model.workload.Phase;
import org.hvsim.model.workload.RequestClass;

/**
 * One host under one architecture, as a replication model: builds the devices, the hypervisor
 * scheduler, the guests and their workloads, and reports the figures of the output contract.
 */
public final class HostModel implements ReplicationModel {

    private final SystemSpec spec;
    private final Map<String, FcfsStation> disks = new LinkedHashMap<>();
    private final Map<String, FcfsStation> nics = new LinkedHashMap<>();
    private final Map<String, Template> templates = new LinkedHashMap<>();
    private TimeSeriesRecorder timeline;
    private HypervisorScheduler hypervisor;
    private ControlDomainRuntime control;

    /** The guest OS's own work per I/O and its driver's share (the same under every architecture). */
    private static final NativeIoWork NATIVE_IO = NativeIoWork.DEFAULT;

    /** Intervals of the time series recorded in the first replication. */
    static final int TIMELINE_INTERVALS = 100;

    /** What is reported per VM template: its instances and recorders. */
    private static final class Template {
        final List<VmInstance> instances = new ArrayList<>();
        IoRecorder io;
        final LatencyRecorder all = new LatencyRecorder();
        final RequestCounts counts = new RequestCounts();
        /** Users with think time: a bounded population, which can never be unstable. */
        boolean closed;
        final Map<String, LatencyRecorder> perClass = new LinkedHashMap<>();
    }

    /**
     * @throws IllegalArgumentException if the VMs do not fit in memory and overcommit is not allowed, or
     *         if a VM or the control domain asks for a CPU control the scheduler would ignore
     */
    public HostModel(SystemSpec spec) {
        MemoryAdmission.refusal(spec).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        SchedulerControls.refusal(spec).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        this.spec = spec;
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
        List<Runnable> starts = new ArrayList<>();
        for (VmSpec vm : spec.vms()) {
            Template t = new Template();
            t.io = new IoRecorder(sim, host.speed());
            sim.onWarmup(t.all);
            sim.onWarmup(t.counts);
            t.closed = vm.workload().arrivals() instanceof org.hvsim.model.workload.Arrivals.Closed;
            for (RequestClass c : vm.workload().classes()) {
                LatencyRecorder r = new LatencyRecorder();
                sim.onWarmup(r);
                t.perClass.put(c.name(), r);
            }
            templates.put(vm.name(), t);
            for (int i = 0; i < vm.count(); i++) {
                String name = vm.instanceName(i);
                GuestScheduler guest = GuestScheduler.create(vm.guestScheduler(), sim, vm.vcpus(), host.speed(),
                        vm.quantum());
                clients.add(new CpuClient(name, guest, vm.cpu()));
                List<RequestClass> classes = vm.workload().classes();
                double[] weights = new double[classes.size()];
                for (int c = 0; c < classes.size(); c++) {
                    weights[c] = classes.get(c).weight();
                }
                // The open stream draws its demands from one set of streams; each user of a closed
                // workload from its own, so that a user's requests are the same under every architecture.
                java.util.function.Function<String, ClassPlan[]> plansFor = source -> {
                    ClassPlan[] plans = new ClassPlan[classes.size()];
                    for (int c = 0; c < classes.size(); c++) {
                        RequestClass rc = classes.get(c);
                        plans[c] = new ClassPlan(rc.name(), stages(sim, name, source, rc, vm.enlightened()),
                                t.perClass.get(rc.name()));
                    }
                    return plans;
                };
                VmInstance instance = new VmInstance(name, guest, sim, plansFor, weights, t.all, t.counts);
                instance.io = t.io;
                t.instances.add(instance);
                starts.add(() -> instance.start(vm.workload().arrivals()));
            }
        }
        hypervisor.attach(clients);
        // one event halfway through the measured interval: the backlog is then seen in each half
        sim.scheduleAt(sim.warmupTime() + (sim.endTime() - sim.warmupTime()) / 2, () -> {
            for (Template t : templates.values()) {
                t.counts.markMiddle();
            }
        });
        if (control != null) {
            control.start(starts.size());
        }
        starts.forEach(Runnable::run);
        if (timeline != null) {
            recordTimeline(host);
            timeline.start();
        }
    }

    private void recordTimeline(HostSpec host) {
        double pcpus = host.pcpus();
        List<GuestScheduler> all = new ArrayList<>();
        for (Map.Entry<String, Template> e : templates.entrySet()) {
            List<VmInstance> instances = e.getValue().instances;
            instances.forEach(vm -> all.add(vm.guest));
            timeline.add(e.getKey(), Metrics.CPU_UTIL, now -> {
                double a = 0;
                for (VmInstance vm : instances) {
                    a += vm.guest.busyArea(now);
                }
                return a;
            }, pcpus);
        }
        if (control != null) {
            all.add(control.guest());
        }
        timeline.add(Metrics.HOST, Metrics.CPU_UTIL, now -> {
            double a = hypervisor.overheadArea(now);
            for (GuestScheduler g : all) {
                a += g.busyArea(now);
            }
            return a;
        }, pcpus);
        for (FcfsStation d : disks.values()) {
            timeline.add(d.name(), Metrics.DISK_UTIL, d::busyArea, d.servers());
            timeline.add(d.name(), Metrics.QUEUE_LENGTH, d::inSystemArea, 1);
        }
        for (FcfsStation n : nics.values()) {
            timeline.add(n.name(), Metrics.NIC_UTIL, n::busyArea, n.servers());
            timeline.add(n.name(), Metrics.QUEUE_LENGTH, n::inSystemArea, 1);
        }
    }

    /** Builds a class's chain: CPU phases scaled by the architecture, I/O phases with their overheads. */
    private Stage[] stages(Simulation sim, String instance, String source, RequestClass rc, boolean enlightened) {
        ArchitectureProfile profile = spec.architecture();
        org.hvsim.model.arch.GuestCosts arch = profile.costs(enlightened);
        List<Stage> out = new ArrayList<>();
        String prefix = "vm/" + instance + "/" + source + rc.name() + "/";
        int index = 0;
        double overcommit = MemoryAdmission.overcommitFraction(spec);
        if (overcommit > 0 && spec.memory().overcommit()) {
            out.add(pageIns(sim, prefix + "paging", overcommit));
        }
        for (Phase p : rc.phases()) {
            String stream = prefix + "phase" + index++;
            if (p instanceof Phase.Cpu cpu) {
                Sampler demand = cpu.demand().sampler(sim.random().stream(stream));
                double factor = arch.cpuFactor();
                out.add(Stage.CpuStage.guest(factor == 1.0 ? demand : () -> demand.next() * factor, 1 / factor));
            } else if (p instanceof Phase.Disk disk) {
                DiskSpec d = spec.host().disk(disk.device()).orElseThrow(
                        () -> new IllegalArgumentException("no disk named " + disk.device()));
                Sampler service = d.service() != null
                        ? d.service().sampler(sim.random().stream(stream))
                        : constant(d.latency() + disk.size() / d.bandwidth());
                for (int op = 0; op < disk.ops(); op++) {
                    int first = out.size();
                    ioPath(out, arch.disk(), NATIVE_IO.diskOp(), NATIVE_IO.diskDriverShare(), 1);
                    out.add(Stage.DeviceStage.of(disks.get(d.name()), service));
                    out.set(first, out.get(first).startingIo());
                }
            } else if (p instanceof Phase.Privileged ops) {
                var nat = org.hvsim.model.arch.GuestCosts.PrivilegedCosts.NATIVE;
                var extra = arch.privileged();
                double nativeWork = (ops.syscalls() * nat.syscall() + ops.pageFaults() * nat.pageFault()
                        + ops.contextSwitches() * nat.contextSwitch()) * arch.cpuFactor();
                double extraWork = ops.syscalls() * extra.syscall() + ops.pageFaults() * extra.pageFault()
                        + ops.contextSwitches() * extra.contextSwitch();
                if (nativeWork + extraWork > 0) {
                    out.add(Stage.CpuStage.guest(constant(nativeWork + extraWork),
                            nativeWork / arch.cpuFactor() / (nativeWork + extraWork)));
                }
            } else if (p instanceof Phase.Net net) {
                NicSpec n = spec.host().nic(net.device()).orElseThrow(
                        () -> new IllegalArgumentException("no NIC named " + net.device()));
                int packets = n.packets(net.bytes());
                int first = out.size();
                ioPath(out, arch.net(), n.packetCpu(), NATIVE_IO.netDriverShare(), packets);
                out.add(Stage.DeviceStage.of(nics.get(n.name()), constant(net.bytes() / n.bandwidth())));
                out.set(first, out.get(first).startingIo());
            }
        }
        return out.toArray(new Stage[0]);
    }

    /**
     * The CPU of an I/O, {@code count} times over (operations or packets), as back-to-back stages: the
     * native OS's own work ({@code nativeWork} each) stays on the guest's vCPU except its driver share,
     * which runs where the architecture runs the real driver; the architecture's extras run where the
     * profile puts them. The totals per I/O are the profile's whatever the placement.
     */
    private void ioPath(List<Stage> out, IoCosts costs, double nativeWork, double driverShare, int count) {
        double driver = nativeWork * driverShare * count;
        double inGuest = nativeWork * count - driver + (costs.driver() == IoCosts.Driver.GUEST ? driver : 0);
        double virtualization = costs.guest() * count;
        double hypervisorWork = costs.hypervisor() * count + (costs.driver() == IoCosts.Driver.HYPERVISOR ? driver : 0);
        double controlWork = costs.control() * count + (costs.driver() == IoCosts.Driver.CONTROL ? driver : 0);
        if (inGuest + virtualization > 0) {
            out.add(Stage.CpuStage.guest(constant(inGuest + virtualization), inGuest / (inGuest + virtualization)));
        }
        if (hypervisorWork > 0) {
            out.add(new Stage.CpuStage(constant(hypervisorWork), 1.0, CpuCategory.HYPERVISOR, CpuCategory.HYPERVISOR,
                    false));
        }
        if (controlWork > 0) {
            out.add(new Stage.ControlDomainStage(control.guest(), constant(controlWork), false));
        }
    }

    /**
     * Page-ins before a request's phases: on average faults × overcommit of them (the integer part
     * always, one more with the fractional part's probability), served back to back on the swap disk.
     */
    private Stage pageIns(Simulation sim, String stream, double overcommit) {
        DiskSpec swap = spec.host().disk(spec.memory().swapDevice()).orElseThrow();
        double mean = spec.memory().faultsPerRequest() * overcommit;
        RandomGenerator rng = sim.random().stream(stream);
        Sampler service = swap.service() != null ? swap.service().sampler(sim.random().stream(stream + "/service"))
                : constant(swap.latency() + spec.memory().pageSize() / swap.bandwidth());
        int whole = (int) Math.floor(mean);
        double frac = mean - whole;
        return new Stage.DeviceStage(disks.get(swap.name()), () -> {
            int k = whole + (rng.nextDouble() < frac ? 1 : 0);
            double t = 0;
            for (int i = 0; i < k; i++) {
                t += service.next();
            }
            return t;
        }, true, false);
    }

    /** How far past 0 or 1 a fraction may land from rounding alone (sums and differences of areas). */
    static final double ROUNDING_DUST = 1e-9;

    /**
     * A fraction computed from accumulated areas, with rounding dust at its bounds snapped to them
     * (-1e-17 is shown as 0, not as a negative utilization). A larger excursion is an accounting error
     * and is left as it is, for the tests that add the categories up to catch.
     */
    static double fraction(double v) {
        if (v < 0 && v > -ROUNDING_DUST) {
            return 0;
        }
        if (v > 1 && v < 1 + ROUNDING_DUST) {
            return 1;
        }
        return v;
    }

    private static Sampler constant(double v) {
        return new Distribution.Constant(v).sampler(null);
    }

    @Override
    public void collect(Simulation sim, ReplicationOutput out) {
        double now = sim.now();
        double span = now - sim.warmupTime();
        double capacity = spec.host().pcpus() * span;
        long hostCompleted = 0;
        for (Map.Entry<String, Template> e : templates.entrySet()) {
            String scope = e.getKey();
            Template t = e.getValue();
            latency(out, scope, t.all, span);
            RequestCounts n = t.counts;
            out.put(scope, Metrics.ARRIVAL_RATE, n.arrived / span);
            out.put(scope, Metrics.REQUESTS_ARRIVED, n.arrived);
            out.put(scope, Metrics.REQUESTS_COMPLETED, n.completed);
            out.put(scope, Metrics.REQUESTS_IN_FLIGHT, n.inSystem);
            if (!t.closed) {
                // what Stability needs to tell a growing backlog from noise, per half of the measured interval
                out.putDiagnostic(scope, Stability.ARRIVED_FIRST_HALF, n.arrivedFirstHalf);
                out.putDiagnostic(scope, Stability.COMPLETED_FIRST_HALF, n.completedFirstHalf);
                out.putDiagnostic(scope, Stability.ARRIVED_SECOND_HALF, n.arrived - n.arrivedFirstHalf);
                out.putDiagnostic(scope, Stability.COMPLETED_SECOND_HALF, n.completed - n.completedFirstHalf);
            }
            double busy = 0;
            double guest = 0;
            double runnable = 0;
            for (VmInstance vm : t.instances) {
                busy += vm.guest.busyArea(now);
                guest += vm.guest.guestArea(now);
                runnable += vm.guest.runnableArea(now);
            }
            double costop = 0;
            double skew = 0;
            for (VmInstance vm : t.instances) {
                costop += hypervisor.coStopArea(vm.guest, now);
                skew = Math.max(skew, hypervisor.maxSkew(vm.guest));
            }
            out.put(scope, Metrics.CPU_UTIL, fraction(busy / capacity));
            out.put(scope, Metrics.CPU_UTIL_GUEST, fraction(guest / capacity));
            out.put(scope, Metrics.CPU_UTIL_VIRTUALIZATION, fraction((busy - guest) / capacity));
            // Ready: runnable but neither running nor co-stopped (VMware reports %RDY and %CSTP apart).
            out.put(scope, Metrics.CPU_READY_FRACTION, runnable > 0 ? fraction(Math.max(0, 1 - (busy + costop) / runnable)) : 0);
            out.put(scope, Metrics.CPU_COSTOP_FRACTION, runnable > 0 ? fraction(costop / runnable) : 0);
            out.put(scope, Metrics.CPU_SKEW_MAX, skew);
            if (t.io.io.count() > 0) {
                out.put(scope, Metrics.IO_LATENCY_MEAN, t.io.io.mean());
            }
            if (control != null && t.io.controlDelay.count() > 0) {
                out.put(scope, Metrics.PARENT_QUEUEING_DELAY, t.io.controlDelay.mean());
            }
            out.putDistribution(scope, Metrics.RESPONSE_TIME, t.all.histogram().copy());
            if (t.perClass.size() > 1) {
                for (Map.Entry<String, LatencyRecorder> c : t.perClass.entrySet()) {
                    latency(out, scope + "/" + c.getKey(), c.getValue(), span);
                }
            }
            hostCompleted += t.all.count();
        }
        out.put(Metrics.HOST, Metrics.THROUGHPUT, hostCompleted / span);
        double hv = hypervisor.overheadArea(now);
        double[] byCategory = new double[org.hvsim.model.guest.CpuCategory.values().length];
        for (Template t : templates.values()) {
            for (VmInstance vm : t.instances) {
                addCategories(byCategory, vm.guest, now);
            }
        }
        if (control != null) {
            addCategories(byCategory, control.guest(), now);
        }
        out.put(Metrics.HOST, Metrics.CPU_UTIL_GUEST,
                fraction(byCategory[org.hvsim.model.guest.CpuCategory.GUEST.ordinal()] / capacity));
        out.put(Metrics.HOST, Metrics.CPU_UTIL_VIRTUALIZATION,
                fraction(byCategory[org.hvsim.model.guest.CpuCategory.VIRTUALIZATION.ordinal()] / capacity));
        out.put(Metrics.HOST, Metrics.CPU_UTIL_HYPERVISOR,
                fraction((hv + byCategory[org.hvsim.model.guest.CpuCategory.HYPERVISOR.ordinal()]) / capacity));
        out.put(Metrics.HOST, Metrics.CPU_UTIL_PARENT,
                fraction(byCategory[org.hvsim.model.guest.CpuCategory.PARENT.ordinal()] / capacity));
        out.put(Metrics.HOST, Metrics.CPU_UTIL_MANAGEMENT,
                fraction(byCategory[org.hvsim.model.guest.CpuCategory.MANAGEMENT.ordinal()] / capacity));
        // Idle as the scheduler measured it, not as a remainder: the breakdown adding up to 1 then checks
        // the guests' accounting against the scheduler's.
        out.put(Metrics.HOST, Metrics.CPU_UTIL_IDLE, fraction(1 - hypervisor.busyArea(now) / capacity));
        if (!disks.isEmpty()) {
            out.put(Metrics.HOST, Metrics.DISK_UTIL, fraction(meanUtilization(disks, now)));
        }
        if (!nics.isEmpty()) {
            out.put(Metrics.HOST, Metrics.NIC_UTIL, fraction(meanUtilization(nics, now)));
        }
        if (timeline != null) {
            timeline.report(out);
        }
    }

    private static void addCategories(double[] sums, GuestScheduler g, double now) {
        for (org.hvsim.model.guest.CpuCategory c : org.hvsim.model.guest.CpuCategory.values()) {
            sums[c.ordinal()] += g.categoryArea(c, now);
        }
    }

    private static void latency(ReplicationOutput out, String scope, LatencyRecorder r, double span) {
        out.put(scope, Metrics.RESPONSE_TIME_MEAN, r.mean());
        out.put(scope, Metrics.RESPONSE_TIME_P50, r.quantile(0.50));
        out.put(scope, Metrics.RESPONSE_TIME_P95, r.quantile(0.95));
        out.put(scope, Metrics.RESPONSE_TIME_P99, r.quantile(0.99));
        out.put(scope, Metrics.THROUGHPUT, r.count() / span);
    }

    private static double meanUtilization(Map<String, FcfsStation> stations, double now) {
        double s = 0;
        for (FcfsStation st : stations.values()) {
            s += st.utilization(now);
        }
        return s / stations.size();
    }
}
