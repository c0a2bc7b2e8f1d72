package org.hvsim.report.metric;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hvsim.report.metric.MetricDisplay.Preference;

/**
 * Labels, units and display scales of the metric names defined in DESIGN.md ("Interfaces"). Stored
 * values are SI (seconds, fractions of 1, per second); response times are shown in ms and fractions
 * as %, because that is how capacity planners read them. A metric not listed falls back to its raw
 * name with no unit, so a new metric is still reported, just less prettily.
 */
public final class MetricCatalog {

    private static final double MS_PER_S = 1000.0;
    private static final double PERCENT = 100.0;
    private static final int DIGITS = 4;

    private static final Pattern PERCENTILE = Pattern.compile("response_time_p(\\d+(?:\\.\\d+)?)");

    private static final Map<String, MetricDisplay> KNOWN = Map.ofEntries(
            entry("response_time", "Response time", "ms", MS_PER_S, Preference.LOWER_IS_BETTER),
            entry("response_time_mean", "Mean response time", "ms", MS_PER_S, Preference.LOWER_IS_BETTER),
            entry("response_time_p50", "Median response time (p50)", "ms", MS_PER_S, Preference.LOWER_IS_BETTER),
            entry("throughput", "Throughput", "requests/s", 1.0, Preference.HIGHER_IS_BETTER),
            // offered load is an input, not a result: neither more nor less is better
            entry("arrival_rate", "Arrival rate (offered)", "requests/s", 1.0, Preference.NEUTRAL),
            entry("requests_arrived", "Requests arrived", "requests", 1.0, Preference.NEUTRAL),
            entry("requests_completed", "Requests completed", "requests", 1.0, Preference.NEUTRAL),
            entry("requests_in_flight", "Requests in flight at the end", "requests", 1.0, Preference.LOWER_IS_BETTER),
            entry("cpu_util_guest", "CPU: guest work", "%", PERCENT, Preference.NEUTRAL),
            entry("cpu_util_virtualization", "CPU: virtualization (exits, emulation, switches)", "%", PERCENT,
                    Preference.LOWER_IS_BETTER),
            entry("cpu_util_hypervisor", "CPU: hypervisor and its drivers", "%", PERCENT, Preference.LOWER_IS_BETTER),
            entry("cpu_util_parent", "CPU: parent partition / host OS / console", "%", PERCENT,
                    Preference.LOWER_IS_BETTER),
            entry("cpu_util_management", "CPU: management", "%", PERCENT, Preference.LOWER_IS_BETTER),
            entry("cpu_util_idle", "CPU: idle", "%", PERCENT, Preference.NEUTRAL),
            entry(DerivedFigures.CPU_UTIL_BUSY, "CPU busy (all but idle)", "%", PERCENT, Preference.NEUTRAL),
            entry("cpu_util", "CPU busy", "%", PERCENT, Preference.NEUTRAL),
            entry("queue_length", "Requests present (waiting or in service)", "requests", 1.0, Preference.NEUTRAL),
            entry("cpu_ready_fraction", "CPU ready (vCPU waiting for a pCPU)", "%", PERCENT,
                    Preference.LOWER_IS_BETTER),
            entry("cpu_costop_fraction", "CPU co-stop (SMP vCPU held back)", "%", PERCENT, Preference.LOWER_IS_BETTER),
            entry("cpu_skew_max", "Largest vCPU skew", "ms", MS_PER_S, Preference.LOWER_IS_BETTER),
            entry("io_latency_mean", "Mean I/O latency", "ms", MS_PER_S, Preference.LOWER_IS_BETTER),
            entry("parent_queueing_delay", "I/O wait in the parent partition", "ms", MS_PER_S,
                    Preference.LOWER_IS_BETTER),
            entry("disk_util", "Disk utilization", "%", PERCENT, Preference.NEUTRAL),
            entry("nic_util", "NIC utilization", "%", PERCENT, Preference.NEUTRAL),
            // five nines need more than four significant digits to be told apart from 100 %
            Map.entry("availability", new MetricDisplay("availability", "Availability", "%", PERCENT,
                    Preference.HIGHER_IS_BETTER, 8)),
            entry("downtime", "Downtime per replication", "s", 1.0, Preference.LOWER_IS_BETTER),
            entry("requests_lost", "Requests lost", "requests", 1.0, Preference.LOWER_IS_BETTER),
            entry("max_vms_per_host", "VMs per host meeting every SLA", "VMs", 1.0, Preference.HIGHER_IS_BETTER),
            entry("hosts_needed", "Hosts needed", "hosts", 1.0, Preference.LOWER_IS_BETTER),
            entry("cost_per_vm", "Cost per VM", "", 1.0, Preference.LOWER_IS_BETTER));

    private MetricCatalog() {
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
        if (metric.startsWith("response_time")) {
            return new MetricDisplay(metric, metric, "ms", MS_PER_S, Preference.LOWER_IS_BETTER, DIGITS);
        }
        if (metric.startsWith("cpu_util_")) {
            return new MetricDisplay(metric, "CPU: " + metric.substring("cpu_util_".length()), "%", PERCENT,
                    Preference.NEUTRAL, DIGITS);
        }
        return new MetricDisplay(metric, metric, "", 1.0, Preference.NEUTRAL, DIGITS);
    }
}
