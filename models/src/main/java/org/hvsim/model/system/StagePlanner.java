package org.hvsim.model.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.math3.random.RandomGenerator;
import org.hvsim.core.engine.Simulation;
import org.hvsim.core.random.Distribution;
import org.hvsim.core.random.Sampler;
import org.hvsim.model.arch.ArchitectureProfile;
import org.hvsim.model.arch.IoCosts;
import org.hvsim.model.arch.NativeIoWork;
import org.hvsim.model.guest.CpuCategory;
import org.hvsim.model.guest.GuestDiscipline;
import org.hvsim.model.hardware.DiskSpec;
import org.hvsim.model.hardware.FcfsStation;
import org.hvsim.model.hardware.NicSpec;
import org.hvsim.model.workload.Phase;
import org.hvsim.model.workload.RequestClass;

/**
 * The chain of stages of each request class on one host under one architecture: CPU phases scaled by
 * the architecture, the I/O paths with their CPU where the architecture runs it, privileged operations,
 * and page-ins when memory is overcommitted.
 */
final class StagePlanner {

    /** The guest OS's own work per I/O and its driver's share (the same under every architecture). */
    private static final NativeIoWork NATIVE_IO = NativeIoWork.DEFAULT;

    private final SystemSpec spec;
    private final Map<String, FcfsStation> disks;
    private final Map<String, FcfsStation> nics;
    /** The control domain, or null when the architecture has none. */
    private final ControlDomainRuntime control;

    StagePlanner(SystemSpec spec, Map<String, FcfsStation> disks, Map<String, FcfsStation> nics,
            ControlDomainRuntime control) {
        this.spec = spec;
        this.disks = disks;
        this.nics = nics;
        this.control = control;
    }

