package org.hvsim.scenario.validation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.hvsim.core.engine.ReplicationOutput;
import org.hvsim.core.experiment.Experiment;
import org.hvsim.core.experiment.TreatmentResult;
import org.hvsim.core.result.Estimate;
import org.hvsim.core.stats.ConfidenceInterval;
import org.hvsim.scenario.Scenario;
import org.hvsim.scenario.ScenarioLoader;
import org.hvsim.scenario.ScenarioRunner;
import org.hvsim.scenario.Sweep;
import org.hvsim.scenario.load.ScenarioException;

/**
 * Runs the scenarios of scenarios/validation (shipped in the jar under {@code validation/}) that the
 * rows of {@link ValidationRows} name, and computes every row per replication: a row that combines
 * architectures (a ratio, a difference) is formed within each replication, where the architectures
 * share their random numbers, and its interval is the Student-t interval of those paired values.
 */
public final class Validation {

    /** Where the scenarios are in the jar. */
    public static final String RESOURCES = "validation/";

    /**
     * How much to run: {@code quick} runs 2 replications of half each scenario's duration (and warm-up).
     */
    public record Options(boolean quick, int threads) {
    }

    /** A row with hvsim's figure and its verdict. */
    public record Result(ValidationRow row, Estimate hvsim, double error, Boolean inOrder, boolean met) {

        /** Whether the row's target is met: calibration within its tolerance, prediction within 15 % or in order. */
        public String verdict() {
            if (Double.isNaN(hvsim.mean())) {
                return "no figure";
            }
            if (Math.abs(error) <= row.kind().tolerance + 1e-12) {
                return "ok (≤ " + Math.round(row.kind().tolerance * 100) + " %)";
            }
            if (row.kind() == ValidationRow.Kind.PREDICTION && Boolean.TRUE.equals(inOrder)) {
                return "order ok";
            }
            return "MISS" + (row.kind() == ValidationRow.Kind.PREDICTION && inOrder != null ? " (order wrong)" : "");
        }

        /** For the build's test: a calibration row within tolerance or indistinguishable from the figure. */
        public boolean calibrationHolds() {
            if (met) {
                return true;
            }
            ValidationRow.Published p = row.published();
            return hvsim.ciLow() <= p.central() * (1 + row.kind().tolerance)
                    && hvsim.ciHigh() >= p.central() * (1 - row.kind().tolerance);
        }
    }

    private Validation() {
    }

    /** Every row computed; progress lines go to {@code progress}. */
    public static List<Result> run(List<ValidationRow> rows, Options options, Consumer<String> progress)
            throws ScenarioException {
        Set<String> scenarios = new LinkedHashSet<>();
        rows.forEach(r -> scenarios.add(r.scenario()));
        Map<String, Runs> runs = new LinkedHashMap<>();
        int i = 0;
        for (String name : scenarios) {
            long start = System.nanoTime();
            Sweep sweep = load(name);
            if (options.quick()) {
                sweep = sweep.map(Validation::quick);
            }
            Runs r = new Runs();
            for (Scenario point : sweep.points()) {
                Map<String, TreatmentResult> byArch = new LinkedHashMap<>();
                for (TreatmentResult t : ScenarioRunner.runTreatments(point, options.threads(), (d, n, e) -> { })) {
                    byArch.put(t.name(), t);
                }
                r.points.add(new Point(point.parameters(), byArch));
                r.replications = point.replications();
            }
            progress.accept(String.format(java.util.Locale.ROOT, "validation: %d/%d %s (%d point%s) in %.1f s", ++i,
                    scenarios.size(), name, sweep.points().size(), sweep.points().size() == 1 ? "" : "s",
                    (System.nanoTime() - start) / 1e9));
            runs.put(name, r);
        }
        List<Result> out = new ArrayList<>();
        Map<ValidationRow, Estimate> figures = new LinkedHashMap<>();
        for (ValidationRow row : rows) {
            figures.put(row, estimate(runs.get(row.scenario()), row.formula()));
        }
        for (ValidationRow row : rows) {
            Estimate e = figures.get(row);
            double error = row.published().error(e.mean());
            Boolean order = order(row, rows, figures, runs);
            boolean met = !Double.isNaN(e.mean()) && (Math.abs(error) <= row.kind().tolerance + 1e-12
                    || row.kind() == ValidationRow.Kind.PREDICTION && Boolean.TRUE.equals(order));
            out.add(new Result(row, e, error, order, met));
        }
        return out;
    }

