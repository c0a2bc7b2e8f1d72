package org.hvsim.scenario;

import static org.hvsim.scenario.Fixtures.hvsim;
import static org.hvsim.scenario.Fixtures.problems;
import static org.hvsim.scenario.Fixtures.workload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.hvsim.cli.Main;
import org.hvsim.model.arch.ControlDomain;
import org.hvsim.model.system.HostModel;
import org.hvsim.scenario.load.ScenarioException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A control the effective scheduler of an architecture would ignore is refused where it is written,
 * naming the scheduler, the architecture and what it does support; the control domain's reservation
 * and limit reach the model; a profile's own default that a scheduler override would ignore is
 * dropped, not refused.
 */
class UnsupportedControlsTest {

    @TempDir
    Path tmp;

    /** Line 14 is the VM's first control line; problems point at the value (column 18 for `reservation`). */
    private static String file(String architectures, String top, String vmControls) {
        return """
                name: t
                duration: 60 s
                architectures: %s
                %s
                host:
                  cpus: 4
                  memory: 16 GB
                  frequency: 2 GHz
                vms:
                  - name: web
                    vcpus: 2
                    count: 2
                    memory: 2 GB
                %s
                %s""".formatted(architectures, top, vmControls, workload().indent(4));
    }

    @Test
    void aReservationUnderXenIsRefusedWhereItIsWrittenAndAcceptedUnderEsx() throws ScenarioException {
        String reserved = "    reservation: 60 %";
        assertEquals(List.of("s.yaml:14:18: vms[0].reservation: xen-credit (architecture xen-3.0) has no reservation; "
                + "it supports weight and limit (cap); esx-proportional, hyperv, host-os and native-os have it"),
                problems(file("[xen-3.0]", "", reserved)));
        Scenario esx = ScenarioLoader.load("s.yaml", file("[esx-3.0]", "", reserved));
        assertEquals(0.6, esx.vms().get(0).cpu().reservation(), 1e-12);
        // A cap is Xen's own control: accepted, in MHz too.
        Scenario xen = ScenarioLoader.load("s.yaml", file("[xen-3.0]", "", "    weight: 512\n    limit_mhz: 1000 MHz"));
        assertEquals(0.5, xen.vms().get(0).cpu().limit(), 1e-12);
        new HostModel(xen.system(xen.architectures().get(0)));
    }

    @Test
    void everyArchitectureIsCheckedUnderItsOwnSchedulerAndTogetherWithOtherProblems() {
        // The processor-sharing reference has no controls at all; xen-credit has no reservation; ESX has both.
        List<String> p = problems(file("[{ base: native, name: ps, scheduler: processor-sharing }, xen-3.0, "
                + "microkernel, esx-3.0]", "",
                "    reservation_mhz: 600 MHz\n    limit: 150 %\n    vcpu: 2"));
        assertEquals(4, p.size(), p.toString());
        assertTrue(p.contains("s.yaml:14:22: vms[0].reservation_mhz: processor-sharing (architecture ps) has no "
                + "reservation; it supports none of weight, reservation and limit; esx-proportional, hyperv, "
                + "host-os and native-os have it"), p.toString());
        assertTrue(p.contains("s.yaml:14:22: vms[0].reservation_mhz: xen-credit (architectures xen-3.0, microkernel) "
                + "has no reservation; it supports weight and limit (cap); esx-proportional, hyperv, host-os "
                + "and native-os have it"), p.toString());
        assertTrue(p.stream().anyMatch(m -> m.startsWith("s.yaml:15:12: vms[0].limit: processor-sharing (architecture "
                + "ps) has no limit")), p.toString());
        assertTrue(p.stream().anyMatch(m -> m.startsWith("s.yaml:16:5: unknown key 'vcpu'")), p.toString());
        // A variant's own scheduler, or the scenario's, is the one checked.
        assertTrue(problems(file("[{ base: esx-3.0, scheduler: xen-credit }]", "", "    reservation: 10 %")).get(0)
                .contains("xen-credit (architecture esx-3.0) has no reservation"));
        assertTrue(problems(file("[esx-3.0]", "scheduler: { name: round-robin }", "    weight: 100")).get(0)
                .contains("vms[0].weight: round-robin (architecture esx-3.0) has no weight"));
    }

