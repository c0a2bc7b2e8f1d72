package org.hvsim.report.chart;

import java.awt.Paint;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

import org.hvsim.core.result.ExperimentResult;
import org.hvsim.report.capacity.CapacityResults;

/**
 * The capacity search's answers: a bar per architecture, its height the most VMs of the template one
 * host carries, labelled with what binds it (memory, cpu, parent, disk, nic or the SLA's metric) and
 * "not certain" where an interval still straddled a limit after the replication budget.
 */
public final class CapacityChart {

    private CapacityChart() {
    }

    /** The bar label of one architecture: "12 · memory", "0 · SLA p95 · not certain". */
    public static String label(CapacityResults.Entry e) {
        return e.maxVms() + " · " + shortBinding(e.binding()) + (e.certain() ? "" : " · not certain");
    }

    /** "sla:response_time_p95" reads "SLA p95", "sla:response_time_mean" "SLA mean"; the rest as they are. */
    static String shortBinding(String binding) {
        return binding.startsWith("sla:") ? "SLA " + binding.substring(4).replace("response_time_", "") : binding;
    }

    public static JFreeChart create(CapacityResults results, ArchitecturePalette palette) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (CapacityResults.Entry e : results.entries()) {
            data.addValue(e.maxVms(), "VMs per host", e.architecture());
        }
        List<CapacityResults.Entry> entries = results.entries();
        CategoryAxis x = new CategoryAxis("Architecture");
        x.setLabelFont(ChartStyle.LABEL_FONT);
        x.setTickLabelFont(ChartStyle.TICK_FONT);
        x.setMaximumCategoryLabelLines(2);
        NumberAxis y = ChartStyle.numberAxis("Most " + results.template() + " VMs per host");
        y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        y.setUpperMargin(0.15);
        BarRenderer renderer = new BarRenderer() {
            private static final long serialVersionUID = 1L;

            @Override
            public Paint getItemPaint(int row, int column) {
                return palette.colorOf(entries.get(column).architecture());
            }
        };
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0);
        renderer.setMaximumBarWidth(0.12);
        renderer.setDefaultItemLabelGenerator(new org.jfree.chart.labels.StandardCategoryItemLabelGenerator() {
            private static final long serialVersionUID = 1L;

            @Override
            public String generateLabel(org.jfree.data.category.CategoryDataset dataset, int row, int column) {
                return label(entries.get(column));
            }
        });
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(ChartStyle.BAR_LABEL_FONT);
        renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12,
                TextAnchor.BOTTOM_CENTER));
        CategoryPlot plot = new CategoryPlot(data, x, y, renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setRangeGridlinesVisible(true);
        plot.setRangeGridlinePaint(ChartStyle.GRID);
        JFreeChart chart = ChartStyle.chart("VMs of " + results.template() + " per host, by architecture", plot);
        chart.removeLegend();
        chart.addSubtitle(ChartStyle.subtitle("searched " + results.from() + "–" + results.to()
                + "; label: the count and the binding constraint"));
        return chart;
    }

    /**
     * The SLA figure against the number of VMs at the counts the search evaluated, from {@code curve}
     * (a result whose one swept parameter is the count), with the SLA line and each architecture's
     * chosen count marked by a dotted vertical line in its colour.
     */
    public static JFreeChart curve(ExperimentResult curve, CapacityResults results, ArchitecturePalette palette) {
        String metric = results.sla().orElseThrow().metric();
        String scope = results.sla().get().scope();
        JFreeChart chart = SweepCurveChart.create(curve, scope, metric, palette);
        XYPlot plot = chart.getXYPlot();
        for (CapacityResults.Entry e : results.entries()) {
            if (e.maxVms() > 0) {
                ValueMarker m = new ValueMarker(e.maxVms(), palette.colorOf(e.architecture()),
                        new java.awt.BasicStroke(1.5f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER,
                                10f, new float[] {2f, 3f}, 0f));
                plot.addDomainMarker(m);
            }
        }
        chart.setTitle(new org.jfree.chart.title.TextTitle(chart.getTitle().getText().replaceFirst(" vs .*$",
                " vs the number of " + results.template() + " VMs"), ChartStyle.TITLE_FONT));
        chart.addSubtitle(ChartStyle.subtitle("the counts the search evaluated; dotted: each architecture's chosen count"));
        return chart;
    }

    /** Whether {@code results} has an SLA curve to draw (an SLA and at least one simulated count). */
    public static boolean hasCurve(CapacityResults results) {
        return results.sla().isPresent() && results.entries().stream()
                .anyMatch(e -> e.curve().stream().anyMatch(p -> p.figure() != null));
    }

}
