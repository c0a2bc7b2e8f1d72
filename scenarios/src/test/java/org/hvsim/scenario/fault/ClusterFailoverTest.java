package org.hvsim.scenario.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.hvsim.core.experiment.Progress;
import org.hvsim.core.experiment.TreatmentResult;
import org.hvsim.scenario.Fixtures;
import org.hvsim.scenario.ScenarioLoader;
import org.hvsim.scenario.ScenarioRunner;
import org.junit.jupiter.api.Test;

/** A cluster's failover through scenario files: detection + boot on a survivor with room, repair + boot without. */
class ClusterFailoverTest {

    /** Two hosts of {@code memory}; 4 VMs of 4 GB placed first-fit; host 0 fails at 100 s for 1000 s. */
    private static TreatmentResult run(String memory, String restarts) throws Exception {
        String text = """
                name: cluster
                seed: 3
                replications: 2
                warmup: 0 s
                duration: 2000 s
                architectures: [monolithic]
                host: { cpus: 8, memory: %s }
                cluster: { hosts: 2, detection: 15 s, concurrent_restarts: %s }
                vms:
                  - name: web
                    count: 4
                    memory: 4 GB
                %s
                faults:
                  - { component: host, host: 0, at: 100 s, repair: 1000 s }
                fault_settings: { boot: 60 s }
                """.formatted(memory, restarts, Fixtures.workload().indent(4));
        List<TreatmentResult> r = ScenarioRunner.runTreatments(ScenarioLoader.load("s.yaml", text), 1, Progress.NONE);
        return r.get(0);
    }

    @Test
    void theVmsRestartOnTheSurvivorAfterDetectionAndBoot() throws Exception {
        // 20 GB: first-fit puts all four on host 0; host 1 takes them all after 15 s + 60 s
        TreatmentResult r = run("20 GB", "32");
        assertEquals(75, r.estimate("web", "downtime").mean(), 1e-9);
        assertEquals(1, r.estimate("web", "failovers").mean(), 0.0);
        assertEquals(0, r.estimate("cluster", "vms_left_down").mean(), 0.0);
        // one restart at a time: the VMs boot one after another, 75, 135, 195, 255 s
        assertEquals((75 + 135 + 195 + 255) / 4.0, run("20 GB", "1").estimate("web", "downtime").mean(), 1e-9);
    }

    @Test
    void withoutRoomOnTheSurvivorTheyWaitForTheirHost() throws Exception {
        // 12 GB: two VMs per host, the survivor has no room: host 0's two stay down for repair + boot
        TreatmentResult r = run("12 GB", "32");
        assertEquals(2 * (1000 + 60) / 4.0, r.estimate("web", "downtime").mean(), 1e-9);
        assertEquals(0, r.estimate("web", "failovers").mean(), 0.0);
        assertEquals(2, r.estimate("cluster", "vms_left_down").mean(), 0.0);
        assertTrue(r.estimate("cluster", "headroom_after_worst_failure").mean() < 1);
    }

    @Test
    void clusterMistakesAreLocated() {
        String text = """
                name: cluster
                duration: 10 s
                host: { cpus: 8, memory: 12 GB }
                cluster: { hosts: 2 }
                vms:
                  - name: web
                    memory: 4 GB
                %s
                faults:
                  - { component: host, host: 2, at: 1 s, repair: 1 s }
                """.formatted(Fixtures.workload().indent(4));
        List<String> p = Fixtures.problems(text);
        assertTrue(p.stream().anyMatch(m -> m.startsWith("s.yaml:" + (text.split("\n").length) + ":")
                && m.contains("no host 2") && m.contains("0 – 1")), p.toString());
    }
}
