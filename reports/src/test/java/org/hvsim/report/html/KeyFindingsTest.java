package org.hvsim.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.hvsim.core.result.RunSummary;
import org.hvsim.core.result.Sla;
import org.hvsim.core.result.Estimate;
import org.hvsim.core.result.ExperimentResult;
import org.hvsim.core.result.Figure;
import org.hvsim.report.Fixtures;
import org.hvsim.report.sweep.ComparisonPoint;

class KeyFindingsTest {

    private static ExperimentResult twoArchitectures(Estimate monolithic, Estimate hosted) {
        return new ExperimentResult("k", "", 1, List.of("hosted", "monolithic"),
                List.of(new Figure("hosted", "web", "response_time_mean", hosted),
                        new Figure("monolithic", "web", "response_time_mean", monolithic)),
                List.of(), null);
    }

    @Test
    void namesTheBestAndHowMuchBetterThanTheWorst() {
        ExperimentResult r = twoArchitectures(new Estimate(0.0138, 0.0130, 0.0146, 10),
                new Estimate(0.020, 0.019, 0.021, 10));
        String finding = KeyFindings.compare(r, "web", "response_time_mean").orElseThrow();
        assertEquals("web: monolithic has the lowest mean response time, 31 % lower than hosted "
                + "(13.8 ms vs 20.0 ms); significant: the 95 % confidence intervals do not overlap.", finding);
    }

    @Test
    void findingsAboutAnUnstableVmCarryACautionAndOthersDoNot() {
        ExperimentResult stable = Fixtures.standard();
        ExperimentResult r = new ExperimentResult(stable.name(), stable.description(), stable.seed(),
                stable.architectures(), stable.figures(), stable.distributions(), stable.resolvedScenario(), stable.run(),
                List.of(), List.of(new org.hvsim.core.result.Unstable("hosted", "web", Map.of(), 52.1, 40.3)));
        List<String> findings = KeyFindings.of(r);
        assertEquals(KeyFindings.of(stable).size(), findings.size());
        int cautioned = 0;
        for (String f : findings) {
            boolean web = f.startsWith("web: ");
            assertEquals(web, f.contains("Caution: web is unstable under hosted"), f);
            cautioned += web ? 1 : 0;
        }
        assertTrue(cautioned > 0, findings.toString());
    }

    @Test
    void overlappingIntervalsAreCalledNotSignificant() {
        ExperimentResult r = twoArchitectures(new Estimate(0.019, 0.015, 0.023, 10),
                new Estimate(0.020, 0.016, 0.024, 10));
        String finding = KeyFindings.compare(r, "web", "response_time_mean").orElseThrow();
        assertTrue(finding.endsWith("; not significant: the 95 % confidence intervals overlap."), finding);
        assertEquals("web: of the architectures, none gives a clearly lower mean response time — from 19.0 ms "
                + "(monolithic) to 20.0 ms (hosted); not significant: the 95 % confidence intervals overlap.",
                KeyFindings.amongHypervisors(r, "web", "response_time_mean").orElseThrow().sentence());
    }

    @Test
    void singleReplicationSaysSignificanceIsUnknown() {
        ExperimentResult r = twoArchitectures(new Estimate(0.019, Double.NaN, Double.NaN, 1),
                new Estimate(0.020, Double.NaN, Double.NaN, 1));
        assertTrue(KeyFindings.compare(r, "web", "response_time_mean").orElseThrow()
                .contains("significance unknown: too few replications"));
    }

    @Test
    void higherIsBetterForCapacityLikeMetrics() {
        ExperimentResult r = new ExperimentResult("k", "", 1, List.of("hosted", "monolithic"),
                List.of(Fixtures.fig("hosted", "host", "max_vms_per_host", 8, 0),
                        Fixtures.fig("monolithic", "host", "max_vms_per_host", 12, 0)),
                List.of(), null);
        String finding = KeyFindings.compare(r, "host", "max_vms_per_host").orElseThrow();
        assertTrue(finding.startsWith("host: monolithic has the highest VMs per host meeting every SLA, 50 % higher "
                + "than hosted"), finding);
        assertTrue(KeyFindings.of(r).contains(finding), "capacity figures are among the findings");
    }

