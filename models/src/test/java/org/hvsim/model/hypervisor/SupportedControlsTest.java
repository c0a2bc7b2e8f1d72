package org.hvsim.model.hypervisor;

import static org.hvsim.model.hypervisor.SchedulingFixture.share;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.hvsim.core.engine.ReplicationOutput;
import org.junit.jupiter.api.Test;

/**
 * Each registered scheduler's declared controls are the ones it honours: every declared control has
 * its effect under contention (an undeclared one is refused by the host model, see HostModelTest), and
 * the declarations read as the messages say them.
 */
class SupportedControlsTest {

    @Test
    void everyDeclaredControlIsHonouredByItsScheduler() {
        int checked = 0;
        for (String name : HypervisorSchedulers.names()) {
            SchedulerSettings s = SchedulerSettings.of(name);
            SupportedControls supported = HypervisorSchedulers.controls(name).orElseThrow();
            if (supported.supports(Control.LIMIT)) {
                // A hog alone on one pCPU would take all of it.
                ReplicationOutput o = new SchedulingFixture(1).hog("capped", 1, new CpuControls(0, 0, 0.3))
                        .run(s, 1, 20, 0);
                assertTrue(share(o, "capped") <= 0.3 + 1e-6, name + ": limit exceeded: " + share(o, "capped"));
                assertTrue(share(o, "capped") > 0.25, name + ": limit not used: " + share(o, "capped"));
                checked++;
            }
            if (supported.supports(Control.RESERVATION)) {
                // Beside three equal hogs, a fair share would be 25 %.
                ReplicationOutput o = new SchedulingFixture(1).hog("a", 1, CpuControls.DEFAULT)
                        .hog("b", 1, CpuControls.DEFAULT).hog("c", 1, CpuControls.DEFAULT)
                        .hog("reserved", 1, new CpuControls(0, 0.6, 0)).run(s, 1, 20, 0);
                assertTrue(share(o, "reserved") >= 0.6 - 0.01, name + ": reservation not delivered: "
                        + share(o, "reserved"));
                checked++;
            }
            if (supported.supports(Control.WEIGHT)) {
                ReplicationOutput o = new SchedulingFixture(1).hog("light", 1, new CpuControls(1000, 0, 0))
                        .hog("heavy", 1, new CpuControls(3000, 0, 0)).run(s, 1, 20, 0);
                assertEquals(3.0, share(o, "heavy") / share(o, "light"), 0.3, name + ": weights 1:3");
                checked++;
            }
        }
        assertEquals(2 + 4 * 3, checked, "xen-credit: weight and cap; esx, hyperv, host-os, native-os: all three");
    }

    @Test
    void theReferenceDisciplinesHaveNoControlsAndXenHasNoReservation() {
        for (String name : List.of(ProcessorSharingScheduler.NAME, FcfsVcpuScheduler.NAME,
                RoundRobinVcpuScheduler.NAME)) {
            assertEquals(Set.of(), HypervisorSchedulers.controls(name).orElseThrow().controls(), name);
        }
        SupportedControls xen = HypervisorSchedulers.controls(XenCreditScheduler.NAME).orElseThrow();
        assertFalse(xen.supports(Control.RESERVATION));
        assertEquals("it supports weight and limit (cap)", xen.describe());
        assertEquals("it supports none of weight, reservation and limit",
                HypervisorSchedulers.controls(ProcessorSharingScheduler.NAME).orElseThrow().describe());
        assertEquals(List.of(EsxScheduler.NAME, HyperVScheduler.NAME, HostOsScheduler.NAME, HostOsScheduler.NATIVE_NAME),
                HypervisorSchedulers.supporting(Control.RESERVATION));
        assertEquals("VM web: xen-credit has no reservation; it supports weight and limit (cap)",
                HypervisorSchedulers.refusal(XenCreditScheduler.NAME, "VM web", new CpuControls(256, 0.6, 1))
                        .orElseThrow());
        assertTrue(HypervisorSchedulers.refusal(XenCreditScheduler.NAME, "VM web", new CpuControls(256, 0, 1))
                .isEmpty());
    }
}
