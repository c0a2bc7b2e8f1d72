package org.hvsim.model.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.hvsim.core.engine.ReplicationOutput;
import org.hvsim.core.engine.ReplicationRunner;
import org.hvsim.core.engine.ReplicationSpec;
import org.hvsim.core.random.Distribution;
import org.hvsim.model.arch.ArchitectureProfile;
import org.hvsim.model.arch.Architectures;
import org.hvsim.model.arch.ControlDomain;
import org.hvsim.model.arch.IoCosts;
import org.hvsim.model.arch.NativeIoWork;
import org.hvsim.model.guest.GuestDiscipline;
import org.hvsim.model.hardware.DiskSpec;
import org.hvsim.model.hardware.HostSpec;
import org.hvsim.model.hypervisor.CpuControls;
import org.hvsim.model.hypervisor.EsxScheduler;
import org.hvsim.model.hypervisor.HyperVScheduler;
import org.hvsim.model.hypervisor.ProcessorSharingScheduler;
import org.hvsim.model.hypervisor.XenCreditScheduler;
import org.hvsim.model.workload.Arrivals;
import org.hvsim.model.workload.Phase;
import org.hvsim.model.workload.RequestClass;
import org.hvsim.model.workload.Workload;
import org.junit.jupiter.api.Test;

/**
 * The control domain (parent partition, host OS, service console) as a scheduled client: I/O back-end
 * work queues in it, its CPU follows the guests' I/O rate, management agents cost what their period
 * and per-VM work say, and the host breakdown still adds up to 1.
 */
class ControlDomainTest {

    private static final ControlDomain PARENT = new ControlDomain("parent", 1, 0, 512L << 20, 0, 0.005,
            ControlDomain.Management.NONE);

    private static ArchitectureProfile microkernel(ControlDomain c, double controlPerOp, String scheduler) {
        return Architectures.byName("microkernel").orElseThrow().withControl(c)
                .withDisk(new IoCosts(0, 0, controlPerOp)).withScheduler(scheduler);
    }

    private static VmSpec ioVm(String name, int count, double rate) {
        Workload w = new Workload(Arrivals.Open.poisson(rate), List.of(new RequestClass("io", 1,
                List.of(new Phase.Cpu(new Distribution.Exponential(0.001)), new Phase.Disk(1, 4096, false, "d0")))));
        return new VmSpec(name, count, 1, 1L << 30, true, GuestDiscipline.PS, 0.1, w);
    }

    private static VmSpec hog(String name) {
        Workload w = new Workload(new Arrivals.Closed(2, new Distribution.Constant(0)), List.of(new RequestClass("burn", 1,
                List.of(new Phase.Cpu(new Distribution.Exponential(0.05))))));
        return new VmSpec(name, 1, 1, 1L << 30, true, GuestDiscipline.PS, 0.1, w);
    }

    private static ReplicationOutput run(int pcpus, List<VmSpec> vms, ArchitectureProfile arch, int rep) {
        HostSpec host = new HostSpec(pcpus, 1.0, 64L << 30,
                List.of(new DiskSpec("d0", new Distribution.Exponential(0.002), 0, 0, 16)), List.of());
        return ReplicationRunner.run(new HostModel(new SystemSpec(host, vms, arch)), ReplicationSpec.of(9, rep, 10, 210));
    }

    @Test
    void parentCpuGrowsLinearlyWithTheChildrensIoRate() {
        double backEnd = 50e-6;
        for (double rate : new double[] {50, 100, 200}) {
            ReplicationOutput o = run(2, List.of(ioVm("vm", 2, rate)),
                    microkernel(PARENT, backEnd, ProcessorSharingScheduler.NAME), 0);
            double throughput = o.get("host", Metrics.THROUGHPUT);
            // Every completed I/O cost the parent exactly 50 us of back end plus the native disk driver's
            // share, which an enlightened guest leaves to the parent; utilization is a share of 2 pCPUs.
            double perOp = backEnd + NativeIoWork.DEFAULT.diskOp() * NativeIoWork.DEFAULT.diskDriverShare();
            assertEquals(throughput * perOp / 2, o.get("host", Metrics.CPU_UTIL_PARENT), 0.01 * throughput * perOp / 2,
                    "rate " + rate);
            assertEquals(rate * 2, throughput, 0.05 * rate * 2);
            assertEquals(1.0, CpuBreakdown.sum(o), 1e-9);
        }
    }

