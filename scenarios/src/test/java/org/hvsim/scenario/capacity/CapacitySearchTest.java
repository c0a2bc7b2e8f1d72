package org.hvsim.scenario.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The bracket-and-bisect search on tests whose answer is known: exact, and logarithmic in the range. */
class CapacitySearchTest {

    /** Holds up to {@code limit}, certainly. */
    private static CapacitySearch.Test upTo(int limit) {
        return n -> new CapacitySearch.Verdict(n <= limit, true);
    }

    @Test
    void findsEveryAnswerOfTheRangeWithLogarithmicallyManyEvaluations() {
        int worst = 0;
        for (int limit = 0; limit <= 300; limit++) {
            CapacitySearch.Result r = CapacitySearch.search(1, 256, upTo(limit));
            int expected = Math.min(limit, 256);
            assertEquals(expected, r.max(), "limit " + limit);
            assertEquals(limit >= 256 ? -1 : expected + 1, r.firstFailing(), "limit " + limit);
            assertTrue(r.certain());
            worst = Math.max(worst, r.evaluations());
        }
        // doubling 1, 2, 4 … 256 is 9 evaluations, bisecting a bracket of at most 128 another 7
        assertTrue(worst <= 2 * 8 + 1, "worst case " + worst + " evaluations for 1..256");
    }

    @Test
    void evaluationsGrowWithTheLogarithmOfTheRangeNotItsWidth() {
        List<Integer> worst = new ArrayList<>();
        for (int to : new int[] {16, 256, 4096, 65536}) {
            int w = 0;
            for (int limit : new int[] {1, 2, to / 3, to / 2 + 1, to - 1, to}) {
                w = Math.max(w, CapacitySearch.search(1, to, upTo(limit)).evaluations());
            }
            worst.add(w);
            double log2 = Math.log(to) / Math.log(2);
            assertTrue(w <= 2 * log2 + 2, to + ": " + w + " evaluations");
        }
        // 16x the range costs a bounded number more evaluations (2 log2 16 = 8), never 16x
        for (int i = 1; i < worst.size(); i++) {
            assertTrue(worst.get(i) - worst.get(i - 1) <= 8, worst.toString());
        }
    }

    @Test
    void aCountThatFailsAtTheStartSaysSoAndARangeThatStartsHigherIsHonoured() {
        CapacitySearch.Result none = CapacitySearch.search(1, 256, upTo(0));
        assertEquals(0, none.max());
        assertTrue(none.noneHeld(1));
        assertEquals(1, none.evaluations());
        CapacitySearch.Result fromTen = CapacitySearch.search(10, 100, upTo(37));
        assertEquals(37, fromTen.max());
        assertTrue(CapacitySearch.counts(fromTen).stream().allMatch(n -> n >= 10 && n <= 100));
    }

    @Test
    void anUncertainVerdictAtTheEdgeMakesTheAnswerUncertainButNotOneFarFromIt() {
        // 38 straddles (refused, not certain): the answer 37 rests on it
        CapacitySearch.Result edge = CapacitySearch.search(1, 256,
                n -> new CapacitySearch.Verdict(n <= 37, n != 38));
        assertEquals(37, edge.max());
        assertFalse(edge.certain());
        // 64 straddles too, but 38 fails for certain below it: by monotonicity 64 fails either way
        CapacitySearch.Result far = CapacitySearch.search(1, 256,
                n -> new CapacitySearch.Verdict(n <= 37, n != 64));
        assertEquals(37, far.max());
        assertTrue(far.certain());
    }
}
