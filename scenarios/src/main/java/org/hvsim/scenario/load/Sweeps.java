package org.hvsim.scenario.load;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The swept values met while reading a file, and which of them the current reading uses.
 *
 * <p>A numeric key may be written as a list ({@code count: [2, 4, 8]}) or a range
 * ({@code count: { from: 2, to: 40, step: 2 }}); {@link ObjectReader} turns either into an
 * {@link Axis} here. A file is read once to discover its axes (every axis at its first value), then
 * once per point of the grid, with {@link #at} choosing each axis's value; the structure of the file
 * does not depend on the numbers, so every reading meets the same axes.
 */
public final class Sweeps {

    /** Most values one axis may have: far more than any chart or person can use. */
    public static final int MAX_VALUES = 1000;

    /**
     * One swept key.
     *
     * @param path     the key as messages name it ("vms[0].count")
     * @param location where the list or range is written
     * @param labels   the values as written (or, for a range, formatted), in order
     */
    public record Axis(String path, SourceLocation location, List<String> labels) {
        public Axis {
            labels = List.copyOf(labels);
        }
    }

    private final Map<String, Axis> axes = new LinkedHashMap<>();
    private final Map<String, Integer> point;

    private Sweeps(Map<String, Integer> point) {
        this.point = point;
    }

    /** For the first reading: every axis at its first value. */
    public static Sweeps discovering() {
        return new Sweeps(Map.of());
    }

    /** For reading one grid point: axis path → index of its value. */
    public static Sweeps at(Map<String, Integer> point) {
        return new Sweeps(java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(point)));
    }

    /** Records an axis (once) and returns the index of the value to use now. */
    int select(String path, SourceLocation at, List<String> labels) {
        axes.putIfAbsent(path, new Axis(path, at, labels));
        int i = point.getOrDefault(path, 0);
        return i >= 0 && i < labels.size() ? i : 0;
    }

    /** The axes met, in the order they were read. */
    public List<Axis> axes() {
        return Collections.unmodifiableList(new ArrayList<>(axes.values()));
    }
}
