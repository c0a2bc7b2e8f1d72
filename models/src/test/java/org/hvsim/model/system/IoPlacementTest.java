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
            }
        }
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
        assertEquals(NATIVE.netDriverShare() + 0.45 / 6.64, parentShare, 0.01, "dom0: driver share plus netback");
    }
}
