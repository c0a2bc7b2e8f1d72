package org.hvsim.scenario.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.hvsim.core.experiment.Progress;
import org.hvsim.core.experiment.TreatmentResult;
import org.hvsim.core.result.Estimate;
import org.hvsim.scenario.ScenarioLoader;
import org.hvsim.scenario.ScenarioRunner;
import org.junit.jupiter.api.Test;

/**
 * A cluster at the level of requests: several hosts in one simulation, a VM's arrivals following it to
 * the survivor after detection + boot, lost while it is down or when no survivor admits it, and the
 * survivor's own VMs slowed by the newcomer as a queueing oracle says.
 */
class ClusterRequestsTest {

    /**
     * Two native hosts of {@code memory}, 2 pCPUs each; two VMs of 3 GB (web#0 on host 0, web#1 on host 1,
     * balanced) each sent a request every 50 ms exactly, 10 ms of CPU each; host 0 fails at 100.025 s (between
     * two arrivals, none in flight) for {@code repair}.
     */
    private static TreatmentResult deterministic(String memory, String repair) throws Exception {
        String text = """
                name: cluster
                seed: 3
                replications: 2
                warmup: 0 s
                duration: 2000.02 s
                architectures: [native]
                host: { cpus: 2, memory: %s }
                cluster: { hosts: 2, placement: balanced, detection: 15 s }
                vms:
                  - name: web
                    count: 2
                    memory: 3 GB
                    workload:
                      open: { interarrival: { constant: { value: 50 ms } } }
                      classes:
                        - name: page
                          phases:
                            - cpu: { constant: { value: 10 ms } }
                faults:
                  - { component: host, host: 0, at: 100.025 s, repair: %s }
                fault_settings: { boot: 60 s }
                """.formatted(memory, repair);
        return ScenarioRunner.runTreatments(ScenarioLoader.load("s.yaml", text), 1, Progress.NONE).get(0);
    }

    private static void assertBalanced(TreatmentResult r, String vm) {
        for (var rep : r.replications()) {
            double arrived = rep.get(vm, "requests_arrived");
            // those present at the warm-up instant arrived before it
            double accounted = rep.get(vm, "requests_completed") + rep.get(vm, "requests_lost")
                    + rep.get(vm, "requests_in_flight")
                    - rep.diagnostics().get(new org.hvsim.core.engine.ReplicationOutput.Key(vm, "in_flight_at_warmup"));
            assertEquals(arrived, accounted, 0.0, vm + ": arrived = completed + lost + in flight");
        }
    }

    @Test
    void theVmIsServedByTheSurvivorAfterDetectionAndBoot() throws Exception {
        TreatmentResult r = deterministic("8 GB", "1000 s");
        // arrivals every 50 ms from 0.05 s on: 40 000 per VM; web#0's in (100.025, 175.025) are lost
        assertEquals(80_000, r.estimate("web", "requests_arrived").mean(), 0.0);
        assertEquals(1500, r.estimate("web", "requests_lost").mean(), 0.0);
        assertEquals(1, r.estimate("web", "failovers").mean() * 2, 0.0);
        assertEquals(75 / 2.0, r.estimate("web", "downtime").mean(), 1e-9);
        assertBalanced(r, "web");
        // the time series' marks: the failure, then the restart on the survivor after detection and boot
        List<String> marks = r.replications().get(0).marks().stream().map(m -> m.time() + " " + m.what()).toList();
        assertTrue(marks.stream().anyMatch(m -> m.startsWith("100.025 ") && m.endsWith(" fails")), marks.toString());
        assertTrue(marks.contains("175.025 1 VM restarted on host1"), marks.toString());
        // host 0 ran web#0 until its failure, host 1 web#1 throughout and web#0 from 175.025 s, both at
        // 0.2 pCPU (20 /s × 10 ms) out of 2 pCPUs: the survivor's CPU rises by the VM's demand
        double span = 2000.02;
        assertEquals(0.2 * 100.025 / (2 * span), r.estimate("host0", "cpu_util").mean(), 1e-5);
        assertEquals(0.2 * (span + span - 175.025) / (2 * span), r.estimate("host1", "cpu_util").mean(), 1e-5);
        // by window between the scripted failure (100.025 s) and repair (1100.025 s): before, during, after
        List<String> windows = r.estimates().keySet().stream().map(k -> k.scope()).filter(sc -> sc.startsWith("web@"))
                .distinct().toList();
        assertEquals(3, windows.size(), windows.toString());
        assertTrue(windows.get(0).startsWith("web@00:00:00-00:01:40.02") && windows.get(2).startsWith("web@00:18:20.02")
                && windows.get(2).endsWith("-"), windows.toString());
        assertEquals(2 * 2000, r.estimate(windows.get(0), "requests_arrived").mean(), 0.0);
        // a native host with a pCPU per VM: 10 ms each, on host 0 before the failure and on host 1 after
        for (String w : windows) {
            assertEquals(0.010, r.estimate(w, "response_time_mean").mean(), 1e-9, w);
        }
    }

