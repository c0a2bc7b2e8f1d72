package org.hvsim.report.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UnitFormatTest {

    @Test
    void picksTheUnitThatFits() {
        assertEquals("2.06 µs", UnitFormat.seconds(2.063e-6));
        assertEquals("12.3 ms", UnitFormat.seconds(0.0123));
        assertEquals("1.50 s", UnitFormat.seconds(1.5));
        assertEquals("200 ms", UnitFormat.seconds(0.2));
        assertEquals("15.0 ns", UnitFormat.seconds(15e-9));
        assertEquals("300 s", UnitFormat.seconds(300));
    }

    @Test
    void roundingUpMovesToTheNextUnit() {
        assertEquals("1.00 ms", UnitFormat.seconds(0.0009997));
        assertEquals("1.00 s", UnitFormat.seconds(0.99996));
    }

    @Test
    void edgeValues() {
        assertEquals("0 s", UnitFormat.seconds(0));
        assertEquals("n/a", UnitFormat.seconds(Double.NaN));
        assertEquals("-2.50 ms", UnitFormat.seconds(-0.0025));
    }

    @Test
    void settingsAreShownExactlyInTheirNaturalUnit() {
        assertEquals("5 min", UnitFormat.setting(300));
        assertEquals("2 h", UnitFormat.setting(7200));
        assertEquals("30 s", UnitFormat.setting(30));
        assertEquals("90 s", UnitFormat.setting(90));
        assertEquals("250 ms", UnitFormat.setting(0.25));
        assertEquals("1.5 s", UnitFormat.setting(1.5));
    }

    @Test
    void sizesRatesAndLineRates() {
        assertEquals("32 GB", UnitFormat.bytes(32.0 * 1024 * 1024 * 1024));
        assertEquals("1.5 GB", UnitFormat.bytes(1.5 * 1024 * 1024 * 1024));
        assertEquals("512 MB", UnitFormat.bytes(512.0 * 1024 * 1024));
        assertEquals("100 B", UnitFormat.bytes(100));
        assertEquals("1 Gbit/s", UnitFormat.bitRate(125e6));
        assertEquals("100 Mbit/s", UnitFormat.bitRate(12.5e6));
        assertEquals("40 /s", UnitFormat.perSecond(40));
        assertEquals("0.333 /s", UnitFormat.perSecond(1.0 / 3));
    }

    @Test
    void aDurationDisplayFitsItsUnitToTheLargestValue() {
        MetricDisplay p95 = MetricCatalog.describe("response_time_p95");
        assertEquals("ms", p95.unit());
        assertEquals("µs", p95.fittedTo(2.06e-6).unit());
        assertEquals(2.06, p95.fittedTo(2.06e-6).toDisplay(2.06e-6), 1e-9);
        assertEquals("ns", p95.fittedTo(15e-9).unit());
        assertEquals("ms", p95.fittedTo(0.5).unit());
        assertEquals("s", p95.fittedTo(1.5).unit());
        assertEquals("ms", p95.fittedTo(0).unit());
        assertEquals("ms", p95.fittedTo(Double.NaN).unit());
        MetricDisplay cpu = MetricCatalog.describe("cpu_util");
        assertEquals(cpu, cpu.fittedTo(1e-6));
    }
}
