package org.hvsim.scenario.oracle;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.hvsim.core.experiment.Progress;
import org.hvsim.core.experiment.TreatmentResult;
import org.hvsim.core.result.Estimate;
import org.hvsim.scenario.Scenario;
import org.hvsim.scenario.ScenarioLoader;
import org.hvsim.scenario.ScenarioRunner;
import org.hvsim.scenario.load.ScenarioException;

/** Runs an oracle scenario written as users write them (YAML) and checks a figure against the truth. */
final class OracleRun {
    private OracleRun() {
    }

    static TreatmentResult run(String yaml) {
        try {
            Scenario s = ScenarioLoader.load("oracle.yaml", yaml);
            List<TreatmentResult> r = ScenarioRunner.runTreatments(s, Runtime.getRuntime().availableProcessors(),
                    Progress.NONE);
            return r.get(0);
        } catch (ScenarioException e) {
            throw new AssertionError("oracle scenario does not load:\n" + e.getMessage(), e);
        }
    }

    /** The truth lies inside the 95 % interval and the point estimate is within {@code relTol} of it. */
    static void assertMatches(String what, double truth, Estimate e, double relTol) {
        double rel = Math.abs(e.mean() - truth) / truth;
        String detail = String.format(java.util.Locale.ROOT,
                "%s: truth %.6g, estimate %.6g [%.6g, %.6g] (n=%d), relative error %.2f %%", what, truth, e.mean(),
                e.ciLow(), e.ciHigh(), e.replications(), 100 * rel);
        assertTrue(e.covers(truth), "95 % CI misses the truth — " + detail);
        assertTrue(rel <= relTol, "estimate too far from the truth — " + detail);
    }

    /** A native single-host, single-VM scenario with one CPU phase (plus optional extra phases). */
    static String openVm(int pcpus, int vcpus, String guestScheduler, double ratePerSecond, String cpuDistribution,
            String extraHost, String extraPhases, int replications, String duration, String warmup) {
        return """
                name: oracle
                seed: 20261125
                replications: %d
                warmup: %s
                duration: %s
                architectures: [native]
                host:
                  cpus: %d
                  memory: 64 GB
                %s
                vms:
                  - name: q
                    vcpus: %d
                    memory: 1 GB
                    guest_scheduler: %s
                    workload:
                      open: { poisson: { rate: %s /s } }
                      classes:
                        - name: job
                          phases:
                            - cpu: %s
                %s
                """.formatted(replications, warmup, duration, pcpus, extraHost, vcpus, guestScheduler,
                ratePerSecond, cpuDistribution, extraPhases);
    }
}
