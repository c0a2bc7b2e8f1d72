package org.hvsim.model.system;

import static org.hvsim.model.system.Systems.cpu;
import static org.hvsim.model.system.Systems.host;
import static org.hvsim.model.system.Systems.open;
import static org.hvsim.model.system.Systems.run;
import static org.hvsim.model.system.Systems.saturating;
import static org.hvsim.model.system.Systems.treatment;
import static org.hvsim.model.system.Systems.vm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.hvsim.core.engine.ReplicationOutput;
import org.hvsim.core.experiment.TreatmentResult;
import org.hvsim.core.random.Distribution;
import org.hvsim.core.result.Estimate;
import org.hvsim.model.arch.Architectures;
import org.hvsim.model.guest.GuestDiscipline;
import org.hvsim.model.hardware.DiskSpec;
import org.hvsim.model.hardware.HostSpec;
import org.hvsim.model.hardware.NicSpec;
import org.hvsim.model.workload.Phase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class HostModelTest {

    private static final String HOST = Metrics.HOST;

    private static void assertCpuCategoriesAddUpToOne(TreatmentResult r) {
        for (int i = 0; i < r.replications().size(); i++) {
            ReplicationOutput o = r.replications().get(i);
            double sum = 0;
            for (String m : CpuBreakdown.CATEGORIES) {
                double v = o.get(HOST, m);
                assertTrue(v >= -1e-12, r.name() + " rep " + i + " " + m + " negative: " + v);
                sum += v;
            }
            assertEquals(1.0, sum, 1e-9, r.name() + " replication " + i + ": cpu_util_* add up to " + sum);
        }
    }

    /** Estimate covers the truth and the relative error is small. */
    private static void assertEstimates(double truth, Estimate e, double relTol, String what) {
        assertTrue(e.covers(truth), what + ": CI [" + e.ciLow() + ", " + e.ciHigh() + "] misses " + truth);
        assertEquals(truth, e.mean(), relTol * truth, what);
    }

    /** Two pCPUs, a disk "d0" and a NIC "n0". */
    private static HostSpec hostWithDiskAndNic() {
        return host(2, List.of(DiskSpec.ofService("d0", new Distribution.Exponential(0.004))),
                List.of(new NicSpec("n0", 125e6, NicSpec.ETHERNET_MTU)));
    }

    /** Two instances of a 1-vCPU VM whose requests use the CPU, the disk and the NIC. */
    private static VmSpec webWithIo() {
        return vm("web", 2, 1, GuestDiscipline.PS, open(3, cpu(new Distribution.Exponential(0.1)),
                new Phase.Disk(2, 4096, false, "d0"), new Phase.Net(20_000, "n0")));
    }

    @Test
    void cpuCategoriesAddUpToOneInEveryReplication() {
        // two templates (one with two instances), a disk, a NIC, on a virtualized host with per-I/O costs
        HostSpec host = hostWithDiskAndNic();
        List<VmSpec> vms = List.of(webWithIo(),
                vm("db", 1, 2, GuestDiscipline.FCFS, open(4, cpu(new Distribution.GammaDist(0.15, 1.5)))));
        for (String arch : List.of("native", "hosted", "microkernel")) {
            TreatmentResult r = run(11, 3, 50, 500, treatment(arch, host, vms)).get(0);
            assertCpuCategoriesAddUpToOne(r);
            double idle = r.estimate(HOST, Metrics.CPU_UTIL_IDLE).mean();
            assertTrue(idle > 0.1 && idle < 0.9, arch + ": idle " + idle + " should not be clamped");
        }
        // a saturated host: idle is about 0 and the rest still adds up to 1
        TreatmentResult sat = run(12, 2, 10, 200, treatment("hosted", host(2),
                List.of(vm("busy", 3, 1, GuestDiscipline.FCFS, saturating(cpu(new Distribution.Exponential(0.05)))))))
                .get(0);
        assertCpuCategoriesAddUpToOne(sat);
        assertEquals(0.0, sat.estimate(HOST, Metrics.CPU_UTIL_IDLE).mean(), 1e-6);
    }

    /** The figures that are fractions of something and so lie in [0, 1] exactly. */
    private static final List<String> FRACTIONS = List.of(Metrics.CPU_UTIL, Metrics.CPU_UTIL_GUEST,
            Metrics.CPU_UTIL_VIRTUALIZATION, Metrics.CPU_UTIL_HYPERVISOR, Metrics.CPU_UTIL_PARENT,
            Metrics.CPU_UTIL_MANAGEMENT, Metrics.CPU_UTIL_IDLE, Metrics.CPU_READY_FRACTION,
            Metrics.CPU_COSTOP_FRACTION, Metrics.DISK_UTIL, Metrics.NIC_UTIL);

    @Test
    void fractionsCarryNoRoundingDustBeyondTheirBounds() {
        // Differences of accumulated areas (busy - guest under native, 1 - busy on a saturated host) land a
        // few ulps off 0 or 1; a fraction must not show -1e-17 % or 100.000000000001 %.
        HostSpec host = hostWithDiskAndNic();
        List<VmSpec> vms = List.of(webWithIo(),
                vm("busy", 3, 1, GuestDiscipline.FCFS, saturating(cpu(new Distribution.Exponential(0.05)))));
        int checked = 0;
        for (String arch : List.of("native", "hosted", "microkernel")) {
            TreatmentResult r = run(13, 2, 10, 200, treatment(arch, host, vms)).get(0);
            for (ReplicationOutput o : r.replications()) {
                for (var e : o.values().entrySet()) {
                    if (FRACTIONS.contains(e.getKey().metric())) {
                        double v = e.getValue();
                        assertTrue(v >= 0 && v <= 1, arch + " " + e.getKey() + " = " + v);
                        checked++;
                    }
                }
            }
        }
        assertTrue(checked > 50, "checked " + checked);
        assertEquals(0.0, HostMetrics.fraction(-1e-17));
        assertEquals(1.0, HostMetrics.fraction(1 + 1e-15));
        assertEquals(0.25, HostMetrics.fraction(0.25));
        assertEquals(-0.01, HostMetrics.fraction(-0.01), "an accounting error stays visible, it is not dust");
    }

    @Test
    void nativeSingleServerUtilizationIsLambdaTimesS() {
        double lambda = 0.6;
        double s = 1.0;
        TreatmentResult r = run(21, 10, 200, 5000, treatment("native", host(1),
                List.of(vm("web", 1, 1, GuestDiscipline.FCFS, open(lambda, cpu(new Distribution.Exponential(s)))))))
                .get(0);
        assertEstimates(lambda * s, r.estimate(HOST, Metrics.CPU_UTIL_GUEST), 0.05, "host cpu_util_guest");
        assertEstimates(lambda * s, r.estimate("web", Metrics.CPU_UTIL_GUEST), 0.05, "vm cpu_util_guest");
        assertEstimates(lambda, r.estimate(HOST, Metrics.THROUGHPUT), 0.05, "throughput");
        // M/M/1: mean response time S / (1 - rho)
        assertEstimates(s / (1 - lambda * s), r.estimate("web", Metrics.RESPONSE_TIME_MEAN), 0.08, "response time");
        for (ReplicationOutput o : r.replications()) {
            assertEquals(0.0, o.get(HOST, Metrics.CPU_UTIL_VIRTUALIZATION), "native has no virtualization cost");
            assertEquals(0.0, o.get("web", Metrics.CPU_UTIL_VIRTUALIZATION));
            assertEquals(0.0, o.get("web", Metrics.CPU_READY_FRACTION), 1e-12);
        }
        assertCpuCategoriesAddUpToOne(r);
    }

    @Test
    void hostedCostsMoreThanNativeInEveryReplication() {
        HostSpec host = host(1);
        List<VmSpec> vms = List.of(vm("web", 1, 1, GuestDiscipline.FCFS,
                open(0.7, cpu(new Distribution.Exponential(1.0)))));
        List<TreatmentResult> res = run(31, 6, 100, 2000, treatment("native", host, vms),
                treatment("hosted", host, vms));
        TreatmentResult nat = res.get(0);
        TreatmentResult hos = res.get(1);
        double factor = Architectures.byName("hosted").orElseThrow().cpuFactor();
        for (int i = 0; i < nat.replications().size(); i++) {
            ReplicationOutput n = nat.replications().get(i);
            ReplicationOutput h = hos.replications().get(i);
            assertTrue(h.get("web", Metrics.RESPONSE_TIME_MEAN) > n.get("web", Metrics.RESPONSE_TIME_MEAN),
                    "replication " + i + ": hosted " + h.get("web", Metrics.RESPONSE_TIME_MEAN) + " <= native "
                            + n.get("web", Metrics.RESPONSE_TIME_MEAN));
            double virt = h.get(HOST, Metrics.CPU_UTIL_VIRTUALIZATION);
            double guest = h.get(HOST, Metrics.CPU_UTIL_GUEST);
            assertTrue(virt > 0, "hosted virtualization share " + virt);
            // every CPU second is cpuFactor x the native demand, of which 1/cpuFactor is guest work
            assertEquals(factor - 1, virt / guest, 1e-9, "virtualization / guest");
            // same requests (common random numbers): the guest work is the same as native's
            assertEquals(n.get(HOST, Metrics.CPU_UTIL_GUEST), guest, 0.02 * guest);
        }
        assertCpuCategoriesAddUpToOne(hos);
    }

    @Test
    void everyProfileChargesItsCpuFactorAndMicrokernelWithoutIoIsExactlyNative() {
        HostSpec host = host(1);
        List<VmSpec> vms = List.of(vm("web", 1, 1, GuestDiscipline.PS,
                open(0.5, cpu(new Distribution.GammaDist(1.0, 0.5)))));
        // The microkernel's dom0 idles here (no background services, no agents): only its scheduler and
        // CPU factor could differ from native, and with one VM alone neither does.
        var micro = Architectures.byName("microkernel").orElseThrow();
        var idleDom0 = micro.withControl(micro.control().withBackgroundLoad(0)
                .withManagement(org.hvsim.model.arch.ControlDomain.Management.NONE));
        List<TreatmentResult> res = run(32, 3, 50, 1000, treatment("native", host, vms),
                treatment("monolithic", host, vms), treatment(idleDom0, host, vms));
        for (TreatmentResult r : res.subList(1, 3)) {
            double f = Architectures.byName(r.name()).orElseThrow().cpuFactor(); // monolithic, microkernel
            for (ReplicationOutput o : r.replications()) {
                double guest = o.get(HOST, Metrics.CPU_UTIL_GUEST);
                assertEquals(f - 1, o.get(HOST, Metrics.CPU_UTIL_VIRTUALIZATION) / guest, 1e-9, r.name());
            }
        }
        // microkernel's CPU factor is 1 and this workload does no I/O: the same requests, the same numbers
        assertEquals(1.0, Architectures.byName("microkernel").orElseThrow().cpuFactor());
        for (int i = 0; i < 3; i++) {
            assertEquals(res.get(0).replications().get(i).values(), res.get(2).replications().get(i).values(),
                    "replication " + i);
        }
        for (int i = 0; i < 3; i++) {
            assertTrue(res.get(1).replications().get(i).get("web", Metrics.RESPONSE_TIME_MEAN)
                    > res.get(0).replications().get(i).get("web", Metrics.RESPONSE_TIME_MEAN), "monolithic rep " + i);
        }
    }

    @Test
    void aFasterHostShortensDemandsButUtilizationIsOfItsPcpus() {
        // speed 2: S = 1 reference second takes 0.5 s; M/M/1 with rho = 0.25, R = 0.5 / 0.75
        HostSpec fast = new HostSpec(1, 2.0, 64e9, List.of(), List.of());
        TreatmentResult r = run(33, 8, 100, 3000, treatment("native", fast, List.of(vm("web", 1, 1,
                GuestDiscipline.FCFS, open(0.5, cpu(new Distribution.Exponential(1.0))))))).get(0);
        assertEstimates(0.25, r.estimate(HOST, Metrics.CPU_UTIL_GUEST), 0.05, "utilization at speed 2");
        assertEstimates(0.5 / 0.75, r.estimate("web", Metrics.RESPONSE_TIME_MEAN), 0.05, "response time at speed 2");
    }

    @Test
    void noReadyTimeWhileVcpusFitOnPcpus() {
        TreatmentResult r = run(41, 3, 50, 1000, treatment("native", host(4), List.of(
                vm("a", 2, 1, GuestDiscipline.FCFS, open(0.6, cpu(new Distribution.Exponential(1.0)))),
                vm("b", 1, 2, GuestDiscipline.PS, open(1.2, cpu(new Distribution.Exponential(1.0)))))))
                .get(0);
        for (ReplicationOutput o : r.replications()) {
            assertEquals(0.0, o.get("a", Metrics.CPU_READY_FRACTION), 1e-12);
            assertEquals(0.0, o.get("b", Metrics.CPU_READY_FRACTION), 1e-12);
        }
        assertTrue(r.estimate("b", Metrics.CPU_UTIL_GUEST).mean() > 0.2, "the VMs must actually be busy");
    }

    @Test
    void fourBusyVmsOnTwoPcpusWaitHalfTheTime() {
        // always 4 runnable vCPUs on 2 pCPUs: each runs half the time, ready fraction 1 - P/R = 0.5
        TreatmentResult sat = run(51, 2, 10, 300, treatment("native", host(2), List.of(
                vm("busy", 4, 1, GuestDiscipline.FCFS, saturating(cpu(new Distribution.Exponential(0.1)))))))
                .get(0);
        for (ReplicationOutput o : sat.replications()) {
            assertEquals(0.5, o.get("busy", Metrics.CPU_READY_FRACTION), 1e-6);
            assertEquals(1.0, o.get(HOST, Metrics.CPU_UTIL_GUEST), 1e-6);
        }
        // with open arrivals the vCPUs are sometimes idle: some ready time, less than when always busy
        TreatmentResult partly = run(52, 3, 50, 1000, treatment("native", host(2), List.of(
                vm("web", 4, 1, GuestDiscipline.FCFS, open(0.4, cpu(new Distribution.Exponential(1.0)))))))
                .get(0);
        double ready = partly.estimate("web", Metrics.CPU_READY_FRACTION).mean();
        assertTrue(ready > 0.05 && ready < 0.5, "ready fraction " + ready);
        assertEstimates(0.8, partly.estimate(HOST, Metrics.CPU_UTIL_GUEST), 0.08, "host utilization");
    }

    @Test
    void diskUtilizationIsLambdaTimesServiceDemand() {
        double lambda = 5;
        int ops = 2;
        double service = 0.03;
        HostSpec host = host(1, List.of(DiskSpec.ofService("d0", new Distribution.Exponential(service))), List.of());
        TreatmentResult r = run(61, 5, 100, 2000, treatment("native", host, List.of(vm("db", 1, 1,
                GuestDiscipline.FCFS, open(lambda, cpu(new Distribution.Exponential(0.01)),
                        new Phase.Disk(ops, 8192, false, "d0")))))).get(0);
        assertEstimates(lambda * ops * service, r.estimate(HOST, Metrics.DISK_UTIL), 0.05, "disk_util");
        assertEstimates(lambda * 0.01, r.estimate(HOST, Metrics.CPU_UTIL_GUEST), 0.05, "cpu_util_guest");
    }

    @Test
    void diskServiceFromLatencyAndBandwidthOverChannels() {
        double lambda = 20;
        double size = 65536;
        DiskSpec d = new DiskSpec("ssd", null, 0.002, 200e6, 2);
        double perOp = 0.002 + size / 200e6;
        TreatmentResult r = run(62, 3, 20, 500, treatment("native", host(1, List.of(d), List.of()),
                List.of(vm("db", 1, 1, GuestDiscipline.PS, open(lambda, new Phase.Disk(3, size, true, "ssd"))))))
                .get(0);
        // per channel: lambda x ops x service / channels
        assertEstimates(lambda * 3 * perOp / 2, r.estimate(HOST, Metrics.DISK_UTIL), 0.05, "disk_util");
    }

    @Test
    void nicUtilizationAndHostedPerPacketCost() {
        double lambda = 50;
        double bytes = 30_000; // 20 packets of 1500 B
        NicSpec nic = new NicSpec("n0", 12.5e6, NicSpec.ETHERNET_MTU);
        HostSpec host = host(1, List.of(), List.of(nic));
        List<VmSpec> vms = List.of(vm("fs", 1, 1, GuestDiscipline.PS, open(lambda, new Phase.Net(bytes, "n0"))));
        List<TreatmentResult> res = run(63, 3, 20, 400, treatment("native", host, vms), treatment("hosted", host, vms));
        assertEstimates(lambda * bytes / 12.5e6, res.get(0).estimate(HOST, Metrics.NIC_UTIL), 0.05, "nic_util");
        var hosted = Architectures.byName("hosted").orElseThrow();
        // Every OS pays the NIC's per-packet cost as guest work (R1.e native): a hosted guest drives its
        // emulated NIC itself; the VMM's and the host's per-packet extras are hypervisor and host-OS time.
        // cpu_factor scales CPU phases only, not the OS's I/O work.
        assertEstimates(lambda * 20 * nic.packetCpu(), res.get(0).estimate(HOST, Metrics.CPU_UTIL_GUEST), 0.05,
                "native per-packet CPU");
        assertEstimates(lambda * 20 * nic.packetCpu(), res.get(1).estimate(HOST, Metrics.CPU_UTIL_GUEST), 0.05,
                "hosted guest per-packet CPU");
        var net = hosted.costs(true).net();
        // On one pCPU every request also costs two world switches: into the host OS for its I/O work and
        // back to the VMM for the next request (the host-os scheduler charges one at each dispatch).
        assertEstimates(lambda * (20 * net.hypervisor() + 2 * hosted.switchCost()),
                res.get(1).estimate(HOST, Metrics.CPU_UTIL_HYPERVISOR), 0.05, "hosted VMM per-packet CPU");
        assertEstimates(lambda * 20 * net.control() + hosted.control().backgroundLoad(),
                res.get(1).estimate(HOST, Metrics.CPU_UTIL_PARENT), 0.05, "hosted host-OS per-packet CPU");
        assertEquals(0.0, res.get(0).estimate(HOST, Metrics.CPU_UTIL_VIRTUALIZATION).mean(), 0.0);
    }
}
