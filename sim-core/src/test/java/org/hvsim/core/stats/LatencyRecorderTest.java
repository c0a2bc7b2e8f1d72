package org.hvsim.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LatencyRecorderTest {

    @Test
    void quantilesOfOneToAHundredThousandWithinAThousandth() {
        LatencyRecorder r = new LatencyRecorder();
        // shuffled order, so that nothing depends on sorted input
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            int v = (int) ((i * 7919L) % n) + 1;
            r.record(v);
        }
        assertEquals(n, r.count());
        assertEquals((n + 1) / 2.0, r.mean(), 1e-9);
        for (double q : new double[] {0.01, 0.10, 0.50, 0.90, 0.95, 0.99, 0.999}) {
            double exact = q * n;
            assertEquals(exact, r.quantile(q), 0.001 * exact, "quantile " + q);
        }
        assertEquals(n, r.quantile(1.0), 0.001 * n, "maximum");
    }

    @Test
    void smallLatenciesAndZero() {
        LatencyRecorder r = new LatencyRecorder();
        for (int i = 1; i <= 1000; i++) {
            r.record(i * 1e-6); // 1 us .. 1 ms
        }
        assertEquals(500e-6, r.quantile(0.5), 0.001 * 500e-6);
        r.record(0.0);
        assertEquals(1001, r.count());
    }

    @Test
    void aZeroAndAVeryLongLatencyCanBeRecordedTogether() {
        LatencyRecorder r = new LatencyRecorder();
        r.record(0.0);
        r.record(1e7);
        assertEquals(2, r.count());
        assertEquals(1e7, r.quantile(1.0), 1e4);
    }

    @Test
    void emptyAndReset() {
        LatencyRecorder r = new LatencyRecorder();
        assertTrue(Double.isNaN(r.quantile(0.5)));
        assertTrue(Double.isNaN(r.mean()));
        for (int i = 1; i <= 100; i++) {
            r.record(i);
        }
        r.reset(3.0);
        assertEquals(0, r.count());
        assertTrue(Double.isNaN(r.quantile(0.5)));
        assertEquals(0, r.histogram().getTotalCount());
        r.record(7);
        assertEquals(7, r.quantile(0.5), 0.007);
        assertEquals(7.0, r.mean());
    }
}
