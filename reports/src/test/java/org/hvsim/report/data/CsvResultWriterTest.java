package org.hvsim.report.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.hvsim.core.result.Estimate;
import org.hvsim.core.result.ExperimentResult;
import org.hvsim.core.result.Figure;
import org.hvsim.core.result.RunSummary;
import org.hvsim.report.Fixtures;

class CsvResultWriterTest {

    @TempDir
    Path dir;

    /** A strict RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks. */
    static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i += 2;
                    continue;
                }
                if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                if (field.length() != 0) {
                    throw new IllegalArgumentException("quote inside an unquoted field at " + i);
                }
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
            i++;
        }
        if (quoted) {
            throw new IllegalArgumentException("unterminated quoted field");
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }

    private List<List<String>> writeAndParse(ExperimentResult result) throws IOException {
        new CsvResultWriter().write(result, dir);
        return parse(Files.readString(dir.resolve("metrics.csv"), StandardCharsets.UTF_8));
    }

    @Test
    void headerIsTheContractAndThereIsOneRowPerFigure() throws IOException {
        ExperimentResult result = Fixtures.standard();
        List<List<String>> rows = writeAndParse(result);
        assertEquals(List.of("architecture", "scope", "metric", "mean", "ci_low", "ci_high", "replications"),
                rows.get(0));
        assertEquals(result.figures().size() + 1, rows.size());
        for (List<String> row : rows) {
            assertEquals(7, row.size(), row.toString());
        }
    }

    @Test
    void scopeWithCommaQuoteAndNewlineStaysOneField() throws IOException {
        String scope = "db, \"primary\"\nreplica";
        String architecture = "micro,kernel";
        ExperimentResult result = new ExperimentResult("q", "", 1, List.of(architecture),
                List.of(new Figure(architecture, scope, "throughput", new Estimate(1.5, 1.0, 2.0, 3))),
                List.of(), null);
        List<List<String>> rows = writeAndParse(result);
        assertEquals(2, rows.size());
        assertEquals(List.of(architecture, scope, "throughput", "1.5", "1.0", "2.0", "3"), rows.get(1));
    }

    @Test
    void plainFieldsAreNotQuoted() throws IOException {
        new CsvResultWriter().write(Fixtures.standard(), dir);
        String text = Files.readString(dir.resolve("metrics.csv"));
        assertTrue(text.contains("\nnative,web,response_time_mean,0.01,"), text);
        assertTrue(!text.contains("\""), "nothing needed quoting");
    }

    @Test
    void nanIsAnEmptyFieldAndNumbersKeepFullPrecision() throws IOException {
        double mean = 0.1 + 0.2;          // 0.30000000000000004: any rounding would lose it
        double tiny = 1.234567890123e-7;
        ExperimentResult result = new ExperimentResult("nan", "", 1, List.of("native"),
                List.of(new Figure("native", "web", "response_time_mean", new Estimate(mean, Double.NaN, Double.NaN, 1)),
                        new Figure("native", "web", "response_time_p99", new Estimate(tiny, tiny / 2, tiny * 2, 5))),
                List.of(), null);
        List<List<String>> rows = writeAndParse(result);
        List<String> single = rows.get(1);
        assertEquals(mean, Double.parseDouble(single.get(3)));
        assertEquals("", single.get(4));
        assertEquals("", single.get(5));
        assertEquals("1", single.get(6));
        List<String> small = rows.get(2);
        assertEquals(tiny, Double.parseDouble(small.get(3)));
        assertEquals(tiny / 2, Double.parseDouble(small.get(4)));
        assertEquals(tiny * 2, Double.parseDouble(small.get(5)));
    }

    @Test
    void sweepParametersComeFirstOneColumnEach() throws IOException {
        ExperimentResult result = Fixtures.sweep2d();
        List<List<String>> rows = writeAndParse(result);
        assertEquals(List.of("web.count", "web.rate", "architecture", "scope", "metric", "mean", "ci_low", "ci_high",
                "replications"), rows.get(0));
        assertEquals(result.figures().size() + 1, rows.size());
        Figure first = result.figures().get(0);
        assertEquals(List.of("2", "20 /s", first.architecture(), first.scope(), first.metric()),
                rows.get(1).subList(0, 5));
        Figure last = result.figures().get(result.figures().size() - 1);
        assertEquals(List.of("6", "40 /s", last.architecture()), rows.get(rows.size() - 1).subList(0, 3));
    }

    @Test
    void parameterNamesAndValuesWithCommasAndQuotesStayOneField() throws IOException {
        String name = "vms[\"web, tier\"].count";
        String value = "4, \"four\"";
        ExperimentResult result = new ExperimentResult("q", "", 1, List.of("native"),
                List.of(new Figure("native", "web", "throughput", new Estimate(1, 0.5, 1.5, 3), Map.of(name, value))),
                List.of(), null, org.hvsim.report.Fixtures.sweeping(name), List.of());
        List<List<String>> rows = writeAndParse(result);
        assertEquals(List.of(name, "architecture", "scope", "metric", "mean", "ci_low", "ci_high", "replications"),
                rows.get(0));
        assertEquals(List.of(value, "native", "web", "throughput", "1.0", "0.5", "1.5", "3"), rows.get(1));
    }

    @Test
    void withoutSweepTheOutputIsExactlyTheContract() throws IOException {
        ExperimentResult result = new ExperimentResult("q", "", 1, List.of("native"),
                List.of(new Figure("native", "web", "throughput", new Estimate(1, 0.5, 1.5, 3))), List.of(), null,
                RunSummary.NONE, List.of());
        new CsvResultWriter().write(result, dir);
        assertEquals("architecture,scope,metric,mean,ci_low,ci_high,replications\n"
                + "native,web,throughput,1.0,0.5,1.5,3\n", Files.readString(dir.resolve("metrics.csv")));
    }

    @Test
    void testParserHandlesQuotedEdgeCases() {
        assertEquals(List.of(List.of("a", "", "b,c", "\"")), parse("a,,\"b,c\",\"\"\"\"\n"));
    }
}
