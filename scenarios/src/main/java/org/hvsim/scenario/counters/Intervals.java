package org.hvsim.scenario.counters;

import java.time.Duration;
import java.util.List;

/** Lengths of PDH sample intervals: a rate counter's value covers the time since the previous sample. */
final class Intervals {

    private Intervals() {
    }

    /** Seconds covered by row {@code i}: since the previous row; the first row takes the next gap. */
    static double length(List<PdhCsv.Row> rows, int i) {
        if (rows.size() < 2) {
            return 0;
        }
        int a = i == 0 ? 0 : i - 1;
        return Duration.between(rows.get(a).time(), rows.get(a + 1).time()).toNanos() / 1e9;
    }
}
