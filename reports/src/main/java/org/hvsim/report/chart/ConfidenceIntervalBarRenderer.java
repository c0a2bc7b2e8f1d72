package org.hvsim.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;

import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.Range;
import org.jfree.data.category.CategoryDataset;

/**
 * Bars with whiskers from ci_low to ci_high of a {@link ConfidenceIntervalDataset}. Bars are drawn
 * in a first pass and whiskers in a second, so no neighbouring bar can paint over a whisker.
 */
public final class ConfidenceIntervalBarRenderer extends BarRenderer {

    private static final long serialVersionUID = 1L;

    private transient Paint whiskerPaint = Color.BLACK;
    private transient Stroke whiskerStroke = new BasicStroke(1.5f);

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
        double low = intervals.getLow(row, column);
        double high = intervals.getHigh(row, column);
        if (visibleRow < 0 || !Double.isFinite(low) || !Double.isFinite(high)) {
            return;
        }
        PlotOrientation orientation = plot.getOrientation();
        double barW0 = calculateBarW0(plot, orientation, dataArea, domainAxis, state, visibleRow, column);
        double centre = barW0 + state.getBarWidth() / 2.0;
        double capHalf = Math.min(state.getBarWidth() * 0.25, 8.0);
        RectangleEdge edge = plot.getRangeAxisEdge();
        double lowJ = rangeAxis.valueToJava2D(low, dataArea, edge);
        double highJ = rangeAxis.valueToJava2D(high, dataArea, edge);

        g2.setPaint(whiskerPaint);
        g2.setStroke(whiskerStroke);
        if (orientation == PlotOrientation.VERTICAL) {
            g2.draw(new Line2D.Double(centre, lowJ, centre, highJ));
            g2.draw(new Line2D.Double(centre - capHalf, lowJ, centre + capHalf, lowJ));
            g2.draw(new Line2D.Double(centre - capHalf, highJ, centre + capHalf, highJ));
        } else {
            g2.draw(new Line2D.Double(lowJ, centre, highJ, centre));
            g2.draw(new Line2D.Double(lowJ, centre - capHalf, lowJ, centre + capHalf));
            g2.draw(new Line2D.Double(highJ, centre - capHalf, highJ, centre + capHalf));
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
