package org.hvsim.report.chart;

import static org.hvsim.report.chart.ChartTestSupport.HEIGHT;
import static org.hvsim.report.chart.ChartTestSupport.WIDTH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.hvsim.core.result.Estimate;
import org.hvsim.core.result.ExperimentResult;
import org.hvsim.core.result.Figure;
import org.hvsim.report.Fixtures;

class ComparisonChartTest {

    @TempDir
    Path dir;

    @Test
    void rendersOneColouredSeriesPerArchitecture() throws Exception {
        ExperimentResult result = Fixtures.standard();
        ArchitecturePalette palette = ArchitecturePalette.of(result.architectures());
        JFreeChart chart = ComparisonChart.create(result, "response_time_mean", List.of("web", "db"), palette);

        CategoryPlot plot = chart.getCategoryPlot();
        assertEquals(4, plot.getDataset().getRowCount(), "one series per architecture");
        assertEquals(2, plot.getDataset().getColumnCount(), "one category per VM");
        assertEquals("Mean response time (ms)", plot.getRangeAxis().getLabel());

        BufferedImage image = ChartTestSupport.renderPng(chart, dir, "comparison");
        for (String architecture : Fixtures.ARCHITECTURES) {
            Color colour = palette.colorOf(architecture);
            assertTrue(ChartTestSupport.pixelsOf(image, colour) > 200,
                    architecture + " bars in its palette colour");
        }
    }

    @Test
    void datasetIsInDisplayUnitsWithTheExactInterval() {
        ExperimentResult result = Fixtures.standard();
        ConfidenceIntervalDataset data = ComparisonChart.dataset(result, "response_time_mean", List.of("web", "db"));
        int hosted = data.getRowIndex("hosted");
        int web = data.getColumnIndex("web");
        Estimate e = result.find("hosted", "web", "response_time_mean").orElseThrow().estimate();
        assertEquals(e.mean() * 1000, data.getValue(hosted, web).doubleValue(), 1e-12);
        assertEquals(e.ciLow() * 1000, data.getLow(hosted, web), 1e-12);
        assertEquals(e.ciHigh() * 1000, data.getHigh(hosted, web), 1e-12);
    }

    @Test
    void architectureWithoutTheMetricIsLeftOutAndMissingBarsStayEmpty() {
        ExperimentResult result = new ExperimentResult("x", "", 1, List.of("native", "hosted", "monolithic"),
                List.of(Fixtures.fig("native", "web", "throughput", 10, 0.1),
                        Fixtures.fig("hosted", "db", "throughput", 10, 0.1)),
                List.of(), null);
        ConfidenceIntervalDataset data = ComparisonChart.dataset(result, "throughput", List.of("web", "db"));
        assertEquals(2, data.getRowCount());
        assertNull(data.getValue("native", "db"));
    }

    /** An axis of microsecond values is in µs, and seconds in s: never "0.002 ms" or "1500 ms". */
    @Test
    void durationAxesAreInTheUnitThatFitsTheValues() {
        ExperimentResult fast = new ExperimentResult("f", "", 1, List.of("native"),
                List.of(new Figure("native", "web", "io_latency_mean", new Estimate(2.06e-6, 1.9e-6, 2.2e-6, 10))),
                List.of(), null);
        JFreeChart chart = ComparisonChart.create(fast, "io_latency_mean", List.of("web"),
                ArchitecturePalette.of(fast.architectures()));
        assertEquals("Mean I/O latency (µs)", chart.getCategoryPlot().getRangeAxis().getLabel());
        assertEquals(2.06, ComparisonChart.dataset(fast, "io_latency_mean", List.of("web")).getValue(0, 0)
                .doubleValue(), 1e-9);
        ExperimentResult slow = new ExperimentResult("s", "", 1, List.of("native"),
                List.of(new Figure("native", "web", "response_time_mean", new Estimate(1.5, 1.2, 1.8, 10))),
                List.of(), null);
        assertEquals("Mean response time (s)", ComparisonChart.create(slow, "response_time_mean", List.of("web"),
                ArchitecturePalette.of(slow.architectures())).getCategoryPlot().getRangeAxis().getLabel());
        assertEquals("Throughput (requests/s)", ComparisonChart.create(slow, "throughput", List.of("web"),
                ArchitecturePalette.of(slow.architectures())).getCategoryPlot().getRangeAxis().getLabel());
    }