    @Test
    void withoutRoomOnTheSurvivorItsArrivalsAreLost() throws Exception {
        // 4 GB hosts take one 3 GB VM each: web#0 waits for host 0, repaired after the run's end
        TreatmentResult r = deterministic("4 GB", "10000 s");
        // web#0's arrivals at 0.05 k s for k = 2001 … 40 000 are all lost
        assertEquals(38_000, r.estimate("web", "requests_lost").mean(), 0.0);
        assertEquals(1, r.estimate("cluster", "vms_left_down").mean(), 0.0);
        assertEquals(0, r.estimate("web", "failovers").mean(), 0.0);
        assertBalanced(r, "web");
        assertEquals(0, r.estimate("host0", "cpu_util").mean() - 0.2 * 100.025 / (2 * 2000.02), 1e-5);
    }

    /**
     * Two native hosts of one pCPU, VM a placed on host 0, b on host 1 (balanced), each Poisson at 30 /s with
     * exponential CPU of 10 ms. Host 0 fails at 1 s for good, detection and boot 0: after the warm-up a and
     * b share host 1's pCPU, a work-conserving queue with exponential service at ρ = 0.6, whose mean
     * response time is M/M/1's S / (1 − ρ) = 25 ms; without the failure b alone sees S / (1 − 0.3).
     */
    private static TreatmentResult contention(boolean failure) throws Exception {
        String text = """
                name: contention
                seed: 20261203
                replications: 6
                warmup: 100 s
                duration: 2000 s
                architectures: [native]
                host: { cpus: 1, memory: 8 GB }
                cluster: { hosts: 2, placement: balanced, detection: 0 s }
                vms:
                  - { name: a, memory: 3 GB, workload: { open: { poisson: { rate: 30 /s } }, classes: [ { name: job, phases: [ { cpu: { exponential: { mean: 10 ms } } } ] } ] } }
                  - { name: b, memory: 3 GB, workload: { open: { poisson: { rate: 30 /s } }, classes: [ { name: job, phases: [ { cpu: { exponential: { mean: 10 ms } } } ] } ] } }
                %s
                fault_settings: { boot: 0 s }
                """.formatted(failure ? "faults:\n  - { component: host, host: 0, at: 1 s, repair: 100 d }" : "");
        return ScenarioRunner.runTreatments(ScenarioLoader.load("s.yaml", text), 2, Progress.NONE).get(0);
    }

    @Test
    void theSurvivorsOwnVmSlowsDownAsTheQueueingOracleSays() throws Exception {
        TreatmentResult before = contention(false);
        assertMatches("b alone", 0.010 / (1 - 0.3), before.estimate("b", "response_time_mean"), 0.03);
        TreatmentResult after = contention(true);
        assertMatches("b with a", 0.010 / (1 - 0.6), after.estimate("b", "response_time_mean"), 0.05);
        assertMatches("a on host 1", 0.010 / (1 - 0.6), after.estimate("a", "response_time_mean"), 0.05);
        assertEquals(0.6, after.estimate("host1", "cpu_util").mean(), 0.01);
        assertEquals(0, after.estimate("host0", "cpu_util").mean(), 1e-6);
        assertBalanced(after, "a");
        assertBalanced(after, "b");
    }

    private static void assertMatches(String what, double truth, Estimate e, double relTol) {
        String detail = what + ": truth " + truth + ", estimate " + e.mean() + " [" + e.ciLow() + ", " + e.ciHigh() + "]";
        assertTrue(e.covers(truth), "95 % CI misses the truth: " + detail);
        assertTrue(Math.abs(e.mean() - truth) / truth <= relTol, "too far: " + detail);
    }

