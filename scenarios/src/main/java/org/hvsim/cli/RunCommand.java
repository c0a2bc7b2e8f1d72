package org.hvsim.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.hvsim.core.engine.SimulationFailure;
import org.hvsim.core.experiment.Progress;
import org.hvsim.core.result.ExperimentResult;
import org.hvsim.core.result.RunSummary;
import org.hvsim.report.Report;
import org.hvsim.scenario.Scenario;
import org.hvsim.scenario.ScenarioRunner;
import org.hvsim.scenario.Sweep;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Runs a scenario (every point of its sweep) and writes metrics.csv, results.json, report.html and charts/. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a scenario (the built-in comparison if none is given) and write its report.",
                "A scenario with sweeps (lists or ranges of values) runs every point of the grid; the results "
                        + "carry the swept values as columns."})
final class RunCommand implements Callable<Integer> {


    @Mixin
    RunOptions options;

    @Option(names = "--shard", paramLabel = "I/N",
            description = "Run only part I of N of a sweep's grid (every N-th point from point I, 1-based), e.g. for "
                    + "one task of a batch job array; combine the parts with 'hvsim merge'.")
    String shard;

    /** "2/8" → shard 2 of 8; empty when malformed or out of range. */
    static Optional<RunSummary.Shard> parseShard(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\s*(\\d{1,6})\\s*/\\s*(\\d{1,6})\\s*").matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        int i = Integer.parseInt(m.group(1));
        int n = Integer.parseInt(m.group(2));
        return n >= 1 && i >= 1 && i <= n ? Optional.of(new RunSummary.Shard(i, n)) : Optional.empty();
    }

    @Override
    public Integer call() throws IOException {
        Sweep sweep = ScenarioSource.loadFor("run", options);
        if (shard != null) {
            Optional<RunSummary.Shard> part = parseShard(shard);
            if (part.isEmpty()) {
                System.err.println("hvsim run: --shard expects I/N with 1 <= I <= N, such as 2/8; found '" + shard + "'");
                return Main.BAD_INPUT;
            }
            if (!sweep.isSweep()) {
                System.err.println("hvsim run: --shard splits a sweep's grid, and " + sweep.first().source()
                        + " has no sweep (one configuration); run it whole");
                return Main.BAD_INPUT;
            }
            Optional<Sweep> mine = sweep.shard(part.get());
            if (mine.isEmpty()) {
                System.err.println("hvsim run: shard " + shard + " has no points: the grid has only "
                        + sweep.points().size() + "; use at most " + sweep.points().size() + " shards");
                return Main.BAD_INPUT;
            }
            sweep = mine.get();
        }
        Scenario first = sweep.first();
        Path dir = options.out != null ? options.out : Path.of("out", OutputDirectory.safeName(first.name()));
        int threads = options.threadCount();
        if (!options.quiet) {
            if (sweep.isSweep()) {
                System.err.printf(Locale.ROOT, "hvsim: %s: sweep of %s%n", first.name(), ScenarioSource.grid(sweep));
            }
            System.err.printf(Locale.ROOT, "hvsim: %s: %d architectures x %d replications%s = %d replications, "
                            + "%s simulated each, %d threads%n",
                    first.name(), first.architectures().size(), first.replications(),
                    sweep.isSweep() ? " x " + sweep.points().size() + " points" : "",
                    ScenarioRunner.totalReplications(sweep), first.resolved().get("duration"), threads);
        }
        Progress progress = options.quiet ? Progress.NONE : new ProgressBar(System.err, System.console() != null);
        ExperimentResult result;
        try {
            result = ScenarioRunner.run(sweep, threads, progress);
        } catch (SimulationFailure e) {
            System.err.println("hvsim: simulation failed: " + e.getMessage());
            return Main.INTERNAL_ERROR;
        }
        RunNotes.print(result, System.err);
        OutputDirectory.write(dir, staging -> Report.writeAll(result, staging));
        ResultsOutput.print(result, options.format, System.out);
        if (!options.quiet) {
            System.err.println("hvsim: report written to " + dir.resolve("report.html").toAbsolutePath().normalize());
        }
        return Main.OK;
    }
}
