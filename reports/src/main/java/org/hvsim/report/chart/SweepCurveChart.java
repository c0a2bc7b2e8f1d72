package org.hvsim.report.chart;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import org.hvsim.core.result.Estimate;
import org.hvsim.core.result.ExperimentResult;
import org.hvsim.core.result.Figure;
import org.hvsim.report.metric.MetricCatalog;
import org.hvsim.report.metric.MetricDisplay;
import org.hvsim.core.result.Sla;
import org.hvsim.report.sweep.NumericValue;

/**
 * A metric against the one swept parameter (load, VM count, …): one line per architecture through
 * the means, a 95 % confidence-interval bar at every point, and the SLA as a dashed red line when
 * the scenario sets one on this metric and scope. Where a line crosses the SLA is the capacity of
 * that architecture.
 */
public final class SweepCurveChart {

    private SweepCurveChart() {
    }

    /**
     * The parameter a curve can be drawn against: the only swept parameter, when all its values are
     * numbers in one unit (e.g. "4", "8" or "20 /s", "40 /s").
     */
    public static Optional<String> axisParameter(ExperimentResult result) {
        List<String> names = result.parameters();
        if (names.size() != 1) {
            return Optional.empty();
        }
        List<String> values = result.values(names.get(0));
        return values.size() >= 2 && NumericValue.commonUnit(values).isPresent()
                ? Optional.of(names.get(0)) : Optional.empty();
    }

    /** The chart of {@code metric} of {@code scope} against the swept parameter. */
    public static JFreeChart create(ExperimentResult result, String scope, String metric,
                                    ArchitecturePalette palette) {
        String parameter = axisParameter(result).orElseThrow(
                () -> new IllegalArgumentException("no single numeric swept parameter"));
        MetricDisplay display = MetricCatalog.forChart(metric, result);
        YIntervalSeriesCollection data = dataset(result, parameter, scope, metric);

        String unit = NumericValue.commonUnit(result.values(parameter)).orElse("");
        NumberAxis x = ChartStyle.numberAxis(parameterLabel(parameter, unit));
        x.setAutoRangeIncludesZero(false);
        if (unit.isEmpty() && integral(result, parameter)) {
            x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        Optional<Sla> sla = result.run().sla(scope, metric);
        return curves(data, x, display, sla, display.label() + " of " + scope + " vs " + parameter, palette);
    }

    /**
     * Lines through the means of {@code data} (one series per architecture) with 95 % interval bars,
     * against {@code x}, and {@code sla} as a dashed red line kept in view.
     */
    static JFreeChart curves(YIntervalSeriesCollection data, org.jfree.chart.axis.ValueAxis x, MetricDisplay display,
                             Optional<Sla> sla, String title, ArchitecturePalette palette) {
        NumberAxis y = ChartStyle.numberAxis(display.labelWithUnit());
        y.setAutoRangeIncludesZero(true);

        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawXError(false);
        renderer.setDrawYError(true);
        renderer.setDefaultLinesVisible(true);
        renderer.setDefaultShapesVisible(true);
        renderer.setErrorStroke(new java.awt.BasicStroke(1.5f));
        renderer.setCapLength(8);
        palette.style(renderer, data);
        // error bars in the line's colour: black bars of four curves at one x cannot be told apart
        renderer.setErrorPaint(null);

        XYPlot plot = ChartStyle.xyPlot(data, x, y, renderer);
        sla.ifPresent(s -> {
            double limit = display.toDisplay(s.max());
            ChartStyle.markLimit(plot, limit, "SLA: " + MetricCatalog.objective(s));
            // keep the line in view even when every point is far below it
            y.setUpperMargin(0.08);
            double top = Math.max(limit * 1.1, upperBound(data) * 1.05);
            y.setRange(0, top);
        });

        JFreeChart chart = ChartStyle.chart(title, plot);
        chart.addSubtitle(ChartStyle.subtitle("points: mean over replications; bars: 95 % confidence interval"
                + (sla.isPresent() ? "; dashed red: SLA" : "")));
        return chart;
    }

    /** One series per architecture with the metric: x = parameter value, y = mean, CI, in display units. */
    public static YIntervalSeriesCollection dataset(ExperimentResult result, String parameter, String scope,
                                                    String metric) {
        MetricDisplay display = MetricCatalog.forChart(metric, result);
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        for (String architecture : result.architectures()) {
            YIntervalSeries series = new YIntervalSeries(architecture);
            for (Map<String, String> point : result.points()) {
                Optional<Figure> f = result.find(point, architecture, scope, metric);
                Optional<NumericValue> x = NumericValue.parse(point.get(parameter));
                if (f.isEmpty() || x.isEmpty() || !Double.isFinite(f.get().estimate().mean())) {
                    continue;
                }
                add(series, x.get().number(), f.get().estimate(), display);
            }
            if (series.getItemCount() > 0) {
                data.addSeries(series);
            }
        }
        return data;
    }

    /** A point at {@code x}: the estimate's mean and interval in display units. */
    static void add(YIntervalSeries series, double x, Estimate e, MetricDisplay display) {
        double mean = display.toDisplay(e.mean());
        // with one replication there is no interval: a zero-length bar, not a made-up one
        double low = Double.isFinite(e.ciLow()) ? display.toDisplay(e.ciLow()) : mean;
        double high = Double.isFinite(e.ciHigh()) ? display.toDisplay(e.ciHigh()) : mean;
        series.add(x, mean, low, high);
    }

    /**
     * An axis label for a parameter: "web.count" reads "Number of web VMs (web.count)", a rate
     * "Request rate per web VM (/s) (web.rate)"; anything else is its name with its unit.
     */
    static String parameterLabel(String parameter, String unit) {
        String unitSuffix = unit.isEmpty() ? "" : " (" + unit + ")";
        int dot = parameter.lastIndexOf('.');
        if (dot > 0) {
            String owner = parameter.substring(0, dot);
            String key = parameter.substring(dot + 1);
            if (key.equals("count") && unit.isEmpty()) {
                return "Number of " + owner + " VMs (" + parameter + ")";
            }
            if (key.equals("rate")) {
                return "Request rate per " + owner + " VM" + unitSuffix + " (" + parameter + ")";
            }
            if (key.equals("users") && unit.isEmpty()) {
                return "Users per " + owner + " VM (" + parameter + ")";
            }
        }
        return parameter + unitSuffix;
    }

    private static boolean integral(ExperimentResult result, String parameter) {
        for (String v : result.values(parameter)) {
            double n = NumericValue.parse(v).map(NumericValue::number).orElse(Double.NaN);
            if (n != Math.rint(n)) {
                return false;
            }
        }
        return true;
    }

    private static double upperBound(YIntervalSeriesCollection data) {
        double max = 0;
        for (int s = 0; s < data.getSeriesCount(); s++) {
            for (int i = 0; i < data.getItemCount(s); i++) {
                max = Math.max(max, data.getEndYValue(s, i));
            }
        }
        return max;
    }
}