    /**
     * Nothing counted twice or dropped under every in-flight policy and architecture: three hosts failing
     * at random and by script, control domains crashing (under io_stall on the microkernel), a guest fault,
     * a closed workload that follows its VM, and a workload spread over replicas that move between hosts.
     */
    @Test
    void everyRequestIsAccountedForInAMixedCluster() throws Exception {
        for (String inFlight : new String[] {"lost", "retried", "delayed"}) {
            String text = """
                    name: mixed
                    seed: 9
                    replications: 3
                    warmup: 20 s
                    duration: 600 s
                    architectures: [native, hosted, monolithic, { base: microkernel, name: micro-stall, control: { on_crash: io_stall } }]
                    host: { cpus: 4, memory: 12 GB, disks: [ { name: d0, service: { exponential: { mean: 3 ms } } } ] }
                    cluster: { hosts: 3, placement: balanced, detection: 5 s, concurrent_restarts: 1 }
                    vms:
                      - name: web
                        count: 3
                        memory: 2 GB
                        workload:
                          open: { poisson: { rate: 90 /s }, spread: replicas }
                          classes: [ { name: p, phases: [ { cpu: { exponential: { mean: 8 ms } } }, { disk: { device: d0 } } ] } ]
                      - name: db
                        count: 2
                        memory: 3 GB
                        workload:
                          closed: { users: 6, think: { exponential: { mean: 200 ms } } }
                          classes: [ { name: q, phases: [ { cpu: { exponential: { mean: 15 ms } } }, { disk: { device: d0 } } ] } ]
                    faults:
                      - { component: host, host: 0, at: 100 s, repair: 200 s }
                      - { component: host, host: 1, time_to_failure: { exponential: { mean: 300 s } }, time_to_repair: 60 s }
                      - { component: parent, host: 2, time_to_failure: { exponential: { mean: 200 s } }, time_to_repair: 20 s }
                      - { component: guest, vm: db#1, at: 250 s, repair: 30 s }
                    fault_settings: { boot: 20 s, in_flight: %s }
                    """.formatted(inFlight);
            for (TreatmentResult r : ScenarioRunner.runTreatments(ScenarioLoader.load("s.yaml", text), 2, Progress.NONE)) {
                assertBalanced(r, "web");
                assertBalanced(r, "db");
                assertTrue(r.estimate("web", "requests_completed").mean() > 0, r.name());
                assertTrue(r.estimate("web", "failovers").mean() > 0, r.name() + " " + inFlight);
            }
        }
    }

    /** Two hosts of {@code hostMemory} and one small VM (line 4 of the text). */
    private static String twoHostsOneVm(String hostMemory, String vm, String vmMemory) {
        return """
                name: cluster
                duration: 10 s
                host: { cpus: 2, memory: %s }
                cluster: { hosts: 2 }
                vms:
                  - { name: %s, memory: %s, workload: { open: { poisson: { rate: 1 /s } }, classes: [ { name: p, phases: [ { cpu: 1 ms } ] } ] } }
                """.formatted(hostMemory, vm, vmMemory);
    }

    @Test
    void aClusterScenarioStillRejectsVmsThatFitNowhere() {
        List<String> p = org.hvsim.scenario.Fixtures.problems(twoHostsOneVm("2 GB", "web", "3 GB"));
        assertTrue(p.stream().anyMatch(m -> m.startsWith("s.yaml:")), p.toString());
    }

    @Test
    void aVmNamedLikeAHostIsRefusedInACluster() {
        List<String> p = org.hvsim.scenario.Fixtures.problems(twoHostsOneVm("8 GB", "host1", "1 GB"));
        assertTrue(p.stream().anyMatch(m -> m.startsWith("s.yaml:4:") && m.contains("'host1'") && m.contains("rename")),
                p.toString());
    }

    @Test
    void aTraceIsRefusedInACluster(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("t.csv"), "time,cpu\n0 s,2 ms\n1 s,2 ms\n");
        String text = """
                name: cluster
                duration: 10 s
                host: { cpus: 2, memory: 8 GB }
                cluster: { hosts: 2 }
                vms:
                  - { name: web, memory: 1 GB, workload: { open: { trace: { file: t.csv } } } }
                """;
        var e = org.junit.jupiter.api.Assertions.assertThrows(org.hvsim.scenario.load.ScenarioException.class,
                () -> ScenarioLoader.load(org.hvsim.scenario.Fixtures.write(dir, "c.yaml", text)));
        assertTrue(e.getMessage().contains("c.yaml:4:") && e.getMessage().contains("replays a trace"), e.getMessage());
    }
}
