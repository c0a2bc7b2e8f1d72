package org.hvsim.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The one look of every chart: white background, light grid, legend below, a plain sans-serif font.
 * Charts are built without ChartFactory's theme, whose gradients and shadows print badly.
 */
final class ChartStyle {

    static final Color GRID = new Color(0xD0, 0xD0, 0xD0);
    static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    static final Font SUBTITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private ChartStyle() {
    }

    static final Font BAR_LABEL_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 12);
    static final Font ANNOTATION_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Color REFERENCE_LINE = new Color(0xC0, 0x00, 0x00);
    static final Color WARMUP_SHADE = new Color(0xF0, 0xF0, 0xF0);
    /** Behind marker labels: mostly opaque white, so a label stays legible over lines and gridlines. */
    static final Color LABEL_BACKGROUND = new Color(255, 255, 255, 210);

    /** Black on light backgrounds, white on dark ones (relative luminance). */
    static Color textColourOn(Color background) {
        double luminance = (0.2126 * background.getRed() + 0.7152 * background.getGreen()
                + 0.0722 * background.getBlue()) / 255.0;
        return luminance > 0.5 ? Color.BLACK : Color.WHITE;
    }

    /** A number axis with the report's fonts. */
    static NumberAxis numberAxis(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setLabelFont(LABEL_FONT);
        axis.setTickLabelFont(TICK_FONT);
        return axis;
    }

    /**
     * Shades the warm-up on a time axis and marks its end: what lies left of the line is not in any
     * statistic, which a reader of a time series must know before reading the start-up transient.
     */
    static void markWarmup(XYPlot plot, double warmupSeconds, boolean labelled) {
        if (!(warmupSeconds > 0)) {
            return;
        }
        IntervalMarker shade = new IntervalMarker(0, warmupSeconds, WARMUP_SHADE);
        plot.addDomainMarker(shade, Layer.BACKGROUND);
        ValueMarker end = new ValueMarker(warmupSeconds, Color.DARK_GRAY,
                new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f));
        if (labelled) {
            end.setLabel("end of warm-up");
            end.setLabelBackgroundColor(LABEL_BACKGROUND);
            end.setLabelFont(ANNOTATION_FONT);
            end.setLabelPaint(Color.DARK_GRAY);
            end.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            end.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        }
        plot.addDomainMarker(end, Layer.BACKGROUND);
    }

    /** Colour of a fault's onset marker; its repair's is {@link #REPAIR_LINE}. */
    static final Color FAULT_LINE = new Color(0xB0, 0x30, 0x00);
    static final Color REPAIR_LINE = new Color(0x00, 0x70, 0x30);

    /**
     * A thin vertical line at {@code time}, labelled: a fault's onset ({@code onset}) or its repair. The
     * {@code index}-th label of a chart is set a line lower than the one before (four levels), so that
     * labels of nearby instants do not print over each other.
     */
    static void markEvent(XYPlot plot, double time, String label, boolean onset, int index) {
        ValueMarker m = new ValueMarker(time, onset ? FAULT_LINE : REPAIR_LINE, new BasicStroke(1.2f));
        m.setLabel(label);
        m.setLabelBackgroundColor(LABEL_BACKGROUND);
        m.setLabelFont(ANNOTATION_FONT);
        m.setLabelPaint(onset ? FAULT_LINE : REPAIR_LINE);
        m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        m.setLabelOffset(new RectangleInsets(2 + 14 * (index % 4), 2, 2, 2));
        // Behind the data: a label's box must not hide the line it labels (availability sits at 100 %, under it).
        plot.addDomainMarker(m, Layer.BACKGROUND);
    }

    /** A horizontal dashed red line at {@code value} on the range axis, labelled (e.g. an SLA). */
    static void markLimit(XYPlot plot, double value, String label) {
        ValueMarker limit = new ValueMarker(value, REFERENCE_LINE,
                new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 5f}, 0f));
        limit.setLabel(label);
        limit.setLabelBackgroundColor(LABEL_BACKGROUND);
        limit.setLabelFont(ANNOTATION_FONT);
        limit.setLabelPaint(REFERENCE_LINE);
        limit.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        limit.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        plot.addRangeMarker(limit, Layer.FOREGROUND);
    }

    /** An x-y plot in the report's style: vertical, grey gridlines both ways. */
    static org.jfree.chart.plot.XYPlot xyPlot(org.jfree.data.xy.XYDataset data, org.jfree.chart.axis.ValueAxis x,
            org.jfree.chart.axis.ValueAxis y, org.jfree.chart.renderer.xy.XYItemRenderer renderer) {
        org.jfree.chart.plot.XYPlot plot = new org.jfree.chart.plot.XYPlot(data, x, y, renderer);
        plot.setOrientation(org.jfree.chart.plot.PlotOrientation.VERTICAL);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        return plot;
    }

    /** A smaller grey line under the title. */
    static TextTitle subtitle(String text) {
        TextTitle subtitle = new TextTitle(text, SUBTITLE_FONT);
        subtitle.setPaint(Color.DARK_GRAY);
        return subtitle;
    }

    /** A chart with a title, the plot and a legend below it, styled for print. */
    static JFreeChart chart(String title, Plot plot) {
        JFreeChart chart = new JFreeChart(title, TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(8, 8, 8, 8));
        TextTitle text = chart.getTitle();
        text.setPaint(Color.BLACK);
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setItemFont(LABEL_FONT);
        legend.setFrame(new org.jfree.chart.block.BlockBorder(Color.WHITE));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(GRID);
        plot.setOutlineStroke(new BasicStroke(1f));
        return chart;
    }
}
