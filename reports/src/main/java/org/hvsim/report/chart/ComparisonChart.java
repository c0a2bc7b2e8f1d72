package org.hvsim.report.chart;

import java.util.List;
import java.util.Optional;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;

import org.hvsim.core.result.Estimate;
import org.hvsim.core.result.ExperimentResult;
import org.hvsim.core.result.Figure;
import org.hvsim.report.metric.MetricCatalog;
import org.hvsim.report.metric.MetricDisplay;
import org.hvsim.report.metric.Scopes;

/**
 * One metric compared across architectures: a bar per (scope, architecture), scopes along the axis,
 * one series (colour) per architecture, whiskers spanning the 95 % confidence interval. Values are
 * shown in the metric's display unit (e.g. ms).
 */
public final class ComparisonChart {

    private ComparisonChart() {
    }

    /**
     * The chart of {@code metric} for {@code scopes}. Architectures without any figure of the metric
     * in those scopes are left out of the legend.
     */
    public static JFreeChart create(ExperimentResult result, String metric, List<String> scopes,
                                    ArchitecturePalette palette) {
        MetricDisplay display = MetricCatalog.forChart(metric, result);
        ConfidenceIntervalDataset data = dataset(result, metric, scopes);
        boolean vms = !scopes.isEmpty() && scopes.stream().allMatch(Scopes::isVm);
        return bars(data, vms ? "VM" : "Scope", display.labelWithUnit(), display.label() + (vms ? " per VM" : ""),
                display.significantDigits(), palette);
    }

    /**
     * Grouped bars of {@code data} (rows = architectures, columns = categories) with whiskers, each
     * bar labelled with its mean while there is room for the labels.
     */
    static JFreeChart bars(ConfidenceIntervalDataset data, String categoryLabel, String valueLabel, String title,
                           int digits, ArchitecturePalette palette) {
        CategoryAxis categoryAxis = new CategoryAxis(categoryLabel);
        categoryAxis.setLabelFont(ChartStyle.LABEL_FONT);
        categoryAxis.setTickLabelFont(ChartStyle.TICK_FONT);
        categoryAxis.setCategoryMargin(0.25);
        categoryAxis.setMaximumCategoryLabelLines(2);
        NumberAxis valueAxis = ChartStyle.numberAxis(valueLabel);
        valueAxis.setUpperMargin(0.08);

        ConfidenceIntervalBarRenderer renderer = new ConfidenceIntervalBarRenderer();
        for (int row = 0; row < data.getRowCount(); row++) {
            renderer.setSeriesPaint(row, palette.colorOf((String) data.getRowKey(row)));
        }
        // a value on each bar spares the reader the gridlines; past a dozen bars the labels would collide
        if (data.getRowCount() * data.getColumnCount() <= MAX_LABELLED_BARS) {
            int shown = Math.min(digits, 4);
            renderer.setValueLabels(v -> MetricDisplay.formatNumber(v, shown), ChartStyle.BAR_LABEL_FONT);
            valueAxis.setUpperMargin(0.12);
        }
        CategoryPlot plot = new CategoryPlot(data, categoryAxis, valueAxis, renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setRangeGridlinesVisible(true);
        plot.setRangeGridlinePaint(ChartStyle.GRID);
        JFreeChart chart = ChartStyle.chart(title, plot);
        chart.addSubtitle(ChartStyle.subtitle("bars: mean over replications; whiskers: 95 % confidence interval"));
        return chart;
    }

    /** Bars beyond which the value labels are left out. */
    static final int MAX_LABELLED_BARS = 12;

    /** Means and intervals in display units; rows = architectures, columns = scopes. */
    public static ConfidenceIntervalDataset dataset(ExperimentResult result, String metric, List<String> scopes) {
        MetricDisplay display = MetricCatalog.forChart(metric, result);
        ConfidenceIntervalDataset data = new ConfidenceIntervalDataset();
        for (String architecture : result.architectures()) {
            boolean any = scopes.stream().anyMatch(s -> result.find(architecture, s, metric).isPresent());
            if (!any) {
                continue;
            }
            for (String scope : scopes) {
                Optional<Figure> figure = result.find(architecture, scope, metric);
                if (figure.isPresent()) {
                    Estimate e = figure.get().estimate();
                    data.add(display.toDisplay(e.mean()), display.toDisplay(e.ciLow()),
                            display.toDisplay(e.ciHigh()), architecture, scope);
                } else {
                    // keeps the column so every architecture's bar sits at the same slot
                    data.addValue(null, architecture, scope);
                }
            }
        }
        return data;
    }
}