    @Test
    void theControlDomainsReservationAndLimitReachTheModelInPercentOrMegahertz() throws ScenarioException {
        Scenario s = ScenarioLoader.load("s.yaml", file("""
                [ { base: esx-3.0, control: { limit: 50 % } },
                                  { base: hyperv-2008-core, control: { vcpus: 2, reservation_mhz: 1000 MHz, limit: 150 % } },
                                  { base: hyperv-2008-core, name: hv-mhz, control: { limit_mhz: 3000 MHz } } ]""", "", ""));
        ControlDomain console = s.architectures().get(0).control();
        assertEquals(0.5, console.limit(), 1e-12);
        assertEquals(0.08, console.reservation(), 1e-12); // the profile's own, under its own scheduler
        ControlDomain parent = s.architectures().get(1).control();
        assertEquals(0.5, parent.reservation(), 1e-12);
        assertEquals(1.5, parent.limit(), 1e-12);
        assertEquals(1.5, s.architectures().get(2).control().limit(), 1e-12);
        for (var a : s.architectures()) {
            new HostModel(s.system(a));
        }
    }

    @Test
    void aControlDomainControlItsSchedulerLacksOrThatCannotBeMetIsRefused() {
        assertEquals(List.of("s.yaml:3:59: architectures[0].control.reservation: xen-credit (architecture "
                + "xen-3.0) has no reservation; it supports weight and limit (cap); esx-proportional, hyperv, "
                + "host-os and native-os have it"), problems(file("[ { base: xen-3.0, control: { reservation: 20 % } } ]", "", "")));
        // The service console has one vCPU; a limit must not be below the reservation (8 % by default).
        List<String> p = problems(file("[ { base: esx-3.0, control: { reservation: 150 % } },"
                + " { base: monolithic, control: { limit: 5 % } } ]", "", ""));
        assertEquals(2, p.size(), p.toString());
        assertTrue(p.stream().anyMatch(m -> m.contains("architectures[0].control.reservation: 150 % of a pCPU is "
                + "more than the control domain's 1 vCPUs can use")), p.toString());
        assertTrue(p.stream().anyMatch(m -> m.contains("architectures[1].control.limit: the control domain's limit "
                + "(5 %) is below its reservation (8 %)")), p.toString());
        // A variant of a variant keeps its base's reservation, and is checked under its own scheduler.
        List<String> inherited = problems(file("[ { base: esx-3.0, name: e, control: { reservation: 20 % } },"
                + " { base: e, name: ex, scheduler: xen-credit } ]", "", ""));
        assertEquals(1, inherited.size(), inherited.toString());
        assertTrue(inherited.get(0).contains("architectures[0].control.reservation: xen-credit (architecture ex) has "
                + "no reservation"), inherited.toString());
        List<String> both = problems(file("[ { base: esx-3.0, control: { limit: 50 %, limit_mhz: 100 MHz } } ]", "",
                ""));
        assertTrue(both.stream().anyMatch(m -> m.contains("give either limit or limit_mhz")), both.toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aProfileDefaultItsScenariosSchedulerWouldIgnoreIsDroppedAndNoted() throws ScenarioException {
        // Xen credit has no reservation: the ESX console's built-in 8 % would be ignored. Not the user's
        // doing, so not an error; dropped (as the scheduler would) and said so in the resolved scenario.
        Scenario s = ScenarioLoader.load("s.yaml", file("[esx-3.0, microkernel]", "scheduler: { name: xen-credit }", ""));
        ControlDomain console = s.architectures().get(0).control();
        assertEquals(0, console.reservation());
        assertEquals(2000, console.weight());
        Map<String, Object> esx = (Map<String, Object>) ((List<Object>) s.resolved().get("architectures")).get(0);
        assertEquals("reservation 8 %", esx.get("control_unused"));
        assertTrue(s.sources().get("architectures[0].control_unused").contains("xen-credit has no reservation"));
        assertFalse(((Map<String, Object>) ((List<Object>) s.resolved().get("architectures")).get(1))
                .containsKey("control_unused"));
        new HostModel(s.system(s.architectures().get(0)));
        // Processor sharing has no weights: dom0's 256 goes the same way.
        Scenario ps = ScenarioLoader.load("s.yaml", file("[microkernel]", "scheduler: { name: processor-sharing }", ""));
        assertEquals(0, ps.architectures().get(0).control().weight());
        new HostModel(ps.system(ps.architectures().get(0)));
    }

    @Test
    void theCommandLineSaysSoWithExitCode2() throws IOException {
        Path f = Fixtures.write(tmp, "scenario.yaml", file("[xen-3.0]", "", "    reservation: 60 %"));
        Fixtures.Outcome o = hvsim("validate", f.toString());
        assertEquals(Main.BAD_INPUT, o.code());
        assertTrue(o.err().contains(f + ":14:18: vms[0].reservation: xen-credit (architecture xen-3.0) has no "
                + "reservation"), o.err());
    }
}
