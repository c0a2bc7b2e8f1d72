package org.hvsim.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.Plot;
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
