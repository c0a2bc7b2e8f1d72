package org.hvsim.report.chart;

import java.text.DecimalFormat;
import java.util.List;
import java.util.Map;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Lines of measured points, one per series (e.g. per architecture), in the report's style: for the
 * benchmark's scaling study (wall time or cost per event against the number of VMs or simulated time),
 * where the x axis may span decades and is then logarithmic.
 */
public final class MeasurementChart {

    private MeasurementChart() {
    }

    /**
     * @param series series name → points {x, y}, in drawing order; names that are architectures get
     *               their palette colours
     */
    public static JFreeChart create(String title, String subtitle, String xLabel, String yLabel,
                                    Map<String, List<double[]>> series, boolean logX) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Map.Entry<String, List<double[]>> e : series.entrySet()) {
            XYSeries s = new XYSeries(e.getKey(), false, true);
            e.getValue().forEach(p -> s.add(p[0], p[1]));
            data.addSeries(s);
        }
        ValueAxis x;
        if (logX) {
            LogAxis log = new LogAxis(xLabel);
            log.setLabelFont(ChartStyle.LABEL_FONT);
            log.setTickLabelFont(ChartStyle.TICK_FONT);
            log.setBase(10);
            log.setSmallestValue(1);
            // a tick per decade labelled as a plain number (10, 100, 1,000), not 10^0.9, 10^1.1, ...
            log.setTickUnit(new NumberTickUnit(1.0));
            log.setNumberFormatOverride(new DecimalFormat("#,##0"));
            log.setMinorTickMarksVisible(true);
            x = log;
        } else {
            x = ChartStyle.numberAxis(xLabel);
        }
        NumberAxis y = ChartStyle.numberAxis(yLabel);
        y.setAutoRangeIncludesZero(true);
        ArchitecturePalette palette = ArchitecturePalette.of(List.copyOf(series.keySet()));
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        palette.style(renderer, data);
        XYPlot plot = ChartStyle.xyPlot(data, x, y, renderer);
        JFreeChart chart = ChartStyle.chart(title, plot);
        chart.addSubtitle(ChartStyle.subtitle(subtitle));
        return chart;
    }
}
