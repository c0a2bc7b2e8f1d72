package org.hvsim.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.hvsim.core.result.RunSummary;
import org.hvsim.core.result.Sla;
import org.hvsim.report.Fixtures;
import org.hvsim.report.metric.MetricCatalog;
import org.junit.jupiter.api.Test;

class RunFactsTest {

    @Test
    void hostAndVmsFromTheTypedSummary() {
        RunSummary run = Fixtures.standard().run();
        assertEquals("8 CPUs; 32 GB memory; disks: d0 (8 channels); NICs: n0 (1 Gbit/s)",
                RunFacts.host(run).orElseThrow());
        assertEquals(List.of("web: 6 × 2 vCPU, 2 GB, open workload (poisson 40 /s per VM) — swept: web.count",
                "db: 1 × 4 vCPU, 8 GB, closed workload (20 users per VM, 1 s think time)"),
                RunFacts.vms(run, List.of("web.count", "host.cpus")));
        assertEquals("10 replications × 5 min simulated (the first 30 s are warm-up, left out of the statistics)",
                RunFacts.run(run, "10"));
    }

    @Test
    void nothingIsMadeUpForAnUnknownRun() {
        assertEquals(Optional.empty(), RunFacts.host(RunSummary.NONE));
        assertEquals(List.of(), RunFacts.vms(RunSummary.NONE, List.of()));
        assertEquals("3 replications", RunFacts.run(RunSummary.NONE, "3"));
    }

    @Test
    void objectivesReadAsSentences() {
        Sla sla = new Sla("response_time_p95", "web", 0.2);
        assertEquals("p95 response time ≤ 200 ms", MetricCatalog.objective(sla));
        assertEquals(true, sla.isMetBy(0.2));
        assertEquals(false, sla.isMetBy(0.2001));
        RunSummary run = RunSummary.NONE.withSlas(List.of(sla));
        assertEquals(Optional.of(sla), run.sla("web", "response_time_p95"));
        assertEquals(Optional.empty(), run.sla("web", "response_time_mean"));
    }
}
