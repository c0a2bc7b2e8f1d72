package org.hvsim.model.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.hvsim.core.engine.ReplicationOutput;
import org.hvsim.core.engine.ReplicationRunner;
import org.hvsim.core.engine.ReplicationSpec;
import org.hvsim.core.random.Distribution;
import org.hvsim.model.arch.ArchitectureProfile;
import org.hvsim.model.arch.Architectures;
import org.hvsim.model.arch.ControlDomain;
import org.hvsim.model.arch.GuestCosts;
import org.hvsim.model.arch.IoCosts;
import org.hvsim.model.arch.NativeIoWork;
import org.hvsim.model.guest.GuestDiscipline;
import org.hvsim.model.hardware.DiskSpec;
import org.hvsim.model.hardware.HostSpec;
import org.hvsim.model.hardware.NicSpec;
import org.hvsim.model.hypervisor.SchedulerSettings;
import org.hvsim.model.workload.Phase;
import org.junit.jupiter.api.Test;

/**
 * Where the CPU of an I/O is charged, per architecture, guest kind and device: the native OS's work
 * (its stack on the guest, its driver where the real driver runs) plus the profile's extras by location,
 * measured as host CPU by category, adds up to the profile's totals.
 */
class IoPlacementTest {

    private static final double RATE = 200; // I/Os per second
    private static final double SPAN = 200;
    private static final NativeIoWork NATIVE = NativeIoWork.DEFAULT;

    /** The profile with a quiet control domain (no background, no agents) so that only I/O work is there. */
    private static ArchitectureProfile quiet(ArchitectureProfile p) {
        ControlDomain c = p.control();
        return c == null ? p : p.withControl(c.withBackgroundLoad(0).withManagement(ControlDomain.Management.NONE)
                .withTools(ControlDomain.Management.NONE));
    }

    private static ReplicationOutput run(ArchitectureProfile p, boolean enlightened, Phase phase, NicSpec nic) {
        HostSpec host = new HostSpec(4, 1.0, 64e9, List.of(DiskSpec.ofService("d0", new Distribution.Constant(1e-4))),
                List.of(nic));
        VmSpec vm = new VmSpec("vm", 1, 1, 1e9, enlightened, GuestDiscipline.PS, 0.01, Systems.open(RATE, phase));
        SystemSpec s = new SystemSpec(host, List.of(vm), quiet(p))
                .withScheduler(SchedulerSettings.of(p.scheduler()).withSwitchCost(0));
        return ReplicationRunner.run(new HostModel(s), new ReplicationSpec(5, 0, 0, SPAN, 60));
    }

    /** Expected CPU seconds per I/O by category: guest, virtualization, hypervisor, parent. */
    private static double[] expected(IoCosts c, double nativeWork, double share) {
        double driver = nativeWork * share;
        return new double[] {nativeWork - driver + (c.driver() == IoCosts.Driver.GUEST ? driver : 0), c.guest(),
            c.hypervisor() + (c.driver() == IoCosts.Driver.HYPERVISOR ? driver : 0),
            c.control() + (c.driver() == IoCosts.Driver.CONTROL ? driver : 0)};
    }

    private static void check(String tag, ReplicationOutput out, double[] perIo, double ios) {
        String[] metrics = {Metrics.CPU_UTIL_GUEST, Metrics.CPU_UTIL_VIRTUALIZATION, Metrics.CPU_UTIL_HYPERVISOR,
            Metrics.CPU_UTIL_PARENT};
        double completed = out.get("vm", Metrics.THROUGHPUT) * SPAN * ios;
        for (int i = 0; i < metrics.length; i++) {
            double measured = out.get("host", metrics[i]) * 4 * SPAN;
            assertEquals(perIo[i] * completed, measured, 0.01 * perIo[i] * completed + 1e-6,
                    tag + " " + metrics[i]);
        }
    }

    @Test
    void theCpuOfEachIoIsChargedWhereItsDriverAndPathRunAndAddsUpToTheProfile() {
        NicSpec nic = new NicSpec("n0", 125e6, 1500);
        int packets = nic.packets(15000);
        for (String name : Architectures.names()) {
            ArchitectureProfile p = Architectures.byName(name).orElseThrow();
            for (boolean enlightened : new boolean[] {true, false}) {
                GuestCosts costs = p.costs(enlightened);
                String tag = name + (enlightened ? " enlightened" : " emulated");
                check(tag + " disk", run(p, enlightened, new Phase.Disk(1, 4096, false, "d0"), nic),
                        expected(costs.disk(), NATIVE.diskOp(), NATIVE.diskDriverShare()), 1);
                check(tag + " net", run(p, enlightened, new Phase.Net(15000, "n0"), nic),
                        expected(costs.net(), nic.packetCpu(), NATIVE.netDriverShare()), packets);
                check(tag + " net receive", run(p, enlightened, new Phase.Net(15000, "n0", Phase.Direction.RECEIVE),
                        nic), expected(costs.netReceive(), nic.receivePacketCpu(), NATIVE.netDriverShare()), packets);
            }
        }
    }

