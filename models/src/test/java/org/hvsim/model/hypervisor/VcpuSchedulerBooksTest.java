package org.hvsim.model.hypervisor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.hvsim.core.random.Distribution;
import org.hvsim.model.workload.Phase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The mechanics keep per-domain counts and bits by vCPU state (and the idle pCPUs, the policies their
 * queue bits) incrementally; {@link VcpuScheduler#checkBooks} recomputes them from scratch. Here it runs
 * after every change from outside (a guest's demand, a timer, a switch's end, a Xen decision or
 * accounting) on saturated hosts: more runnable vCPUs than pCPUs, several vCPUs per VM, CPU hogs beside
 * VMs that block and wake all the time, caps and weights where the scheduler has them; for every
 * registered scheduler.
 */
class VcpuSchedulerBooksTest {

    @BeforeEach
    void check() {
        VcpuScheduler.checkingBooks = true;
    }

    @AfterEach
    void stopChecking() {
        VcpuScheduler.checkingBooks = false;
    }

    private static final List<Phase> BURST = List.of(new Phase.Cpu(new Distribution.Exponential(0.04)));

    private static SchedulingFixture saturated(String scheduler) {
        SupportedControls c = HypervisorSchedulers.controls(scheduler).orElseThrow();
        CpuControls light = c.supports(Control.WEIGHT) ? SchedulingFixture.weight(128) : CpuControls.DEFAULT;
        CpuControls heavy = c.supports(Control.WEIGHT) ? SchedulingFixture.weight(512) : CpuControls.DEFAULT;
        CpuControls capped = c.supports(Control.LIMIT) ? new CpuControls(0, 0, 0.5) : CpuControls.DEFAULT;
        return new SchedulingFixture(3).hog("hog3", 3, heavy).hog("hog2", 2, light)
                .open("io1", 40, 0.001, CpuControls.DEFAULT) // wakes often for 1 ms: blocks and wakes
                .open("io2", 60, 0.0005, light)
                .open("burst", 15, BURST, heavy)
                .open("capped", 20, 0.02, capped);
    }

    @Test
    void everySchedulersBooksAgreeAfterEveryChangeOnASaturatedHost() {
        List<String> checked = new ArrayList<>();
        for (String name : List.copyOf(HypervisorSchedulers.names())) {
            for (double switchCost : new double[] {0, 2e-6}) {
                long before = VcpuScheduler.booksChecked.get();
                saturated(name).run(SchedulerSettings.of(name).withSwitchCost(switchCost), 1, 20, 0);
                long checks = VcpuScheduler.booksChecked.get() - before;
                if (!name.equals(ProcessorSharingScheduler.NAME)) { // not a VcpuScheduler: no books
                    // fcfs never preempts: the hogs keep the pCPUs and hardly anything changes
                    assertTrue(checks > (name.equals(FcfsVcpuScheduler.NAME) ? 0 : 1_000), name + ": " + checks + " checks");
                    checked.add(name);
                }
            }
        }
        assertTrue(checked.contains(XenCreditScheduler.NAME), "checked " + checked);
    }
}
