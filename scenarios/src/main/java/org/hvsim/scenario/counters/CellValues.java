package org.hvsim.scenario.counters;

import org.hvsim.scenario.load.Excerpt;
import org.hvsim.scenario.load.Problems;
import org.hvsim.scenario.load.SourceLocation;

/**
 * Reads the numbers of a counter file's cells. A blank cell (PDH-CSV writes {@code ""} or {@code " "}
 * for a sample it could not take, such as the first of a rate counter) is a missing sample, NaN;
 * anything else must be a non-negative number, or a problem is reported at its line and column.
 * After {@link #MAX_PROBLEMS} problems the rest are only counted, to keep the message readable.
 */
final class CellValues {

    static final int MAX_PROBLEMS = 10;

    private final Problems problems;
    private int reported;
    private int more;
    private SourceLocation last;

    CellValues(Problems problems) {
        this.problems = problems;
    }

    /** The cell's value, NaN if blank; NaN with a problem if it is not a number. */
    double rate(String text, String what, SourceLocation at) {
        String t = text.strip();
        if (t.isEmpty()) {
            return Double.NaN;
        }
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            problem(at, "expected a number for " + what + ", found " + Excerpt.quote(t));
            return Double.NaN;
        }
        if (!(v >= 0) || Double.isInfinite(v)) {
            problem(at, what + " must be a finite number ≥ 0, found " + Excerpt.quote(t));
            return Double.NaN;
        }
        return v;
    }

    /** Records a problem, or counts it once {@link #MAX_PROBLEMS} are listed. */
    void problem(SourceLocation at, String message) {
        if (reported++ < MAX_PROBLEMS) {
            problems.add(at, message);
        } else {
            more++;
            last = at;
        }
    }

    /** Adds the count of problems left unlisted, if any. */
    void finish() {
        if (more > 0) {
            problems.add(last, "… and " + more + " more problems like these");
        }
    }

    boolean any() {
        return reported > 0;
    }
}