    @Test
    void aSynchronousWriteCostsAHostedPathOneMoreVisitOfTheSameDiskAndAParavirtualPathNothing() {
        // R1.a OSDB-OLTP: the hosted VMM writes the virtual-disk file synchronously; Xen's blkback does not.
        NicSpec nic = new NicSpec("n0", 125e6, 1500);
        Phase sync = new Phase.Disk(1, 4096, true, "d0", true);
        for (String name : List.of("vmware-workstation", "xen-3.0", "native")) {
            ArchitectureProfile p = Architectures.byName(name).orElseThrow();
            ReplicationOutput out = run(p, true, sync, nic);
            double perOp = out.get("host", Metrics.DISK_UTIL) / out.get("vm", Metrics.THROUGHPUT);
            assertEquals(1e-4 + p.costs(true).syncWrite(), perOp, 0.02 * perOp, name);
        }
        assertEquals(4.65e-3, Architectures.byName("hosted").orElseThrow().costs(true).syncWrite(), 1e-12);
        assertEquals(0, Architectures.byName("xen-3.0").orElseThrow().costs(true).syncWrite(), 0);
        // A write that is not synchronous is served as before under every profile.
        ReplicationOutput plain = run(Architectures.byName("hosted").orElseThrow(), true,
                new Phase.Disk(1, 4096, true, "d0"), nic);
        assertEquals(1e-4, plain.get("host", Metrics.DISK_UTIL) / plain.get("vm", Metrics.THROUGHPUT), 2e-6);
    }

    @Test
    void aPageTableUpdateCostsItsNativeCpuPlusTheProfilesExtra() {
        // R1.b fork: 65 updates cost Xen 65 x 1.31 us more than native; binary translation 10.3, VT-x 33.5 us each.
        NicSpec nic = new NicSpec("n0", 125e6, 1500);
        Phase updates = new Phase.Privileged(0, 0, 0, 65);
        double nativeCpu = cpuPerRequest(run(Architectures.byName("native").orElseThrow(), true, updates, nic));
        assertEquals(65 * 0.1e-6, nativeCpu, 0.02 * nativeCpu);
        double[][] cases = {{1, 1.31e-6}, {0, 33.5e-6}};
        ArchitectureProfile xen = Architectures.byName("xen-3.0").orElseThrow();
        for (double[] c : cases) {
            double cpu = cpuPerRequest(run(xen, c[0] == 1, updates, nic));
            assertEquals(65 * (0.1e-6 + c[1]), cpu, 0.02 * cpu, c[0] == 1 ? "xen PV" : "xen HVM");
        }
        ArchitectureProfile esx = Architectures.byName("esx-3.0").orElseThrow();
        double bt = cpuPerRequest(run(esx, false, updates, nic));
        assertEquals(65 * (0.1e-6 / 0.98 + 10.3e-6), bt, 0.02 * bt, "binary translation");
    }

    private static double cpuPerRequest(ReplicationOutput out) {
        double busy = (out.get("host", Metrics.CPU_UTIL_GUEST) + out.get("host", Metrics.CPU_UTIL_VIRTUALIZATION)) * 4;
        return busy / out.get("vm", Metrics.THROUGHPUT);
    }

    @Test
    void paravirtualDriversRunInTheParentInTheVmkernelOrInTheGuest() {
        // Xen and Hyper-V enlightened guests: the real driver's work is the parent's; ESX's vmxnet: the
        // vmkernel's; an emulated device is driven by the guest itself (its host's driver is in the extras).
        NicSpec nic = new NicSpec("n0", 125e6, 1500);
        ReplicationOutput xen = run(Architectures.byName("xen-3.0").orElseThrow(), true, new Phase.Net(15000, "n0"), nic);
        ReplicationOutput nat = run(Architectures.byName("native").orElseThrow(), true, new Phase.Net(15000, "n0"), nic);
        double nativeGuest = nat.get("host", Metrics.CPU_UTIL_GUEST);
        assertEquals(nativeGuest * (1 - NATIVE.netDriverShare()), xen.get("host", Metrics.CPU_UTIL_GUEST),
                0.01 * nativeGuest);
        assertEquals(0, nat.get("host", Metrics.CPU_UTIL_PARENT), 0);
        double parentShare = xen.get("host", Metrics.CPU_UTIL_PARENT) / nativeGuest;
        assertEquals(NATIVE.netDriverShare() + 0.40 / 6.64, parentShare, 0.005, "dom0: driver share plus netback (send)");
    }
}