    @Test
    void aSaturatedParentDelaysEveryChildsIoAndMoreVcpusOrWeightRelieveIt() {
        // Two I/O VMs whose back-end work keeps one parent vCPU 90 % busy (2 x 150/s x 3 ms).
        List<VmSpec> vms = List.of(ioVm("a", 1, 150), ioVm("b", 1, 150), hog("hog1"), hog("hog2"));
        double light = run(4, List.of(ioVm("a", 1, 15), ioVm("b", 1, 15), hog("hog1"), hog("hog2")),
                microkernel(PARENT, 0.003, XenCreditScheduler.NAME), 0).get("a", Metrics.RESPONSE_TIME_MEAN);
        ReplicationOutput saturated = run(4, vms, microkernel(PARENT, 0.003, XenCreditScheduler.NAME), 0);
        double slowA = saturated.get("a", Metrics.RESPONSE_TIME_MEAN);
        double slowB = saturated.get("b", Metrics.RESPONSE_TIME_MEAN);
        assertTrue(slowA > 3 * light && slowB > 3 * light, "saturated parent: " + slowA + ", " + slowB + " vs " + light);
        // The wait is in the parent: its queueing delay and the I/O latency carry it.
        double delay = saturated.get("a", Metrics.PARENT_QUEUEING_DELAY);
        assertTrue(delay > 0.01, "parent queueing delay " + delay);
        assertTrue(saturated.get("a", Metrics.IO_LATENCY_MEAN) > delay, "I/O latency includes the parent's delay");
        double twoVcpus = run(4, vms, microkernel(PARENT.withVcpus(2), 0.003, XenCreditScheduler.NAME), 0)
                .get("a", Metrics.RESPONSE_TIME_MEAN);
        assertTrue(twoVcpus < slowA / 2, "a second parent vCPU should relieve it: " + twoVcpus + " vs " + slowA);
        // On a host kept busy by hogs, the parent's weight decides how soon its vCPU runs.
        List<VmSpec> crowded = new ArrayList<>(vms);
        crowded.add(hog("hog3"));
        crowded.add(hog("hog4"));
        double lowWeight = run(4, crowded, microkernel(PARENT.withWeight(64), 0.003, XenCreditScheduler.NAME), 0)
                .get("a", Metrics.RESPONSE_TIME_MEAN);
        double highWeight = run(4, crowded, microkernel(PARENT.withWeight(4096), 0.003, XenCreditScheduler.NAME), 0)
                .get("a", Metrics.RESPONSE_TIME_MEAN);
        assertTrue(highWeight < lowWeight, "more parent weight should help: " + highWeight + " vs " + lowWeight);
    }

    @Test
    void managementCostsBasePlusPerVmOverPeriod() {
        List<VmSpec> vms = List.of(ioVm("vm", 4, 10));
        double base = 0.005;
        double perVm = 0.001;
        for (double period : new double[] {1.0, 0.25}) {
            ControlDomain c = PARENT.withManagement(new ControlDomain.Management(period, base, perVm));
            ReplicationOutput o = run(2, vms, microkernel(c, 0, ProcessorSharingScheduler.NAME), 0);
            double expected = (base + perVm * 4) / period / 2;
            if (period == 1.0) {
                // Heavy tools (a GUI console) add their own share on top, as management.
                ControlDomain withTools = c.withTools(new ControlDomain.Management(2, 0.020, 0.002));
                ReplicationOutput t = run(2, vms, microkernel(withTools, 0, ProcessorSharingScheduler.NAME), 0);
                double more = (0.020 + 0.002 * 4) / 2 / 2;
                assertEquals(expected + more, t.get("host", Metrics.CPU_UTIL_MANAGEMENT), (expected + more) * 0.02);
            }
            // Whole wake-ups only: the measured interval holds 200 s / period of them, give or take one.
            assertEquals(expected, o.get("host", Metrics.CPU_UTIL_MANAGEMENT), expected * period / 200 + 1e-12,
                    "period " + period);
            assertEquals(1.0, CpuBreakdown.sum(o), 1e-9);
            // The agents' CPU comes out of the guests' headroom: idle shrinks by exactly what they use.
            ReplicationOutput none = run(2, vms, microkernel(PARENT, 0, ProcessorSharingScheduler.NAME), 0);
            assertEquals(none.get("host", Metrics.CPU_UTIL_IDLE) - o.get("host", Metrics.CPU_UTIL_MANAGEMENT),
                    o.get("host", Metrics.CPU_UTIL_IDLE), 1e-9);
        }
    }

    @Test
    void backgroundServicesUseTheirShareAndTheControlDomainsMemoryCountsAtAdmission() {
        ControlDomain busy = PARENT.withBackgroundLoad(0.2);
        ReplicationOutput o = run(2, List.of(ioVm("vm", 1, 10)), microkernel(busy, 0, ProcessorSharingScheduler.NAME), 0);
        assertEquals(0.1, o.get("host", Metrics.CPU_UTIL_PARENT), 0.01); // 0.2 of one pCPU on two
        ArchitectureProfile arch = microkernel(busy, 0, ProcessorSharingScheduler.NAME);
        HostSpec host = new HostSpec(2, 1.0, 2L << 30, List.of(), List.of());
        SystemSpec full = new SystemSpec(host, List.of(ioVm("vm", 2, 10)), arch); // 2 GB of VMs + 0.5 GB parent
        assertTrue(MemoryAdmission.refusal(full).isPresent());
        String expected = String.format(java.util.Locale.ROOT, "%.2f GB for the hypervisor",
                (arch.memory().hypervisor() + busy.memory()) / (1024.0 * 1024 * 1024));
        assertTrue(MemoryAdmission.refusal(full).get().contains(expected), MemoryAdmission.refusal(full).get());
    }