    /**
     * Whether the row keeps the published order against the other rows of its set and its baseline;
     * null when it has nothing to be ordered against (a bound, or figures within 5 % of each other).
     */
    private static Boolean order(ValidationRow row, List<ValidationRow> rows, Map<ValidationRow, Estimate> figures,
            Map<String, Runs> runs) {
        double p = row.published().central();
        double h = figures.get(row).mean();
        List<double[]> others = new ArrayList<>();
        for (ValidationRow o : rows) {
            if (o != row && o.group().equals(row.group()) && o.set().equals(row.set())
                    && o.scenario().equals(row.scenario())) {
                others.add(new double[] {o.published().central(), figures.get(o).mean()});
            }
        }
        if (row.baseline() != null) {
            others.add(new double[] {row.baseline().published(),
                estimate(runs.get(row.scenario()), row.baseline().formula()).mean()});
        }
        boolean any = false;
        for (double[] o : others) {
            if (Math.abs(p - o[0]) <= 0.05 * Math.max(Math.abs(p), Math.abs(o[0]))) {
                continue;
            }
            any = true;
            if (Math.signum(h - o[1]) != Math.signum(p - o[0])) {
                return false;
            }
        }
        return any ? Boolean.TRUE : null;
    }

    /** The formula per replication, and the Student-t interval of those values (NaN replications left out). */
    private static Estimate estimate(Runs runs, ValidationRow.Formula f) {
        double[] values = new double[runs.replications];
        int m = 0;
        for (int r = 0; r < runs.replications; r++) {
            int rep = r;
            double x = f.of((arch, scope, metric, at) -> runs.value(rep, arch, scope, metric, at));
            if (!Double.isNaN(x) && !Double.isInfinite(x)) {
                values[m++] = x;
            }
        }
        if (m == 0) {
            return new Estimate(Double.NaN, Double.NaN, Double.NaN, 0, runs.replications);
        }
        return ConfidenceInterval.studentT(Arrays.copyOf(values, m), Experiment.CONFIDENCE)
                .withNanReplications(runs.replications - m);
    }

    private static Scenario quick(Scenario s) {
        return s.withReplications(2).withTimes(s.warmup() / 2, s.duration() / 2);
    }

    /** A validation scenario from the jar. */
    public static Sweep load(String name) throws ScenarioException {
        String path = RESOURCES + name + ".yaml";
        try (InputStream in = Validation.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("validation scenario " + path + " missing from the jar");
            }
            return ScenarioLoader.loadAll("(built-in) " + path, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    private record Point(Map<String, String> parameters, Map<String, TreatmentResult> byArch) {

        boolean matches(String[] at) {
            for (int i = 0; i + 1 < at.length; i += 2) {
                boolean found = false;
                for (Map.Entry<String, String> e : parameters.entrySet()) {
                    String key = e.getKey();
                    if ((key.equals(at[i]) || key.endsWith("." + at[i])) && e.getValue().equals(at[i + 1])) {
                        found = true;
                    }
                }
                if (!found) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final class Runs {
        final List<Point> points = new ArrayList<>();
        int replications;

        double value(int rep, String arch, String scope, String metric, String[] at) {
            for (Point p : points) {
                if (p.matches(at)) {
                    TreatmentResult t = p.byArch().get(arch);
                    if (t == null) {
                        throw new IllegalArgumentException("no architecture " + arch + " in the validation run");
                    }
                    Double v = t.replications().get(rep).values().get(new ReplicationOutput.Key(scope, metric));
                    if (v == null) {
                        throw new IllegalArgumentException("no figure " + metric + " of " + scope + " under " + arch);
                    }
                    return v;
                }
            }
            throw new IllegalArgumentException("no sweep point " + String.join(" ", at));
        }
    }
}
