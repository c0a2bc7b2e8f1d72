package org.hvsim.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.hvsim.core.result.ExperimentResult;
import org.hvsim.report.Fixtures;

class CpuBreakdownChartTest {

    @TempDir
    Path dir;

    @Test
    void stacksEveryComponentPerArchitecture() throws Exception {
        ExperimentResult result = Fixtures.standard();
        assertTrue(CpuBreakdownChart.applies(result, "host"));
        JFreeChart chart = CpuBreakdownChart.create(result, "host");
        CategoryDataset data = chart.getCategoryPlot().getDataset();
        assertEquals(6, data.getRowCount(), "one series per cpu_util_* component");
        assertEquals(4, data.getColumnCount(), "one bar per architecture");
        for (int c = 0; c < data.getColumnCount(); c++) {
            double sum = 0;
            for (int r = 0; r < data.getRowCount(); r++) {
                sum += data.getValue(r, c).doubleValue();
            }
            assertEquals(100.0, sum, 1e-9, "percent of the host");
        }
        assertEquals(25.0, data.getValue("cpu_util_idle", "hosted").doubleValue(), 1e-9);

        BufferedImage image = ChartTestSupport.renderPng(chart, dir, "cpu");
        for (String metric : List.of("cpu_util_guest", "cpu_util_parent", "cpu_util_idle")) {
            assertTrue(ChartTestSupport.pixelsOf(image, CpuBreakdownChart.COMPONENT_COLORS.get(metric)) > 200,
                    metric + " drawn in its colour");
        }
        ChartTestSupport.parseSvg(chart);
    }

    @Test
    void onlyPresentComponentsAreSeries() {
        ExperimentResult result = Fixtures.of(List.of("hosted", "native"),
                Fixtures.fig("hosted", "host", "cpu_util_guest", 0.6, 0.01),
                Fixtures.fig("hosted", "host", "cpu_util_idle", 0.4, 0.01));
        CategoryDataset data = CpuBreakdownChart.dataset(result, "host");
        assertEquals(2, data.getRowCount());
        assertEquals(1, data.getColumnCount(), "native has no breakdown");
        assertFalse(CpuBreakdownChart.applies(result, "web"));
    }
}
