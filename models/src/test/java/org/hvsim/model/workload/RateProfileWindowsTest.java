package org.hvsim.model.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** A profile's windows: one per point, named by time of day, the peak the highest mean rate. */
class RateProfileWindowsTest {

    @Test
    void anHourlyDailyProfileHasAWindowPerHourAndItsPeakHour() {
        double[] times = new double[24];
        double[] rates = new double[24];
        for (int h = 0; h < 24; h++) {
            times[h] = h * 3600;
            rates[h] = h == 10 ? 50 : h == 14 ? 49 : 10;
        }
        RateProfile day = new RateProfile(times, rates, false, 86400);
        List<RateProfile.Window> w = day.windows();
        assertEquals(24, w.size());
        assertEquals("09:00-10:00", w.get(9).label());
        assertEquals("web@23:00-24:00", w.get(23).scope("web"));
        assertEquals(w.get(10), day.peakWindow());
        assertEquals(w.get(10), day.windowAt(86400 * 3 + 10.5 * 3600), "folded over the period");
    }

    @Test
    void aLinearProfilesPeakIsTheWindowOfHighestMeanRateAndCompressedTimesShowSeconds() {
        // 0 → 100 /s over 50 s, then 100 → 0 over 10 s: means 50 and 50; the first of equals
        RateProfile p = new RateProfile(new double[] {0, 50}, new double[] {0, 100}, true, 60);
        assertEquals(new RateProfile.Window(0, 50), p.peakWindow());
        assertEquals("00:00:50-00:01:00", p.windows().get(1).label());
        RateProfile open = new RateProfile(new double[] {0, 36000, 37800.5}, new double[] {1, 2, 3}, false, 0);
        assertEquals("10:00:00-10:30:00.5", open.windows().get(1).label());
        assertEquals("10:30:00.5-", open.windows().get(2).label());
        assertEquals(open.windows().get(2), open.peakWindow(), "an open-ended last window at its rate");
    }
}
