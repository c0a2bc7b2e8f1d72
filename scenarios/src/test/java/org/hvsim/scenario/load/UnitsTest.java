package org.hvsim.scenario.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UnitsTest {

    private static void refused(Quantity q, String text, String expectedInMessage) {
        UnitException e = assertThrows(UnitException.class, () -> Units.parse(q, text, false), text);
        assertTrue(e.getMessage().contains(expectedInMessage), "for '" + text + "': " + e.getMessage());
    }

    @Test
    void durations() throws UnitException {
        assertEquals(5e-9, Units.duration("5 ns"));
        assertEquals(5e-6, Units.duration("5 us"));
        assertEquals(5e-6, Units.duration("5 µs"));
        assertEquals(5e-6, Units.duration("5μs")); // Greek mu as well as the micro sign
        assertEquals(0.005, Units.duration("5 ms"));
        assertEquals(5.0, Units.duration("5 s"));
        assertEquals(5.0, Units.duration("5 sec"));
        assertEquals(300.0, Units.duration("5 min"));
        assertEquals(300.0, Units.duration("5min"));
        assertEquals(7200.0, Units.duration("2 h"));
        assertEquals(3600.0, Units.duration("1 hour"));
        assertEquals(7200.0, Units.duration("2 hours"));
        assertEquals(172_800.0, Units.duration("2 d"));
        assertEquals(1.0, Units.duration("1e3 ms"));
        assertEquals(1.0, Units.duration("1_000 ms"));
        assertEquals(0.5, Units.duration(".5 s"));
        assertEquals(0.5, Units.duration("  0.5   s  "));
        assertEquals(0.0, Units.duration("0"));
        assertEquals(-2.0, Units.parse(Quantity.DURATION, "-2 s", true));
        assertEquals(0.0, Units.parse(Quantity.DURATION, "-0 s", false));

        refused(Quantity.DURATION, "10", "expected a duration with a unit such as '10 ms' or '5 min', found '10'");
        refused(Quantity.DURATION, "", "found nothing");
        refused(Quantity.DURATION, "-5 ms", "must not be negative");
        refused(Quantity.DURATION, "5 m", "'min' for minutes or 'ms' for milliseconds");
        refused(Quantity.DURATION, "5 Ms", "did you mean 'ms'?");
        refused(Quantity.DURATION, "5 fortnights", "unknown duration unit 'fortnights'");
        refused(Quantity.DURATION, "NaN", "finite");
        refused(Quantity.DURATION, ".inf", "finite");
        refused(Quantity.DURATION, "-Infinity s", "finite");
        refused(Quantity.DURATION, "1e400 s", "too large");
        refused(Quantity.DURATION, "0x10 s", "unknown duration unit 'x10 s'");
        refused(Quantity.DURATION, "five s", "found 'five s'");
        refused(Quantity.DURATION, "5 MB", "'MB' is a unit of size");
        refused(Quantity.DURATION, "1__0 s", "unknown");
    }

    @Test
    void sizesAreBinary() throws UnitException {
        assertEquals(512.0, Units.size("512 B"));
        assertEquals(16 * 1024.0, Units.size("16 KB"));
        assertEquals(16 * 1024.0, Units.size("16KiB"));
        assertEquals(2 * 1024.0 * 1024, Units.size("2 MB"));
        assertEquals(2 * 1024.0 * 1024, Units.size("2 MiB"));
        assertEquals(4 * Units.GIBI, Units.size("4 GB"));
        assertEquals(4 * Units.GIBI, Units.size("4 GiB"));
        assertEquals(Units.TEBI, Units.size("1 TB"));
        assertEquals(Units.TEBI / 2, Units.size("0.5 TiB"));
        assertEquals(0.0, Units.size("0"));

        refused(Quantity.SIZE, "4 Mb", "'Mbit/s' for bits per second or 'MB' for bytes");
        refused(Quantity.SIZE, "4 Gb", "'Gbit/s' for bits per second or 'GB' for bytes");
        refused(Quantity.SIZE, "4 b", "'B' for bytes");
        refused(Quantity.SIZE, "4 kB", "did you mean 'KB'?");
        refused(Quantity.SIZE, "4", "such as '16 KB' or '4 GB', found '4'");
        refused(Quantity.SIZE, "4 MB/s", "'MB/s' is a unit of bandwidth");
        refused(Quantity.SIZE, "-1 KB", "must not be negative");
    }

    @Test
    void bandwidthsInBitsAreDecimalInBytesBinary() throws UnitException {
        assertEquals(1.0, Units.bandwidth("8 bit/s"));
        assertEquals(125.0, Units.bandwidth("1 kbit/s"));
        assertEquals(125.0, Units.bandwidth("1 Kbit/s"));
        assertEquals(125_000.0, Units.bandwidth("1 Mbit/s"));
        assertEquals(125_000_000.0, Units.bandwidth("1 Gbit/s"));
        assertEquals(125_000_000.0, Units.bandwidth("1 Gbps"));
        assertEquals(125_000_000.0, Units.bandwidth("1 Gbit / s"));
        assertEquals(1.25e12, Units.bandwidth("10 Tbit/s"));
        assertEquals(100.0, Units.bandwidth("100 B/s"));
        assertEquals(100 * 1024.0, Units.bandwidth("100 KB/s"));
        assertEquals(100 * Units.MEBI, Units.bandwidth("100 MB/s"));
        assertEquals(100 * Units.MEBI, Units.bandwidth("100MiB/s"));
        assertEquals(Units.GIBI, Units.bandwidth("1 GB/s"));

        refused(Quantity.BANDWIDTH, "1 Mb/s", "'Mbit/s' for bits per second or 'MB/s' for bytes per second");
        refused(Quantity.BANDWIDTH, "1 Mb", "'Mbit/s' for bits per second or 'MB/s'");
        refused(Quantity.BANDWIDTH, "1 GB", "'GB' is a unit of size");
        refused(Quantity.BANDWIDTH, "100", "such as '1 Gbit/s' or '100 MB/s', found '100'");
        refused(Quantity.BANDWIDTH, "1 Gbit/h", "unknown bandwidth unit");
    }

    @Test
    void rates() throws UnitException {
        assertEquals(40.0, Units.rate("40 /s"));
        assertEquals(40.0, Units.rate("40/s"));
        assertEquals(40.0, Units.rate("40 per s"));
        assertEquals(40.0, Units.rate("40 per second"));
        assertEquals(40.0, Units.rate("2400 /min"));
        assertEquals(40.0, Units.rate("144000/h"));
        assertEquals(2000.0, Units.rate("2 /ms"));
        assertEquals(0.0, Units.rate("0"));

        refused(Quantity.RATE, "40", "expected a rate with a unit such as '40 /s' or '2400 /min', found '40'");
        refused(Quantity.RATE, "40 /y", "unknown rate unit '/y'");
        refused(Quantity.RATE, "40 Hz", "'Hz' is a unit of frequency");
        refused(Quantity.RATE, "-1 /s", "must not be negative");
    }

    @Test
    void fractionsAsNumbersOrPercentages() throws UnitException {
        assertEquals(0.5, Units.fraction("50 %"));
        assertEquals(0.5, Units.fraction("50%"));
        assertEquals(0.5, Units.fraction("0.5"));
        assertEquals(1.5, Units.fraction("150 %")); // range is the caller's business
        assertEquals(0.001, Units.fraction("0.1 %"));

        refused(Quantity.FRACTION, "half", "expected a fraction such as '0.5' or '50 %', found 'half'");
        refused(Quantity.FRACTION, "50 percent", "unknown fraction unit 'percent'");
        refused(Quantity.FRACTION, "-5 %", "must not be negative");
    }

    @Test
    void frequencies() throws UnitException {
        assertEquals(50.0, Units.frequency("50 Hz"));
        assertEquals(3e3, Units.frequency("3 kHz"));
        assertEquals(3e3, Units.frequency("3 KHz"));
        assertEquals(100e6, Units.frequency("100 MHz"));
        assertEquals(2.4e9, Units.frequency("2.4 GHz"));

        refused(Quantity.FREQUENCY, "2.4 ghz", "did you mean 'GHz'?");
        refused(Quantity.FREQUENCY, "2.4", "expected a frequency with a unit such as");
    }

    @Test
    void plainNumbers() throws UnitException {
        assertEquals(1000.0, Units.number("1e3"));
        assertEquals(-2.5, Units.number("-2.5"));
        assertEquals(1_000_000.0, Units.number("1_000_000"));
        assertEquals(0.0, Units.number("-0"));
        for (String bad : new String[] {"NaN", "nan", ".NaN", "Infinity", "-inf", "1e999", "5 s", "0x1F", "", "1,5"}) {
            assertThrows(UnitException.class, () -> Units.number(bad), bad);
        }
    }

    @Test
    void valuesAreShownBackInAReadableUnit() {
        assertEquals("1.5 min", Quantity.DURATION.format(90));
        assertEquals("200 ms", Quantity.DURATION.format(0.2));
        assertEquals("0 s", Quantity.DURATION.format(0));
        assertEquals("4 GB", Quantity.SIZE.format(4 * Units.GIBI));
        assertEquals("25 %", Quantity.FRACTION.format(0.25));
        assertEquals("2.4 GHz", Quantity.FREQUENCY.format(2.4e9));
    }
}
