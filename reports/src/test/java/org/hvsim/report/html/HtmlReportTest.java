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
        // 3 comparisons + CPU breakdown + a CDF per VM
        int expected = 3 + 1 + 2;
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
        assertTrue(html.contains("web: native has the lowest mean response time, 50 % lower than hosted"), html);
        assertTrue(html.contains("Seed</dt><dd>42</dd>"));
        assertEquals(result.figures().size() + 1, countOf(html, "<tr>"), "one table row per figure plus header");
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

    private static int countOf(String text, String needle) {
        int count = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            count++;
        }
        return count;
    }
}
