package org.hvsim.model.hypervisor;

import static org.hvsim.model.hypervisor.SchedulingFixture.share;
import static org.hvsim.model.hypervisor.SchedulingFixture.weight;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hvsim.core.engine.ReplicationOutput;
import org.hvsim.core.engine.SimulationFailure;
import org.hvsim.model.system.CpuBreakdown;
import org.hvsim.model.system.Metrics;
import org.junit.jupiter.api.Test;

/**
 * ESX proportional share, Hyper-V and the host-OS fair-share scheduler against their documented
 * behaviour: shares, reservations, limits, admission control, relaxed co-scheduling, work conservation.
 */
class ProportionalShareSchedulersTest {

    private static final SchedulerSettings ESX = SchedulerSettings.of(EsxScheduler.NAME);
    private static final SchedulerSettings HYPERV = SchedulerSettings.of(HyperVScheduler.NAME);
    private static final SchedulerSettings HOST_OS = SchedulerSettings.of(HostOsScheduler.NAME);

    @Test
    void sharesDivideTheCpuInTheirRatioUnderEveryProportionalScheduler() {
        for (SchedulerSettings s : new SchedulerSettings[] {ESX, HYPERV, HOST_OS}) {
            ReplicationOutput out = new SchedulingFixture(1).hog("a", 1, weight(1000)).hog("b", 1, weight(2000))
                    .hog("c", 1, weight(3000)).run(s, 10, 310, 0);
            assertEquals(1.0 / 6, share(out, "a"), 0.02 / 6, s.name());
            assertEquals(2.0 / 6, share(out, "b"), 0.04 / 6, s.name());
            assertEquals(3.0 / 6, share(out, "c"), 0.06 / 6, s.name());
            assertEquals(0, out.get("host", Metrics.CPU_UTIL_IDLE), 1e-9, s.name());
        }
    }

    @Test
    void defaultSharesFollowVcpuCountOnEsxAndAreEqualPerVmOnHyperV() {
        // A 2-vCPU hog and a 1-vCPU hog on 2 pCPUs: ESX gives 1000 shares per vCPU, so 2:1;
        // Hyper-V's default weight is per VM (100), so 1:1.
        ReplicationOutput esx = new SchedulingFixture(2).hog("smp", 2, CpuControls.DEFAULT)
                .hog("up", 1, CpuControls.DEFAULT).run(ESX, 10, 310, 0);
        assertEquals(2.0 / 3, share(esx, "smp"), 0.02 * 2 / 3);
        assertEquals(1.0 / 3, share(esx, "up"), 0.02 / 3);
        ReplicationOutput hv = new SchedulingFixture(2).hog("smp", 2, CpuControls.DEFAULT)
                .hog("up", 1, CpuControls.DEFAULT).run(HYPERV, 10, 310, 0);
        assertEquals(0.5, share(hv, "smp"), 0.01);
        assertEquals(0.5, share(hv, "up"), 0.01);
    }

    @Test
    void aLimitIsNeverExceededAndAReservationIsDeliveredUnderFullContention() {
        for (SchedulerSettings s : new SchedulerSettings[] {ESX, HYPERV, HOST_OS}) {
            // One pCPU: a VM limited to 0.2 pCPU, one with a 0.5 reservation but tiny shares, one hog.
            ReplicationOutput out = new SchedulingFixture(1).hog("limited", 1, new CpuControls(1000, 0, 0.2))
                    .hog("reserved", 1, new CpuControls(10, 0.5, 0)).hog("hog", 1, weight(1000))
                    .run(s, 10, 310, 0);
            assertTrue(share(out, "limited") <= 0.2 + 1e-9, s.name() + " limit exceeded: " + share(out, "limited"));
            assertTrue(share(out, "reserved") >= 0.5 - 0.01, s.name() + " reservation not delivered: "
                    + share(out, "reserved"));
            assertEquals(0, out.get("host", Metrics.CPU_UTIL_IDLE), 1e-6, s.name() + " not work-conserving");
        }
    }

    @Test
    void aReservationIsAGuaranteedMinimumAndSharesDivideTheRest() {
        // One pCPU, a reserved hog beside two hogs, all of equal shares (VMware's resource-management guide:
        // entitlement = max(reservation, share of what is left), the others divide the rest by shares).
        // Below its fair third a reservation changes nothing; above it the VM gets exactly its reservation.
        for (SchedulerSettings s : new SchedulerSettings[] {ESX, HYPERV}) {
            for (double r : new double[] {0.30, 0.45, 0.55, 0.60}) {
                ReplicationOutput out = new SchedulingFixture(1).hog("reserved", 1, new CpuControls(1000, r, 0))
                        .hog("x", 1, weight(1000)).hog("y", 1, weight(1000)).run(s, 10, 130, 0);
                double expected = Math.max(r, 1.0 / 3);
                String tag = s.name() + " reservation " + r;
                assertEquals(expected, share(out, "reserved"), 0.01, tag);
                assertEquals((1 - expected) / 2, share(out, "x"), 0.01, tag + ": x");
                assertEquals((1 - expected) / 2, share(out, "y"), 0.01, tag + ": y");
            }
        }
    }

