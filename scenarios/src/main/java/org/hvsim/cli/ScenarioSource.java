package org.hvsim.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.hvsim.scenario.Scenario;
import org.hvsim.scenario.ScenarioLoader;
import org.hvsim.scenario.load.ScenarioException;

/** Where a command's scenario comes from: a file, or the built-in comparison when none is named. */
final class ScenarioSource {

    /** The scenario `hvsim run` runs with no argument; shipped in the jar from scenarios/examples/. */
    static final String BUILT_IN = "examples/consolidation.yaml";

    private ScenarioSource() {
    }

    static Scenario load(Path file) throws ScenarioException {
        if (file != null) {
            return ScenarioLoader.load(file);
        }
        try (InputStream in = ScenarioSource.class.getClassLoader().getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("built-in scenario " + BUILT_IN + " missing from the jar");
            }
            return ScenarioLoader.load("(built-in) " + BUILT_IN, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read built-in scenario: " + e.getMessage(), e);
        }
    }

    /** Prints every problem, one per line, on stderr. */
    static int report(ScenarioException e) {
        for (var p : e.problems()) {
            System.err.println(p);
        }
        if (e.problems().isEmpty()) {
            System.err.println("hvsim: " + e.getMessage());
        }
        int n = e.problems().size();
        System.err.println("hvsim: " + n + (n == 1 ? " problem" : " problems") + " found; nothing was run");
        return Main.BAD_INPUT;
    }
}
