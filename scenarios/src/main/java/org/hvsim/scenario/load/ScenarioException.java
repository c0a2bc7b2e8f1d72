package org.hvsim.scenario.load;

import java.util.List;

/**
 * A scenario file could not be used. Carries every problem found, not just the first; the message is
 * the problems one per line ({@code file:line:column: message}), ready to print to a user as is.
 */
public final class ScenarioException extends Exception {

    private final List<Problem> problems;

    public ScenarioException(List<Problem> problems) {
        super(joined(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ScenarioException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public ScenarioException(Problem problem) {
        this(List.of(problem));
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String joined(List<Problem> problems) {
        StringBuilder out = new StringBuilder();
        for (Problem p : problems) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(p);
        }
        return out.toString();
    }
}
