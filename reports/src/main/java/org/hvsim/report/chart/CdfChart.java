package org.hvsim.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import org.hvsim.core.result.Metric;
import org.hvsim.core.result.ExperimentResult;
import org.hvsim.core.result.ExperimentResult.Distribution;
import org.hvsim.report.metric.MetricCatalog;
import org.hvsim.report.metric.MetricDisplay;
import org.hvsim.core.result.Sla;

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

    /** The cumulative probability up to which the value axis reaches; the far tail beyond it is cut. */
    public static final double SHOWN_UP_TO = 0.999;

    /**
     * The CDF chart of {@code scope}: the value axis ends where the slowest architecture reaches
     * {@value #SHOWN_UP_TO} (a few extreme requests would otherwise squeeze the body of the curves
     * into a corner); a dashed line at 0.95 reads off each architecture's p95, and the SLA, when
     * the scenario sets one on this scope's p95, is a red vertical line.
     */
    public static JFreeChart create(ExperimentResult result, String scope, ArchitecturePalette palette) {
        List<Distribution> distributions = distributionsOf(result, scope);
        String metric = distributions.isEmpty() ? Metric.RESPONSE_TIME.name() : distributions.get(0).metric();
        MetricDisplay display = MetricCatalog.describe(metric).fittedTo(valueAt(distributions, SHOWN_UP_TO));
        XYSeriesCollection data = dataset(distributions, display);

        NumberAxis valueAxis = ChartStyle.numberAxis(display.labelWithUnit());
        valueAxis.setAutoRangeIncludesZero(true);
        double cut = display.toDisplay(valueAt(distributions, SHOWN_UP_TO));
        if (cut > 0 && Double.isFinite(cut)) {
            valueAxis.setRange(0, cut);
        }
        NumberAxis probabilityAxis = ChartStyle.numberAxis("Cumulative probability");
        probabilityAxis.setRange(0.0, 1.0);
        probabilityAxis.setTickUnit(new NumberTickUnit(0.1));

        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int series = 0; series < data.getSeriesCount(); series++) {
            String architecture = (String) data.getSeriesKey(series);
            renderer.setSeriesPaint(series, palette.colorOf(architecture));
            renderer.setSeriesStroke(series, palette.strokeOf(architecture));
        }
        XYPlot plot = new XYPlot(data, valueAxis, probabilityAxis, renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setDomainGridlinePaint(ChartStyle.GRID);
        plot.setRangeGridlinePaint(ChartStyle.GRID);
        ValueMarker p95 = new ValueMarker(0.95, Color.DARK_GRAY, new BasicStroke(1f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f));
        p95.setLabel("0.95: p95");
        p95.setLabelBackgroundColor(ChartStyle.LABEL_BACKGROUND);
        p95.setLabelFont(ChartStyle.ANNOTATION_FONT);
        p95.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
        p95.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
        plot.addRangeMarker(p95);
        Optional<Sla> sla = result.run().sla(scope, Metric.RESPONSE_TIME_P95.name());
        sla.ifPresent(s -> {
            double limit = display.toDisplay(s.max());
            ValueMarker line = new ValueMarker(limit, ChartStyle.REFERENCE_LINE, new BasicStroke(2f,
                    BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 5f}, 0f));
            line.setLabel("SLA: " + MetricCatalog.objective(s));
            line.setLabelBackgroundColor(ChartStyle.LABEL_BACKGROUND);
            line.setLabelFont(ChartStyle.ANNOTATION_FONT);
            line.setLabelPaint(ChartStyle.REFERENCE_LINE);
            line.setLabelAnchor(RectangleAnchor.BOTTOM_LEFT);
            line.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
            plot.addDomainMarker(line);
            if (limit > valueAxis.getUpperBound()) {
                valueAxis.setRange(0, limit * 1.05);
            }
        });
        JFreeChart chart = ChartStyle.chart(display.label() + " distribution of " + scope, plot);
        chart.addSubtitle(ChartStyle.subtitle("all requests after warm-up, pooled over replications; axis cut at the "
                + "slowest architecture's 99.9th percentile" + (sla.isPresent() ? "; dashed red: SLA" : "")));
        return chart;
    }

    /**
     * The largest value, over the distributions, at which the cumulative probability first reaches
     * {@code probability}; NaN without distributions.
     */
    public static double valueAt(List<Distribution> distributions, double probability) {
        double max = Double.NaN;
        for (Distribution d : distributions) {
            int n = Math.min(d.values().length, d.cumulative().length);
            double reached = n > 0 ? d.values()[n - 1] : Double.NaN;
            for (int i = 0; i < n; i++) {
                if (d.cumulative()[i] >= probability) {
                    reached = d.values()[i];
                    break;
                }
            }
            if (Double.isFinite(reached) && !(reached <= max)) {
                max = reached;
            }
        }
        return max;
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
