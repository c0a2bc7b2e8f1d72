package org.hvsim.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hvsim.core.result.Estimate;
import org.junit.jupiter.api.Test;

class ConfidenceIntervalTest {

    private static double sd(double[] x) {
        double m = 0;
        for (double v : x) {
            m += v;
        }
        m /= x.length;
        double ss = 0;
        for (double v : x) {
            ss += (v - m) * (v - m);
        }
        return Math.sqrt(ss / (x.length - 1));
    }

    @Test
    void fiveValuesUseStudentTWithFourDegreesOfFreedom() {
        double[] x = {2.1, 1.7, 2.6, 1.9, 2.4};
        Estimate e = ConfidenceInterval.studentT(x, 0.95);
        double half = 2.7764451051977987 * sd(x) / Math.sqrt(5);
        assertEquals(2.14, e.mean(), 1e-12);
        assertEquals(half, e.halfWidth(), 1e-4 * half, "half-width must use t(0.975, 4) = 2.7764, not 1.96");
        assertEquals(e.mean() - half, e.ciLow(), 1e-4 * half);
        assertEquals(e.mean() + half, e.ciHigh(), 1e-4 * half);
        assertEquals(5, e.replications());
        assertTrue(e.covers(2.14));
        assertFalse(e.covers(2.14 + 1.01 * half));
    }

    @Test
    void twoValuesAndOtherLevels() {
        double[] x = {1.0, 3.0};
        Estimate e = ConfidenceInterval.studentT(x, 0.95);
        assertEquals(12.706204736174707 * sd(x) / Math.sqrt(2), e.halfWidth(), 1e-6);
        Estimate e90 = ConfidenceInterval.studentT(new double[] {2.1, 1.7, 2.6, 1.9, 2.4}, 0.90);
        assertEquals(2.131846786326649 * sd(new double[] {2.1, 1.7, 2.6, 1.9, 2.4}) / Math.sqrt(5),
                e90.halfWidth(), 1e-8);
        assertEquals(2.0930240544083096, ConfidenceInterval.tQuantile(19, 0.95), 1e-9);
    }

    @Test
    void oneValueGivesNaNBounds() {
        Estimate e = ConfidenceInterval.studentT(new double[] {4.2}, 0.95);
        assertEquals(4.2, e.mean());
        assertTrue(Double.isNaN(e.ciLow()));
        assertTrue(Double.isNaN(e.ciHigh()));
        assertTrue(Double.isNaN(e.halfWidth()));
        assertFalse(e.covers(4.2));
        assertEquals(1, e.replications());
    }

    @Test
    void identicalValuesGiveAZeroWidthInterval() {
        Estimate e = ConfidenceInterval.studentT(new double[] {3, 3, 3}, 0.95);
        assertEquals(3.0, e.ciLow());
        assertEquals(3.0, e.ciHigh());
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> ConfidenceInterval.studentT(new double[] {1, 2}, 1.0));
        assertThrows(IllegalArgumentException.class, () -> ConfidenceInterval.studentT(new double[] {1, 2}, 0));
        assertThrows(IllegalArgumentException.class, () -> ConfidenceInterval.studentT(new double[0], 0.95));
    }
}
