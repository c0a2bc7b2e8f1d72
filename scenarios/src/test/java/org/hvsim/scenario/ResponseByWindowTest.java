package org.hvsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.hvsim.core.engine.ReplicationOutput;
import org.hvsim.core.experiment.Progress;
import org.hvsim.core.experiment.TreatmentResult;
import org.hvsim.core.result.Estimate;
import org.hvsim.core.result.Metric;
import org.hvsim.core.result.Sla;
import org.hvsim.model.workload.Arrivals;
import org.hvsim.model.workload.RateProfile;
import org.hvsim.report.capacity.CapacityResults;
import org.hvsim.scenario.capacity.CapacityStudy;
import org.junit.jupiter.api.Test;

/** Response time by window of a rate profile, and an SLA stated on the peak window. */
class ResponseByWindowTest {

    /** Six windows of 10 s, repeated every minute: 30 /s except 80 /s from 20 s to 30 s (ρ 0.3 and 0.8). */
    private static String scenario(String sla) {
        return Fixtures.nativeRun("windows", 5, 4, "60 s", "660 s") + sla + "\nhost: { cpus: 2, memory: 16 GB }\n"
                + Fixtures.oneFcfsVm() + """
                      open: { profile: { repeat: 60 s, points: [ { at: 0 s, rate: 30 /s }, { at: 10 s, rate: 30 /s },
                              { at: 20 s, rate: 80 /s }, { at: 30 s, rate: 30 /s }, { at: 40 s, rate: 30 /s },
                              { at: 50 s, rate: 30 /s } ] } }
                      classes: [ { name: page, phases: [ { cpu: { exponential: { mean: 10 ms } } } ] } ]
                """;
    }

    private static final String PEAK = "web@00:00:20-00:00:30";

    @Test
    void eachWindowReportsItsResponseTimesAndItsIntegratedArrivals() throws Exception {
        Scenario s = ScenarioLoader.load("w.yaml", scenario(""));
        RateProfile profile = ((Arrivals.Varying) s.vms().get(0).workload().arrivals()).profile();
        assertEquals(PEAK, profile.peakWindow().scope("web"));
        TreatmentResult r = ScenarioRunner.runTreatments(s, 1, Progress.NONE).get(0);
        Map<ReplicationOutput.Key, Estimate> e = r.estimates();
        Estimate peak = e.get(new ReplicationOutput.Key(PEAK, Metric.RESPONSE_TIME_P95.name()));
        double folds = 600 / 60.0; // the measured 600 s hold 10 periods, each window 10 times
        for (RateProfile.Window w : profile.windows()) {
            String scope = w.scope("web");
            double expected = profile.integral(w.from(), w.to()) * folds;
            for (ReplicationOutput out : r.replications()) {
                double n = out.get(scope, Metric.REQUESTS_ARRIVED.name());
                assertEquals(expected, n, 4 * Math.sqrt(expected), scope + ": arrivals against the integrated rate");
            }
            if (!scope.equals(PEAK)) {
                Estimate other = e.get(new ReplicationOutput.Key(scope, Metric.RESPONSE_TIME_P95.name()));
                assertTrue(peak.ciLow() > other.ciHigh(), "the peak window's p95 " + peak + " above " + scope + "'s " + other);
                Estimate mean = e.get(new ReplicationOutput.Key(scope, Metric.RESPONSE_TIME_MEAN.name()));
                assertTrue(mean.ciLow() > 0 && mean.mean() < other.mean(), scope + ": mean below p95");
            }
        }
        double arrivals = profile.windows().stream()
                .mapToDouble(w -> r.replications().get(0).get(w.scope("web"), Metric.REQUESTS_ARRIVED.name())).sum();
        assertEquals(r.replications().get(0).get("web", Metric.REQUESTS_ARRIVED.name()), arrivals, 0,
                "the windows share out the VM's arrivals");
    }

    @Test
    void aPeakHourSlaIsDecidedOnThePeakWindowsFigure() throws Exception {
        Scenario probe = ScenarioLoader.load("w.yaml", scenario(""));
        Map<ReplicationOutput.Key, Estimate> e = ScenarioRunner.runTreatments(probe, 1, Progress.NONE).get(0).estimates();
        Estimate whole = e.get(new ReplicationOutput.Key("web", Metric.RESPONSE_TIME_P95.name()));
        Estimate peak = e.get(new ReplicationOutput.Key(PEAK, Metric.RESPONSE_TIME_P95.name()));
        assertTrue(whole.ciHigh() < peak.ciLow(), "the whole run's p95 " + whole + " below the peak's " + peak);
        // an objective between the two: met over the whole run, missed in the peak window
        double max = Math.round((whole.ciHigh() + peak.ciLow()) / 2 * 1e4) / 1e4;
        String objective = "sla: { metric: response_time_p95, scope: web, max: " + max * 1000 + " ms%s }";
        String capacity = "\ncapacity: { template: web, from: 1, to: 1 }";
        Scenario onPeak = ScenarioLoader.load("p.yaml", scenario(objective.formatted(", window: peak_hour") + capacity));
        assertEquals(List.of(new Sla("response_time_p95", PEAK, max)), onPeak.slas());
        Scenario onWhole = ScenarioLoader.load("p.yaml", scenario(objective.formatted("") + capacity));
        CapacityResults.Entry peakAnswer = CapacityStudy.run(onPeak, 1, m -> { }).entries().get(0);
        CapacityResults.Entry wholeAnswer = CapacityStudy.run(onWhole, 1, m -> { }).entries().get(0);
        assertEquals(1, wholeAnswer.maxVms(), "one VM meets the objective over the whole run: " + wholeAnswer.note());
        assertEquals(0, peakAnswer.maxVms(), "and misses it in the peak hour: " + peakAnswer.note());
        // the report draws p95 by window with the SLA on the peak window
        var charts = org.hvsim.report.html.ReportCharts.of(ScenarioRunner.run(onPeak, 1, Progress.NONE));
        var p95 = charts.stream().filter(c -> c.fileStem().equals("window-response_time_p95-1-web")).findFirst().orElseThrow();
        assertTrue(p95.chart().getTitle().getText().contains("SLA on 00:00:20-00:00:30"), p95.chart().getTitle().getText());
        assertEquals(1, p95.chart().getXYPlot().getDataset().getSeriesCount(), "one line (native)");
        assertEquals(6, p95.chart().getXYPlot().getDataset().getItemCount(0), "a point per window");
        // an explicit instant names the window that holds it
        Scenario at = ScenarioLoader.load("p.yaml", scenario(objective.formatted(", window: 25 s")));
        assertEquals(PEAK, at.slas().get(0).scope());
    }

    @Test
    void aWindowNeedsAProfileAndAWindowFigure() {
        String p95 = String.join("\n", Fixtures.problems(scenario(
                "sla: { metric: response_time_p99, scope: web, max: 1 s, window: peak_hour }")));
        assertTrue(p95.contains("s.yaml:7:") && p95.contains("response_time_p95"), p95);
        String bad = String.join("\n", Fixtures.problems(scenario(
                "sla: { metric: response_time_p95, scope: web, max: 1 s, window: noon }")));
        assertTrue(bad.contains("expected peak_hour or an instant"), bad);
        String flat = String.join("\n", Fixtures.problems(scenario(
                "sla: { metric: response_time_p95, scope: web, max: 1 s, window: peak_hour }")
                .replaceAll("(?s)open: \\{ profile.*?\\] \\} \\}", "open: { poisson: { rate: 10 /s } }")));
        assertTrue(flat.contains("follows a profile"), flat);
    }
}
