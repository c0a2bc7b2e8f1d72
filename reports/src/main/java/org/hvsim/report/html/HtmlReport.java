package org.hvsim.report.html;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.hvsim.core.result.Estimate;
import org.hvsim.core.result.ExperimentResult;
import org.hvsim.core.result.Figure;
import org.hvsim.report.ResultWriter;
import org.hvsim.report.chart.ArchitecturePalette;
import org.hvsim.report.chart.CdfChart;
import org.hvsim.report.chart.ChartWriter;
import org.hvsim.report.chart.ComparisonChart;
import org.hvsim.report.chart.CpuBreakdownChart;
import org.hvsim.report.data.JsonTrees;
import org.hvsim.report.metric.MetricCatalog;
import org.hvsim.report.metric.MetricDisplay;
import org.hvsim.report.metric.Scopes;

/**
 * Writes {@code report.html} and {@code charts/*.png, *.svg}. The page stands alone — PNGs are
 * embedded as data URIs, CSS is inline, there is no script — so it can be mailed or archived as one
 * file; the SVGs beside it are for pasting into documents. Every text that comes from the scenario is
 * escaped, and a Content-Security-Policy forbids scripts and remote loads as a second line of defence.
 */
public final class HtmlReport implements ResultWriter {

    public static final String FILE_NAME = "report.html";
    public static final String CHART_DIRECTORY = "charts";

    /** Metrics given a comparison chart over the VMs, in page order. */
    public static final List<String> COMPARED_METRICS =
            List.of("response_time_mean", "response_time_p95", "throughput");

    private final int chartWidth;
    private final int chartHeight;

    /** A report with 900 × 500 pixel charts. */
    public HtmlReport() {
        this(900, 500);
    }

    public HtmlReport(int chartWidth, int chartHeight) {
        if (chartWidth <= 0 || chartHeight <= 0) {
            throw new IllegalArgumentException("chart size must be positive: " + chartWidth + "x" + chartHeight);
        }
        this.chartWidth = chartWidth;
        this.chartHeight = chartHeight;
    }

    /**
     * The charts this report shows for {@code result}: comparisons of response_time_mean,
     * response_time_p95 and throughput over the VMs (those present), the host CPU breakdown if there
     * are cpu_util_* figures, and a CDF per scope with distributions.
     */
    public static List<ReportChart> charts(ExperimentResult result) {
        ArchitecturePalette palette = ArchitecturePalette.of(result.architectures());
        List<ReportChart> charts = new ArrayList<>();
        for (String metric : COMPARED_METRICS) {
            List<String> scopes = Scopes.vmScopesWith(result, metric);
            if (!scopes.isEmpty()) {
                charts.add(new ReportChart("compare-" + metric,
                        MetricCatalog.describe(metric).label() + " per VM, mean with 95 % confidence interval",
                        ComparisonChart.create(result, metric, scopes, palette)));
            }
        }
        if (CpuBreakdownChart.applies(result, Scopes.HOST)) {
            charts.add(new ReportChart("cpu-breakdown-host", "Where the host's CPU goes, per architecture",
                    CpuBreakdownChart.create(result, Scopes.HOST)));
        }
        List<String> cdfScopes = CdfChart.scopes(result);
        for (int i = 0; i < cdfScopes.size(); i++) {
            String scope = cdfScopes.get(i);
            charts.add(new ReportChart("cdf-" + (i + 1) + "-" + fileSafe(scope),
                    "Response-time distribution of " + scope, CdfChart.create(result, scope, palette)));
        }
        return charts;
    }

    @Override
    public void write(ExperimentResult result, Path directory) throws IOException {
        Path chartDirectory = directory.resolve(CHART_DIRECTORY);
        Files.createDirectories(chartDirectory);
        List<Map.Entry<ReportChart, byte[]>> pngs = new ArrayList<>();
        for (ReportChart chart : charts(result)) {
            byte[] png = ChartWriter.png(chart.chart(), chartWidth, chartHeight);
            Files.write(chartDirectory.resolve(chart.fileStem() + ".png"), png);
            ChartWriter.writeSvg(chart.chart(), chartDirectory.resolve(chart.fileStem() + ".svg"),
                    chartWidth, chartHeight);
            pngs.add(Map.entry(chart, png));
        }
        Files.writeString(directory.resolve(FILE_NAME), html(result, pngs), StandardCharsets.UTF_8);
    }

