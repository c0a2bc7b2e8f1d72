package org.hvsim.scenario.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.hvsim.core.engine.ReplicationOutput;
import org.hvsim.core.experiment.Progress;
import org.hvsim.core.experiment.TreatmentResult;
import org.hvsim.core.result.Estimate;
import org.hvsim.scenario.Fixtures;
import org.hvsim.scenario.Scenario;
import org.hvsim.scenario.ScenarioLoader;
import org.hvsim.scenario.ScenarioRunner;
import org.junit.jupiter.api.Test;

/** Faults through scenario files: the long-run availability formula, blast radius, request accounting, errors. */
class FaultsTest {

    private static String scenario(String architectures, String warmup, String duration, String faults) {
        return """
                name: faults
                seed: 5
                replications: 4
                warmup: %s
                duration: %s
                architectures: %s
                host: { cpus: 4, memory: 16 GB, disks: [ { name: d0, service: { exponential: { mean: 4 ms } } } ] }
                vms:
                  - name: web
                    count: 2
                    memory: 2 GB
                %s
                %s
                """.formatted(warmup, duration, architectures,
                Fixtures.workload("disk: { ops: 1, size: 16 KB, device: d0 }").indent(4), faults);
    }

    private static Map<String, TreatmentResult> run(String text) throws Exception {
        Scenario s = ScenarioLoader.load("s.yaml", text);
        Map<String, TreatmentResult> byName = new java.util.LinkedHashMap<>();
        for (TreatmentResult r : ScenarioRunner.runTreatments(s, 2, Progress.NONE)) {
            byName.put(r.name(), r);
        }
        return byName;
    }

    @Test
    void longRunAvailabilityIsMtbfOverMtbfPlusMttr() throws Exception {
        // one component, exponential failure (mean 10 h) and repair (mean 1 h), no boot: A = 10 / 11
        String text = scenario("[native]", "0 s", "10 s", """
                faults:
                  - { component: guest, vm: web, time_to_failure: { exponential: { mean: 10 h } }, time_to_repair: { exponential: { mean: 1 h } } }
                fault_settings: { boot: 0 s, horizon: 30 y }
                """).replace("replications: 4", "replications: 10");
        TreatmentResult r = run(text).get("native");
        Estimate a = r.estimate("web", "availability");
        double truth = 10.0 / 11.0;
        assertTrue(a.ciLow() <= truth && truth <= a.ciHigh(), truth + " outside " + a);
        assertTrue(Math.abs(a.mean() - truth) / (1 - truth) < 0.05, "unavailability within 5 %: " + a);
        Estimate down = r.estimate("web", "downtime");
        assertEquals((1 - a.mean()) * 30 * 365.25 * 86400, down.mean(), 1e-6 * down.mean(), "downtime = (1 - A) × horizon");
    }

    private static final String CRASH = """
            fault_settings: { boot: 30 s, in_flight: %s }
            faults:
              - { component: parent, at: 2 min, repair: 1 min }
            """;
    private static final String FIVE = "[native, hosted, monolithic, microkernel, "
            + "{ base: microkernel, name: stall, control: { on_crash: io_stall } }]";

    @Test
    void aScriptedParentCrashTakesDownExactlyWhatTheArchitectureSays() throws Exception {
        Map<String, TreatmentResult> r = run(scenario(FIVE, "0 s", "6 min", CRASH.formatted("lost")));
        Map<String, TreatmentResult> calm = run(scenario(FIVE, "0 s", "6 min", ""));
        // every VM down for the repair and the boot under hosted and microkernel; I/O stalled for the repair only
        Map<String, Double> expectedDown = Map.of("native", 0.0, "hosted", 90.0, "monolithic", 0.0, "microkernel", 90.0,
                "stall", 60.0);
        double rate = 20;
        for (Map.Entry<String, Double> e : expectedDown.entrySet()) {
            TreatmentResult t = r.get(e.getKey());
            assertEquals(e.getValue(), t.estimate("web", "downtime").mean(), 1e-9, e.getKey());
            assertEquals(1 - e.getValue() / 360, t.estimate("web", "availability").mean(), 1e-12, e.getKey());
            double lost = t.estimate("web", "requests_lost").mean();
            if (e.getKey().equals("hosted") || e.getKey().equals("microkernel")) {
                // arrivals to 2 instances over 90 s, plus the few in flight at the crash
                double expected = 2 * rate * 90;
                assertTrue(Math.abs(lost - expected) < 4 * Math.sqrt(expected / 4) + 10, e.getKey() + ": lost " + lost);
            } else {
                assertEquals(0, lost, e.getKey() + " loses nothing");
            }
        }
        // ESX's service console runs management only: the guests' throughput is what it is without the crash
        assertEquals(calm.get("monolithic").estimate("web", "throughput").mean(),
                r.get("monolithic").estimate("web", "throughput").mean(), 0.001 * rate * 2);
        assertEquals(calm.get("monolithic").estimate("web", "requests_arrived").mean(),
                r.get("monolithic").estimate("web", "requests_arrived").mean(), 0.0, "same arrivals (common random numbers)");
        // stalled I/O is held, not lost: a minute's requests wait up to a minute
        double p99 = r.get("stall").estimate("web", "response_time_p99").mean();
        assertTrue(p99 > 20 && p99 < 61, "stall p99 " + p99);
        assertTrue(calm.get("microkernel").estimate("web", "response_time_p99").mean() < 1);
    }