    /** The control domain's whole CPU (its own work, I/O back ends, agents) in pCPUs. */
    private static double controlCpu(ReplicationOutput o, int pcpus) {
        return (o.get("host", Metrics.CPU_UTIL_PARENT) + o.get("host", Metrics.CPU_UTIL_MANAGEMENT)) * pcpus;
    }

    @Test
    void aCappedParentNeverExceedsItsLimitWhileSaturated() {
        // Two parent vCPUs asked for 1.6 pCPUs of services plus 3 ms of back end per child I/O (0.9 pCPU).
        ControlDomain busy = PARENT.withVcpus(2).withBackgroundLoad(1.6)
                .withManagement(new ControlDomain.Management(1, 0.05, 0.01));
        List<VmSpec> vms = List.of(ioVm("a", 1, 150), ioVm("b", 1, 150), hog("hog"));
        for (String scheduler : List.of(EsxScheduler.NAME, HyperVScheduler.NAME)) {
            double free = controlCpu(run(4, vms, microkernel(busy, 0.003, scheduler), 0), 4);
            assertTrue(free > 1.5, scheduler + ": the uncapped parent should want far more than 0.5: " + free);
            ReplicationOutput capped = run(4, vms, microkernel(busy.withCpu(0, 0.5), 0.003, scheduler), 0);
            double used = controlCpu(capped, 4);
            // Enforced per 100 ms period: over 200 s at most a period's worth more (warm-up split).
            assertTrue(used <= 0.5 * (1 + 0.1 / 200) + 1e-9, scheduler + ": limit exceeded: " + used);
            assertTrue(used > 0.49, scheduler + ": a saturated parent should use its whole limit: " + used);
            // What it cannot do waits in it: the children's I/O slows down.
            assertTrue(capped.get("a", Metrics.PARENT_QUEUEING_DELAY) > 0.01, scheduler);
            assertEquals(1.0, CpuBreakdown.sum(capped), 1e-9);
        }
    }

    @Test
    void aParentReservationIsDeliveredBesideCpuHogs() {
        // Six hogs and a parent that would use 0.9 pCPU on two pCPUs: a fair share is 2/7 of the host.
        ControlDomain busy = PARENT.withBackgroundLoad(0.9);
        List<VmSpec> vms = new ArrayList<>(List.of(ioVm("io", 1, 1)));
        for (int i = 0; i < 6; i++) {
            vms.add(hog("hog" + i));
        }
        for (String scheduler : List.of(EsxScheduler.NAME, HyperVScheduler.NAME)) {
            double fair = controlCpu(run(2, vms, microkernel(busy, 0, scheduler), 0), 2);
            assertTrue(fair < 0.45, scheduler + ": without a reservation the parent gets about 2/7: " + fair);
            double reserved = controlCpu(run(2, vms, microkernel(busy.withCpu(0.6, 0), 0, scheduler), 0), 2);
            assertTrue(reserved >= 0.6 - 0.01, scheduler + ": reservation not delivered: " + reserved);
        }
    }

    @Test
    void aHostModelRefusesAControlItsSchedulerWouldIgnore() {
        HostSpec host = new HostSpec(2, 1.0, 64L << 30,
                List.of(new DiskSpec("d0", new Distribution.Exponential(0.002), 0, 0, 16)), List.of());
        // Xen credit has caps but no reservations: a reserved dom0 would get nothing of it.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new HostModel(
                new SystemSpec(host, List.of(ioVm("vm", 1, 10)), microkernel(PARENT.withCpu(0.6, 0), 0,
                        XenCreditScheduler.NAME))));
        assertTrue(e.getMessage().contains("xen-credit has no reservation; it supports weight and limit (cap)"),
                e.getMessage());
        VmSpec weighted = new VmSpec("w", 1, 1, 1L << 30, true, GuestDiscipline.PS, 0.1,
                ioVm("x", 1, 10).workload(), new CpuControls(512, 0, 0.5));
        e = assertThrows(IllegalArgumentException.class, () -> new HostModel(new SystemSpec(host, List.of(weighted),
                microkernel(PARENT, 0, ProcessorSharingScheduler.NAME))));
        assertTrue(e.getMessage().contains("VM w: processor-sharing has no weight or limit"), e.getMessage());
        // What it does support is accepted.
        new HostModel(new SystemSpec(host, List.of(weighted), microkernel(PARENT.withCpu(0, 0.5), 0,
                XenCreditScheduler.NAME)));
    }
}
