package org.hvsim.scenario;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.hvsim.core.experiment.Progress;
import org.hvsim.core.result.ExperimentResult;
import org.hvsim.report.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report's input made in the build: an example read by the loader and run briefly, then every
 * output written. A loader change that breaks what the report reads fails here, where captured
 * fixtures in the reports module would not notice.
 */
class ReportFromScenarioTest {

    private static final Path EXAMPLES = Path.of("examples");

    @TempDir
    Path out;

    @Test
    void consolidationExampleGivesAFullReport() throws Exception {
        String html = report("consolidation.yaml", "duration: 5 min", "duration: 40 s");
        contains(html, "<dt>Host</dt><dd>8 CPUs", "<dt>VMs</dt><dd>web: 6 × 2 vCPU", "(the first 30 s are warm-up",
                " ms<br><span class=\"ci\">[");
        for (String section : new String[] {"findings", "charts", "tables", "figures", "scenario"}) {
            contains(html, "<h2 id=\"" + section + "\">");
        }
        for (String chart : new String[] {"cpu-breakdown-host", "cpu-overhead-host", "cdf-1-web"}) {
            assertTrue(Files.exists(out.resolve("charts").resolve(chart + ".png")), chart);
        }
        assertTrue(Files.size(out.resolve("metrics.csv")) > 0);
    }

    @Test
    void sweepWithAnSlaGivesTheSlaAndTheSweep() throws Exception {
        String html = report("capacity-curve.yaml", "duration: 2 min", "duration: 40 s");
        contains(html, "<dt>SLA</dt><dd>web: p95 response time ≤ 100 ms</dd>", "<dt>Sweep</dt>", "Within the SLA");
    }

    private static void contains(String html, String... fragments) {
        for (String f : fragments) {
            assertTrue(html.contains(f), "the report has " + f);
        }
    }

    /** Runs an example with {@code from} replaced by {@code to} (shorter), 2 replications, and writes the report. */
    private String report(String example, String from, String to) throws Exception {
        Path file = EXAMPLES.resolve(example);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.contains(from), example + " still says " + from);
        Sweep sweep = ScenarioLoader.loadAll(file.toString(), text.replace(from, to))
                .map(s -> s.withReplications(2));
        ExperimentResult result = ScenarioRunner.run(sweep, 2, Progress.NONE);
        Report.writeAll(result, out);
        return read(out.resolve("report.html"));
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }
}
