package org.hvsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.file.Path;
import java.util.List;

import org.hvsim.core.result.RunSummary;
import org.hvsim.core.result.Sla;
import org.junit.jupiter.api.Test;

/** The typed summary the reports read is what the loader read, in the engine's units. */
class RunSummaryFromScenarioTest {

    private static final double GB = 1024.0 * 1024 * 1024;

    @Test
    void capacityCurveExample() throws Exception {
        Sweep sweep = ScenarioLoader.loadAll(Path.of("examples", "capacity-curve.yaml"));
        RunSummary run = sweep.summary();
        RunSummary.Host host = run.host().orElseThrow();
        assertEquals(4, host.cpus());
        assertEquals(32 * GB, host.memory());
        assertEquals(List.of(new RunSummary.Disk("d0", 8)), host.disks());
        assertEquals(List.of(new Sla("response_time_p95", "web", 0.100)), run.slas());
        assertEquals(sweep.first().warmup(), run.warmup());
        assertEquals(sweep.first().duration(), run.duration());
        assertEquals(sweep.first().replications(), run.replications());
        assertEquals(sweep.parameterNames(), run.parameterNames());
        assertEquals(sweep.axes().get(0).values(), run.sweep().get(0).values());
        RunSummary.Vm web = run.vms().get(0);
        assertEquals("web", web.name());
        assertInstanceOf(RunSummary.OpenWorkload.class, web.workload());
    }

    @Test
    void commandLineOverridesReachTheSummary() throws Exception {
        Scenario s = ScenarioLoader.loadAll(Path.of("examples", "consolidation.yaml")).first().withReplications(3);
        assertEquals(3, s.summary().replications());
        assertEquals(List.of(), s.summary().slas());
        assertEquals(List.of(), s.summary().sweep());
    }

    @Test
    void theSummaryNamesTheProfileDefaultsWithoutAPublishedFigure() throws Exception {
        // R1's native baseline is a definition; the hosted profile's switch cost and control domain are NPF,
        // its cpu_factor is R1.a's; a parameter the file overrides is no longer a default.
        Scenario s = ScenarioLoader.loadAll(Path.of("examples", "hosted-vs-bare-metal.yaml")).first();
        List<String> npf = s.summary().unpublishedDefaults();
        assertEquals(List.of(), npf.stream().filter(n -> n.startsWith("native:")).toList());
        org.junit.jupiter.api.Assertions.assertTrue(npf.contains("vmware-workstation: switch_cost"), npf.toString());
        org.junit.jupiter.api.Assertions.assertFalse(npf.contains("vmware-workstation: cpu_factor"), npf.toString());
        assertEquals(s.unpublishedDefaults(), npf);
    }
}
