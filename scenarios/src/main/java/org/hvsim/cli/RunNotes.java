package org.hvsim.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hvsim.core.result.Estimate;
import org.hvsim.core.result.ExperimentResult;
import org.hvsim.core.result.Figure;
import org.hvsim.core.result.Unstable;

/**
 * What a run's figures need said beside them on stderr, even with {@code --quiet} (they are problems
 * with the numbers, not progress): VMs that could not keep up with their arrivals, and figures some
 * replications gave no value for.
 */
final class RunNotes {

    /** Lines of one kind shown before the rest is summarized, so a sweep cannot flood the terminal. */
    static final int MAX_LINES = 10;

    private RunNotes() {
    }

    static void print(ExperimentResult result, PrintStream err) {
        printUnstable(result.unstable(), err);
        List<String> nan = new ArrayList<>();
        for (Figure f : result.figures()) {
            Estimate e = f.estimate();
            if (e.nanReplications() > 0) {
                nan.add(String.format(java.util.Locale.ROOT,
                        "hvsim: note: %s of %s%s under %s: %d of %d replications gave no value (NaN) and are left "
                                + "out of its interval", f.metric(), f.scope(), at(f.parameters()), f.architecture(),
                        e.nanReplications(), e.replications() + e.nanReplications()));
            }
        }
        printCapped(nan, "figures with NaN replications (see nan_replications in results.json)", err);
    }

    /** One warning per VM that fell behind, naming it, its architecture and the rates. */
    static void printUnstable(List<Unstable> unstable, PrintStream err) {
        List<String> lines = new ArrayList<>();
        for (Unstable u : unstable) {
            lines.add(String.format(java.util.Locale.ROOT, "hvsim: warning: %s%s under %s is unstable: %.4g req/s "
                            + "offered, %.4g req/s served; its figures describe a growing backlog, not a steady state",
                    u.scope(), at(u.parameters()), u.architecture(), u.arrivalRate(), u.throughput()));
        }
        printCapped(lines, "unstable VMs (see \"unstable\" in results.json)", err);
    }

    private static String at(Map<String, String> parameters) {
        if (parameters.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        parameters.forEach((k, v) -> parts.add(k + " = " + v));
        return " at " + String.join(", ", parts);
    }

    private static void printCapped(List<String> lines, String what, PrintStream err) {
        for (int i = 0; i < Math.min(lines.size(), MAX_LINES); i++) {
            err.println(lines.get(i));
        }
        if (lines.size() > MAX_LINES) {
            err.println("hvsim: ... and " + (lines.size() - MAX_LINES) + " more " + what);
        }
    }
}
