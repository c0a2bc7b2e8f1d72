package org.hvsim.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.hvsim.core.result.Estimate;
import org.hvsim.core.result.ExperimentResult;
import org.hvsim.core.result.ExperimentResult.Distribution;
import org.hvsim.core.result.ExperimentResult.TimeSeries;
import org.hvsim.core.result.Figure;
import org.hvsim.core.result.RunSummary;
import org.hvsim.core.result.Sla;

/**
 * Results of real runs of the example scenario, captured by {@code reports/capture-real-run.sh}
 * (the runner lives in a module that depends on this one, so the tests read captured files):
 * the example as {@code ./hvsim run} runs it, a one-parameter sweep of {@code web.count} with an SLA,
 * and a two-parameter sweep of {@code web.count × web.rate}.
 */
public final class RealRun {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RealRun() {
    }

    /** The example scenario, 4 architectures × 10 replications, with distributions and time series. */
    public static ExperimentResult consolidation() {
        return load("consolidation.json");
    }

    /** web.count = 4, 8, 12, 16, 20; SLA p95 ≤ 60 ms on web. */
    public static ExperimentResult webCountSweep() {
        return load("sweep-web-count.json");
    }

    /** web.count = 4, 8, 12 × web.rate = 20, 40, 60 /s. */
    public static ExperimentResult countRateSweep() {
        return load("sweep-count-rate.json");
    }

    /**
     * What each capture ran, as the runner summarizes it (the captured files hold the resolved tree,
     * which the reports no longer read): run times, replications and the SLA of the capture script's
     * scenarios.
     */
    private static final Map<String, RunSummary> RUNS = Map.of(
            "consolidation.json", new RunSummary(Optional.empty(), List.of(), 10, 30, 300, List.of(), List.of()),
            "sweep-web-count.json", new RunSummary(Optional.empty(), List.of(), 4, 20, 120,
                    List.of(new Sla("response_time_p95", "web", 0.060)), List.of()),
            "sweep-count-rate.json", new RunSummary(Optional.empty(), List.of(), 3, 20, 120, List.of(), List.of()));

    static ExperimentResult load(String name) {
        try (InputStream in = RealRun.class.getResourceAsStream("/real-run/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture /real-run/" + name);
            }
            JsonNode root = JSON.readTree(in);
            List<Figure> figures = new ArrayList<>();
            for (JsonNode f : root.get("figures")) {
                Map<String, String> parameters = new LinkedHashMap<>();
                f.path("parameters").fields().forEachRemaining(e -> parameters.put(e.getKey(), e.getValue().asText()));
                figures.add(new Figure(f.get("architecture").asText(), f.get("scope").asText(), f.get("metric").asText(),
                        new Estimate(number(f.get("mean")), number(f.get("ci_low")), number(f.get("ci_high")),
                                f.get("replications").asInt()), parameters));
            }
            List<Distribution> distributions = new ArrayList<>();
            for (JsonNode d : root.get("distributions")) {
                distributions.add(new Distribution(d.get("architecture").asText(), d.get("scope").asText(),
                        d.get("metric").asText(), doubles(d.get("values")), doubles(d.get("cumulative"))));
            }
            List<TimeSeries> series = new ArrayList<>();
            for (JsonNode t : root.get("timeSeries")) {
                series.add(new TimeSeries(t.get("architecture").asText(), t.get("scope").asText(),
                        t.get("metric").asText(), doubles(t.get("times")), doubles(t.get("values"))));
            }
            Map<String, Object> scenario = JSON.convertValue(root.get("scenario"),
                    new TypeReference<LinkedHashMap<String, Object>>() { });
            List<String> architectures = JSON.convertValue(root.get("architectures"),
                    new TypeReference<List<String>>() { });
            List<String> parameters = JSON.convertValue(root.get("parameters"), new TypeReference<List<String>>() { });
            RunSummary run = RUNS.get(name).withSweep(parameters.stream()
                    .map(p -> new RunSummary.SweptParameter(p, List.of())).toList());
            return new ExperimentResult(root.get("name").asText(), root.get("description").asText(),
                    root.get("seed").asLong(), architectures, figures, distributions, scenario, run, series);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double number(JsonNode node) {
        return node == null || node.isNull() ? Double.NaN : node.asDouble();
    }

    private static double[] doubles(JsonNode array) {
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asDouble();
        }
        return values;
    }
}
