package org.hvsim.report.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.hvsim.core.result.Estimate;
import org.hvsim.core.result.ExperimentResult;
import org.hvsim.core.result.Figure;
import org.hvsim.core.result.RunSummary;
import org.hvsim.core.result.Unstable;
import org.hvsim.report.Fixtures;

class JsonResultWriterTest {

    @TempDir
    Path dir;

    private JsonNode writeAndRead(ExperimentResult result) throws IOException {
        new JsonResultWriter().write(result, dir);
        return new ObjectMapper().readTree(dir.resolve("results.json").toFile());
    }

    @Test
    void parsesBackWithEveryFigure() throws IOException {
        ExperimentResult result = Fixtures.standard();
        JsonNode root = writeAndRead(result);
        assertEquals("consolidation", root.get("name").asText());
        assertEquals(result.description(), root.get("description").asText());
        assertEquals(42L, root.get("seed").asLong());
        assertEquals(Fixtures.ARCHITECTURES.size(), root.get("architectures").size());
        assertEquals("microkernel", root.get("architectures").get(3).asText());
        JsonNode figures = root.get("figures");
        assertEquals(result.figures().size(), figures.size());
        for (int i = 0; i < figures.size(); i++) {
            Figure expected = result.figures().get(i);
            JsonNode f = figures.get(i);
            assertEquals(expected.architecture(), f.get("architecture").asText());
            assertEquals(expected.scope(), f.get("scope").asText());
            assertEquals(expected.metric(), f.get("metric").asText());
            assertEquals(expected.estimate().mean(), f.get("mean").doubleValue());
            assertEquals(expected.estimate().ciLow(), f.get("ci_low").doubleValue());
            assertEquals(expected.estimate().ciHigh(), f.get("ci_high").doubleValue());
            assertEquals(expected.estimate().replications(), f.get("replications").intValue());
            assertEquals(0, f.get("nan_replications").intValue());
            assertFalse(f.get("unstable").booleanValue());
        }
        assertEquals(6, root.at("/scenario/vms/0/count").asInt());
        assertEquals("web", root.at("/scenario/vms/0/name").asText());
        assertTrue(Files.readString(dir.resolve("results.json")).contains("\n  \""), "pretty-printed");
    }

    @Test
    void nanBecomesNull() throws IOException {
        Map<String, Object> scenario = new LinkedHashMap<>();
        scenario.put("weird", Double.NaN);
        scenario.put("warmup", Duration.ofMinutes(5));   // not JSON-native: written as text, not a failure
        ExperimentResult result = new ExperimentResult("nan", null, 7, List.of("native"),
                List.of(new Figure("native", "web", "response_time_mean", new Estimate(0.3, Double.NaN, Double.NaN, 1))),
                List.of(), scenario);
        JsonNode root = writeAndRead(result);
        JsonNode f = root.get("figures").get(0);
        assertEquals(0.3, f.get("mean").doubleValue());
        assertTrue(f.get("ci_low").isNull(), f.toString());
        assertTrue(f.get("ci_high").isNull(), f.toString());
        assertTrue(root.at("/scenario/weird").isNull());
        assertEquals("PT5M", root.at("/scenario/warmup").asText());
        assertEquals("", root.get("description").asText());
    }

    @Test
    void replicationsLeftOutAsNaNAreCounted() throws IOException {
        ExperimentResult result = new ExperimentResult("nan", null, 7, List.of("native"),
                List.of(new Figure("native", "web/rare", "response_time_p99", new Estimate(0.3, 0.2, 0.4, 3, 2))),
                List.of(), Map.of());
        JsonNode f = writeAndRead(result).get("figures").get(0);
        assertEquals(3, f.get("replications").intValue());
        assertEquals(2, f.get("nan_replications").intValue());
    }

    @Test
    void anUnstableScopeIsListedAndItsFiguresAndOnlyThoseAreMarked() throws IOException {
        Estimate e = new Estimate(1, 0.9, 1.1, 3);
        List<Figure> figures = List.of(new Figure("xen", "web", "throughput", e),
                new Figure("xen", "web/page", "response_time_mean", e), new Figure("xen", "webdb", "throughput", e),
                new Figure("native", "web", "throughput", e), new Figure("xen", "host", "throughput", e));
        ExperimentResult result = new ExperimentResult("sat", null, 7, List.of("native", "xen"), figures, List.of(),
                Map.of(), RunSummary.NONE, List.of(), List.of(new Unstable("xen", "web", Map.of(), 52.1, 40.3)));
        JsonNode root = writeAndRead(result);
        assertEquals("[{\"architecture\":\"xen\",\"scope\":\"web\",\"arrival_rate\":52.1,\"throughput\":40.3}]",
                root.get("unstable").toString());
        List<Boolean> marked = new java.util.ArrayList<>();
        root.get("figures").forEach(f -> marked.add(f.get("unstable").booleanValue()));
        assertEquals(List.of(true, true, false, false, false), marked,
                "web and its classes under xen; not a VM whose name merely starts alike, nor web elsewhere");
    }

    @Test
    void sweepFiguresCarryTheirParameters() throws IOException {
        ExperimentResult result = Fixtures.sweep2d();
        JsonNode root = writeAndRead(result);
        assertEquals("[\"web.count\",\"web.rate\"]", root.get("parameters").toString());
        JsonNode figures = root.get("figures");
        assertEquals(result.figures().size(), figures.size());
        JsonNode first = figures.get(0);
        assertEquals("{\"web.count\":\"2\",\"web.rate\":\"20 /s\"}", first.get("parameters").toString());
        assertEquals(List.of("parameters", "architecture", "scope", "metric", "mean", "ci_low", "ci_high",
                "replications", "nan_replications", "unstable"), fieldNames(first));
        assertEquals("40 /s", figures.get(figures.size() - 1).at("/parameters/web.rate").asText());
    }

    @Test
    void withoutSweepThereIsNoParametersField() throws IOException {
        JsonNode root = writeAndRead(Fixtures.standard());
        assertEquals(List.of("name", "description", "seed", "architectures", "unstable", "figures", "scenario"),
                fieldNames(root));
        assertEquals(List.of("architecture", "scope", "metric", "mean", "ci_low", "ci_high", "replications",
                "nan_replications", "unstable"), fieldNames(root.get("figures").get(0)));
        assertEquals(0, root.get("unstable").size(), "nothing is unstable in the fixture");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
