package org.hvsim.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The charts of the validation page (docs/validation.md): per group of rows, hvsim's figure over the
 * published one with its 95 % interval, the calibration band (±5 %) and the prediction band (±15 %)
 * shaded; and every row's published figure against hvsim's on log axes.
 */
public final class ValidationChart {

    /** Calibration and prediction, in the page's colours. */
    private static final Color CALIBRATION = new Color(0x1F, 0x77, 0xB4);
    private static final Color PREDICTION = new Color(0xFF, 0x7F, 0x0E);

    private ValidationChart() {
    }

    /**
     * One bar of a group chart.
     *
     * @param label       the row, short
     * @param calibration whether the row is a calibration (else a prediction)
     * @param ratio       hvsim / published (its central figure), and the interval's ends likewise
     */
    public record Bar(String label, boolean calibration, double ratio, double low, double high) {
    }

    /** A point of the scatter: the published figure and hvsim's. */
    public record Point(boolean calibration, double published, double hvsim) {
    }

    /** hvsim / published per row of one group, with whiskers and the ±5 % / ±15 % bands. */
    public static JFreeChart ratios(String title, List<Bar> bars) {
        ConfidenceIntervalDataset data = new ConfidenceIntervalDataset();
        for (Bar b : bars) {
            data.add(b.ratio(), b.low(), b.high(), b.calibration() ? "calibration" : "prediction", b.label());
        }
        CategoryAxis categories = new CategoryAxis("row");
        categories.setLabelFont(ChartStyle.LABEL_FONT);
        categories.setTickLabelFont(ChartStyle.TICK_FONT.deriveFont(10f));
        categories.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        categories.setMaximumCategoryLabelWidthRatio(0.5f);
        NumberAxis value = ChartStyle.numberAxis("hvsim / published");
        value.setAutoRangeIncludesZero(true);
        ConfidenceIntervalBarRenderer renderer = new ConfidenceIntervalBarRenderer();
        for (int row = 0; row < data.getRowCount(); row++) {
            renderer.setSeriesPaint(row, "calibration".equals(data.getRowKey(row)) ? CALIBRATION : PREDICTION);
        }
        CategoryPlot plot = new CategoryPlot(data, categories, value, renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setRangeGridlinesVisible(true);
        plot.setRangeGridlinePaint(ChartStyle.GRID);
        plot.addRangeMarker(new IntervalMarker(0.85, 1.15, new Color(0xFF, 0xF1, 0xE0)), Layer.BACKGROUND);
        plot.addRangeMarker(new IntervalMarker(0.95, 1.05, new Color(0xDD, 0xEB, 0xF7)), Layer.BACKGROUND);
        plot.addRangeMarker(new ValueMarker(1.0, Color.DARK_GRAY, new BasicStroke(1.2f)), Layer.FOREGROUND);
        JFreeChart chart = ChartStyle.chart(title, plot);
        chart.addSubtitle(ChartStyle.subtitle("bars: hvsim / published; whiskers: 95 % interval; "
                + "bands: ±5 % (calibration), ±15 % (prediction)"));
        return chart;
    }

    /** Published against hvsim for every row, log axes, the line of equality. */
    public static JFreeChart scatter(List<Point> points) {
        XYSeries cal = new XYSeries("calibration", false, true);
        XYSeries pred = new XYSeries("prediction", false, true);
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (Point p : points) {
            if (p.published() > 0 && p.hvsim() > 0) {
                (p.calibration() ? cal : pred).add(p.published(), p.hvsim());
                lo = Math.min(lo, Math.min(p.published(), p.hvsim()));
                hi = Math.max(hi, Math.max(p.published(), p.hvsim()));
            }
        }
        XYSeries equal = new XYSeries("hvsim = published", false, true);
        if (hi > 0) {
            equal.add(lo / 1.5, lo / 1.5);
            equal.add(hi * 1.5, hi * 1.5);
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(cal);
        data.addSeries(pred);
        data.addSeries(equal);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        renderer.setSeriesLinesVisible(0, false);
        renderer.setSeriesLinesVisible(1, false);
        renderer.setSeriesShapesVisible(2, false);
        renderer.setSeriesPaint(0, CALIBRATION);
        renderer.setSeriesPaint(1, PREDICTION);
        renderer.setSeriesPaint(2, Color.GRAY);
        LogAxis x = new LogAxis("published figure");
        LogAxis y = new LogAxis("hvsim figure");
        for (LogAxis a : new LogAxis[] {x, y}) {
            a.setLabelFont(ChartStyle.LABEL_FONT);
            a.setTickLabelFont(ChartStyle.TICK_FONT);
            a.setSmallestValue(1e-3);
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setDomainGridlinePaint(ChartStyle.GRID);
        plot.setRangeGridlinePaint(ChartStyle.GRID);
        JFreeChart chart = ChartStyle.chart("Published vs hvsim, every row", plot);
        chart.addSubtitle(ChartStyle.subtitle("log axes; ranges and bounds at their midpoint or bound"));
        return chart;
    }
}
