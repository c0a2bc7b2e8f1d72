package org.hvsim.report.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jfree.data.Range;

import org.hvsim.core.result.Metric;
import org.hvsim.core.result.ExperimentResult;
import org.hvsim.report.chart.ArchitecturePalette;
import org.hvsim.report.chart.CdfChart;
import org.hvsim.report.chart.ComparisonChart;
import org.hvsim.report.chart.CpuBreakdownChart;
import org.hvsim.report.chart.CpuOverheadChart;
import org.hvsim.report.chart.HeatMapChart;
import org.hvsim.report.chart.SweepCurveChart;
import org.hvsim.report.chart.TimeSeriesChart;
import org.hvsim.report.chart.WindowChart;
import org.hvsim.report.metric.DerivedFigures;
import org.hvsim.report.metric.MetricCatalog;
import org.hvsim.report.metric.Scopes;
import org.hvsim.report.sweep.ComparisonPoint;

/**
 * Which charts a report shows, in reading order: how the architectures behave across a sweep
 * (curves for one parameter, heat maps for two), then the side-by-side comparison (response times
 * and throughput per VM, CPU overhead and breakdown), the response-time distributions, and the
 * levels over time of one replication. One palette for all, so an architecture keeps its colour.
 */
public final class ReportCharts {

    public static final String SECTION_SWEEP = "Across the sweep";
    public static final String SECTION_COMPARISON = "Side by side";
    public static final String SECTION_CPU = "Where the CPU goes";
    public static final String SECTION_DAY = "Over the day";
    public static final String SECTION_DISTRIBUTION = "Response-time distributions";
    public static final String SECTION_TIME = "Over time (first replication)";
    public static final String SECTION_AVAILABILITY = "Availability over time";

    /** Metrics given a comparison chart over the VMs, in page order. */
    public static final List<String> COMPARED_METRICS =
            List.of(Metric.RESPONSE_TIME_MEAN.name(), Metric.RESPONSE_TIME_P95.name(), Metric.THROUGHPUT.name(), Metric.IO_LATENCY_MEAN.name(), Metric.PARENT_QUEUEING_DELAY.name());

    /** Metrics drawn against a single swept parameter, per VM. */
    public static final List<String> CURVE_METRICS = List.of(Metric.RESPONSE_TIME_P95.name(), Metric.RESPONSE_TIME_MEAN.name());

    /** Chart height in pixels at the standard 900 × 500. */
    static final int HEIGHT = 500;

    private ReportCharts() {
    }

    /** Every chart of the report for {@code result}. */
    public static List<ReportChart> of(ExperimentResult result) {
        return of(result, HEIGHT);
    }

