package org.hvsim.model.hypervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hvsim.core.engine.ReplicationOutput;
import org.hvsim.core.engine.ReplicationRunner;
import org.hvsim.core.engine.ReplicationSpec;
import org.hvsim.core.random.Distribution;
import org.hvsim.model.arch.Architectures;
import org.hvsim.model.guest.GuestDiscipline;
import org.hvsim.model.hardware.HostSpec;
import org.hvsim.model.system.HostModel;
import org.hvsim.model.system.SystemSpec;
import org.hvsim.model.system.VmSpec;
import org.hvsim.model.workload.Arrivals;
import org.hvsim.model.workload.Phase;
import org.hvsim.model.workload.RequestClass;
import org.hvsim.model.workload.Workload;
import org.junit.jupiter.api.Test;

/**
 * The proportional-share wake-up's occupancy index against the scans it replaced: at every wake-up the
 * scheduler also computes the virtual-time floor from every running vCPU's virtual time as of now, and
 * the pCPU to preempt by visiting every pCPU, and reports any difference: the floor up to floating-point
 * accounting (1e-9 relative; the index accounts only the least running vCPUs, the scan took each one's time
 * as if accounted in one piece), the same pCPU unless two candidates lie within that of each other (equal
 * times must go to the first pCPU), the same free-pCPU answer, every pCPU's occupant and class as indexed. Saturated hosts (more runnable vCPUs
 * than pCPUs), mixed weights, a reservation and a limit, SMP VMs whose demand dips, under every scheduler
 * built on {@link ProportionalShareScheduler}, directly and through the profiles that use them, with zero
 * and non-zero world-switch cost. A deliberately wrong index must be caught.
 */
class ProportionalShareWakeIndexTest {

    private static final String[] SCHEDULERS = {EsxScheduler.NAME, HyperVScheduler.NAME, HostOsScheduler.NAME,
        HostOsScheduler.NATIVE_NAME};
    private static final String[] PROFILES = {"esx-3.0", "hyperv-2008-core", "hyperv-2008-full", "vmware-workstation",
        "virtual-server-2005"};

    private static Workload closed(int users, double think, double demand) {
        return new Workload(new Arrivals.Closed(users, new Distribution.Exponential(think)),
                List.of(new RequestClass("r", 1, List.of(new Phase.Cpu(new Distribution.Exponential(demand)),
                        new Phase.Cpu(new Distribution.Exponential(demand))))));
    }

    private static Workload open(double rate, double demand) {
        return new Workload(Arrivals.Open.poisson(rate),
                List.of(new RequestClass("q", 1, List.of(new Phase.Cpu(new Distribution.Exponential(demand))))));
    }

    private static VmSpec vm(String name, int vcpus, Workload w, CpuControls c) {
        return new VmSpec(name, 1, vcpus, 1L << 30, true, GuestDiscipline.PS, 0.1, w, c);
    }

    /**
     * 4 pCPUs, 13 vCPUs that are runnable most of the time: hogs of three weights (one SMP), an SMP VM
     * with dips within a world switch, a reserved and a limited VM, and Poisson arrivals that wake often.
     */
    private static List<VmSpec> saturatingVms(boolean controls) {
        List<VmSpec> vms = new ArrayList<>();
        vms.add(vm("hog-a", 2, closed(4, 1e-4, 0.03), new CpuControls(1000, 0, 0)));
        vms.add(vm("hog-b", 1, closed(2, 1e-4, 0.03), new CpuControls(3000, 0, 0)));
        vms.add(vm("dips", 3, closed(3, 0.001, 0.002), new CpuControls(500, 0, 0)));
        vms.add(vm("web", 1, open(150, 0.002), new CpuControls(2000, 0, 0)));
        vms.add(vm("web2", 2, open(300, 0.003), CpuControls.DEFAULT));
        if (controls) {
            vms.add(vm("reserved", 2, closed(4, 0.002, 0.01), new CpuControls(700, 0.8, 0)));
            vms.add(vm("limited", 2, closed(4, 0.002, 0.01), new CpuControls(1000, 0, 0.6)));
        }
        return vms;
    }

    private static SystemSpec onScheduler(String scheduler, double switchCost) {
        HostSpec host = new HostSpec(4, 1.0, 64L << 30, List.of(), List.of());
        boolean controls = HypervisorSchedulers.controls(scheduler).orElseThrow().supports(Control.RESERVATION);
        return new SystemSpec(host, saturatingVms(controls), Architectures.byName("native").orElseThrow())
                .withScheduler(SchedulerSettings.of(scheduler).withSwitchCost(switchCost));
    }

