package org.hvsim.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.hvsim.scenario.Scenario;
import org.hvsim.scenario.ScenarioLoader;
import org.hvsim.scenario.Sweep;
import org.hvsim.scenario.load.ScenarioException;

/** Where a command's scenario comes from: a file, or the built-in comparison when none is named. */
final class ScenarioSource {

    /** The scenario `hvsim run` runs with no argument; shipped in the jar from scenarios/examples/. */
    static final String BUILT_IN = "examples/consolidation.yaml";

    private ScenarioSource() {
    }

    /**
     * For {@code hvsim COMMAND}: the file's sweep with the command line's overrides; when the options or
     * the file are wrong, the problems are reported on stderr and the command ends with exit code 2.
     */
    static Sweep loadFor(String command, RunOptions options) {
        if (options.problem() != null) {
            System.err.println("hvsim " + command + ": " + options.problem());
            throw new Main.Refused(Main.BAD_INPUT);
        }
        try {
            return load(options.scenarioFile, options);
        } catch (ScenarioException e) {
            throw new Main.Refused(report(e));
        }
    }

    /** Every point of the file's sweep (one without a sweep), with the command line's overrides. */
    static Sweep load(Path file, RunOptions options) throws ScenarioException {
        Sweep sweep = load(file);
        if (options != null && options.replications != null) {
            int n = options.replications;
            sweep = sweep.map(s -> s.withReplications(n));
        }
        if (options != null && options.seed != null) {
            long seed = options.seed;
            sweep = sweep.map(s -> s.withSeed(seed));
        }
        return sweep;
    }

    static Sweep load(Path file) throws ScenarioException {
        if (file != null) {
            return ScenarioLoader.loadAll(file);
        }
        try (InputStream in = ScenarioSource.class.getClassLoader().getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("built-in scenario " + BUILT_IN + " missing from the jar");
            }
            return ScenarioLoader.loadAll("(built-in) " + BUILT_IN, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read built-in scenario: " + e.getMessage(), e);
        }
    }

    /** "4 × 2 = 8 points" for a sweep, "" otherwise. */
    static String grid(Sweep sweep) {
        if (!sweep.isSweep()) {
            return "";
        }
        return String.join(" × ", sweep.axes().stream().map(a -> Integer.toString(a.values().size())).toList())
                + " = " + sweep.points().size() + " points (" + String.join(", ", sweep.parameterNames()) + ")";
    }

    static Scenario first(Sweep sweep) {
        return sweep.first();
    }

    /** Prints every problem, one per line, on stderr. */
    static int report(ScenarioException e) {
        for (var p : e.problems()) {
            System.err.println(p);
        }
        int n = e.problems().size();
        System.err.println("hvsim: " + n + (n == 1 ? " problem" : " problems") + " found; nothing was run");
        return Main.BAD_INPUT;
    }
}
