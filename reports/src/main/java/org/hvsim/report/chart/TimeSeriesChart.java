package org.hvsim.report.chart;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import org.hvsim.core.result.Metric;
import org.hvsim.core.result.ExperimentResult;
import org.hvsim.core.result.ExperimentResult.TimeSeries;
import org.hvsim.report.metric.Scopes;

/**
 * Levels over simulated time from the first replication of each architecture: host CPU
 * utilization, each device's utilization and number of requests present, and (once fault injection
 * reports it) the share of a VM template's instances that are up. One line per architecture, the
 * x axis in seconds of simulated time, the warm-up shaded and its end marked, because the start-up
 * transient left of it is in no statistic.
 *
 * <p>Each value is the mean level over one recording interval; it is drawn at the middle of its
 * interval. A time series is one sample path, not an estimate, so it has no confidence interval.
 */
public final class TimeSeriesChart {

    /** Busy share of the host's (or a VM template's) CPU capacity, all categories. */
    public static final String CPU_UTIL = Metric.CPU_UTIL.name();
    /** Requests at a device, waiting or in service. */
    public static final String QUEUE_LENGTH = Metric.QUEUE_LENGTH.name();
    public static final String DISK_UTIL = Metric.DISK_UTIL.name();
    public static final String NIC_UTIL = Metric.NIC_UTIL.name();
    /**
     * Share of a VM template's instances that are up over each interval (0 to 1), per VM scope: the
     * input of the availability timeline, recorded when the scenario has faults.
     */
    public static final String AVAILABILITY = Metric.AVAILABILITY.name();
    /** Mean response time of the requests completed in each interval, per VM scope (with faults). */
    public static final String RESPONSE_TIME_MEAN = Metric.RESPONSE_TIME_MEAN.name();
    /** Markers per chart at most: beyond, the labels would hide the lines. */
    static final int MAX_MARKS = 24;

    private TimeSeriesChart() {
    }

    /**
     * The series of {@code scope} and {@code metric}, one per architecture in the result's order
     * (the first if a result holds several), then any other treatments in order of appearance.
     */
    public static List<TimeSeries> seriesOf(ExperimentResult result, String scope, String metric) {
        List<String> order = new ArrayList<>(result.architectures());
        for (TimeSeries t : result.timeSeries()) {
            if (!order.contains(t.architecture())) {
                order.add(t.architecture());
            }
        }
        List<TimeSeries> chosen = new ArrayList<>();
        for (String architecture : order) {
            for (TimeSeries t : result.timeSeries()) {
                if (t.architecture().equals(architecture) && t.scope().equals(scope) && t.metric().equals(metric)
                        && t.times().length > 0) {
                    chosen.add(t);
                    break;
                }
            }
        }
        return chosen;
    }

    /** True when there is a host CPU series. */
    public static boolean hasHostCpu(ExperimentResult result) {
        return !seriesOf(result, Scopes.HOST, CPU_UTIL).isEmpty();
    }

    /** Device scopes (those with a disk or NIC utilization or queue-length series), in order of appearance. */
    public static List<String> devices(ExperimentResult result) {
        Set<String> devices = new LinkedHashSet<>();
        for (TimeSeries t : result.timeSeries()) {
            if (t.metric().equals(DISK_UTIL) || t.metric().equals(NIC_UTIL) || t.metric().equals(QUEUE_LENGTH)) {
                devices.add(t.scope());
            }
        }
        return new ArrayList<>(devices);
    }

    /** VM scopes with an availability series, in order of appearance. */
    public static List<String> availabilityScopes(ExperimentResult result) {
        return scopesWith(result, AVAILABILITY);
    }

    private static List<String> scopesWith(ExperimentResult result, String metric) {
        Set<String> scopes = new LinkedHashSet<>();
        for (TimeSeries t : result.timeSeries()) {
            if (t.metric().equals(metric)) {
                scopes.add(t.scope());
            }
        }
        return new ArrayList<>(scopes);
    }

    /** VM scopes with a response-time series, in order of appearance. */
    public static List<String> responseTimeScopes(ExperimentResult result) {
        return scopesWith(result, RESPONSE_TIME_MEAN);
    }

