/**
 * The charts of a report, built with JFreeChart: a bar comparison of one metric with 95 %
 * confidence-interval whiskers, the host CPU breakdown, and response-time CDFs; the colour palette
 * that keeps an architecture's colour the same in every chart; and PNG/SVG export.
 */
package org.hvsim.report.chart;
