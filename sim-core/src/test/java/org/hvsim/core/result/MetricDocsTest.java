package org.hvsim.core.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** docs/metrics.md and the {@link Metric} definitions say the same: names, scopes and units. */
class MetricDocsTest {

    private static final Pattern CODE = Pattern.compile("`([a-z0-9_]+)`");

    @Test
    void everyReportedMetricIsDocumentedWithItsScopesAndUnit() throws IOException {
        Map<String, String[]> table = table(docs());
        for (Metric m : Metric.REPORTED) {
            String[] row = table.get(m.name());
            assertTrue(row != null, m.name() + " is missing from docs/metrics.md's table");
            assertEquals(m.scopeText(), row[0], "scopes of " + m.name());
            assertEquals(m.unit(), row[1], "unit of " + m.name());
        }
        assertEquals(Metric.names(Metric.REPORTED), List.copyOf(table.keySet()),
                "docs/metrics.md's table lists exactly the reported metrics, in order");
    }

    @Test
    void capacityAndSeriesNamesAreDocumented() throws IOException {
        String docs = docs();
        for (Metric m : Metric.CAPACITY) {
            assertTrue(docs.contains("`" + m.name() + "`"), m.name() + " is missing from docs/metrics.md");
        }
        assertTrue(docs.contains("`" + Metric.QUEUE_LENGTH.name() + "`"));
    }

    private static String docs() throws IOException {
        Path here = Path.of("").toAbsolutePath();
        Path file = here.resolve("../docs/metrics.md");
        if (!Files.exists(file)) {
            file = here.resolve("docs/metrics.md");
        }
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /**
     * Metric name → {scopes, unit} from the table's rows; a row naming several metrics
     * ("`response_time_p50`, `_p95`") gives each its scopes and unit, a leading "_" continuing the
     * first name's stem.
     */
    private static Map<String, String[]> table(String docs) {
        Map<String, String[]> rows = new LinkedHashMap<>();
        for (String line : docs.split("\n")) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String[] cells = line.split("\\|");
            Matcher names = CODE.matcher(cells[1]);
            String first = null;
            while (names.find()) {
                String name = names.group(1);
                if (first == null) {
                    first = name;
                } else if (name.startsWith("_")) {
                    name = first.substring(0, first.lastIndexOf('_')) + name;
                }
                rows.put(name, new String[] {cells[2].trim(), cells[3].trim()});
            }
        }
        return rows;
    }
}
