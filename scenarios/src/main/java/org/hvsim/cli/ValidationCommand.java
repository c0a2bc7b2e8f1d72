package org.hvsim.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.hvsim.core.engine.SimulationFailure;
import org.hvsim.scenario.load.ScenarioException;
import org.hvsim.scenario.validation.Validation;
import org.hvsim.scenario.validation.ValidationPage;
import org.hvsim.scenario.validation.ValidationRows;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the validation scenarios and writes validation.md with its charts (docs/validation.md is its output). */
@Command(name = "validation", mixinStandardHelpOptions = true,
        description = {"Run every scenario of scenarios/validation (shipped in the jar) and write validation.md: "
                + "each published figure beside hvsim's with its 95 %% interval, the error, the row's class "
                + "(calibration or prediction) and whether its target is met, with charts.",
                "docs/validation.md is the output of `./hvsim validation --out docs`."})
final class ValidationCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: out/validation).")
    Path out;

    @Option(names = "--quick", description = "2 replications of half each scenario's duration: well under a minute.")
    boolean quick;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: the available cores).")
    Integer threads;

    @Override
    public Integer call() throws IOException {
        Path dir = out != null ? out : Path.of("out", "validation");
        int n = threads != null ? Math.max(1, threads) : Runtime.getRuntime().availableProcessors();
        long start = System.nanoTime();
        List<Validation.Result> results;
        try {
            results = Validation.run(ValidationRows.all(), new Validation.Options(quick, n), System.err::println);
        } catch (ScenarioException e) {
            return ScenarioSource.report(e);
        } catch (SimulationFailure e) {
            System.err.println("hvsim: simulation failed: " + e.getMessage());
            return Main.INTERNAL_ERROR;
        }
        Path page = ValidationPage.write(dir, results, quick);
        long met = results.stream().filter(Validation.Result::met).count();
        System.err.printf(java.util.Locale.ROOT, "hvsim: validation: %d of %d rows meet their target (%.0f s); "
                + "written to %s%n", met, results.size(), (System.nanoTime() - start) / 1e9,
                page.toAbsolutePath().normalize());
        return Main.OK;
    }
}
