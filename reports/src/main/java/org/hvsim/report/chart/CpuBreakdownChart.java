package org.hvsim.report.chart;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.CategoryItemLabelGenerator;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;

import org.hvsim.core.result.Metric;
import org.hvsim.core.result.ExperimentResult;
import org.hvsim.report.metric.MetricCatalog;

/**
 * Where the host's CPU goes, one stacked bar per architecture: guest work, virtualization,
 * hypervisor, parent partition, management and idle, as % of the host's capacity. The means are
 * stacked; a stack cannot show each component's interval (the overhead chart and the tables have
 * them), so the whisker is on the busy total.
 */
public final class CpuBreakdownChart {

    /** The stacked metrics, bottom to top: useful work first, idle last. */
    public static final List<String> COMPONENTS = List.of(Metric.CPU_UTIL_GUEST.name(), Metric.CPU_UTIL_VIRTUALIZATION.name(),
            Metric.CPU_UTIL_HYPERVISOR.name(), Metric.CPU_UTIL_PARENT.name(), Metric.CPU_UTIL_MANAGEMENT.name(), Metric.CPU_UTIL_IDLE.name());

    /**
     * Component colours. The series here are components, not architectures, so these avoid the
     * architecture palette's hues: a blue "management" next to a blue "monolithic" chart would mislead.
     */
    public static final Map<String, Color> COMPONENT_COLORS = Map.of(
            Metric.CPU_UTIL_GUEST.name(), new Color(0x3B, 0x52, 0x8B),           // useful work: cool
            Metric.CPU_UTIL_VIRTUALIZATION.name(), new Color(0xFD, 0xAE, 0x61),  // overheads: warm, darker = deeper
            Metric.CPU_UTIL_HYPERVISOR.name(), new Color(0xF4, 0x6D, 0x43),
            Metric.CPU_UTIL_PARENT.name(), new Color(0xD7, 0x30, 0x27),
            Metric.CPU_UTIL_MANAGEMENT.name(), new Color(0x8E, 0x01, 0x52),
            Metric.CPU_UTIL_IDLE.name(), new Color(0xE8, 0xE8, 0xE8));

    private CpuBreakdownChart() {
    }

    /** True when {@code scope} has any of the stacked metrics under any architecture. */
    public static boolean applies(ExperimentResult result, String scope) {
        return result.figures().stream()
                .anyMatch(f -> f.scope().equals(scope) && COMPONENTS.contains(f.metric()));
    }

