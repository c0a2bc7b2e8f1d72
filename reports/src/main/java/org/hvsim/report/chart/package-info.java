/**
 * The charts of a report, built with JFreeChart: bar comparisons of one metric with 95 %
 * confidence-interval whiskers; the CPU overhead by component and the stacked CPU breakdown;
 * response-time CDFs; levels over time of one replication (host CPU, each device, and the
 * availability timeline once faults report it); a metric against one swept parameter with the SLA;
 * heat maps of a two-parameter sweep. Also the palette that keeps an architecture's colour (and line
 * and marker) the same in every chart, the shared style, and PNG/SVG export.
 */
package org.hvsim.report.chart;
