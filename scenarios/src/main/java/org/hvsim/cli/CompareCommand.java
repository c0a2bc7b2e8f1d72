package org.hvsim.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.hvsim.core.engine.SimulationFailure;
import org.hvsim.core.experiment.Progress;
import org.hvsim.core.experiment.TreatmentResult;
import org.hvsim.model.arch.ArchitectureProfile;
import org.hvsim.model.arch.Architectures;
import org.hvsim.model.system.Stability;
import org.hvsim.report.data.JsonTrees;
import org.hvsim.scenario.PairedComparison;
import org.hvsim.scenario.Scenario;
import org.hvsim.scenario.ScenarioRunner;
import org.hvsim.scenario.Sweep;
import org.hvsim.scenario.load.NearestKey;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * A/B comparison of two architectures with paired differences: prints, per figure, mean(B − A) over
 * replications with its 95 % interval, whether it is significant, and the half-widths with and
 * without pairing.
 */
// picocli passes descriptions through String.format: a literal percent sign is written %%.
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compare two architectures of a scenario (A/B) with paired differences.",
                "Replication r of A and of B see the same arrivals and demands (common random numbers), so each "
                        + "figure's B - A is estimated from per-replication differences: its mean, 95 %% interval "
                        + "and significance, and the interval half-width with and without pairing."})
final class CompareCommand implements Callable<Integer> {

    @Option(names = "--a", paramLabel = "ARCH",
            description = "Baseline: an architecture of the scenario or a built-in profile (default: the scenario's first).")
    String a;

    @Option(names = "--b", paramLabel = "ARCH",
            description = "Alternative (default: the scenario's second architecture).")
    String b;

    @Mixin
    RunOptions options;

    static final List<String> COLUMNS = List.of("scope", "metric", "mean_a", "mean_b", "diff_mean", "diff_ci_low",
            "diff_ci_high", "half_width_paired", "half_width_unpaired", "significant", "replications");

    @Override
    public Integer call() throws IOException {
        Sweep sweep = ScenarioSource.loadFor("compare", options);
        Scenario first = sweep.first();
        List<ArchitectureProfile> archs = first.architectures();
        Optional<ArchitectureProfile> pa = pick("--a", a, archs, 0);
        Optional<ArchitectureProfile> pb = pick("--b", b, archs, 1);
        if (pa.isEmpty() || pb.isEmpty()) {
            return Main.BAD_INPUT;
        }
        if (pa.get().name().equals(pb.get().name())) {
            System.err.println("hvsim compare: --a and --b are both '" + pa.get().name() + "'; choose two architectures");
            return Main.BAD_INPUT;
        }
        if (first.replications() < 2) {
            System.err.println("hvsim compare: a comparison needs at least 2 replications (use --replications)");
            return Main.BAD_INPUT;
        }
        List<ArchitectureProfile> pair = List.of(pa.get(), pb.get());
        int threads = options.threadCount();
        long total = (long) sweep.points().size() * 2 * first.replications();
        if (!options.quiet) {
            System.err.printf(Locale.ROOT, "hvsim: %s: %s (A) vs %s (B), %d replications%s, %d threads%n", first.name(),
                    pa.get().name(), pb.get().name(), first.replications(),
                    sweep.isSweep() ? " x " + ScenarioSource.grid(sweep) : "", threads);
        }
        ProgressBar bar = options.quiet ? null : new ProgressBar(System.err, System.console() != null);
        List<PairedComparison.Row> rows = new ArrayList<>();
        long start = System.nanoTime();
        int done = 0;
        try {
            for (Scenario point : sweep.points()) {
                int offset = done;
                Progress progress = bar == null ? Progress.NONE
                        : (d, t, e) -> bar.replicationDone(offset + d, (int) total, System.nanoTime() - start);
                List<TreatmentResult> r = ScenarioRunner.runTreatments(point.withArchitectures(pair), threads, progress);
                rows.addAll(PairedComparison.of(r.get(0), r.get(1), point.parameters()));
                for (TreatmentResult t : r) {
                    // a difference between growing backlogs measures the run length, not the architectures
                    RunNotes.printUnstable(Stability.of(t, point.parameters()), System.err);
                }
                done += 2 * point.replications();
            }
        } catch (SimulationFailure e) {
            System.err.println("hvsim: simulation failed: " + e.getMessage());
            return Main.INTERNAL_ERROR;
        }
        List<String> parameters = sweep.parameterNames();
        String csv = csv(rows, parameters);
        String json = json(rows, parameters, first, pa.get().name(), pb.get().name());
        if (options.out != null) {
            OutputDirectory.write(options.out, dir -> {
                Files.writeString(dir.resolve("comparison.csv"), csv, StandardCharsets.UTF_8);
                Files.writeString(dir.resolve("comparison.json"), json, StandardCharsets.UTF_8);
            });
        }
        if (options.format == RunOptions.Format.csv) {
            System.out.print(csv);
        } else if (options.format == RunOptions.Format.json) {
            System.out.print(json);
        } else {
            System.out.print(table(rows, parameters, pa.get().name(), pb.get().name()));
        }
        System.out.flush();
        return Main.OK;
    }

