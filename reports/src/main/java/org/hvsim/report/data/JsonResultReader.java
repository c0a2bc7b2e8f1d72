package org.hvsim.report.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

import org.hvsim.core.result.Estimate;
import org.hvsim.core.result.ExperimentResult;
import org.hvsim.core.result.Figure;
import org.hvsim.core.result.Metric;
import org.hvsim.core.result.Unstable;

/**
 * Reads a results.json back into an {@link ExperimentResult}: its figures (every double exactly as
 * computed: JSON numbers round-trip), instability entries, fault marks, resolved scenario and run summary. Not the
 * distributions and time series, which results.json does not hold; a sweep has none.
 */
public final class JsonResultReader {

    private JsonResultReader() {
    }

    public static ExperimentResult read(Path file) throws IOException {
        JsonNode root = JsonTrees.MAPPER.readTree(file.toFile());
        if (root == null || !root.isObject() || !root.path("figures").isArray()) {
            throw new IOException(file + ": not an hvsim results.json (no figures)");
        }
        List<Figure> figures = new ArrayList<>();
        for (JsonNode f : root.path("figures")) {
            Estimate e = new Estimate(number(f.get("mean")), number(f.get("ci_low")), number(f.get("ci_high")),
                    f.path("replications").asInt(), f.path("nan_replications").asInt());
            figures.add(new Figure(f.path("architecture").asText(), f.path("scope").asText(), f.path("metric").asText(),
                    e, point(f.get("parameters"))));
        }
        List<Unstable> unstable = new ArrayList<>();
        for (JsonNode u : root.path("unstable")) {
            unstable.add(new Unstable(u.path("architecture").asText(), u.path("scope").asText(),
                    point(u.get("parameters")), number(u.get(Metric.ARRIVAL_RATE.name())), number(u.get(Metric.THROUGHPUT.name()))));
        }
        List<ExperimentResult.Mark> marks = new ArrayList<>();
        for (JsonNode m : root.path("marks")) {
            marks.add(new ExperimentResult.Mark(m.path("architecture").asText(), number(m.get("time")),
                    m.path("component").asText(), m.path("what").asText()));
        }
        List<String> architectures = new ArrayList<>();
        root.path("architectures").forEach(a -> architectures.add(a.asText()));
        Map<String, Object> scenario = JsonTrees.MAPPER.convertValue(root.path("scenario"),
                new TypeReference<LinkedHashMap<String, Object>>() { });
        return new ExperimentResult(root.path("name").asText(), root.path("description").asText(),
                root.path("seed").asLong(), architectures, figures, List.of(), scenario,
                RunSummaryJson.read(root.get("run")), List.of(), unstable, marks);
    }

    static double number(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? Double.NaN : node.asDouble();
    }

    private static Map<String, String> point(JsonNode node) {
        Map<String, String> point = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            node.fields().forEachRemaining(e -> point.put(e.getKey(), e.getValue().asText()));
        }
        return point;
    }
}
