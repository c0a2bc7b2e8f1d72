package org.hvsim.report.html;

import org.jfree.chart.JFreeChart;

/**
 * A chart of the report with the file stem it is saved under ({@code charts/STEM.png} and
 * {@code .svg}) and its caption.
 */
public record ReportChart(String fileStem, String caption, JFreeChart chart) {
}
