package org.hvsim.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class TallyTest {

    private static double[] twoPass(double[] x) {
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double mean = sum / x.length;
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        return new double[] {mean, ss / (x.length - 1), min, max};
    }

    private static void check(double[] x, double relTol) {
        Tally t = new Tally();
        for (double v : x) {
            t.add(v);
        }
        double[] ref = twoPass(x);
        assertEquals(x.length, t.count());
        assertEquals(ref[0], t.mean(), relTol * Math.abs(ref[0]), "mean");
        assertEquals(ref[1], t.variance(), relTol * ref[1], "variance");
        assertEquals(ref[2], t.min(), 0.0, "min");
        assertEquals(ref[3], t.max(), 0.0, "max");
    }

    @Test
    void welfordMatchesTwoPassOnRandomData() {
        Random r = new Random(11);
        double[] x = new double[50_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.exp(r.nextGaussian()) * (r.nextBoolean() ? 1 : 10);
        }
        check(x, 1e-10);
    }

    @Test
    void welfordStaysAccurateWithALargeOffset() {
        // sum-of-squares formulas lose every digit here; Welford must not
        Random r = new Random(12);
        double[] x = new double[20_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = 1e9 + r.nextGaussian();
        }
        check(x, 1e-6);
    }

    @Test
    void smallCasesAndReset() {
        Tally t = new Tally();
        assertTrue(Double.isNaN(t.mean()));
        assertTrue(Double.isNaN(t.variance()));
        t.add(3);
        assertEquals(3.0, t.mean());
        assertTrue(Double.isNaN(t.variance()), "variance of one value");
        t.add(5);
        t.add(10);
        assertEquals(6.0, t.mean(), 1e-15);
        assertEquals(13.0, t.variance(), 1e-12); // ((-3)^2 + (-1)^2 + 4^2) / 2
        assertEquals(3.0, t.min());
        assertEquals(10.0, t.max());
        t.reset(7.0);
        assertEquals(0, t.count());
        assertTrue(Double.isNaN(t.mean()));
        assertTrue(Double.isNaN(t.min()));
        t.add(-2);
        t.add(4);
        assertEquals(1.0, t.mean(), 1e-15);
        assertEquals(18.0, t.variance(), 1e-12);
        assertEquals(-2.0, t.min());
        assertEquals(4.0, t.max());
    }
}
