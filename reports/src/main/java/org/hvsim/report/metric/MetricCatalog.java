package org.hvsim.report.metric;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hvsim.core.result.ExperimentResult;
import org.hvsim.core.result.Figure;
import org.hvsim.core.result.Metric;
import org.hvsim.core.result.Sla;
import org.hvsim.report.metric.MetricDisplay.Preference;

/**
 * Labels, units and display scales of the metric names defined in docs/metrics.md. Stored
 * values are SI (seconds, fractions of 1, per second); response times are shown in ms and fractions
 * as %, because that is how capacity planners read them. A metric not listed falls back to its raw
 * name with no unit, so a new metric is still reported, just less prettily.
 */
public final class MetricCatalog {

    private static final double MS_PER_S = 1000.0;
    private static final double PERCENT = 100.0;
    private static final int DIGITS = 4;

    private static final Pattern PERCENTILE = Pattern.compile(
            Pattern.quote(Metric.RESPONSE_TIME.name()) + "_p(\\d+(?:\\.\\d+)?)");

    private static final Map<String, MetricDisplay> KNOWN = Map.ofEntries(
            entry(Metric.RESPONSE_TIME, "Response time", "ms", MS_PER_S, Preference.LOWER_IS_BETTER),
            entry(Metric.RESPONSE_TIME_MEAN, "Mean response time", "ms", MS_PER_S, Preference.LOWER_IS_BETTER),
            entry(Metric.RESPONSE_TIME_P50, "Median response time (p50)", "ms", MS_PER_S, Preference.LOWER_IS_BETTER),
            entry(Metric.THROUGHPUT, "Throughput", "requests/s", 1.0, Preference.HIGHER_IS_BETTER),
            // offered load is an input, not a result: neither more nor less is better
            entry(Metric.ARRIVAL_RATE, "Arrival rate (offered)", "requests/s", 1.0, Preference.NEUTRAL),
            entry(Metric.REQUESTS_ARRIVED, "Requests arrived", "requests", 1.0, Preference.NEUTRAL),
            entry(Metric.REQUESTS_COMPLETED, "Requests completed", "requests", 1.0, Preference.NEUTRAL),
            entry(Metric.REQUESTS_IN_FLIGHT, "Requests in flight at the end", "requests", 1.0, Preference.LOWER_IS_BETTER),
            entry(Metric.CPU_UTIL_GUEST, "CPU: guest work", "%", PERCENT, Preference.NEUTRAL),
            entry(Metric.CPU_UTIL_VIRTUALIZATION, "CPU: virtualization (exits, emulation, switches)", "%", PERCENT,
                    Preference.LOWER_IS_BETTER),
            entry(Metric.CPU_UTIL_HYPERVISOR, "CPU: hypervisor and its drivers", "%", PERCENT, Preference.LOWER_IS_BETTER),
            entry(Metric.CPU_UTIL_PARENT, "CPU: parent partition / host OS / console", "%", PERCENT,
                    Preference.LOWER_IS_BETTER),
            entry(Metric.CPU_UTIL_MANAGEMENT, "CPU: management", "%", PERCENT, Preference.LOWER_IS_BETTER),
            entry(Metric.CPU_UTIL_IDLE, "CPU: idle", "%", PERCENT, Preference.NEUTRAL),
            entry(DerivedFigures.CPU_UTIL_BUSY, "CPU busy (all but idle)", "%", PERCENT, Preference.NEUTRAL),
            entry(Metric.CPU_UTIL, "CPU busy", "%", PERCENT, Preference.NEUTRAL),
            entry(Metric.QUEUE_LENGTH, "Requests present (waiting or in service)", "requests", 1.0, Preference.NEUTRAL),
            entry(Metric.CPU_READY_FRACTION, "CPU ready (vCPU waiting for a pCPU)", "%", PERCENT,
                    Preference.LOWER_IS_BETTER),
            entry(Metric.CPU_COSTOP_FRACTION, "CPU co-stop (SMP vCPU held back)", "%", PERCENT, Preference.LOWER_IS_BETTER),
            entry(Metric.CPU_SKEW_MAX, "Largest vCPU skew", "ms", MS_PER_S, Preference.LOWER_IS_BETTER),
            entry(Metric.IO_LATENCY_MEAN, "Mean I/O latency", "ms", MS_PER_S, Preference.LOWER_IS_BETTER),
            entry(Metric.PARENT_QUEUEING_DELAY, "I/O wait in the parent partition", "ms", MS_PER_S,
                    Preference.LOWER_IS_BETTER),
            entry(Metric.DISK_UTIL, "Disk utilization", "%", PERCENT, Preference.NEUTRAL),
            entry(Metric.NIC_UTIL, "NIC utilization", "%", PERCENT, Preference.NEUTRAL),
            // five nines need more than four significant digits to be told apart from 100 %
            Map.entry(Metric.AVAILABILITY.name(), new MetricDisplay(Metric.AVAILABILITY.name(), "Availability", "%", PERCENT,
                    Preference.HIGHER_IS_BETTER, 8)),
            entry(Metric.DOWNTIME, "Downtime per replication", "s", 1.0, Preference.LOWER_IS_BETTER),
            entry(Metric.REQUESTS_LOST, "Requests lost", "requests", 1.0, Preference.LOWER_IS_BETTER),
            entry(Metric.MAX_VMS_PER_HOST, "VMs per host meeting every SLA", "VMs", 1.0, Preference.HIGHER_IS_BETTER),
            entry(Metric.HOSTS_NEEDED, "Hosts needed", "hosts", 1.0, Preference.LOWER_IS_BETTER),
            entry(Metric.COST_PER_VM, "Cost per VM", "", 1.0, Preference.LOWER_IS_BETTER));

