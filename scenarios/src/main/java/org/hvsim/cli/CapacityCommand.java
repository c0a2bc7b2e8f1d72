package org.hvsim.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.hvsim.core.engine.SimulationFailure;
import org.hvsim.core.result.ExperimentResult;
import org.hvsim.report.capacity.CapacityReport;
import org.hvsim.report.capacity.CapacityResults;
import org.hvsim.report.data.CapacityCsvWriter;
import org.hvsim.scenario.Scenario;
import org.hvsim.scenario.Sweep;
import org.hvsim.scenario.capacity.CapacityStudy;
import org.hvsim.scenario.load.SourceLocation;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Capacity planning: per architecture, the most instances of the scenario's {@code capacity.template}
 * one host carries while every SLA, memory admission and the CPU headroom hold (see
 * {@link CapacityStudy}); writes metrics.csv, results.json, capacity.csv and report.html.
 */
// picocli passes descriptions through String.format: a literal percent sign is written %%.
@Command(name = "capacity", mixinStandardHelpOptions = true,
        description = {"Capacity planning: the most VMs of a template per host that meet every SLA, per architecture.",
                "The scenario names the template and the range: capacity: { template: web, from: 1, to: 256 }. A count "
                        + "is accepted when every SLA holds at the upper bound of its 95 %% interval, memory admits it "
                        + "and (with cpu_headroom) enough CPU stays free; where an interval straddles a limit, "
                        + "replications are added up to capacity.max_replications, then the answer is marked not "
                        + "certain. The search doubles the count, then bisects: about 2 log2(to - from) evaluations "
                        + "per architecture. Progress on stderr; --format csv prints capacity.csv to stdout."})
final class CapacityCommand implements Callable<Integer> {


    @Mixin
    RunOptions options;

    @Override
    public Integer call() throws IOException {
        Sweep sweep = ScenarioSource.loadFor("capacity", options);
        Scenario s = sweep.first();
        if (sweep.isSweep()) {
            Sweep.Axis a = sweep.axes().get(0);
            System.err.println(a.location() + ": " + a.path() + ": the capacity search runs one configuration and "
                    + "chooses the template's count itself; give single values (no sweep)");
            return Main.BAD_INPUT;
        }
        if (s.capacity().isEmpty()) {
            System.err.println(SourceLocation.startOf(s.source()) + ": no capacity section: add one such as "
                    + "capacity: { template: " + s.vms().get(0).name() + ", from: 1, to: 256 }");
            return Main.BAD_INPUT;
        }
        var plan = s.capacity().get();
        if (!options.quiet) {
            System.err.printf(Locale.ROOT, "hvsim capacity: %s: %s from %d to %d under %d architectures, %d "
                            + "replications per count (up to %d where an interval straddles a limit), %s each%n",
                    s.name(), plan.template(), plan.from(), plan.to(), s.architectures().size(), s.replications(),
                    Math.max(plan.maxReplications(), s.replications()), s.resolved().get("duration"));
            if (s.slas().isEmpty() && !plan.hasHeadroom()) {
                System.err.println("hvsim capacity: note: the scenario has no sla and no capacity.cpu_headroom, so "
                        + "memory alone bounds the count (nothing is simulated)");
            }
        }
        CapacityResults results;
        try {
            results = CapacityStudy.run(s, options.threadCount(), options.quiet ? line -> { } : System.err::println);
        } catch (SimulationFailure e) {
            System.err.println("hvsim: simulation failed: " + e.getMessage());
            return Main.INTERNAL_ERROR;
        }
        ExperimentResult summary = CapacityReport.result(results, s.name(), s.description(), s.seed(), s.resolved(),
                s.summary());
        Path dir = options.out != null ? options.out : Path.of("out", OutputDirectory.safeName(s.name()));
        OutputDirectory.write(dir, staging -> CapacityReport.writeAll(results, summary, staging));
        if (options.format == RunOptions.Format.csv) {
            System.out.print(CapacityCsvWriter.text(results));
        } else if (options.format == RunOptions.Format.json) {
            ResultsOutput.print(summary, options.format, System.out);
        }
        System.out.flush();
        if (!options.quiet) {
            for (CapacityResults.Entry e : results.entries()) {
                System.err.printf(Locale.ROOT, "hvsim capacity: %-18s %4d x %s per host, bound by %s%s%s%s: %s%n",
                        e.architecture(), e.maxVms(), plan.template(), e.binding(), e.certain() ? "" : " (not certain)",
                        e.hostsNeeded() >= 0 ? "; " + e.hostsNeeded() + " hosts" : "",
                        Double.isNaN(e.costPerVm()) ? "" : String.format(Locale.ROOT, "; %.2f per VM per year%s",
                                e.costPerVm(), e.edition().isEmpty() ? "" : " (" + e.edition() + ")"), e.note());
            }
            plan.costs().ifPresent(c -> results.entries().stream().filter(e -> !Double.isNaN(e.costPerVm()))
                    .min(java.util.Comparator.comparingDouble(CapacityResults.Entry::costPerVm))
                    .ifPresent(e -> System.err.printf(Locale.ROOT, "hvsim capacity: cheapest: %s%s at %.2f %s per VM "
                                    + "per year%s%n", e.architecture(), e.edition().isEmpty() ? "" : " with "
                                    + e.edition() + " guest licences", e.costPerVm(), c.currency(),
                            e.hostsNeeded() >= 0 ? " (" + e.hostsNeeded() + " hosts)" : "")));
            System.err.println("hvsim: report written to " + dir.resolve("report.html").toAbsolutePath().normalize());
        }
        return Main.OK;
    }
}