    private static SystemSpec onProfile(String profile, Double switchCost) {
        HostSpec host = new HostSpec(4, 1.0, 64L << 30, List.of(), List.of());
        SystemSpec s = new SystemSpec(host, saturatingVms(true), Architectures.byName(profile).orElseThrow());
        return switchCost == null ? s : s.withScheduler(s.scheduler().withSwitchCost(switchCost));
    }

    /** Runs with the check on; returns the mismatches reported, and the output in {@code out[0]}. */
    private static List<String> checked(SystemSpec s, int mutation, ReplicationOutput[] out) {
        List<String> mismatches = new ArrayList<>();
        ProportionalShareScheduler.checkIndex = m -> {
            if (mismatches.size() < 20) {
                mismatches.add(m);
            }
        };
        ProportionalShareScheduler.indexMutation = mutation;
        try {
            out[0] = ReplicationRunner.run(new HostModel(s), new ReplicationSpec(5, 0, 0.5, 20, 60));
        } finally {
            ProportionalShareScheduler.checkIndex = null;
            ProportionalShareScheduler.indexMutation = ProportionalShareScheduler.MUTATION_NONE;
        }
        return mismatches;
    }

    private static void assertSameAsTheScans(SystemSpec s, String tag) {
        long searches = ProportionalShareScheduler.CHECKED_SEARCHES.sum();
        long preemptions = ProportionalShareScheduler.CHECKED_PREEMPTIONS.sum();
        ReplicationOutput[] out = new ReplicationOutput[1];
        List<String> mismatches = checked(s, ProportionalShareScheduler.MUTATION_NONE, out);
        assertEquals(List.of(), mismatches, tag);
        searches = ProportionalShareScheduler.CHECKED_SEARCHES.sum() - searches;
        preemptions = ProportionalShareScheduler.CHECKED_PREEMPTIONS.sum() - preemptions;
        assertTrue(searches > 1000 && preemptions > 300,
                tag + ": the host is not saturated enough to test the victim search: " + searches + " searches, "
                        + preemptions + " preemptions");
        // The scans only read (they account nothing): the figures must not move.
        ReplicationOutput plain = ReplicationRunner.run(new HostModel(s), new ReplicationSpec(5, 0, 0.5, 20, 60));
        assertEquals(out[0].events(), plain.events(), tag + ": events");
        for (Map.Entry<ReplicationOutput.Key, Double> e : plain.values().entrySet()) {
            assertEquals(Double.doubleToLongBits(e.getValue()),
                    Double.doubleToLongBits(out[0].values().get(e.getKey())), tag + ": " + e.getKey());
        }
    }

    @Test
    void everyWakeUpChoosesWhatTheScansChoseUnderEveryProportionalScheduler() {
        for (String scheduler : SCHEDULERS) {
            for (double switchCost : new double[] {0, 20e-6, 500e-6}) {
                assertSameAsTheScans(onScheduler(scheduler, switchCost), scheduler + " switch=" + switchCost);
            }
        }
    }

    @Test
    void everyWakeUpChoosesWhatTheScansChoseUnderTheProfilesThatUseThem() {
        for (String profile : PROFILES) {
            assertSameAsTheScans(onProfile(profile, null), profile);
            assertSameAsTheScans(onProfile(profile, 0.0), profile + " switch=0");
        }
    }

    @Test
    void aWrongIndexIsCaught() {
        ReplicationOutput[] out = new ReplicationOutput[1];
        Map<Integer, String> mutations = Map.of(
                ProportionalShareScheduler.MUTATION_KEY_WITHOUT_START, "a key without the run's start",
                ProportionalShareScheduler.MUTATION_TIE_HIGHEST, "ties broken towards the highest pCPU",
                ProportionalShareScheduler.MUTATION_STALE_CLASS, "classes not moved when they change");
        for (String scheduler : SCHEDULERS) {
            SystemSpec s = onScheduler(scheduler, 20e-6);
            for (Map.Entry<Integer, String> m : mutations.entrySet()) {
                assertFalse(checked(s, m.getKey(), out).isEmpty(), scheduler + ": " + m.getValue() + " went unnoticed");
            }
        }
    }
}