    /** Every chart of the report, {@code height} pixels high (panelled charts taller in proportion). */
    public static List<ReportChart> of(ExperimentResult result, int height) {
        ArchitecturePalette palette = ArchitecturePalette.of(result);
        List<ReportChart> charts = new ArrayList<>();
        sweepCharts(result, palette, height, charts);

        Map<String, String> point = ComparisonPoint.of(result);
        ExperimentResult at = result.atPoint(point);
        String where = point.isEmpty() ? "" : " at " + ExperimentResult.describe(point);
        for (String metric : COMPARED_METRICS) {
            List<String> scopes = Scopes.vmScopesWith(at, metric);
            if (!scopes.isEmpty()) {
                charts.add(new ReportChart(SECTION_COMPARISON, "compare-" + metric,
                        MetricCatalog.describe(metric).label() + " per VM" + where
                                + ": a bar per architecture, the whisker its 95 % confidence interval.",
                        ComparisonChart.create(at, metric, scopes, palette), height));
            }
        }
        if (CpuOverheadChart.applies(at, Scopes.HOST)) {
            charts.add(new ReportChart(SECTION_CPU, "cpu-overhead-host",
                    "The host CPU each architecture spends beyond the guests' own work" + where
                            + ", by component, with 95 % confidence intervals.",
                    CpuOverheadChart.create(at, Scopes.HOST, palette), height));
        }
        if (CpuBreakdownChart.applies(at, Scopes.HOST)) {
            charts.add(new ReportChart(SECTION_CPU, "cpu-breakdown-host",
                    "Where the host's CPU goes" + where + ": guest work, each overhead and idle, stacked to 100 %.",
                    CpuBreakdownChart.create(at, Scopes.HOST), height));
        }
        List<String> byWindow = WindowChart.vms(at);
        for (int i = 0; i < byWindow.size(); i++) {
            String vm = byWindow.get(i);
            for (String metric : List.of(Metric.RESPONSE_TIME_P95.name(), Metric.RESPONSE_TIME_MEAN.name())) {
                charts.add(new ReportChart(SECTION_DAY, "window-" + metric + "-" + (i + 1) + "-" + fileSafe(vm),
                        MetricCatalog.describe(metric).label() + " of " + vm + " by window of its rate profile" + where
                                + ", each request counted in the window it arrived in, pooled over the repeats; a "
                                + "line per architecture, the bars 95 % confidence intervals across replications"
                                + (WindowChart.sla(at, vm, metric).isPresent() ? "; the dashed line the SLA, stated on "
                                        + "its window" : "") + ".",
                        WindowChart.create(at, vm, metric, palette), height));
            }
        }
        List<String> cdfScopes = CdfChart.scopes(result);
        for (int i = 0; i < cdfScopes.size(); i++) {
            String scope = cdfScopes.get(i);
            charts.add(new ReportChart(SECTION_DISTRIBUTION, "cdf-" + (i + 1) + "-" + fileSafe(scope),
                    "Response-time distribution of " + scope + (point.isEmpty() ? "" : " (as recorded by the run)")
                            + ": the further left and the steeper a line, the faster; read a percentile where a "
                            + "line crosses its level (0.95 for p95).",
                    CdfChart.create(result, scope, palette), height));
        }
        Optional<Double> warmup = Double.isFinite(result.run().warmup()) ? Optional.of(result.run().warmup())
                : Optional.empty();
        if (TimeSeriesChart.hasHostCpu(result)) {
            charts.add(new ReportChart(SECTION_TIME, "time-cpu-host",
                    "Host CPU utilization over simulated time in the first replication of each architecture; "
                            + "the shaded start is the warm-up, left out of every statistic.",
                    TimeSeriesChart.hostCpu(result, palette, warmup), height));
        }
        if (TimeSeriesChart.vmCpuScopes(result).size() > 1) {
            for (int i = 0; i < result.architectures().size(); i++) {
                String architecture = result.architectures().get(i);
                charts.add(new ReportChart(SECTION_TIME, "time-cpu-vms-" + (i + 1) + "-" + fileSafe(architecture),
                        "CPU each VM template received over simulated time under " + architecture
                                + " (first replication): the hypervisor scheduler's weights, caps and reservations "
                                + "at work.",
                        TimeSeriesChart.vmCpu(result, architecture, warmup), height));
            }
        }
        List<String> devices = TimeSeriesChart.devices(result);
        for (int i = 0; i < devices.size(); i++) {
            String device = devices.get(i);
            charts.add(new ReportChart(SECTION_TIME, "time-device-" + (i + 1) + "-" + fileSafe(device),
                    TimeSeriesChart.deviceLabel(result, device) + " over simulated time in the first replication: "
                            + "busy share above, requests present (waiting or in service) below.",
                    TimeSeriesChart.device(result, device, palette, warmup), height * 6 / 5));
        }
        List<String> available = TimeSeriesChart.availabilityScopes(result);
        for (int i = 0; i < available.size(); i++) {
            String scope = available.get(i);
            charts.add(new ReportChart(SECTION_AVAILABILITY, "availability-" + (i + 1) + "-" + fileSafe(scope),
                    "Share of " + scope + "'s instances up over simulated time in the first replication; a dip is "
                            + "an outage, its width the time to recover.",
                    TimeSeriesChart.availability(result, scope, palette, warmup), height));
        }
        List<String> timed = TimeSeriesChart.responseTimeScopes(result);
        for (int i = 0; i < timed.size(); i++) {
            String scope = timed.get(i);
            charts.add(new ReportChart(SECTION_AVAILABILITY, "response-time-" + (i + 1) + "-" + fileSafe(scope),
                    "Mean response time of " + scope + "'s requests completed in each interval of the first "
                            + "replication, with each fault's onset and repair marked: the failure's effect on the "
                            + "requests during and after it.",
                    TimeSeriesChart.responseTime(result, scope, palette, warmup), height));
        }
        return charts;
    }

    private static void sweepCharts(ExperimentResult result, ArchitecturePalette palette, int height,
                                    List<ReportChart> charts) {
        Optional<String> parameter = SweepCurveChart.axisParameter(result);
        if (parameter.isPresent()) {
            List<String> vms = Scopes.vmScopes(result);
            for (String metric : CURVE_METRICS) {
                for (int i = 0; i < vms.size(); i++) {
                    String scope = vms.get(i);
                    if (Scopes.vmScopesWith(result, metric).contains(scope)) {
                        charts.add(new ReportChart(SECTION_SWEEP, "sweep-" + metric + "-" + (i + 1) + "-"
                                + fileSafe(scope),
                                MetricCatalog.describe(metric).label() + " of " + scope + " as " + parameter.get()
                                        + " grows, a line per architecture with 95 % confidence intervals; where a "
                                        + "line crosses the SLA is that architecture's limit.",
                                SweepCurveChart.create(result, scope, metric, palette), height));
                    }
                }
            }
        }
        if (HeatMapChart.applies(result)) {
            List<String[]> maps = new ArrayList<>();
            Scopes.vmScopesWith(result, Metric.RESPONSE_TIME_P95.name()).stream().findFirst()
                    .ifPresent(vm -> maps.add(new String[] {vm, Metric.RESPONSE_TIME_P95.name()}));
            maps.add(new String[] {Scopes.HOST, DerivedFigures.CPU_UTIL_BUSY});
            int index = 0;
            for (String[] map : maps) {
                String scope = map[0];
                String metric = map[1];
                Range scale = HeatMapChart.range(result, scope, metric);
                for (String architecture : result.architectures()) {
                    if (!HeatMapChart.hasData(result, architecture, scope, metric)) {
                        continue;
                    }
                    index++;
                    charts.add(new ReportChart(SECTION_SWEEP, "heatmap-" + index + "-" + metric + "-"
                            + fileSafe(architecture),
                            MetricCatalog.describe(metric).label() + " of " + scope + " under " + architecture
                                    + " over both swept parameters; the colour scale is shared by every "
                                    + "architecture's map.",
                            HeatMapChart.create(result, architecture, scope, metric, scale, palette),
                            height * 26 / 25));
                }
            }
        }
    }

    /** A file-name stem from a scope name: letters, digits, '-' and '_' only, at most 40 chars. */
    static String fileSafe(String scope) {
        String safe = scope.replaceAll("[^A-Za-z0-9_-]", "_");
        return safe.length() > 40 ? safe.substring(0, 40) : safe;
    }
}
