package org.hvsim.report.html;

import org.jfree.chart.JFreeChart;

/**
 * A chart of the report: the section it belongs to, the file stem it is saved under
 * ({@code charts/STEM.png} and {@code .svg}), its caption (what it shows and how to read it), and
 * its height in pixels at the report's width (charts with stacked panels need more).
 */
public record ReportChart(String section, String fileStem, String caption, JFreeChart chart, int height) {

    public ReportChart {
        if (height <= 0) {
            throw new IllegalArgumentException("height must be positive: " + height);
        }
    }
}
