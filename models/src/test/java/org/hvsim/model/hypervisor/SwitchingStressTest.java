package org.hvsim.model.hypervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.hvsim.core.engine.ReplicationOutput;
import org.hvsim.core.engine.ReplicationRunner;
import org.hvsim.core.engine.ReplicationSpec;
import org.hvsim.core.random.Distribution;
import org.hvsim.model.arch.Architectures;
import org.hvsim.model.guest.GuestDiscipline;
import org.hvsim.model.system.VmSpec;
import org.hvsim.model.hardware.HostSpec;
import org.hvsim.model.system.HostModel;
import org.hvsim.model.system.CpuBreakdown;
import org.hvsim.model.system.Metrics;
import org.hvsim.model.system.SystemSpec;
import org.hvsim.model.workload.Arrivals;
import org.hvsim.model.workload.Phase;
import org.hvsim.model.workload.RequestClass;
import org.hvsim.model.workload.Workload;
import org.junit.jupiter.api.Test;

/**
 * SMP VMs whose demand dips and recovers within a world switch (two CPU phases back to back, closed
 * users with tiny think times), under every vCPU scheduler, with switch costs and limits: the state
 * machine must hold (a vCPU halted and re-woken during a switch once ran on two pCPUs), a limit must
 * hold, and the scheduler's own idle measure must agree with the guests' accounting.
 */
class SwitchingStressTest {

    private static VmSpec vm(String name, int vcpus, double think, CpuControls c) {
        Workload w = new Workload(new Arrivals.Closed(vcpus, new Distribution.Exponential(think)),
                List.of(new RequestClass("r", 1, List.of(new Phase.Cpu(new Distribution.Exponential(0.002)),
                        new Phase.Cpu(new Distribution.Exponential(0.002))))));
        return new VmSpec(name, 1, vcpus, 1L << 30, true, GuestDiscipline.PS, 0.1, w, c);
    }

    @Test
    void everyVcpuSchedulerSurvivesDipsDuringWorldSwitchesAndKeepsItsBooks() {
        for (String scheduler : new String[] {FcfsVcpuScheduler.NAME, RoundRobinVcpuScheduler.NAME,
                XenCreditScheduler.NAME, EsxScheduler.NAME, HyperVScheduler.NAME}) {
            for (double switchCost : new double[] {20e-6, 500e-6}) {
                for (int pcpus : new int[] {2, 3}) {
                    // Only where the scheduler has limits: elsewhere the host model refuses one.
                    boolean limits = HypervisorSchedulers.controls(scheduler).orElseThrow().supports(Control.LIMIT);
                    CpuControls limited = limits ? new CpuControls(0, 0, 0.7) : CpuControls.DEFAULT;
                    HostSpec host = new HostSpec(pcpus, 1.0, 64L << 30, List.of(), List.of());
                    SystemSpec s = new SystemSpec(host, List.of(vm("a", 2, 0.001, limited),
                            vm("b", 3, 0.002, CpuControls.DEFAULT), vm("c", 2, 0.003, CpuControls.DEFAULT)),
                            Architectures.byName("native").orElseThrow())
                            .withScheduler(SchedulerSettings.of(scheduler).withSwitchCost(switchCost));
                    String tag = scheduler + " switch=" + switchCost + " pcpus=" + pcpus;
                    ReplicationOutput o = ReplicationRunner.run(new HostModel(s), new ReplicationSpec(3, 0, 1, 21, 60));
                    assertEquals(1.0, CpuBreakdown.sum(o), 1e-9, tag + ": guests' and scheduler's accounts disagree");
                    assertTrue(o.get("host", Metrics.CPU_UTIL_HYPERVISOR) > 0, tag + ": switches cost nothing");
                    if (limits) {
                        // Limits are a feature of the product schedulers; 0.7 pCPU of the host. Xen's cap
                        // holds per accounting period, and a vCPU may bank up to one slice of credit from
                        // before the measured 20 s.
                        double slack = scheduler.equals(XenCreditScheduler.NAME) ? 2 * XenCreditScheduler.SLICE / 20 : 0;
                        assertTrue(o.get("a", Metrics.CPU_UTIL) * pcpus <= 0.7 + slack + 1e-6,
                                tag + ": limit exceeded: " + o.get("a", Metrics.CPU_UTIL) * pcpus);
                    }
                }
            }
        }
    }
}
