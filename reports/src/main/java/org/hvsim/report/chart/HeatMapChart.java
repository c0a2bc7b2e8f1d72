package org.hvsim.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;
import org.jfree.data.xy.DefaultXYZDataset;

import org.hvsim.core.result.Estimate;
import org.hvsim.core.result.ExperimentResult;
import org.hvsim.report.metric.DerivedFigures;
import org.hvsim.report.metric.MetricCatalog;
import org.hvsim.report.metric.MetricDisplay;
import org.hvsim.core.result.Sla;
import org.hvsim.report.sweep.NumericValue;

/**
 * A two-parameter sweep as a grid, one map per architecture: the first parameter across, the
 * second up, each cell coloured by the metric's mean and annotated with it (± the half-width of its
 * 95 % confidence interval when the cell has room). The colour scale is the same in every
 * architecture's map of a metric, so maps placed side by side compare by colour. Cells that miss the
 * scenario's SLA on the metric get a red frame.
 */
public final class HeatMapChart {

    /** Viridis stops, light (low) to dark (high): reads in grey print too, and for colour-blind readers. */
    private static final Color[] STOPS = {
        new Color(0xFD, 0xE7, 0x25), new Color(0x5E, 0xC9, 0x62), new Color(0x21, 0x91, 0x8C),
        new Color(0x3B, 0x52, 0x8B), new Color(0x44, 0x01, 0x54)};

    private static final Color SLA_MISS = new Color(0xE0, 0x00, 0x00);

    private HeatMapChart() {
    }

    /** True when the result is a sweep of exactly two parameters. */
    public static boolean applies(ExperimentResult result) {
        return result.parameters().size() == 2;
    }

    /**
     * A parameter's values in axis order: numerically when they are all numbers in one unit,
     * otherwise as they first appear.
     */
    public static List<String> axisValues(ExperimentResult result, String parameter) {
        List<String> values = new ArrayList<>(result.values(parameter));
        if (NumericValue.commonUnit(values).isPresent()) {
            values.sort(Comparator.comparingDouble(v -> NumericValue.parse(v).orElseThrow().number()));
        }
        return values;
    }

