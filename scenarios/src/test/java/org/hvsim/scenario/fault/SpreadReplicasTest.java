package org.hvsim.scenario.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.hvsim.core.engine.ReplicationOutput;
import org.hvsim.core.experiment.Progress;
import org.hvsim.core.experiment.TreatmentResult;
import org.hvsim.core.result.Estimate;
import org.hvsim.scenario.Fixtures;
import org.hvsim.scenario.ScenarioLoader;
import org.hvsim.scenario.ScenarioRunner;
import org.junit.jupiter.api.Test;

/**
 * An open workload spread over a template's replicas ({@code spread: replicas}): the rate is the total, a
 * failed replica's share goes to the live ones, and only with all of them down are requests lost.
 */
class SpreadReplicasTest {

    /**
     * Four replicas on a native host with a pCPU each, Poisson at 160 /s in all, 10 ms of exponential CPU;
     * replica web#0 fails at {@code at} for {@code repair}, its requests in flight delayed until it is back.
     */
    private static TreatmentResult run(String spread, String at, String repair, String warmup, int replications)
            throws Exception {
        String text = """
                name: spread
                seed: 20261203
                replications: %d
                warmup: %s
                duration: 2000 s
                architectures: [native]
                host: { cpus: 8, memory: 16 GB }
                vms:
                  - name: web
                    count: 4
                    memory: 1 GB
                    guest_scheduler: ps
                    workload:
                      open: { poisson: { rate: 160 /s }%s }
                      classes: [ { name: page, phases: [ { cpu: { exponential: { mean: 10 ms } } } ] } ]
                faults:
                  - { component: guest, vm: web#0, at: %s, repair: %s }
                fault_settings: { boot: 0 s, in_flight: delayed }
                """.formatted(replications, warmup, spread, at, repair);
        return ScenarioRunner.runTreatments(ScenarioLoader.load("s.yaml", text), 2, Progress.NONE).get(0);
    }

    @Test
    void aFailedReplicasShareGoesToTheOthers() throws Exception {
        TreatmentResult spread = run(", spread: replicas", "800 s", "300 s", "0 s", 3);
        TreatmentResult own = run("", "800 s", "300 s", "0 s", 3);
        for (ReplicationOutput o : spread.replications()) {
            // nothing is lost while a replica is up, and web#0's requests in flight wait for it
            assertEquals(0, o.get("web", "requests_lost"), 0.0);
            assertEquals(o.get("web", "requests_arrived"), o.get("web", "requests_completed")
                    + o.get("web", "requests_in_flight"), 0.0);
        }
        // 160 /s in all over 2000 s: the total, not per instance
        Estimate arrived = spread.estimate("web", "requests_arrived");
        assertEquals(160 * 2000, arrived.mean(), 4 * Math.sqrt(160 * 2000));
        // without spreading, each instance has its own 160 /s and loses it while down
        assertEquals(4 * 160 * 2000, own.estimate("web", "requests_arrived").mean(), 4 * Math.sqrt(4 * 160 * 2000));
        assertEquals(160 * 300, own.estimate("web", "requests_lost").mean(), 4 * Math.sqrt(160 * 300));
    }

    /**
     * web#0 down for the whole measured interval: each of the three others is an M/M/1 (one vCPU, a pCPU of
     * its own, exponential service) at 160 / 3 /s, so its mean response time is S / (1 - 160 S / 3); with all
     * four up, S / (1 - 160 S / 4).
     */
    @Test
    void theLiveReplicasSeeTheWholeRate() throws Exception {
        double s = 0.010;
        TreatmentResult three = run(", spread: replicas", "1 s", "100 d", "100 s", 6);
        assertMatches("three replicas", s / (1 - 160 * s / 3), three.estimate("web", "response_time_mean"), 0.03);
        // 160 /s × 10 ms of CPU on 8 pCPUs, whichever replicas serve it
        assertEquals(160 * s / 8, three.estimate("web", "cpu_util").mean(), 0.01);
        TreatmentResult four = run(", spread: replicas", "3000 s", "1 s", "100 s", 6);
        assertMatches("four replicas", s / (1 - 160 * s / 4), four.estimate("web", "response_time_mean"), 0.03);
    }

    @Test
    void aTraceCannotBeSpread() {
        String text = Fixtures.nativeRun("spread", 1, 1, "0 s", "10 s") + """
                host: { cpus: 2, memory: 4 GB }
                vms:
                  - name: web
                    count: 2
                    memory: 1 GB
                    workload:
                      open: { trace: { file: missing.csv }, spread: replicas }
                """;
        List<String> p = Fixtures.problems(text);
        assertTrue(p.stream().anyMatch(m -> m.contains("spread") && m.startsWith("s.yaml:")), p.toString());
    }

    private static void assertMatches(String what, double truth, Estimate e, double relTol) {
        String detail = what + ": truth " + truth + ", estimate " + e.mean() + " [" + e.ciLow() + ", " + e.ciHigh() + "]";
        assertTrue(e.covers(truth), "95 % CI misses the truth: " + detail);
        assertTrue(Math.abs(e.mean() - truth) / truth <= relTol, "too far: " + detail);
    }
}
