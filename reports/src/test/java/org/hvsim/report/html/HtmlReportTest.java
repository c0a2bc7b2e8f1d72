package org.hvsim.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.hvsim.core.result.ExperimentResult;
import org.hvsim.report.Fixtures;
import org.hvsim.report.Report;

class HtmlReportTest {

    private static final String HOSTILE_VM = "<script>alert(1)</script>";

    @TempDir
    Path dir;

    private String writeReport(ExperimentResult result) throws IOException {
        Report.writeAll(result, dir);
        return Files.readString(dir.resolve("report.html"));
    }

    private List<String> files(String sub, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(dir.resolve(sub))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(suffix)).sorted().toList();
        }
    }

    @Test
    void writeAllProducesEveryFileOfTheContract() throws IOException {
        ExperimentResult result = Fixtures.standard();
        Report.writeAll(result, dir.resolve("out"));
        for (String name : List.of("metrics.csv", "results.json", "report.html")) {
            assertTrue(Files.size(dir.resolve("out").resolve(name)) > 0, name);
        }
        // 3 comparisons + CPU overhead and breakdown + a CDF per VM
        int expected = 3 + 2 + 2;
        assertEquals(expected, HtmlReport.charts(result).size());
        try (Stream<Path> s = Files.list(dir.resolve("out/charts"))) {
            List<String> names = s.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(2 * expected, names.size(), names.toString());
            assertTrue(names.contains("compare-response_time_mean.png"), names.toString());
            assertTrue(names.contains("cdf-1-web.svg"), names.toString());
        }
    }

    @Test
    void scenarioTextIsEscapedEverywhere() throws IOException {
        ExperimentResult result = Fixtures.withVms("<i>name</i> & co", "desc <b>bold</b> \"q\"", HOSTILE_VM, "db");
        String html = writeReport(result);
        assertFalse(html.contains(HOSTILE_VM), "raw script tag must not appear");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "escaped name is shown");
        assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"), "no script element at all");
        assertFalse(html.contains("<i>name</i>"));
        assertTrue(html.contains("<h1>&lt;i&gt;name&lt;/i&gt; &amp; co</h1>"));
        assertFalse(html.contains("<b>bold</b>"));
        assertTrue(html.contains("desc &lt;b&gt;bold&lt;/b&gt; &quot;q&quot;"));
        // the scenario dump holds the VM name too (JSON-quoted, then escaped)
        int pre = html.indexOf("<pre class=\"scenario\">");
        assertTrue(pre > 0);
        assertTrue(html.indexOf("&lt;script&gt;", pre) > pre, "scenario dump escaped");
        // chart files of the hostile VM got safe names
        for (String name : files("charts", ".svg")) {
            assertTrue(name.matches("[A-Za-z0-9_.-]+"), name);
        }
    }

    @Test
    void oneEmbeddedValidPngPerChart() throws IOException {
        ExperimentResult result = Fixtures.standard();
        String html = writeReport(result);
        Matcher img = Pattern.compile("<img src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(html);
        List<byte[]> images = new ArrayList<>();
        while (img.find()) {
            images.add(Base64.getDecoder().decode(img.group(1)));
        }
        int charts = HtmlReport.charts(result).size();
        assertEquals(charts, images.size());
        assertEquals(charts, countOf(html, "<img"), "every img is a data URI");
        assertEquals(charts, files("charts", ".png").size());
        for (byte[] png : images) {
            assertNotNull(ImageIO.read(new ByteArrayInputStream(png)), "decodes to an image");
            assertEquals(900, ImageIO.read(new ByteArrayInputStream(png)).getWidth());
        }
        for (String svg : files("charts", ".svg")) {
            assertTrue(html.contains("href=\"charts/" + svg + "\""), svg + " linked");
        }
    }

    @Test
    void isSelfContained() throws IOException {
        String html = writeReport(Fixtures.standard());
        assertFalse(html.contains("http://"), "no network references");
        assertFalse(html.contains("https://"), "no network references");
        assertFalse(html.contains("<link"), "no external stylesheet");
        assertTrue(html.contains("<style>"));
    }

    @Test
    void showsFindingsTableAndScenario() throws IOException {
        ExperimentResult result = Fixtures.standard();
        String html = writeReport(result);
        assertTrue(html.contains("web: of the hypervisors, monolithic gives the lowest mean response time, 40 % below "
                + "hosted (12.0 ms vs 20.0 ms)"), html);
        assertTrue(html.contains("10 replications"), "the run is summarized");
        assertTrue(html.contains("seed 42"));
        int figureTable = html.indexOf("<h2 id=\"figures\">");
        assertEquals(result.figures().size() + 1, countOf(html.substring(figureTable), "<tr>"),
                "one row per figure in the full table, plus its header");
        assertTrue(html.contains("&quot;replications&quot; : 10"), "scenario rendered as pretty JSON");
    }

    @Test
    void reportWithoutDistributionsOrCpuHasOnlyComparisons() throws IOException {
        ExperimentResult full = Fixtures.standard();
        ExperimentResult bare = new ExperimentResult(full.name(), full.description(), full.seed(),
                full.architectures(),
                full.figures().stream().filter(f -> f.metric().startsWith("response_time")).toList(),
                List.of(), full.resolvedScenario());
        String html = writeReport(bare);
        assertEquals(2, countOf(html, "<img"));
    }

    @Test
    void headlineTablesPutArchitecturesSideBySideWithIntervals() throws IOException {
        String html = writeReport(Fixtures.standard());
        int start = html.indexOf("<h2 id=\"tables\">");
        String tables = html.substring(start, html.indexOf("<h2 id=\"figures\">"));
        assertTrue(tables.contains("<caption>VM web</caption>"), tables);
        assertTrue(tables.contains("<caption>VM db</caption>"));
        assertTrue(tables.contains("<caption>Host</caption>"));
        // web's mean response time under hosted: 20.0 ms, CI ±5 %
        assertTrue(tables.contains("<td class=\"num\">20.0 ms<br><span class=\"ci\">[19.0 ms, 21.0 ms]</span></td>"), tables);
        assertTrue(tables.contains("<th class=\"num\">native</th><th class=\"num\">hosted</th>"));
    }

    @Test
    void anUnstableVmIsWarnedAboutAndItsFiguresAndOnlyThoseAreMarked() throws IOException {
        ExperimentResult stable = Fixtures.standard();
        String quiet = writeReport(stable);
        assertFalse(quiet.contains("id=\"unstable\"") || quiet.contains("⚠"), "nothing is said about a stable run");
        ExperimentResult r = new ExperimentResult(stable.name(), stable.description(), stable.seed(),
                stable.architectures(), stable.figures(), stable.distributions(), stable.resolvedScenario(), stable.run(),
                List.of(), List.of(new org.hvsim.core.result.Unstable("hosted", "web", java.util.Map.of(), 52.1, 40.3)));
        String html = writeReport(r);
        int warning = html.indexOf("<div class=\"warning\" id=\"unstable\">");
        assertTrue(warning > 0 && warning < html.indexOf("<h2 id=\"findings\">"), "the warning comes before any figure");
        assertTrue(html.contains("<li>web under hosted: 52.10 requests/s offered, 40.30 served</li>"), html);
        String mark = "<span class=\"unstable\"";
        int tables = html.indexOf("<h2 id=\"tables\">");
        int all = html.indexOf("<h2 id=\"figures\">");
        String headline = html.substring(tables, all);
        String webTable = headline.substring(headline.indexOf("<caption>VM web</caption>"),
                headline.indexOf("<caption>VM db</caption>"));
        // web's three headline rows (mean, p95, throughput), one cell each under hosted
        assertEquals(3, countOf(webTable, mark), webTable);
        assertEquals(3, countOf(headline, mark), "db and the host are not marked");
        String figures = html.substring(all, html.indexOf("<h2 id=\"method\">"));
        assertEquals(3, countOf(figures, mark), "one per web figure under hosted in the full table");
        for (String row : figures.split("<tr>")) {
            if (row.contains(mark)) {
                assertTrue(row.startsWith("<td>web ") && row.contains("<td>hosted</td>"), row);
            }
        }
    }

    @Test
    void oneParameterSweepShowsCurvesAndParameterColumns() throws IOException {
        ExperimentResult sweep = Fixtures.sweep1d();
        List<ReportChart> charts = HtmlReport.charts(sweep);
        List<String> stems = charts.stream().map(ReportChart::fileStem).toList();
        assertTrue(stems.containsAll(List.of("sweep-response_time_p95-1-web", "sweep-response_time_p95-2-db",
                "sweep-response_time_mean-1-web", "sweep-response_time_mean-2-db")), stems.toString());
        String html = writeReport(sweep);
        assertTrue(html.contains("<th>web.count</th><th>Scope</th>"), "a column per parameter in the full table");
        assertTrue(html.contains("web.count = 2, 4, 6, 8"), "the sweep is summarized");
        // SLA 60 ms on web p95 = 30 ms (native) … 60 ms (hosted) × 1/(1 − count/10): every
        // architecture meets it only at web.count = 2
        assertTrue(html.contains("compared side by side at web.count = 2"), html);
        assertTrue(html.contains("<h2 id=\"tables\">Headline figures at web.count = 2</h2>"));
    }

    @Test
    void twoParameterSweepShowsAHeatMapPerArchitectureAndMetric() {
        List<String> stems = HtmlReport.charts(Fixtures.sweep2d()).stream().map(ReportChart::fileStem).toList();
        long heatMaps = stems.stream().filter(s -> s.startsWith("heatmap-")).count();
        assertEquals(2 * 4, heatMaps, "p95 of the first VM and host CPU, for each of 4 architectures: " + stems);
        assertTrue(stems.stream().noneMatch(s -> s.startsWith("sweep-")), "no curves for two parameters");
    }

    @Test
    void hostileArchitectureAndParameterNamesAreEscapedAndFileSafe() throws Exception {
        String evil = "<img src=x onerror=alert(1)>";
        List<org.hvsim.core.result.Figure> figures = new ArrayList<>();
        for (org.hvsim.core.result.Figure f : Fixtures.sweep2d().figures()) {
            java.util.Map<String, String> p = new java.util.LinkedHashMap<>();
            f.parameters().forEach((k, v) -> p.put(k.equals("web.rate") ? "web.<b>rate</b>" : k, v));
            figures.add(new org.hvsim.core.result.Figure(f.architecture().equals("hosted") ? evil : f.architecture(),
                    f.scope(), f.metric(), f.estimate(), p));
        }
        List<String> architectures = Fixtures.ARCHITECTURES.stream().map(a -> a.equals("hosted") ? evil : a).toList();
        ExperimentResult result = new ExperimentResult("x", "", 1, architectures, figures, List.of(),
                Fixtures.standard().resolvedScenario(), Fixtures.sweeping("web.count", "web.<b>rate</b>"), List.of());
        String html = writeReport(result);
        assertFalse(html.contains(evil), "raw markup of the architecture name");
        assertFalse(html.contains("<b>rate</b>"), "raw markup of the parameter name");
        assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
        assertEquals(HtmlReport.charts(result).size(), countOf(html, "<img"), "no img beyond the charts");
        for (String name : files("charts", ".png")) {
            assertTrue(name.matches("[A-Za-z0-9_.-]+"), name);
        }
        // the names are in chart titles and legends too: every SVG must still be well-formed XML
        javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        for (String name : files("charts", ".svg")) {
            try {
                factory.newDocumentBuilder().parse(dir.resolve("charts").resolve(name).toFile());
            } catch (Exception e) {
                throw new AssertionError(name + " is not well-formed: " + e.getMessage(), e);
            }
        }
    }

    private static int countOf(String text, String needle) {
        int count = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            count++;
        }
        return count;
    }
}
