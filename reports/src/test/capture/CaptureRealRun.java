import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.hvsim.core.experiment.Progress;
import org.hvsim.core.result.ExperimentResult;
import org.hvsim.core.result.Figure;
import org.hvsim.scenario.Scenario;
import org.hvsim.scenario.ScenarioLoader;
import org.hvsim.scenario.ScenarioRunner;

/**
 * Captures real runs of the example scenario as test fixtures of the reports module: everything an
 * ExperimentResult holds (figures, distributions, time series, resolved scenario), as JSON.
 *
 * Run by ../../../capture-real-run.sh, not by Maven: the reports module cannot depend on the runner
 * (scenarios depends on reports). Writes three files into the directory given:
 *   consolidation.json      the example as it is (./hvsim run)
 *   sweep-web-count.json    web.count = 4..20, shorter runs: a one-parameter sweep with an SLA
 *   sweep-count-rate.json   web.count × web.rate: a two-parameter sweep
 * The sweeps are assembled here point by point, shaped as the sweep runner's figures are
 * (Figure.parameters); their distributions and time series are left out, as the contract does not
 * tie those to a point.
 */
public class CaptureRealRun {

    public static void main(String[] args) throws Exception {
        Path example = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        String yaml = Files.readString(example);

        ExperimentResult plain = run(yaml);
        write(plain, out.resolve("consolidation.json"));

        String shorter = yaml.replace("replications: 10", "replications: 4")
                .replace("duration: 5 min", "duration: 2 min").replace("warmup: 30 s", "warmup: 20 s");
        List<Map<String, String>> points = new ArrayList<>();
        for (int count : new int[] {4, 8, 12, 16, 20}) {
            points.add(Map.of("web.count", Integer.toString(count)));
        }
        ExperimentResult oneD = sweep(shorter, List.of("web.count"), points);
        Map<String, Object> withSla = new LinkedHashMap<>(oneD.resolvedScenario());
        withSla.put("sla", Map.of("metric", "response_time_p95", "scope", "web", "max", "60 ms"));
        withSla.put("sweep", Map.of("web.count", List.of("4", "8", "12", "16", "20")));
        write(copy(oneD, withSla), out.resolve("sweep-web-count.json"));

        List<Map<String, String>> grid = new ArrayList<>();
        for (int count : new int[] {4, 8, 12}) {
            for (int rate : new int[] {20, 40, 60}) {
                Map<String, String> point = new LinkedHashMap<>();
                point.put("web.count", Integer.toString(count));
                point.put("web.rate", rate + " /s");
                grid.add(point);
            }
        }
        String shortest = shorter.replace("replications: 4", "replications: 3");
        ExperimentResult twoD = sweep(shortest, List.of("web.count", "web.rate"), grid);
        Map<String, Object> withSweep = new LinkedHashMap<>(twoD.resolvedScenario());
        withSweep.put("sweep", Map.of("web.count", List.of("4", "8", "12"),
                "web.rate", List.of("20 /s", "40 /s", "60 /s")));
        write(copy(twoD, withSweep), out.resolve("sweep-count-rate.json"));
    }

    private static ExperimentResult run(String yaml) throws Exception {
        Scenario s = ScenarioLoader.load("consolidation.yaml", yaml);
        return ScenarioRunner.run(s, Runtime.getRuntime().availableProcessors(), Progress.NONE);
    }

    private static ExperimentResult sweep(String yaml, List<String> names, List<Map<String, String>> points)
            throws Exception {
        List<Figure> figures = new ArrayList<>();
        ExperimentResult last = null;
        for (Map<String, String> point : points) {
            String text = yaml.replace("count: 6", "count: " + point.get("web.count"));
            if (point.containsKey("web.rate")) {
                text = text.replace("rate: 40 /s", "rate: " + point.get("web.rate"));
            }
            last = run(text);
            System.err.println("captured " + point);
            for (Figure f : last.figures()) {
                figures.add(new Figure(f.architecture(), f.scope(), f.metric(), f.estimate(), point));
            }
        }
        return new ExperimentResult(last.name(), last.description(), last.seed(), last.architectures(), figures,
                List.of(), last.resolvedScenario(), names, List.of());
    }

    private static ExperimentResult copy(ExperimentResult r, Map<String, Object> scenario) {
        return new ExperimentResult(r.name(), r.description(), r.seed(), r.architectures(), r.figures(),
                r.distributions(), scenario, r.parameters(), r.timeSeries());
    }

    private static void write(ExperimentResult r, Path file) throws Exception {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("name", r.name());
        root.put("description", r.description());
        root.put("seed", r.seed());
        root.put("architectures", r.architectures());
        root.put("parameters", r.parameters());
        List<Object> figures = new ArrayList<>();
        for (Figure f : r.figures()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("architecture", f.architecture());
            m.put("scope", f.scope());
            m.put("metric", f.metric());
            m.put("mean", finite(f.estimate().mean()));
            m.put("ci_low", finite(f.estimate().ciLow()));
            m.put("ci_high", finite(f.estimate().ciHigh()));
            m.put("replications", f.estimate().replications());
            m.put("parameters", f.parameters());
            figures.add(m);
        }
        root.put("figures", figures);
        List<Object> distributions = new ArrayList<>();
        for (ExperimentResult.Distribution d : r.distributions()) {
            distributions.add(Map.of("architecture", d.architecture(), "scope", d.scope(), "metric", d.metric(),
                    "values", d.values(), "cumulative", d.cumulative()));
        }
        root.put("distributions", distributions);
        List<Object> series = new ArrayList<>();
        for (ExperimentResult.TimeSeries t : r.timeSeries()) {
            series.add(Map.of("architecture", t.architecture(), "scope", t.scope(), "metric", t.metric(),
                    "times", t.times(), "values", t.values()));
        }
        root.put("timeSeries", series);
        root.put("scenario", r.resolvedScenario());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), root);
        System.err.println("wrote " + file + " (" + Files.size(file) + " bytes)");
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
