package org.hvsim.scenario.counters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The PDH counters a reader uses, by what they measure ("cpu", "reads" …): several counters for one
 * role are summed (the instances of a network interface, say), and a sample's role is NaN when one of
 * its counters is blank there, or when the file has none of them.
 */
final class CounterColumns {

    private final List<PdhCsv.Counter> chosen = new ArrayList<>();
    private final Map<String, List<Integer>> roles = new LinkedHashMap<>();

    /** Uses {@code counters} (possibly none) for {@code role}, scaled by {@code factor} (units). */
    void add(String role, List<PdhCsv.Counter> counters) {
        List<Integer> at = roles.computeIfAbsent(role, r -> new ArrayList<>());
        for (PdhCsv.Counter c : counters) {
            at.add(chosen.size());
            chosen.add(c);
        }
    }

    boolean has(String role) {
        return !roles.getOrDefault(role, List.of()).isEmpty();
    }

    List<PdhCsv.Counter> chosen() {
        return chosen;
    }

    /** The role's value in one row: the sum of its counters, NaN if any is blank or there are none. */
    double value(String role, double[] row) {
        List<Integer> at = roles.getOrDefault(role, List.of());
        if (at.isEmpty()) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i : at) {
            sum += row[i];
        }
        return sum;
    }

    /** The instances read for a role, for the template's notes. */
    String describe(String role) {
        return String.join(", ", roles.getOrDefault(role, List.of()).stream().map(i -> chosen.get(i).path()).toList());
    }
}
