package org.hvsim.report.chart;

import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import org.hvsim.core.result.ExperimentResult;
import org.hvsim.core.result.ExperimentResult.Distribution;
import org.hvsim.report.metric.MetricCatalog;
import org.hvsim.report.metric.MetricDisplay;

/**
 * Cumulative distributions of one scope's response time, one line per architecture: x in the
 * metric's display unit (ms for response times), y the cumulative probability from 0 to 1. Shows
 * what a mean hides: tails, and where two architectures' distributions cross.
 */
public final class CdfChart {

    private CdfChart() {
    }

    /** The scopes that have a distribution, in order of first appearance. */
    public static List<String> scopes(ExperimentResult result) {
        List<String> scopes = new ArrayList<>();
        for (Distribution d : result.distributions()) {
            if (!scopes.contains(d.scope())) {
                scopes.add(d.scope());
            }
        }
        return scopes;
    }

    /** The distributions of {@code scope}: of the first metric listed for it, one per architecture. */
    public static List<Distribution> distributionsOf(ExperimentResult result, String scope) {
        String metric = null;
        List<Distribution> chosen = new ArrayList<>();
        for (String architecture : result.architectures()) {
            for (Distribution d : result.distributions()) {
                if (!d.scope().equals(scope) || !d.architecture().equals(architecture)) {
                    continue;
                }
                if (metric == null) {
                    metric = d.metric();
                }
                if (d.metric().equals(metric)) {
                    chosen.add(d);
                    break;
                }
            }
        }
        return chosen;
    }

    /** The CDF chart of {@code scope}. */
    public static JFreeChart create(ExperimentResult result, String scope, ArchitecturePalette palette) {
        List<Distribution> distributions = distributionsOf(result, scope);
        String metric = distributions.isEmpty() ? "response_time" : distributions.get(0).metric();
        MetricDisplay display = MetricCatalog.describe(metric);
        XYSeriesCollection data = dataset(distributions, display);

        NumberAxis valueAxis = new NumberAxis(display.labelWithUnit());
        valueAxis.setLabelFont(ChartStyle.LABEL_FONT);
        valueAxis.setTickLabelFont(ChartStyle.TICK_FONT);
        valueAxis.setAutoRangeIncludesZero(true);
        NumberAxis probabilityAxis = new NumberAxis("Cumulative probability");
        probabilityAxis.setLabelFont(ChartStyle.LABEL_FONT);
        probabilityAxis.setTickLabelFont(ChartStyle.TICK_FONT);
        probabilityAxis.setRange(0.0, 1.0);
        probabilityAxis.setTickUnit(new NumberTickUnit(0.1));

        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int series = 0; series < data.getSeriesCount(); series++) {
            renderer.setSeriesPaint(series, palette.colorOf((String) data.getSeriesKey(series)));
            renderer.setSeriesStroke(series, new BasicStroke(2.5f));
        }
        XYPlot plot = new XYPlot(data, valueAxis, probabilityAxis, renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setDomainGridlinePaint(ChartStyle.GRID);
        plot.setRangeGridlinePaint(ChartStyle.GRID);
        return ChartStyle.chart(display.label() + " distribution: " + scope, plot);
    }

    /** One series per distribution, keyed by architecture, x in display units. */
    public static XYSeriesCollection dataset(List<Distribution> distributions, MetricDisplay display) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Distribution d : distributions) {
            // autoSort off: the points are already ordered, and equal x values (a jump) must stay
            XYSeries series = new XYSeries(d.architecture(), false, true);
            int n = Math.min(d.values().length, d.cumulative().length);
            for (int i = 0; i < n; i++) {
                series.add(display.toDisplay(d.values()[i]), d.cumulative()[i]);
            }
            data.addSeries(series);
        }
        return data;
    }
}