    private static Optional<ArchitectureProfile> pick(String option, String name, List<ArchitectureProfile> archs,
            int defaultIndex) {
        if (name == null) {
            if (archs.size() <= defaultIndex) {
                System.err.println("hvsim compare: the scenario has " + archs.size() + " architecture(s); name both "
                        + "with --a and --b");
                return Optional.empty();
            }
            return Optional.of(archs.get(defaultIndex));
        }
        Optional<ArchitectureProfile> p = archs.stream().filter(x -> x.name().equals(name)).findFirst()
                .or(() -> Architectures.byName(name));
        if (p.isEmpty()) {
            List<String> known = new ArrayList<>(archs.stream().map(ArchitectureProfile::name).toList());
            Architectures.names().stream().filter(n -> !known.contains(n)).forEach(known::add);
            System.err.println("hvsim compare: " + option + ": unknown architecture '" + name + "'"
                    + NearestKey.among(name, known).map(n -> " — did you mean '" + n + "'?")
                            .orElse(" (known: " + String.join(", ", known) + ")"));
        }
        return p;
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    static String csv(List<PairedComparison.Row> rows, List<String> parameters) {
        StringBuilder out = new StringBuilder();
        List<String> header = new ArrayList<>(parameters);
        header.addAll(COLUMNS);
        out.append(String.join(",", header.stream().map(CompareCommand::field).toList())).append('\n');
        for (PairedComparison.Row r : rows) {
            List<String> cells = new ArrayList<>();
            for (String p : parameters) {
                cells.add(field(r.parameters().getOrDefault(p, "")));
            }
            cells.addAll(Arrays.asList(field(r.scope()), field(r.metric()), num(r.meanA()), num(r.meanB()),
                    num(r.paired().mean()), num(r.paired().ciLow()), num(r.paired().ciHigh()),
                    num(r.paired().halfWidth()), num(r.unpairedHalfWidth()), Boolean.toString(r.significant()),
                    Integer.toString(r.paired().replications())));
            out.append(String.join(",", cells)).append('\n');
        }
        return out.toString();
    }

    private static String field(String text) {
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0;
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    static String json(List<PairedComparison.Row> rows, List<String> parameters, Scenario s, String a, String b) {
        ObjectNode root = JsonTrees.MAPPER.createObjectNode();
        root.put("name", s.name());
        root.put("seed", s.seed());
        root.put("a", a);
        root.put("b", b);
        ArrayNode params = root.putArray("parameters");
        parameters.forEach(params::add);
        ArrayNode list = root.putArray("differences");
        for (PairedComparison.Row r : rows) {
            ObjectNode n = list.addObject();
            if (!parameters.isEmpty()) {
                ObjectNode p = n.putObject("parameters");
                r.parameters().forEach(p::put);
            }
            n.put("scope", r.scope());
            n.put("metric", r.metric());
            n.set("mean_a", JsonTrees.value(r.meanA()));
            n.set("mean_b", JsonTrees.value(r.meanB()));
            n.set("diff_mean", JsonTrees.value(r.paired().mean()));
            n.set("diff_ci_low", JsonTrees.value(r.paired().ciLow()));
            n.set("diff_ci_high", JsonTrees.value(r.paired().ciHigh()));
            n.set("half_width_paired", JsonTrees.value(r.paired().halfWidth()));
            n.set("half_width_unpaired", JsonTrees.value(r.unpairedHalfWidth()));
            n.put("significant", r.significant());
            n.put("replications", r.paired().replications());
        }
        try {
            return JsonTrees.MAPPER.writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Aligned text for people: one line per figure, then how much pairing narrowed the intervals. */
    static String table(List<PairedComparison.Row> rows, List<String> parameters, String a, String b) {
        List<String[]> lines = new ArrayList<>();
        List<String> head = new ArrayList<>(parameters);
        head.addAll(List.of("scope", "metric", "A " + a, "B " + b, "B - A", "95 % CI of B - A", "± paired",
                "± unpaired", ""));
        lines.add(head.toArray(String[]::new));
        List<Double> narrowing = new ArrayList<>();
        for (PairedComparison.Row r : rows) {
            List<String> cells = new ArrayList<>();
            for (String p : parameters) {
                cells.add(r.parameters().getOrDefault(p, ""));
            }
            cells.addAll(List.of(r.scope(), r.metric(), g(r.meanA()), g(r.meanB()), g(r.paired().mean()),
                    "[" + g(r.paired().ciLow()) + ", " + g(r.paired().ciHigh()) + "]", g(r.paired().halfWidth()),
                    g(r.unpairedHalfWidth()), r.significant() ? "significant" : ""));
            lines.add(cells.toArray(String[]::new));
            if (!Double.isNaN(r.narrowing())) {
                narrowing.add(r.narrowing());
            }
        }
        int[] width = new int[head.size()];
        for (String[] l : lines) {
            for (int i = 0; i < l.length; i++) {
                width[i] = Math.max(width[i], l[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] l : lines) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < l.length; i++) {
                line.append(String.format("%-" + (width[i] + 2) + "s", l[i]));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        if (!narrowing.isEmpty()) {
            narrowing.sort(null);
            out.append(String.format(Locale.ROOT, "%nPairing (common random numbers) made the 95 %% intervals of "
                    + "B - A narrower than an unpaired comparison of the same runs by a median factor of %.1f "
                    + "(over %d figures).%n", narrowing.get(narrowing.size() / 2), narrowing.size()));
        }
        return out.toString();
    }

    private static String g(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4g", v);
    }
}