    private MetricCatalog() {
    }

    private static Map.Entry<String, MetricDisplay> entry(Metric metric, String label, String unit, double scale,
                                                          Preference preference) {
        return entry(metric.name(), label, unit, scale, preference);
    }

    private static Map.Entry<String, MetricDisplay> entry(String name, String label, String unit, double scale,
                                                          Preference preference) {
        return Map.entry(name, new MetricDisplay(name, label, unit, scale, preference, DIGITS));
    }

    /** How to show {@code metric}; never null. */
    public static MetricDisplay describe(String metric) {
        MetricDisplay known = KNOWN.get(metric);
        if (known != null) {
            return known;
        }
        Matcher percentile = PERCENTILE.matcher(metric);
        if (percentile.matches()) {
            return new MetricDisplay(metric, "p" + percentile.group(1) + " response time", "ms", MS_PER_S,
                    Preference.LOWER_IS_BETTER, DIGITS);
        }
        if (metric.startsWith(Metric.RESPONSE_TIME.name())) {
            return new MetricDisplay(metric, metric, "ms", MS_PER_S, Preference.LOWER_IS_BETTER, DIGITS);
        }
        String cpuCategory = Metric.CPU_UTIL.name() + "_";
        if (metric.startsWith(cpuCategory)) {
            return new MetricDisplay(metric, "CPU: " + metric.substring(cpuCategory.length()), "%", PERCENT,
                    Preference.NEUTRAL, DIGITS);
        }
        return new MetricDisplay(metric, metric, "", 1.0, Preference.NEUTRAL, DIGITS);
    }

    /** "p95 response time ≤ 200 ms", for chart labels and findings. */
    public static String objective(Sla sla) {
        MetricDisplay display = describe(sla.metric());
        String label = display.label();
        if (label.length() > 1 && Character.isUpperCase(label.charAt(0)) && Character.isLowerCase(label.charAt(1))) {
            label = Character.toLowerCase(label.charAt(0)) + label.substring(1);
        }
        return label + " ≤ " + display.formatWithUnit(sla.max());
    }

    /**
     * How to show {@code metric} on a chart of {@code result}: as {@link #describe}, with durations in the
     * unit that fits the largest mean of the metric in the result, so every chart of it shares one unit.
     */
    public static MetricDisplay forChart(String metric, ExperimentResult result) {
        double largest = 0;
        for (Figure f : result.figures()) {
            double mean = Math.abs(f.estimate().mean());
            if (f.metric().equals(metric) && Double.isFinite(mean)) {
                largest = Math.max(largest, mean);
            }
        }
        return describe(metric).fittedTo(largest);
    }
}
