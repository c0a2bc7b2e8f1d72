package org.hvsim.scenario.load;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects every problem found while reading scenario files, so that a user sees all mistakes in one
 * run instead of fixing them one at a time.
 *
 * <p>Problems may be added in any order (the parser and the typed readers walk the file
 * differently); {@link #list()} returns them in document order: by file in the order files were
 * first mentioned, then by line and column, then in the order they were added.
 */
public final class Problems {

    private final List<Problem> added = new ArrayList<>();
    private final Map<String, Integer> fileOrder = new HashMap<>();

    public void add(Problem problem) {
        fileOrder.putIfAbsent(problem.at().file(), fileOrder.size());
        added.add(problem);
    }

    public void add(SourceLocation at, String message) {
        add(new Problem(at, message));
    }

    /** Records a problem at the place where {@code node} starts. */
    public void add(Node node, String message) {
        add(new Problem(node.location(), message));
    }

    public boolean hasAny() {
        return !added.isEmpty();
    }

    public int size() {
        return added.size();
    }

    /** An immutable snapshot, in document order. */
    public List<Problem> list() {
        List<Problem> sorted = new ArrayList<>(added);
        // List.sort is stable, so problems at the same position keep the order they were added in.
        sorted.sort(Comparator.<Problem>comparingInt(p -> fileOrder.get(p.at().file()))
                .thenComparingInt(p -> p.at().line())
                .thenComparingInt(p -> p.at().column()));
        return List.copyOf(sorted);
    }

    /** Throws a {@link ScenarioException} carrying every problem, if there is at least one. */
    public void throwIfAny() throws ScenarioException {
        if (hasAny()) {
            throw new ScenarioException(list());
        }
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (Problem p : list()) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(p);
        }
        return out.toString();
    }
}