    /**
     * Mean response time (ms) of the requests completed in each interval, one line per architecture, with
     * each fault's onset and repair marked: how a failure shows in the requests during and after it.
     */
    public static JFreeChart responseTime(ExperimentResult result, String scope, ArchitecturePalette palette,
                                          Optional<Double> warmupSeconds) {
        List<TimeSeries> series = seriesOf(result, scope, RESPONSE_TIME_MEAN);
        XYPlot plot = linePlot(series, 1000.0, responseAxis(series), palette);
        plot.setDomainAxis(timeAxis());
        warmupSeconds.ifPresent(w -> ChartStyle.markWarmup(plot, w, false));
        int marked = markFaults(plot, result);
        JFreeChart chart = ChartStyle.chart("Response time of " + scope + " over time", plot);
        chart.addSubtitle(ChartStyle.subtitle(subtitle(series, "no point: no request completed in the interval"
                + (marked > 0 ? "; vertical lines: fault onsets (red), repairs and restarts (green)" : ""))));
        return chart;
    }

    /**
     * A linear axis from zero, or a logarithmic one when the series span more than two decades: a stall's
     * seconds-long responses would otherwise flatten every other architecture's milliseconds onto the floor.
     */
    static ValueAxis responseAxis(List<TimeSeries> series) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (TimeSeries t : series) {
            for (double v : t.values()) {
                if (v > 0 && Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (max > 100 * min) {
            LogAxis log = new LogAxis("Mean response time (ms, log scale)");
            log.setLabelFont(ChartStyle.LABEL_FONT);
            log.setTickLabelFont(ChartStyle.TICK_FONT);
            // Ticks at whole decades, printed as plain milliseconds (1, 10, 100, 1,000), not as 10^1.2.
            log.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1.0, new java.text.DecimalFormat("#,##0.###")));
            log.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.###"));
            log.setSmallestValue(min / 2);
            return log;
        }
        NumberAxis ms = ChartStyle.numberAxis("Mean response time (ms)");
        ms.setAutoRangeIncludesZero(true);
        return ms;
    }

    /**
     * Marks each fault's onset and repair of the result on {@code plot}: the instants of the first
     * replication, the same under every architecture (one failure history), each once; at most
     * {@link #MAX_MARKS}. Returns how many were marked.
     */
    static int markFaults(XYPlot plot, ExperimentResult result) {
        Set<String> seen = new LinkedHashSet<>();
        int n = 0;
        for (ExperimentResult.Mark m : result.marks()) {
            if (n >= MAX_MARKS) {
                break;
            }
            if (seen.add(m.time() + "|" + m.what())) {
                ChartStyle.markEvent(plot, m.time(), m.what(), m.what().endsWith(" fails"), n++);
            }
        }
        return n;
    }

    /** "Disk d0", "NIC n0", or the bare name when the series do not say which kind it is. */
    public static String deviceLabel(ExperimentResult result, String device) {
        if (!seriesOf(result, device, DISK_UTIL).isEmpty()) {
            return "Disk " + device;
        }
        if (!seriesOf(result, device, NIC_UTIL).isEmpty()) {
            return "NIC " + device;
        }
        return "Device " + device;
    }

    /** Host CPU utilization (all categories, % of capacity) over time, one line per architecture. */
    public static JFreeChart hostCpu(ExperimentResult result, ArchitecturePalette palette,
                                     Optional<Double> warmupSeconds) {
        List<TimeSeries> series = seriesOf(result, Scopes.HOST, CPU_UTIL);
        NumberAxis busy = ChartStyle.numberAxis("Host CPU busy (% of capacity)");
        // from zero, up to a little above the peak: differences between lines stay visible, and
        // the axis says how far from 100 % the host is
        busy.setRange(0, Math.min(100.0, Math.max(10.0, niceCeiling(max(series) * 100.0 * 1.25))));
        XYPlot plot = linePlot(series, 100.0, busy, palette);
        plot.setDomainAxis(timeAxis());
        warmupSeconds.ifPresent(w -> ChartStyle.markWarmup(plot, w, true));
        JFreeChart chart = ChartStyle.chart("Host CPU utilization over time", plot);
        chart.addSubtitle(ChartStyle.subtitle(subtitle(series, "guest work and every overhead")));
        return chart;
    }

