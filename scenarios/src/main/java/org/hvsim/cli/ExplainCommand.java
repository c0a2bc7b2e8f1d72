package org.hvsim.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.hvsim.scenario.ScenarioExplanation;
import org.hvsim.scenario.load.ScenarioException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Prints the fully resolved scenario with the source of every value. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Print the fully resolved scenario: every default made explicit, each value followed "
                + "by where it comes from (file:line:column, the default and its reason, or the profile "
                + "and its citation)."})
final class ExplainCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "SCENARIO", description = "Scenario file (YAML); the built-in one if none.")
    Path scenarioFile;

    @Override
    public Integer call() {
        try {
            System.out.print(ScenarioExplanation.of(ScenarioSource.load(scenarioFile)));
            System.out.flush();
            return Main.OK;
        } catch (ScenarioException e) {
            return ScenarioSource.report(e);
        }
    }
}
