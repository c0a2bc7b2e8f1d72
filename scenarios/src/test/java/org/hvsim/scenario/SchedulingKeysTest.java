package org.hvsim.scenario;

import static org.hvsim.scenario.Fixtures.problems;
import static org.hvsim.scenario.Fixtures.workload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.hvsim.model.arch.Architectures;
import org.hvsim.model.hypervisor.CpuControls;
import org.hvsim.model.hypervisor.EsxScheduler;
import org.hvsim.model.hypervisor.XenCreditScheduler;
import org.hvsim.model.system.SystemSpec;
import org.hvsim.scenario.load.ScenarioException;
import org.junit.jupiter.api.Test;

/** The scheduling keys of a scenario reach the model as the docs say, and their mistakes are named. */
class SchedulingKeysTest {

    static String scenario(String top, String vmExtra, String hostExtra) {
        return """
                name: t
                duration: 60 s
                architectures: [monolithic, microkernel, { base: microkernel, name: no-boost, boost: false }]
                %s
                host:
                  cpus: 4
                  memory: 16 GB
                  frequency: 3 GHz
                  disks: [ { name: d0, service: { exponential: { mean: 5 ms } } } ]
                %s
                vms:
                  - name: web
                    vcpus: 2
                    memory: 2 GB
                %s
                %s""".formatted(top, hostExtra, vmExtra, workload().indent(4));
    }

    @Test
    void controlsInPercentAndMegahertzBecomePcpus() throws ScenarioException {
        // Under a scheduler with reservations for all three (xen-credit, microkernel's own, has none).
        Scenario s = ScenarioLoader.load("s.yaml", scenario("scheduler: { name: esx-proportional }",
                "    weight: 2000\n    reservation_mhz: 1500 MHz\n    limit: 150 %", ""));
        CpuControls c = s.vms().get(0).cpu();
        assertEquals(2000, c.weight());
        assertEquals(0.5, c.reservation(), 1e-12); // 1500 MHz of a 3 GHz pCPU
        assertEquals(1.5, c.limit(), 1e-12);
    }

    @Test
    void eachArchitectureGetsItsProductsSchedulerAndVariantsTheirOwnSettings() throws ScenarioException {
        Scenario s = ScenarioLoader.load("s.yaml", scenario("scheduler: { switch_cost: 2 us }", "", ""));
        SystemSpec mono = s.system(s.architectures().get(0));
        SystemSpec micro = s.system(s.architectures().get(1));
        SystemSpec noBoost = s.system(s.architectures().get(2));
        assertEquals(EsxScheduler.NAME, mono.scheduler().name());
        assertEquals(XenCreditScheduler.NAME, micro.scheduler().name());
        assertTrue(micro.scheduler().flag(XenCreditScheduler.WAKE_BOOST));
        assertEquals(false, noBoost.scheduler().flag(XenCreditScheduler.WAKE_BOOST));
        assertEquals(2e-6, noBoost.scheduler().switchCost(), 1e-15);
        // Naming a scheduler for the scenario overrides every profile's.
        Scenario all = ScenarioLoader.load("s.yaml", scenario("scheduler: { name: hyperv }", "", ""));
        for (var a : all.architectures()) {
            assertEquals("hyperv", all.system(a).scheduler().name());
        }
        assertEquals(Architectures.byName("microkernel").orElseThrow().scheduler(), XenCreditScheduler.NAME);
    }

    @Test
    void aVariantSetsAnyTunableItsSchedulerDeclares() throws ScenarioException {
        String text = scenario("scheduler: { rate_limit: 1 ms }", "", "").replace(
                "{ base: microkernel, name: no-boost, boost: false }",
                "{ base: microkernel, name: xen41, weighting: per-vcpu, rate_limit: 2 ms },"
                        + " { base: monolithic, name: tight, skew_bound: 1 ms }");
        Scenario s = ScenarioLoader.load("s.yaml", text);
        SystemSpec xen = s.system(s.architectures().get(1));
        SystemSpec xen41 = s.system(s.architectures().get(2));
        SystemSpec tight = s.system(s.architectures().get(3));
        assertEquals(0.001, xen.scheduler().duration(XenCreditScheduler.RATE_LIMIT), "the scenario's setting");
        assertEquals(0.002, xen41.scheduler().duration(XenCreditScheduler.RATE_LIMIT), "the variant's own wins");
        assertEquals("per-vcpu", xen41.scheduler().choice(XenCreditScheduler.WEIGHTING));
        assertEquals("per-domain", xen.scheduler().choice(XenCreditScheduler.WEIGHTING));
        assertEquals(0.001, tight.scheduler().duration(EsxScheduler.SKEW_BOUND));
        List<String> p = problems(text.replace("skew_bound: 1 ms", "skew_bound: 2 s"));
        assertTrue(p.stream().anyMatch(m -> m.contains("skew_bound") && m.contains("1 s")), p.toString());
        List<String> q = problems(text.replace("weighting: per-vcpu", "weighting: per-pcpu"));
        assertTrue(q.stream().anyMatch(m -> m.contains("per-domain") && m.contains("per-vcpu")), q.toString());
    }

    @Test
    void weightsOutOfTheSchedulersRangeAndContradictoryControlsAreNamed() {
        List<String> p = problems(scenario("", "    weight: 70000\n    reservation: 300 %\n    limit: 50 %", ""));
        assertTrue(p.stream().anyMatch(m -> m.contains("weight must be between 1 and 65535 under xen-credit")), p.toString());
        assertTrue(p.stream().anyMatch(m -> m.contains("more than this VM's 2 vCPUs")), p.toString());
        List<String> q = problems(scenario("", "    reservation: 80 %\n    limit: 50 %", ""));
        assertTrue(q.stream().anyMatch(m -> m.contains("is below the reservation")), q.toString());
        List<String> r = problems(scenario("", "    limit: 50 %\n    limit_mhz: 1000 MHz", ""));
        assertTrue(r.stream().anyMatch(m -> m.contains("give either limit or limit_mhz")), r.toString());
    }

    @Test
    void memoryOvercommitLiftsTheAdmissionCheckAndNeedsARealSwapDisk() throws ScenarioException {
        List<String> refused = problems(scenario("", "    count: 10", "")); // 20 GB of VMs on 16 GB
        assertTrue(refused.stream().anyMatch(m -> m.contains("short by 4.00 GB")), refused.toString());
        Scenario ok = ScenarioLoader.load("s.yaml", scenario("", "    count: 10",
                "  memory_overcommit: { swap_device: d0, faults_per_request: 5 }"));
        assertTrue(ok.system(ok.architectures().get(0)).memory().overcommit());
        List<String> noDisk = problems(scenario("", "    count: 10",
                "  memory_overcommit: { swap_device: d9, faults_per_request: 5 }"));
        assertTrue(noDisk.stream().anyMatch(m -> m.contains("no disk named 'd9'")), noDisk.toString());
    }
}
