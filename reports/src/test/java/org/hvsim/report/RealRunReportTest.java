package org.hvsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.hvsim.core.result.ExperimentResult;
import org.hvsim.report.html.HtmlReport;
import org.hvsim.report.html.ReportChart;

/**
 * The whole report of each captured real run, written to {@code target/real-run-report/NAME/} where
 * it stays for a person to open: the expected charts, each a real image embedded in the page and
 * saved beside it as PNG and SVG, the findings, and no reference outside the page.
 */
class RealRunReportTest {

    static final Path OUT = Path.of("target", "real-run-report");

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // 3 comparisons, CPU overhead and breakdown, a CDF, host CPU and two devices over time
        "consolidation, 9, compare-response_time_p95;cpu-overhead-host;cdf-1-web;time-cpu-host;time-device-1-d0",
        // p95 and mean against web.count, 3 comparisons, CPU overhead and breakdown
        "sweep-web-count, 7, sweep-response_time_p95-1-web;sweep-response_time_mean-1-web;compare-throughput",
        // 2 metrics x 4 architectures of heat maps, 3 comparisons, CPU overhead and breakdown
        "sweep-count-rate, 13, heatmap-1-response_time_p95-native;heatmap-8-cpu_util_busy-microkernel",
    })
    void everyChartIsARealImageInTheReport(String name, int chartCount, String someStems) throws Exception {
        ExperimentResult result = RealRun.load(name + ".json");
        Path dir = OUT.resolve(name);
        Report.writeAll(result, dir);

        List<ReportChart> charts = HtmlReport.charts(result);
        List<String> stems = charts.stream().map(ReportChart::fileStem).toList();
        assertEquals(chartCount, charts.size(), stems.toString());
        for (String stem : someStems.split(";")) {
            assertTrue(stems.contains(stem), stem + " in " + stems);
        }
        Set<String> unique = new HashSet<>(stems);
        assertEquals(stems.size(), unique.size(), "file stems are unique");

        String html = Files.readString(dir.resolve("report.html"));
        Matcher img = Pattern.compile("<img src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\" width=\"(\\d+)\" "
                + "height=\"(\\d+)\"").matcher(html);
        List<BufferedImage> embedded = new ArrayList<>();
        while (img.find()) {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(img.group(1))));
            assertNotNull(image, "an embedded image decodes");
            assertEquals(Integer.parseInt(img.group(2)), image.getWidth(), "declared width is the image's");
            assertEquals(Integer.parseInt(img.group(3)), image.getHeight(), "declared height is the image's");
            embedded.add(image);
        }
        assertEquals(chartCount, embedded.size(), "every chart embedded");
        for (String stem : stems) {
            BufferedImage png = ImageIO.read(dir.resolve("charts/" + stem + ".png").toFile());
            assertNotNull(png, stem + ".png");
            assertTrue(png.getWidth() >= 900 && png.getHeight() >= 500, stem);
            assertTrue(Fixtures.inkedShare(png) > 0.04, stem + " is not blank");
            String svg = Files.readString(dir.resolve("charts/" + stem + ".svg"));
            assertTrue(svg.startsWith("<?xml") || svg.startsWith("<svg"), stem + ".svg");
        }
        assertFalse(html.contains("http://") || html.contains("https://"), "nothing to fetch");
        assertTrue(html.contains("<h2 id=\"findings\">Key findings</h2>\n<ul class=\"findings\">"), "findings listed");
        assertTrue(html.contains("<pre class=\"scenario\">"), "the resolved scenario");
    }

}
