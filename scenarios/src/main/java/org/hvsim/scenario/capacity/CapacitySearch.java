package org.hvsim.scenario.capacity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The search for the largest count in {@code from … to} at which a monotone test holds: it evaluates
 * {@code from}, doubles while the test holds (bracketing the limit between the last count that held and
 * the first that did not), then bisects the bracket. A range of width W costs at most about
 * 2 log2(W) + 2 evaluations, never a walk over every count; each count is evaluated at most once.
 *
 * <p>The answer is certain when the two counts that decide it are: the largest that held, and the
 * smallest that did not (if any).
 */
public final class CapacitySearch {

    /** Whether the test holds at one count, and whether that verdict is certain. */
    public record Verdict(boolean holds, boolean certain) {
    }

    /** Evaluates the test at one count. */
    @FunctionalInterface
    public interface Test {
        Verdict at(int count);
    }

    /**
     * What the search found.
     *
     * @param max          the largest count that held; {@code from - 1} when even {@code from} did not
     *                     (0 for a search from 1)
     * @param firstFailing the smallest count evaluated that did not hold, -1 when every count up to {@code to} held
     * @param certain      whether the verdicts that decide {@code max} are both certain
     * @param evaluated    count → verdict, in evaluation order
     */
    public record Result(int max, int firstFailing, boolean certain, Map<Integer, Verdict> evaluated) {

        public int evaluations() {
            return evaluated.size();
        }

        /** True when not even the smallest count of the range held. */
        public boolean noneHeld(int from) {
            return max < from;
        }
    }

    private CapacitySearch() {
    }

    public static Result search(int from, int to, Test test) {
        if (from < 1 || to < from) {
            throw new IllegalArgumentException("range must have 1 <= from <= to: " + from + ".." + to);
        }
        Map<Integer, Verdict> seen = new LinkedHashMap<>();
        Verdict first = evaluate(test, from, seen);
        if (!first.holds()) {
            return new Result(from - 1, from, first.certain(), seen);
        }
        int lo = from;
        int hi = -1;
        while (lo < to) {
            int next = (int) Math.min(to, 2L * lo);
            if (evaluate(test, next, seen).holds()) {
                lo = next;
            } else {
                hi = next;
                break;
            }
        }
        if (hi < 0) {
            return new Result(lo, -1, seen.get(lo).certain(), seen);
        }
        while (hi - lo > 1) {
            int mid = lo + (hi - lo) / 2;
            if (evaluate(test, mid, seen).holds()) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return new Result(lo, hi, seen.get(lo).certain() && seen.get(hi).certain(), seen);
    }

    private static Verdict evaluate(Test test, int count, Map<Integer, Verdict> seen) {
        Verdict v = seen.get(count);
        if (v == null) {
            v = test.at(count);
            seen.put(count, v);
        }
        return v;
    }

    /** The counts evaluated, in order (for tests and progress). */
    public static List<Integer> counts(Result r) {
        return new ArrayList<>(r.evaluated().keySet());
    }
}
