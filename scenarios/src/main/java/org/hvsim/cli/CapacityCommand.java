package org.hvsim.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Reserved for capacity planning, so that scripts and help already know the command. */
@Command(name = "capacity", mixinStandardHelpOptions = true,
        description = {"Capacity planning: the most VMs of a template per host that meet every SLA, per "
                + "architecture, and the hosts and cost per VM.",
                "Not available yet: it arrives with the capacity-planning issue. Until then, sweep the VM "
                        + "count with 'hvsim run' (count: { from: 1, to: 40, step: 1 })."})
final class CapacityCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "SCENARIO", description = "Scenario file (YAML) with an sla.")
    Path scenarioFile;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory.")
    Path out;

    @Override
    public Integer call() {
        System.err.println("hvsim capacity: not available yet (it arrives with the capacity-planning issue); "
                + "nothing was run. Meanwhile, sweep the VM count with 'hvsim run'.");
        return Main.INTERNAL_ERROR;
    }
}