    /** The mean (display units) of {@code metric} of {@code scope} over every architecture and point. */
    public static Range range(ExperimentResult result, String scope, String metric) {
        MetricDisplay display = MetricCatalog.forChart(metric, result);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (String architecture : result.architectures()) {
            for (Map<String, String> point : result.points()) {
                Optional<Estimate> e = estimate(result, point, architecture, scope, metric);
                if (e.isPresent() && Double.isFinite(e.get().mean())) {
                    double v = display.toDisplay(e.get().mean());
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (min > max) {
            return new Range(0, 1);
        }
        if (min == max) {
            double pad = min == 0 ? 1 : Math.abs(min) * 0.05;
            return new Range(min - pad, max + pad);
        }
        return new Range(min, max);
    }

    /** True when {@code architecture} has {@code metric} of {@code scope} at some point. */
    public static boolean hasData(ExperimentResult result, String architecture, String scope, String metric) {
        return result.points().stream()
                .anyMatch(p -> estimate(result, p, architecture, scope, metric).isPresent());
    }

    /** The map of {@code metric} of {@code scope} under {@code architecture}, coloured on {@code scale}. */
    public static JFreeChart create(ExperimentResult result, String architecture, String scope, String metric,
                                    Range scale, ArchitecturePalette palette) {
        List<String> names = result.parameters();
        if (names.size() != 2) {
            throw new IllegalArgumentException("a heat map needs exactly two swept parameters, not " + names);
        }
        String across = names.get(0);
        String up = names.get(1);
        List<String> xs = axisValues(result, across);
        List<String> ys = axisValues(result, up);
        MetricDisplay display = MetricCatalog.forChart(metric, result);
        DefaultXYZDataset data = dataset(result, architecture, scope, metric, xs, ys);

        SymbolAxis xAxis = new SymbolAxis(axisLabel(result, across), xs.toArray(String[]::new));
        SymbolAxis yAxis = new SymbolAxis(axisLabel(result, up), ys.toArray(String[]::new));
        for (SymbolAxis axis : List.of(xAxis, yAxis)) {
            axis.setLabelFont(ChartStyle.LABEL_FONT);
            axis.setTickLabelFont(ChartStyle.TICK_FONT);
            axis.setGridBandsVisible(false);
            axis.setLowerMargin(0);
            axis.setUpperMargin(0);
        }
        xAxis.setRange(-0.5, xs.size() - 0.5);
        yAxis.setRange(-0.5, ys.size() - 0.5);

        GradientScale paintScale = new GradientScale(scale.getLowerBound(), scale.getUpperBound());
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(paintScale);
        renderer.setBlockWidth(1.0);
        renderer.setBlockHeight(1.0);
        XYPlot plot = new XYPlot(data, xAxis, yAxis, renderer);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);

        Optional<Sla> sla = result.run().sla(scope, metric);
        // a ± needs about 11 characters; in a narrow cell the mean alone stays legible
        boolean roomForInterval = xs.size() <= 6;
        Font font = new Font(Font.SANS_SERIF, Font.BOLD, xs.size() * ys.size() > 36 ? 10 : 13);
        for (int i = 0; i < xs.size(); i++) {
            for (int j = 0; j < ys.size(); j++) {
                Map<String, String> point = new LinkedHashMap<>();
                point.put(across, xs.get(i));
                point.put(up, ys.get(j));
                Optional<Estimate> e = estimate(result, point, architecture, scope, metric);
                if (e.isEmpty() || !Double.isFinite(e.get().mean())) {
                    continue;
                }
                double mean = display.toDisplay(e.get().mean());
                XYTextAnnotation label = new XYTextAnnotation(cellText(display, e.get(), roomForInterval), i, j);
                label.setFont(font);
                label.setTextAnchor(TextAnchor.CENTER);
                label.setPaint(ChartStyle.textColourOn((Color) paintScale.getPaint(mean)));
                plot.addAnnotation(label);
                if (sla.isPresent() && !sla.get().isMetBy(e.get().mean())) {
                    plot.addAnnotation(new XYShapeAnnotation(new Rectangle2D.Double(i - 0.47, j - 0.47, 0.94, 0.94),
                            new BasicStroke(3f), SLA_MISS));
                }
            }
        }

        // the architecture's colour, as in every other chart of the report
        LegendItemCollection legend = new LegendItemCollection();
        LegendItem item = new LegendItem(architecture, palette.colorOf(architecture));
        legend.add(item);
        plot.setFixedLegendItems(legend);

        JFreeChart chart = ChartStyle.chart(display.label() + " of " + scope + " under " + architecture, plot);
        NumberAxis scaleAxis = ChartStyle.numberAxis(display.labelWithUnit());
        scaleAxis.setRange(scale);
        PaintScaleLegend scaleLegend = new PaintScaleLegend(paintScale, scaleAxis);
        scaleLegend.setPosition(RectangleEdge.RIGHT);
        scaleLegend.setAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        scaleLegend.setMargin(new RectangleInsets(4, 12, 4, 4));
        scaleLegend.setStripWidth(16);
        scaleLegend.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(scaleLegend);
        chart.addSubtitle(ChartStyle.subtitle("cell: mean over replications"
                + (roomForInterval ? " ± half-width of its 95 % confidence interval" : "")
                + "; same colour scale for every architecture"
                + (sla.isPresent() ? "; red frame: misses the SLA (" + MetricCatalog.objective(sla.get()) + ")" : "")));
        return chart;
    }

    /** Cells as (x index, y index, mean in display units), one series keyed by the architecture. */
    public static DefaultXYZDataset dataset(ExperimentResult result, String architecture, String scope,
                                            String metric, List<String> xs, List<String> ys) {
        List<String> names = result.parameters();
        MetricDisplay display = MetricCatalog.forChart(metric, result);
        List<double[]> cells = new ArrayList<>();
        for (int i = 0; i < xs.size(); i++) {
            for (int j = 0; j < ys.size(); j++) {
                Map<String, String> point = new LinkedHashMap<>();
                point.put(names.get(0), xs.get(i));
                point.put(names.get(1), ys.get(j));
                Optional<Estimate> e = estimate(result, point, architecture, scope, metric);
                if (e.isPresent() && Double.isFinite(e.get().mean())) {
                    cells.add(new double[] {i, j, display.toDisplay(e.get().mean())});
                }
            }
        }
        double[][] series = new double[3][cells.size()];
        for (int k = 0; k < cells.size(); k++) {
            series[0][k] = cells.get(k)[0];
            series[1][k] = cells.get(k)[1];
            series[2][k] = cells.get(k)[2];
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries(architecture, series);
        return data;
    }

    private static Optional<Estimate> estimate(ExperimentResult result, Map<String, String> point,
                                               String architecture, String scope, String metric) {
        return DerivedFigures.estimate(metric,
                m -> result.find(point, architecture, scope, m).map(f -> f.estimate()));
    }

    static String cellText(MetricDisplay display, Estimate e, boolean withInterval) {
        String mean = MetricDisplay.formatNumber(display.toDisplay(e.mean()), 3);
        double half = display.toDisplay(e.halfWidth());
        if (!withInterval || !Double.isFinite(half)) {
            return mean;
        }
        return mean + " ± " + MetricDisplay.formatNumber(half, 2);
    }

    private static String axisLabel(ExperimentResult result, String parameter) {
        String unit = NumericValue.commonUnit(result.values(parameter)).orElse("");
        return SweepCurveChart.parameterLabel(parameter, unit);
    }

    /** A continuous scale through the viridis stops. */
    static final class GradientScale implements PaintScale, java.io.Serializable {

        private static final long serialVersionUID = 1L;

        private final double lower;
        private final double upper;

        GradientScale(double lower, double upper) {
            this.lower = lower;
            this.upper = upper;
        }

        @Override
        public double getLowerBound() {
            return lower;
        }

        @Override
        public double getUpperBound() {
            return upper;
        }

        @Override
        public Paint getPaint(double value) {
            double t = upper > lower ? (value - lower) / (upper - lower) : 0.5;
            t = Math.max(0, Math.min(1, Double.isFinite(t) ? t : 0));
            double position = t * (STOPS.length - 1);
            int k = Math.min(STOPS.length - 2, (int) Math.floor(position));
            double f = position - k;
            Color a = STOPS[k];
            Color b = STOPS[k + 1];
            return new Color((int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
                    (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
                    (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
        }

        @Override
        public boolean equals(Object obj) {
            return obj instanceof GradientScale other && other.lower == lower && other.upper == upper;
        }

        @Override
        public int hashCode() {
            return Double.hashCode(lower) * 31 + Double.hashCode(upper);
        }
    }
}
