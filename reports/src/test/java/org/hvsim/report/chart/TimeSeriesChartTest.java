package org.hvsim.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.hvsim.core.result.ExperimentResult;
import org.hvsim.core.result.ExperimentResult.TimeSeries;
import org.hvsim.report.Fixtures;

class TimeSeriesChartTest {

    @TempDir
    Path dir;

    private static ExperimentResult withSeries(List<TimeSeries> series) {
        ExperimentResult base = Fixtures.standard();
        return new ExperimentResult(base.name(), base.description(), base.seed(), base.architectures(),
                base.figures(), List.of(), base.resolvedScenario(), base.run(), series);
    }

    @Test
    void pointsSitAtIntervalMiddlesInDisplayUnits() {
        TimeSeries t = new TimeSeries("hosted", "host", "cpu_util", new double[] {10, 20, 30},
                new double[] {0.25, 0.5, 0.75});
        XYSeriesCollection data = TimeSeriesChart.dataset(List.of(t), 100.0);
        assertEquals(5.0, data.getXValue(0, 0));
        assertEquals(15.0, data.getXValue(0, 1));
        assertEquals(25.0, data.getXValue(0, 2));
        assertEquals(75.0, data.getYValue(0, 2), 1e-12);
    }

    @Test
    void oneSeriesPerArchitectureInTheResultsOrder() {
        double[] times = {1, 2};
        ExperimentResult result = withSeries(List.of(
                new TimeSeries("microkernel", "host", "cpu_util", times, new double[] {0.1, 0.1}),
                new TimeSeries("native", "host", "cpu_util", times, new double[] {0.2, 0.2}),
                new TimeSeries("native", "host", "cpu_util", times, new double[] {0.9, 0.9}),  // a second: ignored
                new TimeSeries("native", "d0", "disk_util", times, new double[] {0.3, 0.3})));
        List<TimeSeries> host = TimeSeriesChart.seriesOf(result, "host", "cpu_util");
        assertEquals(List.of("native", "microkernel"), host.stream().map(TimeSeries::architecture).toList());
        assertEquals(0.2, host.get(0).values()[0]);
        assertEquals(List.of("d0"), TimeSeriesChart.devices(result));
    }

    /**
     * The availability timeline is built against the input fault injection is to provide: a series
     * "availability" per VM template, the share of its instances up over each interval.
     */
    @Test
    void availabilityTimelineFromTheFutureFaultSeries() throws Exception {
        List<TimeSeries> series = new ArrayList<>();
        double[] times = new double[60];
        for (int i = 0; i < times.length; i++) {
            times[i] = (i + 1) * 5.0;
        }
        for (String architecture : Fixtures.ARCHITECTURES) {
            double[] up = new double[times.length];
            for (int i = 0; i < up.length; i++) {
                // hosted: the host OS crashes at 100 s and every VM is down for 40 s
                up[i] = architecture.equals("hosted") && times[i] > 100 && times[i] <= 140 ? 0.0 : 1.0;
            }
            series.add(new TimeSeries(architecture, "web", TimeSeriesChart.AVAILABILITY, times, up));
        }
        ExperimentResult result = withSeries(series);
        assertEquals(List.of("web"), TimeSeriesChart.availabilityScopes(result));
        ArchitecturePalette palette = ArchitecturePalette.of(result.architectures());
        JFreeChart chart = TimeSeriesChart.availability(result, "web", palette, Optional.of(30.0));
        assertEquals(4, chart.getXYPlot().getDataset().getSeriesCount());
        assertEquals(0.0, chart.getXYPlot().getDataset().getYValue(1, 21), "hosted down at 107.5 s");
        java.util.Collection<?> shaded = chart.getXYPlot().getDomainMarkers(Layer.BACKGROUND);
        assertTrue(shaded.stream()
                .anyMatch(m -> m instanceof IntervalMarker i && i.getEndValue() == 30.0), "warm-up shaded");
        var image = ChartTestSupport.renderPng(chart, dir, "availability");
        assertTrue(ChartTestSupport.pixelsOf(image, palette.colorOf("hosted")) > 200, "the outage is drawn");
        ChartTestSupport.parseSvg(chart);
    }

    @Test
    void withoutWarmupThereIsNoMarker() {
        ExperimentResult result = withSeries(List.of(
                new TimeSeries("native", "host", "cpu_util", new double[] {1, 2}, new double[] {0.5, 0.5})));
        JFreeChart chart = TimeSeriesChart.hostCpu(result, ArchitecturePalette.of(result.architectures()),
                Optional.empty());
        var markers = chart.getXYPlot().getDomainMarkers(Layer.BACKGROUND);
        assertTrue(markers == null || markers.isEmpty());
    }
}