    /** arrived = completed + lost + in flight − in flight at the warm-up, per VM, architecture and replication. */
    private static void assertNothingCountedTwiceOrDropped(Map<String, TreatmentResult> results) {
        int checked = 0;
        for (TreatmentResult t : results.values()) {
            for (ReplicationOutput o : t.replications()) {
                for (String vm : List.of("web")) {
                    double arrived = o.get(vm, "requests_arrived");
                    double gone = o.get(vm, "requests_completed") + o.get(vm, "requests_lost")
                            + o.get(vm, "requests_in_flight")
                            - o.diagnostics().get(new ReplicationOutput.Key(vm, "in_flight_at_warmup"));
                    assertEquals(arrived, gone, 0.0, t.name() + " " + vm);
                    checked++;
                }
            }
        }
        assertTrue(checked > 0);
    }

    @Test
    void nothingIsCountedTwiceOrDroppedUnderEveryPolicy() throws Exception {
        Map<String, Double> lost = new java.util.HashMap<>();
        for (String policy : List.of("lost", "retried", "delayed")) {
            Map<String, TreatmentResult> r = run(scenario(FIVE, "30 s", "4 min", CRASH.formatted(policy)
                    + "  - { component: guest, vm: web, time_to_failure: { exponential: { mean: 2 min } }, "
                    + "time_to_repair: 10 s }\n").replace("replications: 4", "replications: 2"));
            assertNothingCountedTwiceOrDropped(r);
            lost.put(policy, r.get("hosted").estimate("web", "requests_lost").mean());
        }
        // the same failures: arrivals to a down VM are lost under every policy, requests in flight only under lost
        assertTrue(lost.get("retried") < lost.get("lost") && lost.get("delayed") < lost.get("lost"), lost.toString());
        assertTrue(lost.get("retried") > 0, "arrivals to a down VM are lost");
    }

    @Test
    void closedUsersWaitForADownVm() throws Exception {
        // users with no think time: each refused request makes its user wait for the VM, not retry at once
        String text = scenario("[hosted]", "0 s", "3 min", CRASH.formatted("lost"))
                .replace("open: { poisson: { rate: 20 /s } }", "closed: { users: 3, think: 0 s }");
        Map<String, TreatmentResult> r = run(text);
        assertNothingCountedTwiceOrDropped(r);
        double lost = r.get("hosted").estimate("web", "requests_lost").mean();
        assertTrue(lost > 0 && lost <= 2 * 3 * 2, "in flight at the crash plus one refusal per user: " + lost);
    }

    @Test
    void theExampleKeepsItsCounts() throws Exception {
        Path example = Path.of("examples/parent-crash.yaml");
        Scenario s = ScenarioLoader.load(example.toFile().exists() ? example : Path.of("scenarios").resolve(example));
        Map<String, TreatmentResult> byName = new java.util.LinkedHashMap<>();
        for (TreatmentResult r : ScenarioRunner.runTreatments(s.withReplications(2).withTimes(30, 240), 2, Progress.NONE)) {
            byName.put(r.name(), r);
        }
        assertNothingCountedTwiceOrDropped(byName);
    }

    @Test
    void aScenarioWithoutFaultsRunsAsBefore() throws Exception {
        Map<String, TreatmentResult> r = run(scenario("[microkernel]", "0 s", "1 min", ""));
        Predicate<String> faultMetric = m -> m.equals("availability") || m.equals("downtime") || m.equals("requests_lost");
        assertTrue(r.get("microkernel").estimates().keySet().stream().noneMatch(k -> faultMetric.test(k.metric())));
    }

    /** "s.yaml:LINE:" of the first line of {@code text} holding {@code needle}. */
    private static String at(String text, String needle) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(needle)) {
                return "s.yaml:" + (i + 1) + ":";
            }
        }
        throw new AssertionError(needle);
    }

    /** Asserts that {@code text} has a problem on the line of {@code needle} mentioning every one of {@code words}. */
    private static void located(String what, String text, String needle, String... words) {
        List<String> problems = Fixtures.problems(text);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith(at(text, needle))
                && java.util.Arrays.stream(words).allMatch(p::contains)), what + ": " + problems);
    }

    @Test
    void faultMistakesAreLocated() {
        String base = scenario("[microkernel]", "0 s", "1 min", "%s");
        located("misspelt key", base.formatted("faults:\n  - { component: parent, at: 1 min, repiar: 1 min }\n"),
                "repiar", "repiar", "did you mean 'repair'");
        located("out of range", base.formatted("faults:\n  - { component: parent, at: -1 min, repair: 1 min }\n"),
                "at: -1", "at");
        located("unknown VM", base.formatted("faults:\n  - { component: guest, vm: wbe, at: 1 min, repair: 1 min }\n"),
                "wbe", "no VM named 'wbe'", "web");
        located("unknown component", base.formatted("faults:\n  - { component: parnet, at: 1 min, repair: 1 min }\n"),
                "parnet", "parent");
        located("repair missing", base.formatted("faults:\n  - { component: parent, time_to_failure: 1 h }\n"),
                "time_to_failure", "time_to_repair");
        located("policy", base.formatted("fault_settings: { in_flight: dropped }\n"), "dropped", "lost");
        located("on_crash", base.replace("[microkernel]", "[{ base: microkernel, control: { on_crash: reboot } }]")
                .formatted(""), "on_crash", "host_reboot");
    }
}
