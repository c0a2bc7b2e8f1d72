package org.hvsim.report.html;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hvsim.core.result.Metric;
import org.hvsim.core.result.Estimate;
import org.hvsim.core.result.ExperimentResult;
import org.hvsim.core.result.Figure;
import org.hvsim.report.ResultWriter;
import org.hvsim.report.chart.ArchitecturePalette;
import org.hvsim.report.chart.ChartWriter;
import org.hvsim.report.data.JsonTrees;
import org.hvsim.report.metric.MetricCatalog;
import org.hvsim.report.metric.MetricDisplay;
import org.hvsim.report.metric.Scopes;
import org.hvsim.core.result.Sla;
import org.hvsim.report.sweep.ComparisonPoint;

/**
 * Writes {@code report.html} and {@code charts/*.png, *.svg}. The page stands alone — PNGs are
 * embedded as data URIs, CSS is inline, there is no script — so it can be mailed or archived as one
 * file; the files in {@code charts/} are for pasting into documents (SVG for print). Reading order:
 * what was simulated, the key findings, the charts with a caption each saying how to read it, the
 * headline tables with confidence intervals, every figure, how to read the statistics, and the
 * resolved scenario. Every text that comes from the scenario is escaped, and a
 * Content-Security-Policy forbids scripts and remote loads as a second line of defence.
 */
public final class HtmlReport implements ResultWriter {

    public static final String FILE_NAME = "report.html";
    public static final String CHART_DIRECTORY = "charts";

    /** Rows of the per-VM headline table, in order (those present). */
    public static final List<String> VM_HEADLINE = List.of(Metric.RESPONSE_TIME_MEAN.name(), Metric.RESPONSE_TIME_P50.name(),
            Metric.RESPONSE_TIME_P95.name(), Metric.RESPONSE_TIME_P99.name(), Metric.THROUGHPUT.name(), Metric.ARRIVAL_RATE.name(), Metric.CPU_READY_FRACTION.name(), Metric.CPU_UTIL_GUEST.name(),
            Metric.CPU_UTIL_VIRTUALIZATION.name(), Metric.AVAILABILITY.name(), Metric.DOWNTIME.name(), Metric.REQUESTS_LOST.name());

    /** Rows of the host headline table, in order (those present). */
    public static final List<String> HOST_HEADLINE = List.of(Metric.THROUGHPUT.name(), Metric.CPU_UTIL_GUEST.name(),
            Metric.CPU_UTIL_VIRTUALIZATION.name(), Metric.CPU_UTIL_HYPERVISOR.name(), Metric.CPU_UTIL_PARENT.name(), Metric.CPU_UTIL_MANAGEMENT.name(),
            Metric.CPU_UTIL_IDLE.name(), Metric.DISK_UTIL.name(), Metric.NIC_UTIL.name(), Metric.MAX_VMS_PER_HOST.name(), Metric.HOSTS_NEEDED.name(), Metric.COST_PER_VM.name());

    private final int chartWidth;
    private final int chartHeight;
    /** Charts a command adds before the standard ones (the capacity search's). */
    private final List<ReportChart> leadingCharts;

    /** A report with 900 × 500 pixel charts. */
    public HtmlReport() {
        this(900, ReportCharts.HEIGHT);
    }

    public HtmlReport(int chartWidth, int chartHeight) {
        if (chartWidth <= 0 || chartHeight <= 0) {
            throw new IllegalArgumentException("chart size must be positive: " + chartWidth + "x" + chartHeight);
        }
        this.chartWidth = chartWidth;
        this.chartHeight = chartHeight;
        this.leadingCharts = List.of();
    }

    private HtmlReport(HtmlReport base, List<ReportChart> leading) {
        this.chartWidth = base.chartWidth;
        this.chartHeight = base.chartHeight;
        this.leadingCharts = List.copyOf(leading);
    }

    /** This report with {@code charts} shown first, before the charts of {@link ReportCharts}. */
    public HtmlReport withLeadingCharts(List<ReportChart> charts) {
        return new HtmlReport(this, charts);
    }

    /** The charts this report shows for {@code result}; see {@link ReportCharts}. */
    public static List<ReportChart> charts(ExperimentResult result) {
        return ReportCharts.of(result);
    }

