package org.hvsim.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.function.DoubleFunction;

import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;
import org.jfree.data.category.CategoryDataset;

/**
 * Bars with whiskers from ci_low to ci_high of a {@link ConfidenceIntervalDataset}, optionally each
 * labelled with its value just above the whisker. Bars are drawn in a first pass and whiskers and
 * labels in a second, so no neighbouring bar can paint over them, and a label never sits on the
 * whisker or inside a bar too short to hold it.
 */
public final class ConfidenceIntervalBarRenderer extends BarRenderer {

    private static final long serialVersionUID = 1L;

    private transient Paint whiskerPaint = Color.BLACK;
    private transient Stroke whiskerStroke = new BasicStroke(1.5f);
    private transient DoubleFunction<String> valueLabels;
    private transient Font valueLabelFont = new Font(Font.SANS_SERIF, Font.BOLD, 12);
    private transient Paint valueLabelPaint = new Color(0x33, 0x33, 0x33);

    public ConfidenceIntervalBarRenderer() {
        setBarPainter(new StandardBarPainter());
        setShadowVisible(false);
        setDrawBarOutline(false);
        setItemMargin(0.05);
    }

    public Paint getWhiskerPaint() {
        return whiskerPaint;
    }

    public void setWhiskerPaint(Paint paint) {
        this.whiskerPaint = paint;
        fireChangeEvent();
    }

    /** Labels each bar with {@code labels.apply(mean)} above its whisker; null for no labels. */
    public void setValueLabels(DoubleFunction<String> labels, Font font) {
        this.valueLabels = labels;
        if (font != null) {
            this.valueLabelFont = font;
        }
        fireChangeEvent();
    }

    @Override
    public int getPassCount() {
        return 2;
    }

    /** Includes the whiskers and zero (the bars' base), so no whisker is clipped. */
    @Override
    public Range findRangeBounds(CategoryDataset dataset) {
        if (!(dataset instanceof ConfidenceIntervalDataset intervals)) {
            return super.findRangeBounds(dataset);
        }
        double min = getBase();
        double max = getBase();
        for (int r = 0; r < intervals.getRowCount(); r++) {
            for (int c = 0; c < intervals.getColumnCount(); c++) {
                Number mean = intervals.getValue(r, c);
                for (double v : new double[] {mean == null ? Double.NaN : mean.doubleValue(),
                        intervals.getLow(r, c), intervals.getHigh(r, c)}) {
                    if (Double.isFinite(v)) {
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                    }
                }
            }
        }
        return new Range(min, max);
    }

    @Override
    public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea, CategoryPlot plot,
                         CategoryAxis domainAxis, ValueAxis rangeAxis, CategoryDataset dataset, int row, int column,
                         int pass) {
        if (pass == 0) {
            super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
            return;
        }
        if (!(dataset instanceof ConfidenceIntervalDataset intervals)) {
            return;
        }
        int visibleRow = state.getVisibleSeriesIndex(row);
        Number mean = intervals.getValue(row, column);
        double low = intervals.getLow(row, column);
        double high = intervals.getHigh(row, column);
        if (visibleRow < 0 || mean == null) {
            return;
        }
        PlotOrientation orientation = plot.getOrientation();
        double barW0 = calculateBarW0(plot, orientation, dataArea, domainAxis, state, visibleRow, column);
        double centre = barW0 + state.getBarWidth() / 2.0;
        RectangleEdge edge = plot.getRangeAxisEdge();
        boolean vertical = orientation == PlotOrientation.VERTICAL;
        if (Double.isFinite(low) && Double.isFinite(high)) {
            double capHalf = Math.min(state.getBarWidth() * 0.25, 8.0);
            double lowJ = rangeAxis.valueToJava2D(low, dataArea, edge);
            double highJ = rangeAxis.valueToJava2D(high, dataArea, edge);
            g2.setPaint(whiskerPaint);
            g2.setStroke(whiskerStroke);
            if (vertical) {
                g2.draw(new Line2D.Double(centre, lowJ, centre, highJ));
                g2.draw(new Line2D.Double(centre - capHalf, lowJ, centre + capHalf, lowJ));
                g2.draw(new Line2D.Double(centre - capHalf, highJ, centre + capHalf, highJ));
            } else {
                g2.draw(new Line2D.Double(lowJ, centre, highJ, centre));
                g2.draw(new Line2D.Double(lowJ, centre - capHalf, lowJ, centre + capHalf));
                g2.draw(new Line2D.Double(highJ, centre - capHalf, highJ, centre + capHalf));
            }
        }
        if (valueLabels != null && Double.isFinite(mean.doubleValue())) {
            String label = valueLabels.apply(mean.doubleValue());
            if (label == null || label.isEmpty()) {
                return;
            }
            double top = Double.isFinite(high) ? Math.max(mean.doubleValue(), high) : mean.doubleValue();
            double topJ = rangeAxis.valueToJava2D(top, dataArea, edge);
            g2.setFont(valueLabelFont);
            g2.setPaint(valueLabelPaint);
            if (vertical) {
                TextUtils.drawAlignedString(label, g2, (float) centre, (float) (topJ - 3), TextAnchor.BOTTOM_CENTER);
            } else {
                TextUtils.drawAlignedString(label, g2, (float) (topJ + 4), (float) centre, TextAnchor.CENTER_LEFT);
            }
        }
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof ConfidenceIntervalBarRenderer other && super.equals(obj)
                && whiskerPaint.equals(other.whiskerPaint) && whiskerStroke.equals(other.whiskerStroke);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
