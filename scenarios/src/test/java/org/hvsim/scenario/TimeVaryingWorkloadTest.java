package org.hvsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.hvsim.core.engine.ReplicationOutput;
import org.hvsim.core.experiment.Progress;
import org.hvsim.core.experiment.TreatmentResult;
import org.hvsim.core.result.Metric;
import org.hvsim.model.workload.Arrivals;
import org.junit.jupiter.api.Test;

/** `open: { profile }` and `open: { mmpp }` from file to figures. */
class TimeVaryingWorkloadTest {

    private static String scenario(String open) {
        return """
                name: varying
                seed: 21
                replications: 2
                warmup: 10 s
                duration: 130 s
                architectures: [native]
                host: { cpus: 4, memory: 16 GB }
                vms:
                  - name: web
                    vcpus: 2
                    memory: 1 GB
                    workload:
                      open: %s
                      classes: [ { name: page, phases: [ { cpu: { exponential: { mean: 2 ms } } } ] } ]
                """.formatted(open);
    }

    @Test
    void aDailyShapedProfileDeliversItsIntegratedArrivals() throws Exception {
        // 20 /s for 10 s, 100 /s for 20 s, repeated every 30 s: 2,200 arrivals a period, 73.3 /s on average
        Scenario s = ScenarioLoader.load("p.yaml", scenario("{ profile: { repeat: 30 s, points: "
                + "[ { at: 0 s, rate: 20 /s }, { at: 10 s, rate: 100 /s } ] } }"));
        assertInstanceOf(Arrivals.Varying.class, s.vms().get(0).workload().arrivals());
        assertEquals(2200 / 30.0, ((org.hvsim.core.result.RunSummary.OpenWorkload) s.summary().vms().get(0).workload()).rate(),
                1e-9);
        List<TreatmentResult> r = ScenarioRunner.runTreatments(s, 1, Progress.NONE);
        // after the 10 s warm-up, 120 s = 4 whole periods (shifted by 10 s, still whole): 8,800 per replication
        for (ReplicationOutput out : r.get(0).replications()) {
            double arrived = out.get("web", Metric.REQUESTS_ARRIVED.name());
            assertEquals(8800, arrived, 4 * Math.sqrt(8800), "arrivals after the warm-up");
        }
    }

    @Test
    void aProfileCanComeFromACsvFileOfTimesAndRates(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws Exception {
        java.nio.file.Files.writeString(tmp.resolve("rates.csv"), "time,rate\n0 s,20 /s\n10 s,100 /s\n");
        java.nio.file.Path file = Fixtures.write(tmp, "c.yaml", scenario("{ profile: { repeat: 30 s, file: rates.csv } }"));
        Scenario s = ScenarioLoader.load(file);
        org.hvsim.model.workload.RateProfile p = ((Arrivals.Varying) s.vms().get(0).workload().arrivals()).profile();
        assertEquals(2200, p.integral(0, 30), 1e-9, "the same profile as written inline");
        java.nio.file.Files.writeString(tmp.resolve("rates.csv"), "time,rate\n0 s,20 /s\n10 s,fast\n");
        List<String> bad = new java.util.ArrayList<>();
        try {
            ScenarioLoader.load(file);
        } catch (org.hvsim.scenario.load.ScenarioException e) {
            bad.addAll(e.problems().stream().map(Object::toString).toList());
        }
        assertTrue(bad.stream().anyMatch(m -> m.contains("rates.csv:3:") && m.contains("rate")), bad.toString());
        java.nio.file.Files.writeString(tmp.resolve("rates.csv"), "when,rate\n0 s,20 /s\n");
        bad.clear();
        try {
            ScenarioLoader.load(file);
        } catch (org.hvsim.scenario.load.ScenarioException e) {
            bad.addAll(e.problems().stream().map(Object::toString).toList());
        }
        assertTrue(bad.stream().anyMatch(m -> m.contains("no column named 'time'")), bad.toString());
    }

    @Test
    void burstsRunAndArriveAtTheirMeanRate() throws Exception {
        Scenario s = ScenarioLoader.load("m.yaml", scenario(
                "{ mmpp: { low_rate: 20 /s, low_stay: 5 s, high_rate: 200 /s, high_stay: 1 s } }"));
        Arrivals.Mmpp m = (Arrivals.Mmpp) s.vms().get(0).workload().arrivals();
        assertEquals(50, m.meanRate(), 1e-9);
        ReplicationOutput out = ScenarioRunner.runTreatments(s, 1, Progress.NONE).get(0).replications().get(0);
        double rate = out.get("web", Metric.ARRIVAL_RATE.name());
        // the modulated count over 120 s has dispersion m.dispersion(): about ± 3 sd of the mean
        double sd = Math.sqrt(m.dispersion() * 50 * 120) / 120;
        assertEquals(50, rate, 3 * sd, "arrival rate " + rate);
    }

    @Test
    void badProfilesAreLocated() {
        List<String> p = Fixtures.problems(scenario("{ profile: { repeat: 5 s, points: "
                + "[ { at: 1 s, rate: 20 /s }, { at: 10 s, rate: 10 /s } ] } }").replace("p.yaml", "s.yaml"));
        String all = String.join("\n", p);
        assertTrue(all.contains("points must start at 0 s"), all);
        List<String> q = Fixtures.problems(scenario("{ mmpp: { low_rate: 0 /s, low_stay: 5 s, high_rate: 0 /s, "
                + "high_stay: 1 s } }"));
        assertTrue(String.join("\n", q).contains("both rates are 0"), q.toString());
        List<String> r = Fixtures.problems(scenario("{ profile: { repeat: 5 s, points: "
                + "[ { at: 0 s, rate: 20 /s }, { at: 10 s, rate: 10 /s } ] } }"));
        assertTrue(String.join("\n", r).contains("must cover the last point"), r.toString());
        List<String> u = Fixtures.problems(scenario("{ mmpp: { low_rate: 1 /s, low_stay: 5 s, high_rat: 2 /s, "
                + "high_stay: 1 s } }"));
        assertTrue(String.join("\n", u).contains("high_rate"), "the nearest key: " + u);
    }
}