    /** The whisker must span ci_low..ci_high exactly, not mean ± something. */
    @Test
    void whiskerGoesFromCiLowToCiHigh() throws Exception {
        // an asymmetric interval: a mean ± half-width renderer would draw it in the wrong place
        ExperimentResult result = new ExperimentResult("w", "", 1, List.of("monolithic"),
                List.of(new Figure("monolithic", "web", "response_time_mean", new Estimate(0.050, 0.030, 0.090, 10))),
                List.of(), null);
        JFreeChart chart = ComparisonChart.create(result, "response_time_mean", List.of("web"),
                ArchitecturePalette.of(result.architectures()));
        CategoryPlot plot = chart.getCategoryPlot();
        Color marker = new Color(255, 0, 0);
        ((ConfidenceIntervalBarRenderer) plot.getRenderer()).setWhiskerPaint(marker);
        plot.getRangeAxis().setRange(0, 100);   // fixed so the expected pixel rows are known

        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage image = chart.createBufferedImage(WIDTH, HEIGHT, info);
        Rectangle2D dataArea = info.getPlotInfo().getDataArea();
        double expectedTop = plot.getRangeAxis().valueToJava2D(90, dataArea, RectangleEdge.LEFT);
        double expectedBottom = plot.getRangeAxis().valueToJava2D(30, dataArea, RectangleEdge.LEFT);

        int top = Integer.MAX_VALUE;
        int bottom = Integer.MIN_VALUE;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == 0xFF0000) {
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                }
            }
        }
        assertTrue(top <= bottom, "whisker pixels present");
        assertEquals(expectedTop, top, 1.5, "upper end at ci_high");
        assertEquals(expectedBottom, bottom, 1.5, "lower end at ci_low");
    }

    /** The value label sits above the whisker's upper end, not on it and not inside the bar. */
    @Test
    void valueLabelSitsAboveTheWhisker() throws Exception {
        ExperimentResult result = new ExperimentResult("w", "", 1, List.of("monolithic"),
                List.of(new Figure("monolithic", "web", "response_time_mean", new Estimate(0.050, 0.030, 0.090, 10))),
                List.of(), null);
        JFreeChart chart = ComparisonChart.create(result, "response_time_mean", List.of("web"),
                ArchitecturePalette.of(result.architectures()));
        CategoryPlot plot = chart.getCategoryPlot();
        plot.getRangeAxis().setRange(0, 120);
        plot.setRangeGridlinesVisible(false);
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage image = chart.createBufferedImage(WIDTH, HEIGHT, info);
        Rectangle2D dataArea = info.getPlotInfo().getDataArea();
        double whiskerTop = plot.getRangeAxis().valueToJava2D(90, dataArea, RectangleEdge.LEFT);
        int labelTop = Integer.MAX_VALUE;
        int labelBottom = Integer.MIN_VALUE;
        for (int y = (int) dataArea.getMinY() + 1; y < (int) dataArea.getMaxY(); y++) {
            for (int x = (int) dataArea.getMinX() + 1; x < (int) dataArea.getMaxX(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == 0x333333) {
                    labelTop = Math.min(labelTop, y);
                    labelBottom = Math.max(labelBottom, y);
                }
            }
        }
        assertTrue(labelTop <= labelBottom, "label pixels present");
        assertTrue(labelBottom < whiskerTop, "label (" + labelTop + ".." + labelBottom + ") above the whisker at "
                + whiskerTop);
        assertTrue(whiskerTop - labelBottom < 20, "and close to it");
    }

    @Test
    void rangeIncludesTheUpperEndOfEveryInterval() {
        ExperimentResult result = Fixtures.standard();
        JFreeChart chart = ComparisonChart.create(result, "response_time_p95", List.of("web", "db"),
                ArchitecturePalette.of(result.architectures()));
        double highest = result.figures().stream().filter(f -> f.metric().equals("response_time_p95"))
                .mapToDouble(f -> f.estimate().ciHigh() * 1000).max().orElseThrow();
        assertTrue(chart.getCategoryPlot().getRangeAxis().getUpperBound() >= highest);
        assertEquals(0.0, chart.getCategoryPlot().getRangeAxis().getLowerBound(), 1e-9);
    }

    @Test
    void svgIsWellFormedEvenWithMarkupInNames() throws Exception {
        ExperimentResult result = Fixtures.withVms("<b>x</b> & y", "", "<script>alert(1)</script>", "a&b \"c\"");
        JFreeChart chart = ComparisonChart.create(result, "throughput",
                List.of("<script>alert(1)</script>", "a&b \"c\""), ArchitecturePalette.of(result.architectures()));
        ChartTestSupport.parseSvg(chart);
    }
}