    @Test
    void bestHypervisorAndTheCostOfEachAgainstNative() {
        ExperimentResult r = Fixtures.standard();
        assertEquals("web: of the hypervisors, monolithic gives the lowest mean response time, 40 % below hosted "
                + "(12.0 ms vs 20.0 ms); significant: the 95 % confidence intervals do not overlap.",
                KeyFindings.amongHypervisors(r, "web", "response_time_mean").orElseThrow().sentence());
        assertEquals("web: mean response time against native (10.0 ms): monolithic +20 %, microkernel +40 %, "
                + "hosted +100 %.", KeyFindings.againstNative(r, "web", "response_time_mean").orElseThrow());
        List<String> all = KeyFindings.of(r);
        assertTrue(all.contains("db: p95 response time against native (75.0 ms): monolithic +20 %, microkernel +40 %, "
                + "hosted +100 %."), all.toString());
    }

    @Test
    void aHypervisorWithinNativesIntervalIsMarkedNotSignificant() {
        ExperimentResult r = new ExperimentResult("k", "", 1, List.of("native", "microkernel", "hosted"), List.of(
                new Figure("native", "web", "response_time_p95", new Estimate(0.0357, 0.0356, 0.0358, 10)),
                new Figure("microkernel", "web", "response_time_p95", new Estimate(0.03575, 0.0356, 0.0359, 10)),
                new Figure("hosted", "web", "response_time_p95", new Estimate(0.0372, 0.0371, 0.0373, 10))),
                List.of(), null);
        assertEquals("web: p95 response time against native (35.7 ms): microkernel +0.14 % (not significant), "
                + "hosted +4.2 %.", KeyFindings.againstNative(r, "web", "response_time_p95").orElseThrow());
    }

    @Test
    void withoutNativeThereIsNoBaselineSentence() {
        ExperimentResult r = twoArchitectures(new Estimate(0.0138, 0.0130, 0.0146, 10),
                new Estimate(0.020, 0.019, 0.021, 10));
        assertTrue(KeyFindings.againstNative(r, "web", "response_time_mean").isEmpty());
        assertTrue(KeyFindings.amongHypervisors(r, "web", "response_time_mean").orElseThrow().sentence()
                .startsWith("web: of the architectures, monolithic gives the lowest"));
    }

    @Test
    void sameThroughputAtTheSameLoadIsSaidOnce() {
        String finding = KeyFindings.throughput(Fixtures.standard(), "web").orElseThrow();
        assertEquals("web: every architecture completes the same 40 requests/s at the same offered load (differences "
                + "not significant: the 95 % confidence intervals overlap), so they differ in response time and CPU "
                + "cost, not in the work done.", finding);
    }

    @Test
    void aSaturatedArchitectureCompletesFewerRequests() {
        ExperimentResult r = new ExperimentResult("k", "", 1, List.of("native", "hosted"), List.of(
                Fixtures.fig("native", "web", "throughput", 240, 0.01),
                Fixtures.fig("hosted", "web", "throughput", 200, 0.01)), List.of(), null);
        assertEquals("web: native completes the most requests at the same offered load, 20 % higher than hosted "
                + "(240 requests/s vs 200 requests/s); significant: the 95 % confidence intervals do not overlap.",
                KeyFindings.throughput(r, "web").orElseThrow());
    }

    @Test
    void oneArchitectureGivesNoComparison() {
        ExperimentResult r = new ExperimentResult("k", "", 1, List.of("native"),
                List.of(Fixtures.fig("native", "web", "response_time_mean", 0.01, 0.1)), List.of(), null);
        assertTrue(KeyFindings.of(r).isEmpty());
    }

    @Test
    void overheadListsArchitecturesFromDearest() {
        String finding = KeyFindings.overhead(Fixtures.standard(), "host").orElseThrow();
        assertEquals("host: beyond the guests' own work (50 % of the CPU under every architecture), hosted spends 25 % "
                + "of the CPU on virtualization, hypervisor, parent and management (50 % more CPU than the work "
                + "itself), microkernel 15 % (30 % more), monolithic 10 % (20 % more) and native 2 % (4 % more) "
                + "(means).", finding);
    }

