package org.hvsim.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.hvsim.scenario.Scenario;
import org.hvsim.scenario.Sweep;
import org.hvsim.scenario.load.ScenarioException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Checks a scenario file and reports every problem, without running it. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check a scenario file without running it.",
                "Every problem is reported as file:line:column: message; exit code 2 if there is any."})
final class ValidateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SCENARIO", description = "Scenario file (YAML).")
    Path scenarioFile;

    @Override
    public Integer call() {
        try {
            Sweep sweep = ScenarioSource.load(scenarioFile);
            Scenario s = sweep.first();
            System.out.printf("%s: valid (%d architectures, %d VM templates, %d replications%s)%n", scenarioFile,
                    s.architectures().size(), s.vms().size(), s.replications(),
                    sweep.isSweep() ? "; sweep of " + ScenarioSource.grid(sweep) : "");
            return Main.OK;
        } catch (ScenarioException e) {
            return ScenarioSource.report(e);
        }
    }
}
