package org.hvsim.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.data.Range;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.Test;

import org.hvsim.core.result.Sla;
import org.hvsim.core.result.Estimate;
import org.hvsim.core.result.ExperimentResult;
import org.hvsim.core.result.Figure;
import org.hvsim.report.Fixtures;
import org.hvsim.report.metric.MetricCatalog;

class SweepChartsTest {

    @Test
    void curvesNeedExactlyOneNumericParameter() {
        assertEquals(Optional.of("web.count"), SweepCurveChart.axisParameter(Fixtures.sweep1d()));
        assertEquals(Optional.empty(), SweepCurveChart.axisParameter(Fixtures.sweep2d()));
        assertEquals(Optional.empty(), SweepCurveChart.axisParameter(Fixtures.standard()));
        ExperimentResult editions = new ExperimentResult("e", "", 1, List.of("microkernel"), List.of(
                new Figure("microkernel", "web", "response_time_p95", new Estimate(1, 1, 1, 2), Map.of("edition", "core")),
                new Figure("microkernel", "web", "response_time_p95", new Estimate(1, 1, 1, 2), Map.of("edition", "full"))),
                List.of(), null, Fixtures.sweeping("edition"), List.of());
        assertEquals(Optional.empty(), SweepCurveChart.axisParameter(editions), "words are no axis");
    }

    @Test
    void curveDatasetIsInMillisecondsWithTheInterval() {
        ExperimentResult sweep = Fixtures.sweep1d();
        YIntervalSeriesCollection data = SweepCurveChart.dataset(sweep, "web.count", "web", "response_time_p95");
        assertEquals(4, data.getSeriesCount());
        int hosted = data.indexOf("hosted");
        assertEquals(4, data.getItemCount(hosted));
        Figure f = sweep.figures().stream().filter(x -> x.architecture().equals("hosted") && x.scope().equals("web")
                && x.metric().equals("response_time_p95") && x.parameters().get("web.count").equals("8")).findFirst()
                .orElseThrow();
        assertEquals(8.0, data.getXValue(hosted, 3));
        assertEquals(f.estimate().mean() * 1000, data.getYValue(hosted, 3), 1e-9);
        assertEquals(f.estimate().ciLow() * 1000, data.getStartYValue(hosted, 3), 1e-9);
        assertEquals(f.estimate().ciHigh() * 1000, data.getEndYValue(hosted, 3), 1e-9);
    }

    @Test
    void oneReplicationDrawsNoMadeUpInterval() {
        ExperimentResult single = new ExperimentResult("s", "", 1, List.of("hosted"), List.of(
                new Figure("hosted", "web", "throughput", new Estimate(5, Double.NaN, Double.NaN, 1), Map.of("n", "1")),
                new Figure("hosted", "web", "throughput", new Estimate(9, Double.NaN, Double.NaN, 1), Map.of("n", "2"))),
                List.of(), null, Fixtures.sweeping("n"), List.of());
        YIntervalSeriesCollection data = SweepCurveChart.dataset(single, "n", "web", "throughput");
        assertEquals(9.0, data.getStartYValue(0, 1));
        assertEquals(9.0, data.getEndYValue(0, 1));
    }

    @Test
    void parameterLabelsSayWhatIsSwept() {
        assertEquals("Number of web VMs (web.count)", SweepCurveChart.parameterLabel("web.count", ""));
        assertEquals("Request rate per web VM (/s) (web.rate)", SweepCurveChart.parameterLabel("web.rate", "/s"));
        assertEquals("host.cpus", SweepCurveChart.parameterLabel("host.cpus", ""));
        assertEquals("host.memory (GB)", SweepCurveChart.parameterLabel("host.memory", "GB"));
    }

    @Test
    void heatMapAxesSortNumbersAsNumbers() {
        ExperimentResult r = new ExperimentResult("h", "", 1, List.of("native"), List.of(
                point("10", "a"), point("9", "b"), point("100", "a")), List.of(), null, Fixtures.sweeping("n", "w"), List.of());
        assertEquals(List.of("9", "10", "100"), HeatMapChart.axisValues(r, "n"));
        assertEquals(List.of("a", "b"), HeatMapChart.axisValues(r, "w"), "words keep their sweep order");
    }

    private static Figure point(String n, String w) {
        return new Figure("native", "web", "response_time_p95", new Estimate(0.01, 0.009, 0.011, 5),
                Map.of("n", n, "w", w));
    }

    @Test
    void heatMapScaleIsSharedAndCellsCarryTheInterval() {
        ExperimentResult sweep = Fixtures.sweep2d();
        Range scale = HeatMapChart.range(sweep, "web", "response_time_p95");
        double lowest = sweep.figures().stream().filter(f -> f.scope().equals("web")
                && f.metric().equals("response_time_p95")).mapToDouble(f -> f.estimate().mean() * 1000).min().orElseThrow();
        double highest = sweep.figures().stream().filter(f -> f.scope().equals("web")
                && f.metric().equals("response_time_p95")).mapToDouble(f -> f.estimate().mean() * 1000).max().orElseThrow();
        assertEquals(lowest, scale.getLowerBound(), 1e-9);
        assertEquals(highest, scale.getUpperBound(), 1e-9);
        assertEquals("41.3 ± 0.22", HeatMapChart.cellText(MetricCatalog.describe("response_time_p95"),
                new Estimate(0.0413, 0.04108, 0.04152, 4), true));
        assertEquals("41.3", HeatMapChart.cellText(MetricCatalog.describe("response_time_p95"),
                new Estimate(0.0413, 0.04108, 0.04152, 4), false));
        assertEquals("41.3", HeatMapChart.cellText(MetricCatalog.describe("response_time_p95"),
                new Estimate(0.0413, Double.NaN, Double.NaN, 1), true));
    }

    @Test
    void heatMapFramesCellsThatMissTheSla() {
        ExperimentResult base = Fixtures.sweep2d();
        // p95 of web under hosted is 60 ms × load; 100 ms sits between the grid's values
        ExperimentResult withSla = new ExperimentResult(base.name(), "", 1, base.architectures(), base.figures(),
                List.of(), Map.of(), base.run().withSlas(List.of(new Sla("response_time_p95", "web", 0.100))),
                List.of());
        long missing = withSla.figures().stream().filter(f -> f.architecture().equals("hosted")
                && f.scope().equals("web") && f.metric().equals("response_time_p95") && f.estimate().mean() > 0.1).count();
        assertTrue(missing > 0 && missing < 6, "some cells miss, some meet: " + missing);
        JFreeChart chart = HeatMapChart.create(withSla, "hosted", "web", "response_time_p95",
                HeatMapChart.range(withSla, "web", "response_time_p95"), ArchitecturePalette.of(base.architectures()));
        long frames = chart.getXYPlot().getAnnotations().stream().filter(a -> a instanceof XYShapeAnnotation).count();
        assertEquals(missing, frames);
    }

    @Test
    void gradientRunsFromLightToDark() {
        HeatMapChart.GradientScale scale = new HeatMapChart.GradientScale(0, 10);
        Color low = (Color) scale.getPaint(0);
        Color high = (Color) scale.getPaint(10);
        assertTrue(brightness(low) > brightness(high) + 100);
        assertEquals(low, scale.getPaint(-5), "clamped below");
        assertEquals(high, scale.getPaint(50), "clamped above");
        assertEquals(Color.BLACK, ChartStyle.textColourOn(low));
        assertEquals(Color.WHITE, ChartStyle.textColourOn(high));
    }

    private static int brightness(Color c) {
        return c.getRed() + c.getGreen() + c.getBlue();
    }
}