    /** p95 of web (ms) per architecture at x = 1, 2, 3, 4; throughput 100·x; SLA p95 ≤ 100 ms. */
    static ExperimentResult capacitySweep(boolean withSla) {
        Map<String, double[]> p95 = new LinkedHashMap<>();
        p95.put("native", new double[] {30, 50, 70, 90});
        p95.put("hosted", new double[] {50, 80, 120, 200});
        p95.put("monolithic", new double[] {40, 60, 80, 95});
        p95.put("microkernel", new double[] {45, 70, 90, 130});
        List<Figure> figures = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Map<String, String> point = Map.of("x", Integer.toString(i + 1));
            for (Map.Entry<String, double[]> e : p95.entrySet()) {
                double ms = e.getValue()[i];
                figures.add(new Figure(e.getKey(), "web", "response_time_p95",
                        new Estimate(ms / 1000, ms / 1000 * 0.98, ms / 1000 * 1.02, 5), point));
                figures.add(new Figure(e.getKey(), "web", "throughput",
                        new Estimate(100.0 * (i + 1), 99.0 * (i + 1), 101.0 * (i + 1), 5), point));
            }
        }
        RunSummary run = Fixtures.sweeping("x").withSlas(withSla
                ? List.of(new Sla("response_time_p95", "web", 0.100)) : List.of());
        return new ExperimentResult("cap", "", 1, List.copyOf(p95.keySet()), figures, List.of(), Map.of(), run,
                List.of());
    }

    @Test
    void capacityWithinTheSlaIsInterpolatedAndCompared() {
        assertEquals("Within the SLA (p95 response time of web ≤ 100 ms): microkernel up to x ≈ 3.25 (about 325 "
                + "requests/s); hosted up to x ≈ 2.5 (about 250 requests/s); native and monolithic over the whole "
                + "sweep (to x = 4, 400 requests/s). At the same response-time objective, monolithic serves at least "
                + "60 % more requests than hosted (limits interpolated between sweep points from the means).",
                KeyFindings.slaCapacity(capacitySweep(true)).orElseThrow());
        assertTrue(KeyFindings.slaCapacity(capacitySweep(false)).isEmpty(), "no SLA, no capacity sentence");
    }

    @Test
    void aMissWithinTheConfidenceIntervalIsCalledNotCertain() {
        ExperimentResult sweep = capacitySweep(true);
        List<Figure> figures = new ArrayList<>();
        for (Figure f : sweep.figures()) {
            boolean hostedAt3 = f.architecture().equals("hosted") && f.metric().equals("response_time_p95")
                    && f.parameters().get("x").equals("3");
            // 101 ms, interval 96–106 ms: it contains the 100 ms limit
            figures.add(hostedAt3 ? new Figure("hosted", "web", "response_time_p95",
                    new Estimate(0.101, 0.096, 0.106, 5), f.parameters()) : f);
        }
        ExperimentResult close = new ExperimentResult("cap", "", 1, sweep.architectures(), figures, List.of(),
                sweep.resolvedScenario(), sweep.run(), List.of());
        String sentence = KeyFindings.slaCapacity(close).orElseThrow();
        assertTrue(sentence.contains("hosted up to x ≈ 2.95"), sentence);
        assertTrue(sentence.endsWith(" Not certain for hosted at x = 3: the 95 % confidence interval there contains "
                + "the SLA's limit; more replications would settle it."), sentence);
    }

    @Test
    void sweepFindingsAreAtTheComparisonPointAndSaySo() {
        ExperimentResult sweep = capacitySweep(true);
        assertEquals(Map.of("x", "2"), ComparisonPoint.of(sweep), "the last point every architecture meets the SLA");
        assertEquals(Map.of("x", "4"), ComparisonPoint.of(capacitySweep(false)), "without SLA, the last point");
        List<String> findings = KeyFindings.of(sweep);
        assertTrue(findings.get(0).startsWith("Within the SLA"), findings.toString());
        assertTrue(findings.contains("web at x = 2: p95 response time against native (50.0 ms): monolithic +20 %, "
                + "microkernel +40 %, hosted +60 %."), findings.toString());
        assertTrue(findings.stream().skip(1).allMatch(f -> f.startsWith("web at x = 2: ")), findings.toString());
    }
}
