package org.hvsim.report.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ScenarioFactsTest {

    @Test
    void durationsInEveryUnitOfTheScenarioFormat() {
        assertEquals(30.0, Durations.seconds("30 s").orElseThrow());
        assertEquals(300.0, Durations.seconds("5 min").orElseThrow());
        assertEquals(0.2, Durations.seconds("200 ms").orElseThrow(), 1e-15);
        assertEquals(2e-5, Durations.seconds("20 us").orElseThrow(), 1e-18);
        assertEquals(2e-5, Durations.seconds("20 µs").orElseThrow(), 1e-18);
        assertEquals(5e-9, Durations.seconds("5ns").orElseThrow(), 1e-21);
        assertEquals(7200.0, Durations.seconds("2 h").orElseThrow());
        assertEquals(86400.0, Durations.seconds("1 d").orElseThrow());
        assertEquals(1.5, Durations.seconds("1.5").orElseThrow());
        assertEquals(0.25, Durations.seconds(0.25).orElseThrow());
        assertEquals(Optional.empty(), Durations.seconds("30 parsecs"));
        assertEquals(Optional.empty(), Durations.seconds("soon"));
        assertEquals(Optional.empty(), Durations.seconds(null));
        assertEquals(Optional.empty(), Durations.seconds(Double.NaN));
    }

    @Test
    void slaFromAMapOrAListWithDurationOrSeconds() {
        Map<String, Object> one = Map.of("sla", Map.of("metric", "response_time_p95", "scope", "web", "max", "200 ms"));
        assertEquals(List.of(new Sla("response_time_p95", "web", 0.2)), Sla.of(one));
        assertEquals("p95 response time ≤ 200 ms", Sla.of(one).get(0).describe());
        assertTrue(Sla.of(one).get(0).isMetBy(0.2));
        assertTrue(!Sla.of(one).get(0).isMetBy(0.2001));

        Map<String, Object> many = Map.of("sla", List.of(
                Map.of("metric", "response_time_mean", "scope", "db", "max", 0.05),
                Map.of("metric", "response_time_p99", "scope", "web"),       // no max: skipped
                "nonsense"));
        assertEquals(List.of(new Sla("response_time_mean", "db", 0.05)), Sla.of(many));
        assertEquals(Optional.empty(), Sla.on(many, "web", "response_time_mean"));
        assertTrue(Sla.on(many, "db", "response_time_mean").isPresent());
        assertEquals(List.of(), Sla.of(Map.of()));
    }

    @Test
    void summaryOfHostAndVms() {
        Map<String, Object> scenario = new LinkedHashMap<>();
        scenario.put("warmup", "30 s");
        scenario.put("duration", "5 min");
        scenario.put("host", Map.of("cpus", 8, "memory", "32 GB",
                "disks", List.of(Map.of("name", "d0", "channels", 8)),
                "nics", List.of(Map.of("name", "n0", "bandwidth", "1 Gbit/s"))));
        scenario.put("vms", List.of(Map.of("name", "web", "count", 6, "vcpus", 2, "memory", "2 GB",
                "workload", Map.of("open", Map.of("poisson", Map.of("rate", "40 /s"))))));
        ScenarioFacts facts = new ScenarioFacts(scenario);
        assertEquals(30.0, facts.warmupSeconds().orElseThrow());
        assertEquals(300.0, facts.durationSeconds().orElseThrow());
        assertEquals("8 CPUs; 32 GB memory; disks: d0 (8 channels); NICs: n0 (1 Gbit/s)", facts.host().orElseThrow());
        assertEquals(List.of("web: 6 × 2 vCPU, 2 GB, open workload (poisson 40 /s per VM)"), facts.vms());
        ScenarioFacts empty = new ScenarioFacts(null);
        assertTrue(empty.host().isEmpty() && empty.vms().isEmpty() && empty.warmupSeconds().isEmpty());
    }
}
