package org.hvsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import org.hvsim.report.metric.MetricCatalog;
import org.hvsim.report.metric.MetricDisplay;
import org.hvsim.report.metric.MetricDisplay.Preference;

class MetricCatalogTest {

    @Test
    void responseTimesAreSecondsShownInMilliseconds() {
        MetricDisplay mean = MetricCatalog.describe("response_time_mean");
        assertEquals("ms", mean.unit());
        assertEquals(12.5, mean.toDisplay(0.0125), 1e-12);
        assertEquals("Mean response time (ms)", mean.labelWithUnit());
        assertEquals("ms", MetricCatalog.describe("response_time_p99").unit());
        assertEquals("p99.9 response time", MetricCatalog.describe("response_time_p99.9").label());
        assertEquals(Preference.LOWER_IS_BETTER, MetricCatalog.describe("response_time_p95").preference());
    }

    @Test
    void fractionsAreShownAsPercent() {
        for (String metric : new String[] {"cpu_util_guest", "cpu_util_idle", "disk_util", "nic_util",
                "cpu_ready_fraction", "availability", "cpu_util_something_new"}) {
            MetricDisplay d = MetricCatalog.describe(metric);
            assertEquals("%", d.unit(), metric);
            assertEquals(50.0, d.toDisplay(0.5), 1e-12, metric);
        }
        assertEquals("99.999 %", MetricCatalog.describe("availability").formatWithUnit(0.999990));
    }

    @Test
    void otherUnits() {
        assertEquals("requests/s", MetricCatalog.describe("throughput").unit());
        assertEquals(Preference.HIGHER_IS_BETTER, MetricCatalog.describe("throughput").preference());
        assertEquals("s", MetricCatalog.describe("downtime").unit());
    }

    @Test
    void unknownMetricFallsBackToItsName() {
        MetricDisplay d = MetricCatalog.describe("queue_length_max");
        assertEquals("queue_length_max", d.label());
        assertEquals("", d.unit());
        assertEquals("queue_length_max", d.labelWithUnit());
        assertEquals(3.0, d.toDisplay(3.0));
    }

    @Test
    void numbersAreFormattedWithSignificantDigitsWithoutLocale() {
        assertEquals("12.35", MetricDisplay.formatNumber(12.345678, 4));
        assertEquals("0.00001235", MetricDisplay.formatNumber(0.0000123456, 4));
        assertEquals("1235000", MetricDisplay.formatNumber(1234567, 4));
        assertEquals("0", MetricDisplay.formatNumber(0.0, 4));
        assertEquals("n/a", MetricDisplay.formatNumber(Double.NaN, 4));
    }
}
