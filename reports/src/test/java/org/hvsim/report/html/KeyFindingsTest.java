package org.hvsim.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.hvsim.core.result.Estimate;
import org.hvsim.core.result.ExperimentResult;
import org.hvsim.core.result.Figure;
import org.hvsim.report.Fixtures;

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
                + "(13.8 ms vs 20 ms). The 95 % confidence intervals do not overlap.", finding);
    }

    @Test
    void overlappingIntervalsAreCalledNotSignificant() {
        ExperimentResult r = twoArchitectures(new Estimate(0.019, 0.015, 0.023, 10),
                new Estimate(0.020, 0.016, 0.024, 10));
        String finding = KeyFindings.compare(r, "web", "response_time_mean").orElseThrow();
        assertTrue(finding.endsWith("overlap, so the difference is not significant."), finding);
    }

    @Test
    void singleReplicationSaysSignificanceIsUnknown() {
        ExperimentResult r = twoArchitectures(new Estimate(0.019, Double.NaN, Double.NaN, 1),
                new Estimate(0.020, Double.NaN, Double.NaN, 1));
        assertTrue(KeyFindings.compare(r, "web", "response_time_mean").orElseThrow().contains("unknown"));
    }

    @Test
    void higherIsBetterForThroughputLikeMetrics() {
        ExperimentResult r = new ExperimentResult("k", "", 1, List.of("hosted", "monolithic"),
                List.of(Fixtures.fig("hosted", "host", "max_vms_per_host", 8, 0), 
                        Fixtures.fig("monolithic", "host", "max_vms_per_host", 12, 0)),
                List.of(), null);
        String finding = KeyFindings.compare(r, "host", "max_vms_per_host").orElseThrow();
        assertTrue(finding.startsWith("host: monolithic has the highest VMs per host meeting every SLA, 50 % higher than hosted"),
                finding);
    }

    @Test
    void whenNativeWinsTheBestVirtualizedArchitectureIsNamedToo() {
        List<String> findings = KeyFindings.of(Fixtures.standard());
        assertTrue(findings.contains("web: native has the lowest mean response time, 50 % lower than hosted "
                + "(10 ms vs 20 ms). The 95 % confidence intervals do not overlap."), findings.toString());
        assertTrue(findings.contains("web: among the virtualized architectures, monolithic has the lowest mean "
                + "response time, 40 % lower than hosted (12 ms vs 20 ms). The 95 % confidence intervals do not "
                + "overlap."), findings.toString());
    }

    @Test
    void oneArchitectureGivesNoComparison() {
        ExperimentResult r = new ExperimentResult("k", "", 1, List.of("native"),
                List.of(Fixtures.fig("native", "web", "response_time_mean", 0.01, 0.1)), List.of(), null);
        assertTrue(KeyFindings.of(r).isEmpty());
    }

    @Test
    void overheadListsArchitecturesFromLeanest() {
        String finding = KeyFindings.overhead(Fixtures.standard(), "host").orElseThrow();
        // native 2 %, monolithic 10 %, microkernel 15 %, hosted 25 %
        assertTrue(finding.endsWith("native 2 %, monolithic 10 %, microkernel 15 %, hosted 25 %."), finding);
    }
}
