package org.hvsim.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.hvsim.core.result.ExperimentResult;
import org.hvsim.report.Fixtures;

class CdfChartTest {

    @TempDir
    Path dir;

    @Test
    void oneLinePerArchitectureInMilliseconds() throws Exception {
        ExperimentResult result = Fixtures.standard();
        assertEquals(List.of("web", "db"), CdfChart.scopes(result));
        ArchitecturePalette palette = ArchitecturePalette.of(result.architectures());
        JFreeChart chart = CdfChart.create(result, "web", palette);
        XYDataset data = chart.getXYPlot().getDataset();
        assertEquals(4, data.getSeriesCount());
        assertEquals("Response time (ms)", chart.getXYPlot().getDomainAxis().getLabel());
        assertEquals("Cumulative probability", chart.getXYPlot().getRangeAxis().getLabel());
        int hosted = 1;
        assertEquals("hosted", data.getSeriesKey(hosted));
        int last = data.getItemCount(hosted) - 1;
        double lastSeconds = Fixtures.exponentialCdf("hosted", "web", Fixtures.WEB_MEAN.get("hosted")).values()[59];
        assertEquals(lastSeconds * 1000, data.getXValue(hosted, last), 1e-9);
        assertEquals(0.997, data.getYValue(hosted, last), 1e-9);

        BufferedImage image = ChartTestSupport.renderPng(chart, dir, "cdf");
        for (String architecture : Fixtures.ARCHITECTURES) {
            assertTrue(ChartTestSupport.pixelsOf(image, palette.colorOf(architecture)) > 30,
                    architecture + " line in its palette colour");
        }
        ChartTestSupport.parseSvg(chart);
    }

    @Test
    void axisEndsWhereTheSlowestArchitectureReaches999PerMille() {
        ExperimentResult result = Fixtures.standard();
        List<ExperimentResult.Distribution> web = CdfChart.distributionsOf(result, "web");
        double cut = CdfChart.valueAt(web, 0.999);
        // the fixtures' CDFs stop at 0.997: the cut falls on the slowest one's last point
        double hostedLast = Fixtures.exponentialCdf("hosted", "web", Fixtures.WEB_MEAN.get("hosted")).values()[59];
        assertEquals(hostedLast, cut, 1e-12);
        double median = CdfChart.valueAt(web, 0.5);
        double trueMedian = Fixtures.WEB_MEAN.get("hosted") * Math.log(2);
        double step = hostedLast / 59;
        assertTrue(median >= trueMedian && median <= trueMedian + step,
                "the slowest median, at the first sampled point past it: " + median);
        assertTrue(Double.isNaN(CdfChart.valueAt(List.of(), 0.5)));
        JFreeChart chart = CdfChart.create(result, "web", ArchitecturePalette.of(result.architectures()));
        assertEquals(hostedLast * 1000, chart.getXYPlot().getDomainAxis().getUpperBound(), 1e-9);
    }
}
