package org.hvsim.report.chart;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

import org.hvsim.core.result.ExperimentResult;
import org.hvsim.report.metric.MetricCatalog;

/**
 * Where the host's CPU goes, one stacked bar per architecture: guest work, virtualization,
 * hypervisor, parent partition, management and idle, as % of the host's capacity. The means are
 * stacked (a stack cannot show intervals); the figures table has them.
 */
public final class CpuBreakdownChart {

    /** The stacked metrics, bottom to top: useful work first, idle last. */
    public static final List<String> COMPONENTS = List.of("cpu_util_guest", "cpu_util_virtualization",
            "cpu_util_hypervisor", "cpu_util_parent", "cpu_util_management", "cpu_util_idle");

    /**
     * Component colours. The series here are components, not architectures, so these avoid the
     * architecture palette's hues: a blue "management" next to a blue "monolithic" chart would mislead.
     */
    public static final Map<String, Color> COMPONENT_COLORS = Map.of(
            "cpu_util_guest", new Color(0x3B, 0x52, 0x8B),           // useful work: cool
            "cpu_util_virtualization", new Color(0xFD, 0xAE, 0x61),  // overheads: warm, darker = deeper
            "cpu_util_hypervisor", new Color(0xF4, 0x6D, 0x43),
            "cpu_util_parent", new Color(0xD7, 0x30, 0x27),
            "cpu_util_management", new Color(0x8E, 0x01, 0x52),
            "cpu_util_idle", new Color(0xE8, 0xE8, 0xE8));

    private CpuBreakdownChart() {
    }

    /** True when {@code scope} has any of the stacked metrics under any architecture. */
    public static boolean applies(ExperimentResult result, String scope) {
        return result.figures().stream()
                .anyMatch(f -> f.scope().equals(scope) && COMPONENTS.contains(f.metric()));
    }

    /** The chart for {@code scope} (normally {@code host}). */
    public static JFreeChart create(ExperimentResult result, String scope) {
        DefaultCategoryDataset data = dataset(result, scope);

        CategoryAxis architectureAxis = new CategoryAxis("Architecture");
        architectureAxis.setLabelFont(ChartStyle.LABEL_FONT);
        architectureAxis.setTickLabelFont(ChartStyle.TICK_FONT);
        NumberAxis shareAxis = new NumberAxis("Share of " + scope + " CPU capacity (%)");
        shareAxis.setLabelFont(ChartStyle.LABEL_FONT);
        shareAxis.setTickLabelFont(ChartStyle.TICK_FONT);
        // utilizations add up to 1; rounding may push a stack a hair above 100 %
        shareAxis.setRange(0.0, Math.max(100.0, maxStack(data)));

        StackedBarRenderer renderer = new StackedBarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(true);
        renderer.setDefaultOutlinePaint(Color.WHITE);
        renderer.setMaximumBarWidth(0.15);
        for (int row = 0; row < data.getRowCount(); row++) {
            renderer.setSeriesPaint(row, COMPONENT_COLORS.get((String) data.getRowKey(row)));
            renderer.setSeriesOutlinePaint(row, Color.WHITE);
        }
        // rows are keyed by metric name (stable colours); readers see the catalog's label
        renderer.setLegendItemLabelGenerator((dataset, series) ->
                componentLabel((String) dataset.getRowKey(series)));
        CategoryPlot plot = new CategoryPlot(data, architectureAxis, shareAxis, renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setRangeGridlinePaint(ChartStyle.GRID);
        return ChartStyle.chart("CPU breakdown (" + scope + ", mean)", plot);
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
