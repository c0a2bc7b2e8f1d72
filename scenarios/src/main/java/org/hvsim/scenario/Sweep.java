package org.hvsim.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hvsim.core.result.RunSummary;
import org.hvsim.scenario.load.SourceLocation;

/**
 * A scenario file read in full: one scenario, or, when some numeric keys are given as lists or ranges,
 * one scenario per point of their grid (every combination; the first axis varies slowest).
 *
 * @param axes   the swept keys in file order; empty without a sweep
 * @param points the scenarios, one per grid point, each carrying its parameter values
 */
public record Sweep(List<Axis> axes, List<Scenario> points) {

    /**
     * One swept key.
     *
     * @param name     the parameter's name in results: the key's path with list items named by their
     *                 names, rooted at the scope figures use ("web.count", "web/page.phases[0].cpu",
     *                 "host.cpus", "duration"); see docs/scenario-format.md
     * @param path     the key's path as messages name it ("vms[0].count")
     * @param location where the list or range is written
     * @param values   the values as written (a range's values formatted), in order
     */
    public record Axis(String name, String path, SourceLocation location, List<String> values) {
        public Axis {
            values = List.copyOf(values);
        }
    }

    public Sweep {
        axes = List.copyOf(axes);
        points = List.copyOf(points);
        if (points.isEmpty()) {
            throw new IllegalArgumentException("a sweep has at least one point");
        }
    }

    public boolean isSweep() {
        return !axes.isEmpty();
    }

    /** The scenario of the first point (the only one without a sweep). */
    public Scenario first() {
        return points.get(0);
    }

    /** Parameter names in column order. */
    public List<String> parameterNames() {
        return axes.stream().map(Axis::name).toList();
    }

    /** The resolved tree of the first point with the sweep's axes added, for results.json and explain. */
    public Map<String, Object> resolved() {
        Map<String, Object> tree = new LinkedHashMap<>(first().resolved());
        if (isSweep()) {
            Map<String, Object> sweep = new LinkedHashMap<>();
            for (Axis a : axes) {
                sweep.put(a.name(), a.values());
            }
            tree.put("sweep", sweep);
        }
        return tree;
    }

    /** What the sweep simulates: the first point's summary with the swept parameters and their values. */
    public RunSummary summary() {
        return first().summary().withSweep(axes.stream()
                .map(a -> new RunSummary.SweptParameter(a.name(), a.values())).toList());
    }

    /** The same sweep with every point changed by {@code change} (command-line overrides). */
    public Sweep map(java.util.function.UnaryOperator<Scenario> change) {
        return new Sweep(axes, points.stream().map(change).toList());
    }
}
