package org.hvsim.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.Layer;
import org.jfree.data.Range;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.hvsim.core.result.ExperimentResult;
import org.hvsim.report.RealRun;
import org.hvsim.report.metric.DerivedFigures;

/**
 * Every chart type rendered from real runs of the example scenario (see {@link RealRun}): the PNG
 * has the asked size and is not blank, the SVG is well-formed, and each chart holds the series it
 * should — one per architecture — with the references (whiskers, warm-up, SLA) in place.
 */
class RealRunChartsTest {

    private static ExperimentResult run;
    private static ExperimentResult countSweep;
    private static ExperimentResult gridSweep;
    private static ArchitecturePalette palette;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        run = RealRun.consolidation();
        countSweep = RealRun.webCountSweep();
        gridSweep = RealRun.countRateSweep();
        palette = ArchitecturePalette.of(run.architectures());
    }

    private static void eachArchitectureDrawn(BufferedImage image, int minimumPixels) {
        for (String architecture : run.architectures()) {
            assertTrue(ChartTestSupport.pixelsOf(image, palette.colorOf(architecture)) >= minimumPixels,
                    architecture + " drawn in its colour");
        }
    }

    @Test
    void comparisonBars() throws Exception {
        JFreeChart chart = ComparisonChart.create(run, "response_time_p95", List.of("web"), palette);
        CategoryPlot plot = chart.getCategoryPlot();
        assertEquals(4, plot.getDataset().getRowCount(), "a bar per architecture");
        ConfidenceIntervalDataset data = (ConfidenceIntervalDataset) plot.getDataset();
        for (int r = 0; r < data.getRowCount(); r++) {
            assertTrue(data.getLow(r, 0) < data.getValue(r, 0).doubleValue(), "a whisker below the mean");
            assertTrue(data.getHigh(r, 0) > data.getValue(r, 0).doubleValue(), "a whisker above the mean");
        }
        eachArchitectureDrawn(ChartTestSupport.renderPng(chart, dir, "compare"), 2000);
        ChartTestSupport.parseSvg(chart);
    }

    @Test
    void cpuOverheadAndBreakdown() throws Exception {
        JFreeChart overhead = CpuOverheadChart.create(run, "host", palette);
        assertEquals(4, overhead.getCategoryPlot().getDataset().getRowCount());
        assertEquals(List.of("cpu_util_virtualization"), CpuOverheadChart.componentsShown(run, "host"),
                "only components some architecture spends CPU on");
        BufferedImage overheadImage = ChartTestSupport.renderPng(overhead, dir, "overhead");
        // native's overhead is zero: no bar; the three hypervisors have one each
        for (String architecture : List.of("hosted", "monolithic", "microkernel")) {
            assertTrue(ChartTestSupport.pixelsOf(overheadImage, palette.colorOf(architecture)) > 300, architecture);
        }
        ChartTestSupport.parseSvg(overhead);

        JFreeChart breakdown = CpuBreakdownChart.create(run, "host");
        CategoryPlot plot = breakdown.getCategoryPlot();
        assertEquals(6, plot.getDataset(0).getRowCount(), "a segment per component");
        assertEquals(4, plot.getDataset(0).getColumnCount(), "a stack per architecture");
        ConfidenceIntervalDataset busy = (ConfidenceIntervalDataset) plot.getDataset(1);
        assertEquals(4, busy.getColumnCount(), "a busy-total whisker per architecture");
        double hostedIdle = run.find("hosted", "host", "cpu_util_idle").orElseThrow().estimate().mean();
        assertEquals(100 * (1 - hostedIdle), busy.getValue("busy", "hosted").doubleValue(), 1e-9);
        ChartTestSupport.renderPng(breakdown, dir, "breakdown");
        ChartTestSupport.parseSvg(breakdown);
    }

    @Test
    void latencyDistribution() throws Exception {
        JFreeChart chart = CdfChart.create(run, "web", palette);
        XYDataset data = chart.getXYPlot().getDataset();
        assertEquals(4, data.getSeriesCount(), "a CDF per architecture");
        for (int s = 0; s < data.getSeriesCount(); s++) {
            int last = data.getItemCount(s) - 1;
            assertTrue(last > 20, "the HdrHistogram sampled into many points");
            assertEquals(1.0, data.getYValue(s, last), 1e-9, "a CDF ends at 1");
            for (int i = 1; i <= last; i++) {
                assertTrue(data.getYValue(s, i) >= data.getYValue(s, i - 1), "non-decreasing");
            }
        }
        double cut = chart.getXYPlot().getDomainAxis().getUpperBound();
        double p95 = run.find("hosted", "web", "response_time_p95").orElseThrow().estimate().mean() * 1000;
        assertTrue(cut > p95, "the axis shows the p95 (" + p95 + " ms) and beyond: " + cut);
        ChartTestSupport.renderPng(chart, dir, "cdf");
        ChartTestSupport.parseSvg(chart);
    }

    @Test
    void hostCpuOverTimeWithWarmupMarked() throws Exception {
        JFreeChart chart = TimeSeriesChart.hostCpu(run, palette, Optional.of(30.0));
        XYPlot plot = chart.getXYPlot();
        assertEquals(4, plot.getDataset().getSeriesCount(), "a line per architecture");
        assertEquals(100, plot.getDataset().getItemCount(0), "the runner's 100 intervals");
        assertEquals("Simulated time (s)", plot.getDomainAxis().getLabel());
        assertTrue(hasDomainMarkerAt(plot, 30.0), "a line at the end of the warm-up");
        BufferedImage image = ChartTestSupport.renderPng(chart, dir, "time-cpu");
        // hosted's line runs above the others, so it is never hidden
        assertTrue(ChartTestSupport.pixelsOf(image, palette.colorOf("hosted")) > 500);
        ChartTestSupport.parseSvg(chart);
    }

    @Test
    void deviceUtilizationAndQueueOverTime() throws Exception {
        assertEquals(List.of("d0", "n0"), TimeSeriesChart.devices(run));
        for (String device : TimeSeriesChart.devices(run)) {
            JFreeChart chart = TimeSeriesChart.device(run, device, palette, Optional.of(30.0));
            CombinedDomainXYPlot combined = (CombinedDomainXYPlot) chart.getPlot();
            List<XYPlot> panels = combined.getSubplots();
            assertEquals(2, panels.size(), "utilization above, queue below");
            for (XYPlot panel : panels) {
                assertEquals(4, panel.getDataset().getSeriesCount(), "a line per architecture");
                assertTrue(hasDomainMarkerAt(panel, 30.0));
            }
            assertEquals(4, combined.getLegendItems().getItemCount(), "the legend lists each architecture once");
            ChartTestSupport.renderPng(chart, dir, "device-" + device, ChartTestSupport.WIDTH,
                    ChartTestSupport.HEIGHT * 6 / 5);
            ChartTestSupport.parseSvg(chart);
        }
        assertEquals("Disk d0", TimeSeriesChart.deviceLabel(run, "d0"));
        assertEquals("NIC n0", TimeSeriesChart.deviceLabel(run, "n0"));
    }

    @Test
    void responseTimeAgainstTheSweptCountWithSla() throws Exception {
        assertEquals(Optional.of("web.count"), SweepCurveChart.axisParameter(countSweep));
        JFreeChart chart = SweepCurveChart.create(countSweep, "web", "response_time_p95", palette);
        XYPlot plot = chart.getXYPlot();
        assertEquals(4, plot.getDataset().getSeriesCount(), "a line per architecture");
        assertEquals(5, plot.getDataset().getItemCount(0), "a point per sweep value");
        assertEquals(20.0, plot.getDataset().getXValue(0, 4), 1e-12);
        Object sla = plot.getRangeMarkers(Layer.FOREGROUND).iterator().next();
        assertEquals(60.0, ((ValueMarker) sla).getValue(), 1e-9, "SLA line at 60 ms");
        assertTrue(plot.getRangeAxis().getUpperBound() > 60.0, "SLA line in view");
        eachArchitectureDrawn(ChartTestSupport.renderPng(chart, dir, "curve"), 150);
        ChartTestSupport.parseSvg(chart);

        JFreeChart mean = SweepCurveChart.create(countSweep, "web", "response_time_mean", palette);
        assertTrue(mean.getXYPlot().getRangeMarkers(Layer.FOREGROUND) == null
                || mean.getXYPlot().getRangeMarkers(Layer.FOREGROUND).isEmpty(), "the SLA is on p95, not on the mean");
    }

    @Test
    void heatMapsOfTheTwoParameterSweep() throws Exception {
        assertTrue(HeatMapChart.applies(gridSweep));
        assertFalse(HeatMapChart.applies(countSweep));
        for (String metric : List.of("response_time_p95", DerivedFigures.CPU_UTIL_BUSY)) {
            String scope = metric.startsWith("response") ? "web" : "host";
            Range scale = HeatMapChart.range(gridSweep, scope, metric);
            for (String architecture : gridSweep.architectures()) {
                JFreeChart chart = HeatMapChart.create(gridSweep, architecture, scope, metric, scale, palette);
                XYPlot plot = chart.getXYPlot();
                assertEquals(9, plot.getDataset().getItemCount(0), "a cell per point of the 3 × 3 grid");
                assertEquals(9, plot.getAnnotations().size(), "each cell annotated with its value");
                assertTrue(chart.getSubtitles().stream().anyMatch(t -> t instanceof PaintScaleLegend),
                        "a colour scale legend");
                ChartTestSupport.renderPng(chart, dir, "heat-" + architecture, ChartTestSupport.WIDTH,
                        ChartTestSupport.HEIGHT);
                ChartTestSupport.parseSvg(chart);
            }
        }
    }

    private static boolean hasDomainMarkerAt(XYPlot plot, double x) {
        // JFreeChart returns a raw collection
        // (markers sit behind the data, so that their labels do not hide it)
        java.util.Collection<?> markers = plot.getDomainMarkers(Layer.BACKGROUND);
        return markers != null && markers.stream()
                .anyMatch(m -> m instanceof ValueMarker v && Math.abs(v.getValue() - x) < 1e-9);
    }
}