    @Override
    public void write(ExperimentResult result, Path directory) throws IOException {
        Path chartDirectory = directory.resolve(CHART_DIRECTORY);
        Files.createDirectories(chartDirectory);
        List<Map.Entry<ReportChart, byte[]>> pngs = new ArrayList<>();
        List<ReportChart> all = new ArrayList<>(leadingCharts);
        all.addAll(ReportCharts.of(result, chartHeight));
        for (ReportChart chart : all) {
            byte[] png = ChartWriter.png(chart.chart(), chartWidth, chart.height());
            Files.write(chartDirectory.resolve(chart.fileStem() + ".png"), png);
            ChartWriter.writeSvg(chart.chart(), chartDirectory.resolve(chart.fileStem() + ".svg"),
                    chartWidth, chart.height());
            pngs.add(Map.entry(chart, png));
        }
        Files.writeString(directory.resolve(FILE_NAME), html(result, pngs), StandardCharsets.UTF_8);
    }

    private String html(ExperimentResult result, List<Map.Entry<ReportChart, byte[]>> pngs) {
        ArchitecturePalette palette = ArchitecturePalette.of(result);
        StringBuilder h = new StringBuilder(256 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
                .append("img-src data:; style-src 'unsafe-inline'\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(HtmlText.escape(result.name())).append(" — hvsim report</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");

        h.append("<h1>").append(HtmlText.escape(result.name())).append("</h1>\n");
        if (!result.description().isBlank()) {
            h.append("<p class=\"description\">").append(HtmlText.escape(result.description().strip()))
                    .append("</p>\n");
        }
        appendSummary(h, result, palette);
        appendUnstable(h, result);

        h.append("<h2 id=\"findings\">Key findings</h2>\n");
        List<String> findings = KeyFindings.of(result);
        if (findings.isEmpty()) {
            h.append("<p>No comparison could be made (fewer than two architectures with figures).</p>\n");
        } else {
            h.append("<ul class=\"findings\">\n");
            for (String finding : findings) {
                h.append("<li>").append(HtmlText.escape(finding)).append("</li>\n");
            }
            h.append("</ul>\n");
        }

        h.append("<h2 id=\"charts\">Charts</h2>\n");
        String section = null;
        for (Map.Entry<ReportChart, byte[]> e : pngs) {
            ReportChart chart = e.getKey();
            if (!chart.section().equals(section)) {
                section = chart.section();
                h.append("<h3>").append(HtmlText.escape(section)).append("</h3>\n");
            }
            String stem = HtmlText.escape(CHART_DIRECTORY + "/" + chart.fileStem());
            h.append("<figure>\n<img src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(e.getValue()))
                    .append("\" width=\"").append(chartWidth).append("\" height=\"").append(chart.height())
                    .append("\" alt=\"").append(HtmlText.escape(chart.caption())).append("\">\n")
                    .append("<figcaption>").append(HtmlText.escape(chart.caption()))
                    .append(" <span class=\"files\"><a href=\"").append(stem).append(".svg\">SVG</a> · <a href=\"")
                    .append(stem).append(".png\">PNG</a></span></figcaption>\n</figure>\n");
        }

        appendHeadlineTables(h, result);

        h.append("<h2 id=\"figures\">All figures</h2>\n");
        appendFigureTable(h, result);

        appendMethod(h, result);

        h.append("<h2 id=\"scenario\">Resolved scenario</h2>\n<p>Every default made explicit; re-running it with the ")
                .append("seed above reproduces these numbers.</p>\n<pre class=\"scenario\">")
                .append(HtmlText.escape(JsonTrees.scenarioText(result.resolvedScenario())))
                .append("</pre>\n");
        h.append("<p class=\"footer\">Written by hvsim. Figures are also in metrics.csv and results.json beside ")
                .append("this file.</p>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void appendSummary(StringBuilder h, ExperimentResult result, ArchitecturePalette palette) {
        h.append("<dl class=\"facts\">\n");
        RunFacts.host(result.run()).ifPresent(host -> h.append("<dt>Host</dt><dd>").append(HtmlText.escape(host))
                .append("</dd>\n"));
        List<String> vms = RunFacts.vms(result.run(), result.parameters());
        if (!vms.isEmpty()) {
            h.append("<dt>VMs</dt><dd>");
            for (int i = 0; i < vms.size(); i++) {
                h.append(i == 0 ? "" : "<br>").append(HtmlText.escape(vms.get(i)));
            }
            h.append("</dd>\n");
        }
        h.append("<dt>Architectures</dt><dd>");
        for (String architecture : result.architectures()) {
            h.append("<span class=\"architecture\"><span class=\"swatch\" style=\"background:")
                    .append(ArchitecturePalette.hex(palette.colorOf(architecture))).append("\"></span>")
                    .append(HtmlText.escape(architecture)).append("</span> ");
        }
        h.append("</dd>\n");
        RunFacts.unpublished(result.run()).ifPresent(text -> h.append("<dt>Defaults without a published figure</dt><dd>")
                .append(HtmlText.escape(text)).append("</dd>\n"));
        h.append("<dt>Run</dt><dd>").append(HtmlText.escape(RunFacts.run(result.run(), replications(result))
                + "; seed " + result.seed())).append("</dd>\n");
        for (Sla sla : result.run().slas()) {
            h.append("<dt>SLA</dt><dd>").append(HtmlText.escape(sla.scope() + ": " + MetricCatalog.objective(sla))).append("</dd>\n");
        }
        List<String> parameters = result.parameters();
        if (!parameters.isEmpty()) {
            h.append("<dt>Sweep</dt><dd>");
            for (int i = 0; i < parameters.size(); i++) {
                String p = parameters.get(i);
                h.append(i == 0 ? "" : "<br>").append(HtmlText.escape(p + " = " + String.join(", ",
                        result.values(p))));
            }
            h.append("<br>").append(result.points().size()).append(" points; compared side by side at ")
                    .append(HtmlText.escape(ExperimentResult.describe(ComparisonPoint.of(result))))
                    .append(result.run().slas().isEmpty() ? " (the last point)"
                            : " (the last point at which every architecture meets the SLA)")
                    .append("</dd>\n");
        }
        h.append("</dl>\n");
    }

    /** Entries of the instability warning shown before the rest are counted, so a sweep stays readable. */
    static final int MAX_UNSTABLE_LISTED = 20;

    /** Marks a figure whose scope fell behind its arrivals. */
    static final String UNSTABLE_MARK = "⚠ unstable";

    /** A warning, before any figure, naming every VM that could not keep up with its arrivals. */
    private static void appendUnstable(StringBuilder h, ExperimentResult result) {
        if (result.unstable().isEmpty()) {
            return;
        }
        h.append("<div class=\"warning\" id=\"unstable\">\n<p><strong>Warning: unstable.</strong> ")
                .append(result.unstable().size() == 1 ? "This VM was" : "These VMs were")
                .append(" offered more requests than they served; their backlog grew through the run, so their ")
                .append("response times and queue figures describe a growing backlog, not a steady state, and ")
                .append("would grow with a longer run. Their figures are marked ")
                .append(HtmlText.escape(UNSTABLE_MARK)).append(" below.</p>\n<ul>\n");
        List<org.hvsim.core.result.Unstable> all = result.unstable();
        for (int i = 0; i < Math.min(all.size(), MAX_UNSTABLE_LISTED); i++) {
            org.hvsim.core.result.Unstable u = all.get(i);
            h.append("<li>").append(HtmlText.escape(u.scope())).append(" under ")
                    .append(HtmlText.escape(u.architecture()));
            if (!u.parameters().isEmpty()) {
                h.append(" at ").append(HtmlText.escape(ExperimentResult.describe(u.parameters())));
            }
            h.append(": ").append(HtmlText.escape(String.format(java.util.Locale.ROOT,
                    "%.4g requests/s offered, %.4g served", u.arrivalRate(), u.throughput()))).append("</li>\n");
        }
        if (all.size() > MAX_UNSTABLE_LISTED) {
            h.append("<li>and ").append(all.size() - MAX_UNSTABLE_LISTED).append(" more (see results.json)</li>\n");
        }
        h.append("</ul>\n</div>\n");
    }

    private static String unstableMark(ExperimentResult result, Figure f) {
        return result.unstableFor(f).isPresent()
                ? " <span class=\"unstable\" title=\"its backlog grew through the run\">"
                        + HtmlText.escape(UNSTABLE_MARK) + "</span>"
                : "";
    }

    /** Per VM and for the host: metrics down, architectures across, each cell a mean and its interval. */
    private static void appendHeadlineTables(StringBuilder h, ExperimentResult result) {
        Map<String, String> point = ComparisonPoint.of(result);
        ExperimentResult at = result.atPoint(point);
        h.append("<h2 id=\"tables\">Headline figures").append(point.isEmpty() ? ""
                : " at " + HtmlText.escape(ExperimentResult.describe(point))).append("</h2>\n")
                .append("<p>Mean over replications, its 95 % confidence interval below it.</p>\n");
        Map<String, List<String>> tables = new LinkedHashMap<>();
        for (String vm : Scopes.vmScopes(at)) {
            tables.put(vm, VM_HEADLINE);
        }
        tables.put(Scopes.HOST, HOST_HEADLINE);
        for (Map.Entry<String, List<String>> table : tables.entrySet()) {
            String scope = table.getKey();
            List<String> metrics = table.getValue().stream()
                    .filter(m -> at.architectures().stream().anyMatch(a -> at.find(a, scope, m).isPresent())).toList();
            if (metrics.isEmpty()) {
                continue;
            }
            h.append("<table class=\"headline\">\n<caption>").append(Scopes.HOST.equals(scope) ? "Host"
                    : "VM " + HtmlText.escape(scope)).append("</caption>\n<thead><tr><th>Metric</th>");
            for (String architecture : at.architectures()) {
                h.append("<th class=\"num\">").append(HtmlText.escape(architecture)).append("</th>");
            }
            h.append("</tr></thead>\n<tbody>\n");
            for (String metric : metrics) {
                MetricDisplay display = MetricCatalog.describe(metric);
                h.append("<tr><th scope=\"row\">").append(HtmlText.escape(display.header())).append("</th>");
                for (String architecture : at.architectures()) {
                    Optional<Figure> f = at.find(architecture, scope, metric);
                    h.append("<td class=\"num\">");
                    if (f.isPresent()) {
                        Estimate e = f.get().estimate();
                        h.append(HtmlText.escape(display.cell(e.mean()))).append(unstableMark(at, f.get()))
                                .append("<br><span class=\"ci\">")
                                .append(HtmlText.escape(interval(display, e))).append("</span>");
                    }
                    h.append("</td>");
                }
                h.append("</tr>\n");
            }
            h.append("</tbody>\n</table>\n");
        }
    }

    private static void appendFigureTable(StringBuilder h, ExperimentResult result) {
        List<String> parameters = result.parameters();
        h.append("<table>\n<thead><tr>");
        for (String p : parameters) {
            h.append("<th>").append(HtmlText.escape(p)).append("</th>");
        }
        h.append("<th>Scope</th><th>Metric</th><th>Architecture</th>")
                .append("<th class=\"num\">Mean</th><th class=\"num\">95 % CI</th><th>Unit</th>")
                .append("<th class=\"num\">Replications</th></tr></thead>\n<tbody>\n");
        for (Figure f : tableOrder(result)) {
            MetricDisplay display = MetricCatalog.describe(f.metric());
            Estimate e = f.estimate();
            h.append("<tr>");
            for (String p : parameters) {
                h.append("<td>").append(HtmlText.escape(f.parameters().getOrDefault(p, ""))).append("</td>");
            }
            h.append("<td>").append(HtmlText.escape(f.scope())).append(unstableMark(result, f)).append("</td><td>")
                    .append(HtmlText.escape(display.label()));
            if (!display.label().equals(f.metric())) {
                h.append(" <code>").append(HtmlText.escape(f.metric())).append("</code>");
            }
            h.append("</td><td>").append(HtmlText.escape(f.architecture()))
                    .append("</td><td class=\"num\">").append(HtmlText.escape(display.cell(e.mean())))
                    .append("</td><td class=\"num\">").append(HtmlText.escape(interval(display, e)))
                    .append("</td><td>").append(HtmlText.escape(display.isTime() ? "" : display.unit()))
                    .append("</td><td class=\"num\">").append(e.replications()).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }

    private static void appendMethod(StringBuilder h, ExperimentResult result) {
        h.append("<h2 id=\"method\">How to read the numbers</h2>\n<ul class=\"method\">\n")
                .append("<li>Every figure is the mean over independent replications with its 95 % confidence ")
                .append("interval (Student t); statistics start after the warm-up.</li>\n")
                .append("<li>All architectures see the same arrivals and demands (common random numbers), so ")
                .append("differences come from the architectures, not from luck.</li>\n")
                .append("<li>“Not significant” means the two 95 % confidence intervals overlap. That test is ")
                .append("conservative: a difference called significant is one; a difference called not ")
                .append("significant may still be real but is too small to be sure of from these runs.</li>\n")
                .append("<li>Times are shown in the unit that fits them (µs, ms, s), utilizations in % of the whole host's ")
                .append("capacity, throughputs in completed requests per second.</li>\n");
        if (result.isSweep()) {
            h.append("<li>Limits within an SLA are interpolated linearly between sweep points from the means; ")
                    .append("they are estimates between measured points.</li>\n");
        }
        h.append("</ul>\n");
    }

    private static String interval(MetricDisplay display, Estimate e) {
        return Double.isNaN(e.ciLow()) || Double.isNaN(e.ciHigh())
                ? "n/a" : "[" + display.cell(e.ciLow()) + ", " + display.cell(e.ciHigh()) + "]";
    }

    /**
     * Figures grouped by sweep point, scope, metric, then architecture, so comparisons sit on
     * adjacent rows.
     */
    private static List<Figure> tableOrder(ExperimentResult result) {
        List<Map<String, String>> points = result.points();
        List<String> names = result.parameters();
        List<String> scopes = new ArrayList<>();
        List<String> metrics = new ArrayList<>();
        for (Figure f : result.figures()) {
            if (!scopes.contains(f.scope())) {
                scopes.add(f.scope());
            }
            if (!metrics.contains(f.metric())) {
                metrics.add(f.metric());
            }
        }
        List<String> architectures = new ArrayList<>(result.architectures());
        List<Figure> ordered = new ArrayList<>(result.figures());
        ordered.sort(Comparator.<Figure>comparingInt(f -> points.indexOf(pointOf(f, names)))
                .thenComparingInt(f -> scopes.indexOf(f.scope()))
                .thenComparingInt(f -> metrics.indexOf(f.metric()))
                .thenComparingInt(f -> {
                    int i = architectures.indexOf(f.architecture());
                    return i < 0 ? Integer.MAX_VALUE : i;
                }));
        return ordered;
    }

    private static Map<String, String> pointOf(Figure f, List<String> names) {
        Map<String, String> point = new LinkedHashMap<>();
        for (String name : names) {
            String v = f.parameters().get(name);
            if (v != null) {
                point.put(name, v);
            }
        }
        return point;
    }

    private static String replications(ExperimentResult result) {
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (Figure f : result.figures()) {
            min = Math.min(min, f.estimate().replications());
            max = Math.max(max, f.estimate().replications());
        }
        if (max == 0) {
            return "n/a";
        }
        return min == max ? Integer.toString(max) : min + "–" + max;
    }

    /** A file-name stem from a scope name: letters, digits, '-' and '_' only, at most 40 chars. */
    static String fileSafe(String scope) {
        return ReportCharts.fileSafe(scope);
    }

    private static final String CSS = """
            body { font-family: system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif;
                   max-width: 960px; margin: 2em auto; padding: 0 1em; color: #222; line-height: 1.45; }
            h1 { font-size: 1.8em; margin-bottom: 0.2em; overflow-wrap: anywhere; }
            h2 { font-size: 1.3em; margin-top: 1.8em; border-bottom: 1px solid #ccc; }
            h3 { font-size: 1.1em; margin-top: 1.4em; }
            .description { font-size: 1.1em; color: #444; overflow-wrap: anywhere; }
            dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.2em 1em; }
            dl.facts dt { font-weight: bold; }
            dl.facts dd { margin: 0; overflow-wrap: anywhere; }
            .architecture { margin-right: 1em; white-space: nowrap; }
            .swatch { display: inline-block; width: 0.9em; height: 0.9em; margin-right: 0.3em;
                      vertical-align: -0.1em; border: 1px solid #888;
                      -webkit-print-color-adjust: exact; print-color-adjust: exact; }
            ul.findings li { margin-bottom: 0.5em; }
            figure { margin: 1.5em 0; }
            figure img { max-width: 100%; height: auto; border: 1px solid #ddd; }
            figcaption { font-size: 0.9em; color: #555; }
            figcaption .files { white-space: nowrap; margin-left: 0.5em; }
            table { border-collapse: collapse; width: 100%; font-size: 0.9em; margin-bottom: 1.2em; }
            caption { text-align: left; font-weight: bold; padding: 0.3em 0; }
            th, td { border-bottom: 1px solid #ddd; padding: 0.25em 0.5em; text-align: left; vertical-align: top;
                     overflow-wrap: anywhere; }
            th { background: #f3f3f3; }
            tbody th { font-weight: normal; }
            td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            .ci { color: #666; font-size: 0.85em; }
            .warning { border: 2px solid #b45309; background: #fff7ed; padding: 0.2em 1em; margin: 1em 0; }
            .unstable { color: #b45309; font-weight: bold; white-space: nowrap; }
            code { font-size: 0.85em; color: #666; }
            pre.scenario { background: #f7f7f7; border: 1px solid #ddd; padding: 0.8em; overflow-x: auto;
                           font-size: 0.85em; white-space: pre-wrap; overflow-wrap: anywhere; }
            .footer { color: #777; font-size: 0.85em; margin-top: 2em; }
            @media print {
              body { max-width: none; margin: 0; }
              figure, tr { break-inside: avoid; }
              a { color: inherit; text-decoration: none; }
            }
            """;
}
