package org.hvsim.model.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.random.MersenneTwister;
import org.junit.jupiter.api.Test;

/** Time-varying Poisson arrivals (rate profiles) and bursts (two-state MMPP) against their formulas. */
class ArrivalProcessTest {

    /** Steps 1 /s on [0, 3), 5 /s on [3, 7), 2 /s on [7, 10), repeated every 10 s: 29 arrivals a period. */
    private static final RateProfile STEPS = new RateProfile(new double[] {0, 3, 7}, new double[] {1, 5, 2}, false, 10);

    @Test
    void integratedRateAndItsInverseAreExact() {
        assertEquals(29, STEPS.integral(0, 10), 1e-12);
        assertEquals(290, STEPS.integral(0, 100), 1e-9);
        assertEquals(3 + 5 * 1.5, STEPS.integral(0, 4.5), 1e-12);
        assertEquals(4.5, STEPS.next(0, 3 + 7.5), 1e-12);
        assertEquals(13.5, STEPS.next(10, 3 + 2.5), 1e-12);
        assertEquals(2.9, STEPS.meanRate(), 1e-12);
        // linear 0 -> 10 /s over 10 s, then back to 0 over the next 10 s: 100 arrivals a period
        RateProfile ramp = new RateProfile(new double[] {0, 10}, new double[] {0, 10}, true, 20);
        assertEquals(50, ramp.integral(0, 10), 1e-9);
        assertEquals(100, ramp.integral(0, 20), 1e-9);
        assertEquals(5, ramp.rate(5), 1e-12);
        assertEquals(5, ramp.rate(15), 1e-12);
        // the integral 0.5 t² reaches 8 at t = 4
        assertEquals(4, ramp.next(0, 8), 1e-9);
        assertEquals(Double.POSITIVE_INFINITY,
                new RateProfile(new double[] {0, 1}, new double[] {2, 0}, false, 0).next(1, 0.1));
    }

    @Test
    void arrivalsInEachIntervalMatchTheIntegratedRate() {
        ArrivalClock clock = ArrivalClock.of(new Arrivals.Varying(STEPS), new MersenneTwister(3), new MersenneTwister(4));
        int periods = 10_000;
        double[] counts = new double[3];
        double t = 0;
        while ((t = clock.next(t)) < periods * 10.0) {
            double x = t % 10;
            counts[x < 3 ? 0 : x < 7 ? 1 : 2]++;
        }
        double[] expected = {3.0 * periods, 20.0 * periods, 6.0 * periods};
        for (int i = 0; i < 3; i++) {
            // a Poisson count: within 4 standard deviations
            assertEquals(expected[i], counts[i], 4 * Math.sqrt(expected[i]), "interval " + i);
        }
    }

    @Test
    void anMmppHasItsMeanRateAndItsIndexOfDispersion() {
        Arrivals.Mmpp m = new Arrivals.Mmpp(2, 10, 20, 2);
        assertEquals((2 * 10 + 20 * 2) / 12.0, m.meanRate(), 1e-12);
        ArrivalClock clock = ArrivalClock.of(m, new MersenneTwister(5), new MersenneTwister(6));
        double window = 200; // long against the stays: counts over it show the asymptotic dispersion
        int windows = 4000;
        double[] n = new double[windows];
        double t = 0;
        while ((t = clock.next(t)) < windows * window) {
            n[(int) (t / window)]++;
        }
        double mean = 0;
        for (double c : n) {
            mean += c;
        }
        mean /= windows;
        double var = 0;
        for (double c : n) {
            var += (c - mean) * (c - mean);
        }
        var /= windows - 1;
        assertEquals(m.meanRate() * window, mean, 0.02 * m.meanRate() * window, "mean arrivals per window");
        double idc = var / mean;
        assertTrue(m.dispersion() > 5, "bursty: " + m.dispersion());
        // the window is finite, so the measured dispersion sits a little below the asymptote
        assertEquals(m.dispersion(), idc, 0.12 * m.dispersion(), "index of dispersion of counts");
        assertEquals(1.0, new Arrivals.Mmpp(3, 1, 3, 1).dispersion(), 1e-12, "equal rates: Poisson");
    }

    @Test
    void badProfilesAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new RateProfile(new double[] {1, 2}, new double[] {1, 1}, false, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new RateProfile(new double[] {0, 5}, new double[] {1, 1}, false, 4));
        assertThrows(IllegalArgumentException.class,
                () -> new RateProfile(new double[] {0}, new double[] {0}, false, 0));
        assertThrows(IllegalArgumentException.class, () -> new Arrivals.Mmpp(0, 1, 0, 1));
    }
}