    /** Builds a class's chain: CPU phases scaled by the architecture, I/O phases with their overheads. */
    Stage[] stages(Simulation sim, String instance, String source, RequestClass rc, boolean enlightened,
            GuestDiscipline discipline) {
        boolean oneBurst = discipline == GuestDiscipline.PS;
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
                DiskSpec d = diskOf(disk);
                disk(out, arch, disk, d.service() != null ? d.service().sampler(sim.random().stream(stream)) : null,
                        oneBurst);
            } else if (p instanceof Phase.Privileged ops) {
                var nat = org.hvsim.model.arch.GuestCosts.PrivilegedCosts.NATIVE;
                var extra = arch.privileged();
                double nativeWork = (ops.syscalls() * nat.syscall() + ops.pageFaults() * nat.pageFault()
                        + ops.contextSwitches() * nat.contextSwitch()
                        + ops.pageTableUpdates() * nat.pageTableUpdate()) * arch.cpuFactor();
                double extraWork = ops.syscalls() * extra.syscall() + ops.pageFaults() * extra.pageFault()
                        + ops.contextSwitches() * extra.contextSwitch()
                        + ops.pageTableUpdates() * extra.pageTableUpdate();
                if (nativeWork + extraWork > 0) {
                    out.add(Stage.CpuStage.guest(constant(nativeWork + extraWork),
                            nativeWork / arch.cpuFactor() / (nativeWork + extraWork)));
                }
            } else if (p instanceof Phase.Net net) {
                net(out, arch, net, oneBurst);
            }
        }
        return out.toArray(new Stage[0]);
    }

    private DiskSpec diskOf(Phase.Disk disk) {
        return spec.host().disk(disk.device()).orElseThrow(
                () -> new IllegalArgumentException("no disk named " + disk.device()));
    }

    /** A disk phase's operations; {@code service} draws each one's time, or null for latency + size/bandwidth. */
    private void disk(List<Stage> out, org.hvsim.model.arch.GuestCosts arch, Phase.Disk disk, Sampler service,
            boolean oneBurst) {
        DiskSpec d = diskOf(disk);
        Sampler each = service != null ? service : constant(d.latency() + disk.size() / d.bandwidth());
        // A synchronous write the architecture turns into a host-side synchronous write: one more
        // visit of the same disk after the operation (docs/profiles.md, "I/O chains" 2.3).
        Sampler hostSync = disk.sync() && arch.syncWrite() > 0 ? constant(arch.syncWrite()) : null;
        for (int op = 0; op < disk.ops(); op++) {
            int first = out.size();
            ioPath(out, arch.disk(), NATIVE_IO.diskOp(), NATIVE_IO.diskDriverShare(), 1, oneBurst);
            out.add(Stage.DeviceStage.of(disks.get(d.name()), each));
            if (hostSync != null) {
                out.add(Stage.DeviceStage.of(disks.get(d.name()), hostSync));
            }
            out.set(first, out.get(first).startingIo());
        }
    }

    private void net(List<Stage> out, org.hvsim.model.arch.GuestCosts arch, Phase.Net net, boolean oneBurst) {
        NicSpec n = spec.host().nic(net.device()).orElseThrow(
                () -> new IllegalArgumentException("no NIC named " + net.device()));
        int packets = n.packets(net.bytes());
        int first = out.size();
        ioPath(out, arch.net(net.direction()), n.packetCpu(net.direction()), NATIVE_IO.netDriverShare(), packets,
                oneBurst);
        out.add(Stage.DeviceStage.of(nics.get(n.name()), constant(net.bytes() / n.bandwidth())));
        out.set(first, out.get(first).startingIo());
    }

    /**
     * The stages of one traced request on {@code instance}: its CPU scaled by the architecture, its disk
     * operations and its bytes sent, planned like the phases of a class (docs/method.md, "Trace replay").
     * A disk with a service distribution draws each operation's time from the instance's own stream.
     */
    java.util.function.Function<org.hvsim.model.workload.TraceRecord, Stage[]> traceStages(Simulation sim,
            String instance, org.hvsim.model.workload.Arrivals.Trace trace, boolean enlightened,
            GuestDiscipline discipline) {
        boolean oneBurst = discipline == GuestDiscipline.PS;
        org.hvsim.model.arch.GuestCosts arch = spec.architecture().costs(enlightened);
        Sampler service = trace.disk() == null ? null
                : spec.host().disk(trace.disk()).map(DiskSpec::service)
                        .map(d -> d.sampler(sim.random().stream("vm/" + instance + "/trace/disk"))).orElse(null);
        double overcommit = MemoryAdmission.overcommitFraction(spec);
        Stage paging = overcommit > 0 && spec.memory().overcommit()
                ? pageIns(sim, "vm/" + instance + "/trace/paging", overcommit) : null;
        return r -> {
            List<Stage> out = new ArrayList<>();
            if (paging != null) {
                out.add(paging);
            }
            if (r.cpu() > 0) {
                out.add(Stage.CpuStage.guest(constant(r.cpu() * arch.cpuFactor()), 1 / arch.cpuFactor()));
            }
            if (r.diskOps() > 0) {
                disk(out, arch, new Phase.Disk(r.diskOps(), r.diskBytes() / r.diskOps(), trace.write(), trace.disk()),
                        service, oneBurst);
            }
            if (r.netBytes() > 0) {
                net(out, arch, new Phase.Net(r.netBytes(), trace.nic()), oneBurst);
            }
            return out.toArray(new Stage[0]);
        };
    }

    /**
     * The CPU of an I/O, {@code count} times over (operations or packets), as back-to-back stages: the
     * native OS's own work ({@code nativeWork} each) stays on the guest's vCPU except its driver share,
     * which runs where the architecture runs the real driver; the architecture's extras run where the
     * profile puts them. The totals per I/O are the profile's whatever the placement.
     *
     * <p>With {@code oneBurst} (a processor-sharing guest) the guest's and the hypervisor's parts, both on
     * the VM's own vCPU and back to back, are one job charged to the three categories side by side: under
     * processor sharing a job's completion depends only on its total work and the rates, so the request
     * leaves the vCPU at the same instant as after two jobs, and each category gets the same
     * pCPU-seconds, with one completion event instead of two. (Under FCFS and round robin the second
     * job queues behind others, so there they stay two.)
     */
    private void ioPath(List<Stage> out, IoCosts costs, double nativeWork, double driverShare, int count,
            boolean oneBurst) {
        double driver = nativeWork * driverShare * count;
        double inGuest = nativeWork * count - driver + (costs.driver() == IoCosts.Driver.GUEST ? driver : 0);
        double virtualization = costs.guest() * count;
        double hypervisorWork = costs.hypervisor() * count + (costs.driver() == IoCosts.Driver.HYPERVISOR ? driver : 0);
        double controlWork = costs.control() * count + (costs.driver() == IoCosts.Driver.CONTROL ? driver : 0);
        if (oneBurst && inGuest + virtualization > 0 && hypervisorWork > 0) {
            double all = inGuest + virtualization + hypervisorWork;
            out.add(new Stage.CpuStage(constant(all), inGuest / all, CpuCategory.GUEST, CpuCategory.VIRTUALIZATION,
                    hypervisorWork / all, CpuCategory.HYPERVISOR, false));
        } else {
            if (inGuest + virtualization > 0) {
                out.add(Stage.CpuStage.guest(constant(inGuest + virtualization), inGuest / (inGuest + virtualization)));
            }
            if (hypervisorWork > 0) {
                out.add(new Stage.CpuStage(constant(hypervisorWork), 1.0, CpuCategory.HYPERVISOR,
                        CpuCategory.HYPERVISOR, false));
            }
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

    private static Sampler constant(double v) {
        return new Distribution.Constant(v).sampler(null);
    }
}
