package org.hvsim.scenario.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.hvsim.core.engine.ReplicationOutput;
import org.hvsim.core.experiment.TreatmentResult;
import org.hvsim.core.experiment.Progress;
import org.hvsim.model.system.VmSpec;
import org.hvsim.scenario.Scenario;
import org.hvsim.scenario.ScenarioLoader;
import org.hvsim.scenario.ScenarioRunner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 11's ledger over every shipped example, every point of its sweep and every architecture: a
 * request that arrived after the warm-up has completed, been lost or is still in flight, and nothing
 * else (arrived = completed + lost + in flight − in flight at the warm-up), per VM and replication.
 * With and without faults, on one host and in a cluster.
 */
class ExamplesAccountingTest {

    static Stream<Path> examples() throws IOException {
        Path dir = Files.isDirectory(Path.of("examples")) ? Path.of("examples") : Path.of("scenarios", "examples");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(files.size() >= 10, "the examples: " + files);
        return files.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyRequestIsAccountedFor(Path example) throws Exception {
        int checked = 0;
        for (Scenario point : ScenarioLoader.loadAll(example).points()) {
            // one replication at the example's own times: its scripted faults stay inside the run
            Scenario s = point.withReplications(1);
            for (TreatmentResult t : ScenarioRunner.runTreatments(s, 2, Progress.NONE)) {
                for (ReplicationOutput o : t.replications()) {
                    for (VmSpec vm : s.vms()) {
                        String scope = vm.name();
                        double arrived = o.get(scope, "requests_arrived");
                        Double atWarmup = o.diagnostics().get(new ReplicationOutput.Key(scope, "in_flight_at_warmup"));
                        assertTrue(atWarmup != null, "every run records what was in flight at the warm-up");
                        double accounted = o.get(scope, "requests_completed")
                                + (o.has(scope, "requests_lost") ? o.get(scope, "requests_lost") : 0)
                                + o.get(scope, "requests_in_flight") - atWarmup;
                        assertEquals(arrived, accounted, 0.0,
                                example.getFileName() + " " + t.name() + " " + scope);
                        checked++;
                    }
                }
            }
        }
        assertTrue(checked > 0, "no VM checked in " + example);
    }
}
