package org.hvsim.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.hvsim.scenario.Scenario;
import org.hvsim.scenario.load.ScenarioException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Checks a scenario file and reports every problem, without running it. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a scenario file; every problem is reported with file:line:column. Exit 2 if any.")
final class ValidateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SCENARIO", description = "Scenario file (YAML).")
    Path scenarioFile;

    @Override
    public Integer call() {
        try {
            Scenario s = ScenarioSource.load(scenarioFile);
            System.out.printf("%s: valid (%d architectures, %d VM templates, %d replications)%n", scenarioFile,
                    s.architectures().size(), s.vms().size(), s.replications());
            return Main.OK;
        } catch (ScenarioException e) {
            return ScenarioSource.report(e);
        }
    }
}