    /** VM scopes with a CPU series, in order of appearance. */
    public static List<String> vmCpuScopes(ExperimentResult result) {
        Set<String> scopes = new LinkedHashSet<>();
        for (TimeSeries t : result.timeSeries()) {
            if (t.metric().equals(CPU_UTIL) && !t.scope().equals(Scopes.HOST)) {
                scopes.add(t.scope());
            }
        }
        return new ArrayList<>(scopes);
    }

    /**
     * CPU received by each VM template over time under one architecture (% of the host's capacity, all
     * categories), one line per VM: where weights, caps and BOOST show. VM lines take the extra palette
     * colours in order, so they are not mistaken for architectures.
     */
    public static JFreeChart vmCpu(ExperimentResult result, String architecture, Optional<Double> warmupSeconds) {
        List<TimeSeries> series = new ArrayList<>();
        for (String scope : vmCpuScopes(result)) {
            for (TimeSeries t : result.timeSeries()) {
                if (t.architecture().equals(architecture) && t.scope().equals(scope) && t.metric().equals(CPU_UTIL)
                        && t.times().length > 0) {
                    series.add(new TimeSeries(scope, scope, CPU_UTIL, t.times(), t.values()));
                    break;
                }
            }
        }
        NumberAxis received = ChartStyle.numberAxis("CPU received (% of host capacity)");
        received.setRange(0, Math.min(100.0, Math.max(10.0, niceCeiling(max(series) * 100.0 * 1.25))));
        XYSeriesCollection data = dataset(series, 100.0);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, ArchitecturePalette.EXTRA.get(i % ArchitecturePalette.EXTRA.size()));
            renderer.setSeriesStroke(i, new java.awt.BasicStroke(2.0f));
        }
        XYPlot plot = new XYPlot(data, timeAxis(), received, renderer);
        plot.setBackgroundPaint(java.awt.Color.WHITE);
        plot.setDomainGridlinePaint(ChartStyle.GRID);
        plot.setRangeGridlinePaint(ChartStyle.GRID);
        plot.setOutlinePaint(ChartStyle.GRID);
        warmupSeconds.ifPresent(w -> ChartStyle.markWarmup(plot, w, true));
        JFreeChart chart = ChartStyle.chart("CPU received per VM over time: " + architecture, plot);
        chart.addSubtitle(ChartStyle.subtitle(subtitle(series, "one line per VM template, all its instances")));
        return chart;
    }

    /**
     * One device over time: its utilization (% busy) above, the number of requests present (waiting
     * or in service) below, one line per architecture in both.
     */
    public static JFreeChart device(ExperimentResult result, String device, ArchitecturePalette palette,
                                    Optional<Double> warmupSeconds) {
        List<TimeSeries> disk = seriesOf(result, device, DISK_UTIL);
        List<TimeSeries> utilization = disk.isEmpty() ? seriesOf(result, device, NIC_UTIL) : disk;
        List<TimeSeries> queue = seriesOf(result, device, QUEUE_LENGTH);

        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(timeAxis());
        combined.setGap(12);
        LegendItemCollection legend = null;
        if (!utilization.isEmpty()) {
            NumberAxis busy = ChartStyle.numberAxis("Busy (%)");
            busy.setRange(0, Math.max(1.0, Math.min(100.0, max(utilization) * 100.0 * 1.15)));
            XYPlot top = linePlot(utilization, 100.0, busy, palette);
            warmupSeconds.ifPresent(w -> ChartStyle.markWarmup(top, w, true));
            combined.add(top, 1);
            legend = top.getLegendItems();
        }
        if (!queue.isEmpty()) {
            NumberAxis present = ChartStyle.numberAxis("Requests present");
            present.setAutoRangeIncludesZero(true);
            XYPlot bottom = linePlot(queue, 1.0, present, palette);
            warmupSeconds.ifPresent(w -> ChartStyle.markWarmup(bottom, w, utilization.isEmpty()));
            combined.add(bottom, 1);
            if (legend == null) {
                legend = bottom.getLegendItems();
            }
        }
        // each subplot would list every architecture again
        combined.setFixedLegendItems(legend);
        combined.setOrientation(PlotOrientation.VERTICAL);
        JFreeChart chart = ChartStyle.chart(deviceLabel(result, device) + " over time: utilization and queue",
                combined);
        List<TimeSeries> any = utilization.isEmpty() ? queue : utilization;
        chart.addSubtitle(ChartStyle.subtitle(subtitle(any, "requests present = waiting or in service")));
        return chart;
    }

    /**
     * Availability timeline of one VM template: the share of its instances up (%) over time, one
     * line per architecture; a dip is an outage and its width the time to recover.
     */
    public static JFreeChart availability(ExperimentResult result, String scope, ArchitecturePalette palette,
                                          Optional<Double> warmupSeconds) {
        List<TimeSeries> series = seriesOf(result, scope, AVAILABILITY);
        NumberAxis up = ChartStyle.numberAxis("Instances up (%)");
        up.setRange(0, 105);
        XYPlot plot = linePlot(series, 100.0, up, palette);
        plot.setDomainAxis(timeAxis());
        warmupSeconds.ifPresent(w -> ChartStyle.markWarmup(plot, w, true));
        markFaults(plot, result);
        JFreeChart chart = ChartStyle.chart("Availability of " + scope + " over time", plot);
        chart.addSubtitle(ChartStyle.subtitle(subtitle(series, "a dip is an outage, its width the time to recover")));
        return chart;
    }

    /** One series per time series, keyed by architecture, x at interval middles, y × {@code scale}. */
    public static XYSeriesCollection dataset(List<TimeSeries> series, double scale) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (TimeSeries t : series) {
            XYSeries line = new XYSeries(t.architecture(), false, true);
            int n = Math.min(t.times().length, t.values().length);
            double start = 0;
            for (int i = 0; i < n; i++) {
                double end = t.times()[i];
                line.add((start + end) / 2.0, t.values()[i] * scale);
                start = end;
            }
            data.addSeries(line);
        }
        return data;
    }

    private static XYPlot linePlot(List<TimeSeries> series, double scale, ValueAxis rangeAxis,
                                   ArchitecturePalette palette) {
        XYSeriesCollection data = dataset(series, scale);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        palette.style(renderer, data);
        XYPlot plot = new XYPlot(data, timeAxis(), rangeAxis, renderer);
        plot.setBackgroundPaint(java.awt.Color.WHITE);
        plot.setDomainGridlinePaint(ChartStyle.GRID);
        plot.setRangeGridlinePaint(ChartStyle.GRID);
        plot.setOutlinePaint(ChartStyle.GRID);
        return plot;
    }

    private static NumberAxis timeAxis() {
        NumberAxis time = ChartStyle.numberAxis("Simulated time (s)");
        time.setAutoRangeIncludesZero(true);
        time.setLowerMargin(0);
        time.setUpperMargin(0.01);
        return time;
    }

    /** The next multiple of 10 at or above {@code value}. */
    private static double niceCeiling(double value) {
        return Math.ceil(value / 10.0) * 10.0;
    }

    private static double max(List<TimeSeries> series) {
        double max = 0;
        for (TimeSeries t : series) {
            for (double v : t.values()) {
                if (Double.isFinite(v)) {
                    max = Math.max(max, v);
                }
            }
        }
        return max;
    }

    private static String subtitle(List<TimeSeries> series, String note) {
        String interval = "";
        if (!series.isEmpty() && series.get(0).times().length > 0) {
            double width = series.get(0).times()[0];
            interval = "; each point: mean over " + org.hvsim.report.metric.MetricDisplay.formatNumber(width, 3)
                    + " s";
        }
        return "first replication of each architecture" + interval + "; " + note
                + "; shaded: warm-up, in no statistic";
    }
}