    private String html(ExperimentResult result, List<Map.Entry<ReportChart, byte[]>> pngs) {
        ArchitecturePalette palette = ArchitecturePalette.of(result.architectures());
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
                .append("img-src data:; style-src 'unsafe-inline'\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(HtmlText.escape(result.name())).append(" — hvsim report</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");

        h.append("<h1>").append(HtmlText.escape(result.name())).append("</h1>\n");
        if (!result.description().isBlank()) {
            h.append("<p class=\"description\">").append(HtmlText.escape(result.description())).append("</p>\n");
        }
        h.append("<dl class=\"facts\">\n<dt>Seed</dt><dd>").append(result.seed()).append("</dd>\n");
        h.append("<dt>Replications</dt><dd>").append(HtmlText.escape(replications(result))).append("</dd>\n");
        h.append("<dt>Architectures</dt><dd>");
        for (String architecture : result.architectures()) {
            h.append("<span class=\"architecture\"><span class=\"swatch\" style=\"background:")
                    .append(ArchitecturePalette.hex(palette.colorOf(architecture))).append("\"></span>")
                    .append(HtmlText.escape(architecture)).append("</span> ");
        }
        h.append("</dd>\n</dl>\n");

        h.append("<h2>Key findings</h2>\n");
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

        h.append("<h2>Charts</h2>\n");
        for (Map.Entry<ReportChart, byte[]> e : pngs) {
            ReportChart chart = e.getKey();
            String stem = HtmlText.escape(CHART_DIRECTORY + "/" + chart.fileStem());
            h.append("<figure>\n<img src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(e.getValue()))
                    .append("\" width=\"").append(chartWidth).append("\" height=\"").append(chartHeight)
                    .append("\" alt=\"").append(HtmlText.escape(chart.caption())).append("\">\n")
                    .append("<figcaption>").append(HtmlText.escape(chart.caption()))
                    .append(" — <a href=\"").append(stem).append(".svg\">SVG</a>, <a href=\"")
                    .append(stem).append(".png\">PNG</a></figcaption>\n</figure>\n");
        }

        h.append("<h2>All figures</h2>\n");
        appendFigureTable(h, result);

        h.append("<h2>Resolved scenario</h2>\n<p>Every default made explicit; re-running it with the seed above ")
                .append("reproduces these numbers.</p>\n<pre class=\"scenario\">")
                .append(HtmlText.escape(JsonTrees.scenarioText(result.resolvedScenario())))
                .append("</pre>\n");
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private static void appendFigureTable(StringBuilder h, ExperimentResult result) {
        h.append("<table>\n<thead><tr><th>Scope</th><th>Metric</th><th>Architecture</th>")
                .append("<th class=\"num\">Mean</th><th class=\"num\">95 % CI</th><th>Unit</th>")
                .append("<th class=\"num\">Replications</th></tr></thead>\n<tbody>\n");
        for (Figure f : tableOrder(result)) {
            MetricDisplay display = MetricCatalog.describe(f.metric());
            Estimate e = f.estimate();
            String interval = Double.isNaN(e.ciLow()) || Double.isNaN(e.ciHigh())
                    ? "n/a" : "[" + display.format(e.ciLow()) + ", " + display.format(e.ciHigh()) + "]";
            h.append("<tr><td>").append(HtmlText.escape(f.scope())).append("</td><td>")
                    .append(HtmlText.escape(display.label()));
            if (!display.label().equals(f.metric())) {
                h.append(" <code>").append(HtmlText.escape(f.metric())).append("</code>");
            }
            h.append("</td><td>").append(HtmlText.escape(f.architecture()))
                    .append("</td><td class=\"num\">").append(HtmlText.escape(display.format(e.mean())))
                    .append("</td><td class=\"num\">").append(HtmlText.escape(interval))
                    .append("</td><td>").append(HtmlText.escape(display.unit()))
                    .append("</td><td class=\"num\">").append(e.replications()).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }

    /** Figures grouped by scope, then metric, then architecture, so comparisons sit on adjacent rows. */
    private static List<Figure> tableOrder(ExperimentResult result) {
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
        ordered.sort(Comparator.<Figure>comparingInt(f -> scopes.indexOf(f.scope()))
                .thenComparingInt(f -> metrics.indexOf(f.metric()))
                .thenComparingInt(f -> {
                    int i = architectures.indexOf(f.architecture());
                    return i < 0 ? Integer.MAX_VALUE : i;
                }));
        return ordered;
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
        String safe = scope.replaceAll("[^A-Za-z0-9_-]", "_");
        return safe.length() > 40 ? safe.substring(0, 40) : safe;
    }

    private static final String CSS = """
            body { font-family: system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif;
                   max-width: 960px; margin: 2em auto; padding: 0 1em; color: #222; line-height: 1.45; }
            h1 { font-size: 1.8em; margin-bottom: 0.2em; overflow-wrap: anywhere; }
            h2 { font-size: 1.3em; margin-top: 1.8em; border-bottom: 1px solid #ccc; }
            .description { font-size: 1.1em; color: #444; overflow-wrap: anywhere; }
            dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.2em 1em; }
            dl.facts dt { font-weight: bold; }
            dl.facts dd { margin: 0; }
            .architecture { margin-right: 1em; white-space: nowrap; }
            .swatch { display: inline-block; width: 0.9em; height: 0.9em; margin-right: 0.3em;
                      vertical-align: -0.1em; border: 1px solid #888;
                      -webkit-print-color-adjust: exact; print-color-adjust: exact; }
            ul.findings li { margin-bottom: 0.4em; }
            figure { margin: 1.5em 0; }
            figure img { max-width: 100%; height: auto; border: 1px solid #ddd; }
            figcaption { font-size: 0.9em; color: #555; }
            table { border-collapse: collapse; width: 100%; font-size: 0.9em; }
            th, td { border-bottom: 1px solid #ddd; padding: 0.25em 0.5em; text-align: left; vertical-align: top; }
            th { background: #f3f3f3; }
            td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            code { font-size: 0.85em; color: #666; }
            pre.scenario { background: #f7f7f7; border: 1px solid #ddd; padding: 0.8em; overflow-x: auto;
                           font-size: 0.85em; white-space: pre-wrap; overflow-wrap: anywhere; }
            @media print {
              body { max-width: none; margin: 0; }
              figure, tr { break-inside: avoid; }
              a { color: inherit; text-decoration: none; }
            }
            """;
}