    /**
     * The chart for {@code scope} (normally {@code host}): segments of 4 % or more carry their value,
     * and a whisker at the top of the busy part spans the 95 % confidence interval of the busy share
     * (1 − idle), the one total a reader asks for.
     */
    public static JFreeChart create(ExperimentResult result, String scope) {
        DefaultCategoryDataset data = dataset(result, scope);

        CategoryAxis architectureAxis = new CategoryAxis("Architecture");
        architectureAxis.setLabelFont(ChartStyle.LABEL_FONT);
        architectureAxis.setTickLabelFont(ChartStyle.TICK_FONT);
        NumberAxis shareAxis = ChartStyle.numberAxis("Share of " + scope + " CPU capacity (%)");
        // utilizations add up to 1; rounding may push a stack a hair above 100 %
        shareAxis.setRange(0.0, Math.max(100.0, maxStack(data)));

        StackedBarRenderer renderer = new StackedBarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(true);
        renderer.setDefaultOutlinePaint(Color.WHITE);
        renderer.setMaximumBarWidth(BAR_WIDTH);
        for (int row = 0; row < data.getRowCount(); row++) {
            Color colour = COMPONENT_COLORS.get((String) data.getRowKey(row));
            renderer.setSeriesPaint(row, colour);
            renderer.setSeriesOutlinePaint(row, Color.WHITE);
            renderer.setSeriesItemLabelPaint(row, ChartStyle.textColourOn(colour));
        }
        renderer.setDefaultItemLabelGenerator(new SegmentLabels());
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(ChartStyle.BAR_LABEL_FONT);
        renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.CENTER, TextAnchor.CENTER));
        // rows are keyed by metric name (stable colours); readers see the catalog's label
        renderer.setLegendItemLabelGenerator((dataset, series) ->
                componentLabel((String) dataset.getRowKey(series)));
        CategoryPlot plot = new CategoryPlot(data, architectureAxis, shareAxis, renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setRangeGridlinePaint(ChartStyle.GRID);

        ConfidenceIntervalDataset busy = busyDataset(result, scope, data);
        if (busy.getRowCount() > 0) {
            // invisible bars at the stacks' places; only their whiskers show
            ConfidenceIntervalBarRenderer whiskers = new ConfidenceIntervalBarRenderer();
            whiskers.setSeriesPaint(0, new Color(0, 0, 0, 0));
            whiskers.setMaximumBarWidth(BAR_WIDTH);
            whiskers.setSeriesVisibleInLegend(0, false);
            plot.setDataset(1, busy);
            plot.setRenderer(1, whiskers);
            plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        }
        JFreeChart chart = ChartStyle.chart("Where the " + scope + "'s CPU goes", plot);
        chart.addSubtitle(ChartStyle.subtitle("mean share of capacity per component; whisker: 95 % confidence "
                + "interval of the busy total (all but idle)"));
        return chart;
    }

    private static final double BAR_WIDTH = 0.15;

    /** Values of segments big enough to hold them, one decimal. */
    private static final class SegmentLabels implements CategoryItemLabelGenerator, java.io.Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public String generateRowLabel(CategoryDataset dataset, int row) {
            return dataset.getRowKey(row).toString();
        }

        @Override
        public String generateColumnLabel(CategoryDataset dataset, int column) {
            return dataset.getColumnKey(column).toString();
        }

        @Override
        public String generateLabel(CategoryDataset dataset, int row, int column) {
            Number v = dataset.getValue(row, column);
            if (v == null || v.doubleValue() < 4.0) {
                return "";
            }
            return String.format(java.util.Locale.ROOT, "%.1f %%", v.doubleValue());
        }
    }

    /**
     * The busy share (100 − idle, %) per architecture of the stacked chart, with its interval from
     * the idle figure's; one row, columns as in {@code stacked}.
     */
    static ConfidenceIntervalDataset busyDataset(ExperimentResult result, String scope,
                                                 DefaultCategoryDataset stacked) {
        ConfidenceIntervalDataset busy = new ConfidenceIntervalDataset();
        boolean any = false;
        for (int c = 0; c < stacked.getColumnCount(); c++) {
            String architecture = (String) stacked.getColumnKey(c);
            var idle = result.find(architecture, scope, Metric.CPU_UTIL_IDLE.name());
            if (idle.isPresent() && Double.isFinite(idle.get().estimate().mean())) {
                var e = idle.get().estimate();
                busy.add(100 * (1 - e.mean()), 100 * (1 - e.ciHigh()), 100 * (1 - e.ciLow()), "busy", architecture);
                any = true;
            } else {
                busy.addValue(null, "busy", architecture);
            }
        }
        return any ? busy : new ConfidenceIntervalDataset();
    }

    /** "CPU: guest work" shown as "guest work": the axis already says it is CPU. */
    static String componentLabel(String metric) {
        String label = MetricCatalog.describe(metric).label();
        return label.startsWith("CPU: ") ? label.substring("CPU: ".length()) : label;
    }

    /**
     * Percentages; rows = components present, columns = architectures with any component. The row
     * keys are metric names so colours stay keyed by component; the legend shows their labels.
     */
    public static DefaultCategoryDataset dataset(ExperimentResult result, String scope) {
        List<String> components = new ArrayList<>();
        for (String metric : COMPONENTS) {
            if (result.architectures().stream().anyMatch(a -> result.find(a, scope, metric).isPresent())) {
                components.add(metric);
            }
        }
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (String architecture : result.architectures()) {
            if (components.stream().noneMatch(m -> result.find(architecture, scope, m).isPresent())) {
                continue;
            }
            for (String metric : components) {
                double share = result.find(architecture, scope, metric)
                        .map(f -> f.estimate().mean() * 100.0).orElse(0.0);
                data.addValue(share, metric, architecture);
            }
        }
        return data;
    }

    private static double maxStack(DefaultCategoryDataset data) {
        double max = 0;
        for (int c = 0; c < data.getColumnCount(); c++) {
            double sum = 0;
            for (int r = 0; r < data.getRowCount(); r++) {
                Number v = data.getValue(r, c);
                sum += v == null ? 0 : v.doubleValue();
            }
            max = Math.max(max, sum);
        }
        return max;
    }
}
