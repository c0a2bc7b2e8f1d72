package org.hvsim.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.hvsim.core.engine.SimulationFailure;
import org.hvsim.core.experiment.Progress;
import org.hvsim.core.result.ExperimentResult;
import org.hvsim.report.Report;
import org.hvsim.scenario.Scenario;
import org.hvsim.scenario.ScenarioRunner;
import org.hvsim.scenario.load.ScenarioException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Runs a scenario and writes metrics.csv, results.json, report.html and charts/. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a scenario (the built-in comparison if none is given) and write its report.")
final class RunCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "SCENARIO", description = "Scenario file (YAML).")
    Path scenarioFile;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: out/<scenario name>).")
    Path out;

    @Option(names = "--replications", paramLabel = "N", description = "Override the scenario's replications.")
    Integer replications;

    @Option(names = "--seed", paramLabel = "S", description = "Override the scenario's seed.")
    Long seed;

    @Option(names = "--threads", paramLabel = "T",
            description = "Worker threads (default: all cores); results do not depend on it.")
    Integer threads;

    @Option(names = "--quiet", description = "No progress on stderr.")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        if (replications != null && replications < 1 || threads != null && threads < 1) {
            System.err.println("hvsim run: --replications and --threads must be at least 1");
            return Main.BAD_INPUT;
        }
        Scenario scenario;
        try {
            scenario = ScenarioSource.load(scenarioFile);
        } catch (ScenarioException e) {
            return ScenarioSource.report(e);
        }
        if (replications != null) {
            scenario = scenario.withReplications(replications);
        }
        if (seed != null) {
            scenario = scenario.withSeed(seed);
        }
        Path dir = out != null ? out : Path.of("out", OutputDirectory.safeName(scenario.name()));
        int nThreads = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (!quiet) {
            System.err.printf("hvsim: %s: %d architectures x %d replications, %s simulated each, %d threads%n",
                    scenario.name(), scenario.architectures().size(), scenario.replications(),
                    scenario.resolved().get("duration"), nThreads);
        }
        Progress progress = quiet ? Progress.NONE : new ProgressBar(System.err, System.console() != null);
        ExperimentResult result;
        try {
            result = ScenarioRunner.run(scenario, nThreads, progress);
        } catch (SimulationFailure e) {
            System.err.println("hvsim: simulation failed: " + e.getMessage());
            return Main.INTERNAL_ERROR;
        }
        OutputDirectory.write(dir, staging -> Report.writeAll(result, staging));
        if (!quiet) {
            System.err.println("hvsim: report written to " + dir.resolve("report.html").toAbsolutePath().normalize());
        }
        return Main.OK;
    }

}