    @Test
    void reservationsHoldForSmpVmsOnASaturatedHost() {
        // Two pCPUs, a 2-vCPU VM reserving 1.2 pCPUs beside three 2-vCPU hogs of equal shares.
        for (SchedulerSettings s : new SchedulerSettings[] {ESX, HYPERV}) {
            ReplicationOutput out = new SchedulingFixture(2).hog("reserved", 2, new CpuControls(2000, 1.2, 0))
                    .hog("x", 2, weight(2000)).hog("y", 2, weight(2000)).hog("z", 2, weight(2000)).run(s, 10, 130, 0);
            assertEquals(0.6, share(out, "reserved"), 0.01, s.name());
            for (String vm : new String[] {"x", "y", "z"}) {
                assertEquals(0.4 / 3, share(out, vm), 0.01, s.name() + " " + vm);
            }
        }
    }

    @Test
    void reservationsThatDoNotFitAreRefusedAtAdmission() {
        SchedulingFixture f = new SchedulingFixture(2).hog("a", 2, new CpuControls(0, 1.5, 0))
                .hog("b", 2, new CpuControls(0, 1.0, 0));
        for (SchedulerSettings s : new SchedulerSettings[] {ESX, HYPERV, HOST_OS}) {
            SimulationFailure e = assertThrows(SimulationFailure.class, () -> f.run(s, 1, 10, 0));
            assertTrue(e.getMessage().contains("2.50 pCPUs"), e.getMessage());
        }
    }

    @Test
    void relaxedCoSchedulingKeepsAnSmpVmsSkewWithinTheBound() {
        // A 4-vCPU hog and three 1-vCPU hogs on 4 pCPUs: the SMP VM's vCPUs keep waiting for pCPUs at
        // different times and would drift apart without co-scheduling.
        SchedulingFixture f = new SchedulingFixture(4).hog("smp", 4, CpuControls.DEFAULT)
                .hog("u1", 1, CpuControls.DEFAULT).hog("u2", 1, CpuControls.DEFAULT)
                .hog("u3", 1, CpuControls.DEFAULT);
        double bound = 0.003;
        ReplicationOutput out = f.run(ESX.withSkewBound(bound), 5, 65, 0);
        double skew = out.get("smp", Metrics.CPU_SKEW_MAX);
        assertTrue(skew <= bound + 1e-9, "skew " + skew + " exceeds the bound " + bound);
        assertTrue(skew > bound / 2, "the bound should be reached under this contention: " + skew);
        assertTrue(out.get("smp", Metrics.CPU_COSTOP_FRACTION) > 0, "co-stop should occur");
        assertEquals(0, out.get("u1", Metrics.CPU_COSTOP_FRACTION), 0.0, "uniprocessor VMs are never co-stopped");
        assertEquals(1.0, CpuBreakdown.sum(out), 1e-9);
    }

    @Test
    void aSingleVmAloneBehavesExactlyAsNativeUnderEachScheduler() {
        SchedulingFixture f = new SchedulingFixture(1).open("vm", 70, 0.01, CpuControls.DEFAULT);
        ReplicationOutput ps = f.run(SchedulerSettings.of(ProcessorSharingScheduler.NAME), 20, 200, 0);
        for (SchedulerSettings s : new SchedulerSettings[] {ESX, HYPERV, HOST_OS,
                SchedulerSettings.of(FcfsVcpuScheduler.NAME), SchedulerSettings.of(RoundRobinVcpuScheduler.NAME)}) {
            ReplicationOutput o = f.run(s, 20, 200, 0);
            assertEquals(ps.get("vm", Metrics.RESPONSE_TIME_MEAN), o.get("vm", Metrics.RESPONSE_TIME_MEAN), 0.0,
                    s.name());
        }
    }

    @Test
    void roundRobinSharesEquallyAndFcfsDoesNot() {
        ReplicationOutput rr = new SchedulingFixture(1).hog("a", 1, CpuControls.DEFAULT)
                .hog("b", 1, CpuControls.DEFAULT).run(SchedulerSettings.of(RoundRobinVcpuScheduler.NAME), 5, 65, 0);
        assertEquals(0.5, share(rr, "a"), 0.01);
        // FCFS: the first hog to get the pCPU never gives it back.
        ReplicationOutput fcfs = new SchedulingFixture(1).hog("a", 1, CpuControls.DEFAULT)
                .hog("b", 1, CpuControls.DEFAULT).run(SchedulerSettings.of(FcfsVcpuScheduler.NAME), 5, 65, 0);
        assertEquals(1.0, Math.max(share(fcfs, "a"), share(fcfs, "b")), 1e-9);
    }
}
