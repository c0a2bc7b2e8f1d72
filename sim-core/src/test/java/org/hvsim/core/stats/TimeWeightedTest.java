package org.hvsim.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TimeWeightedTest {

    @Test
    void areaAndMeanOfAHandMadeStepFunction() {
        // level: 0 on [0,1), 2 on [1,3), 5 on [3,4), 1 on [4,...)
        TimeWeighted w = new TimeWeighted();
        w.set(1, 2);
        w.set(3, 5);
        w.add(4, -4);
        assertEquals(1.0, w.level());
        assertEquals(0 + 2 * 2 + 5 * 1, w.area(4), 1e-12);
        assertEquals(2 * 2 + 5 + 1 * 2, w.area(6), 1e-12);
        assertEquals(11.0 / 6, w.mean(6), 1e-12);
    }

    @Test
    void initialLevelAndStartAreHonoured() {
        TimeWeighted w = new TimeWeighted(10, 3);
        assertEquals(3.0, w.level());
        assertEquals(0.0, w.area(10));
        assertTrue(Double.isNaN(w.mean(10)), "mean over an empty interval");
        w.set(12, 1);
        assertEquals(3 * 2 + 1 * 3, w.area(15), 1e-12);
        assertEquals(9.0 / 5, w.mean(15), 1e-12);
    }

    @Test
    void resetRestartsTheAreaButKeepsTheLevel() {
        TimeWeighted w = new TimeWeighted();
        w.set(0, 4);
        w.set(5, 2);
        w.reset(8);
        assertEquals(2.0, w.level(), "level lost at reset");
        assertEquals(0.0, w.area(8));
        assertEquals(2.0 * 4, w.area(12), 1e-12);
        assertEquals(2.0, w.mean(12), 1e-12);
        w.add(12, 1);
        assertEquals((2.0 * 4 + 3 * 4) / 8, w.mean(16), 1e-12);
    }
}
