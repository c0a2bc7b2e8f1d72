package org.hvsim.scenario.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UnitsTest {

    /** Each text, read as {@code q}, gives the value that follows it. */
    private static void reads(Quantity q, Object... textsThenValues) throws UnitException {
        for (int i = 0; i < textsThenValues.length; i += 2) {
            String text = (String) textsThenValues[i];
            assertEquals(((Number) textsThenValues[i + 1]).doubleValue(), Units.parse(q, text, false), text);
        }
    }

    /** Each text is refused as {@code q}, with a message that contains the text that follows it. */
    private static void refuses(Quantity q, String... textsThenMessages) {
        for (int i = 0; i < textsThenMessages.length; i += 2) {
            String text = textsThenMessages[i];
            UnitException e = assertThrows(UnitException.class, () -> Units.parse(q, text, false), text);
            assertTrue(e.getMessage().contains(textsThenMessages[i + 1]), "for '" + text + "': " + e.getMessage());
        }
    }

    @Test
    void durations() throws UnitException {
        reads(Quantity.DURATION,
                "5 ns", 5e-9,
                "5 us", 5e-6,
                "5 µs", 5e-6,
                "5μs", 5e-6, // Greek mu as well as the micro sign
                "5 ms", 0.005,
                "5 s", 5.0,
                "5 sec", 5.0,
                "5 min", 300.0,
                "5min", 300.0,
                "2 h", 7200.0,
                "1 hour", 3600.0,
                "2 hours", 7200.0,
                "2 d", 172_800.0,
                "1e3 ms", 1.0,
                "1_000 ms", 1.0,
                ".5 s", 0.5,
                "  0.5   s  ", 0.5,
                "0", 0.0);
        assertEquals(-2.0, Units.parse(Quantity.DURATION, "-2 s", true));
        assertEquals(0.0, Units.parse(Quantity.DURATION, "-0 s", false));

        refuses(Quantity.DURATION,
                "10", "expected a duration with a unit such as '10 ms' or '5 min', found '10'",
                "", "found nothing",
                "-5 ms", "must not be negative",
                "5 m", "'min' for minutes or 'ms' for milliseconds",
                "5 Ms", "did you mean 'ms'?",
                "5 fortnights", "unknown duration unit 'fortnights'",
                "NaN", "finite",
                ".inf", "finite",
                "-Infinity s", "finite",
                "1e400 s", "too large",
                "0x10 s", "unknown duration unit 'x10 s'",
                "five s", "found 'five s'",
                "5 MB", "'MB' is a unit of size",
                "1__0 s", "unknown");
    }

    @Test
    void sizesAreBinary() throws UnitException {
        reads(Quantity.SIZE,
                "512 B", 512.0,
                "16 KB", 16 * 1024.0,
                "16KiB", 16 * 1024.0,
                "2 MB", 2 * 1024.0 * 1024,
                "2 MiB", 2 * 1024.0 * 1024,
                "4 GB", 4 * Units.GIBI,
                "4 GiB", 4 * Units.GIBI,
                "1 TB", Units.TEBI,
                "0.5 TiB", Units.TEBI / 2,
                "0", 0.0);

        refuses(Quantity.SIZE,
                "4 Mb", "'Mbit/s' for bits per second or 'MB' for bytes",
                "4 Gb", "'Gbit/s' for bits per second or 'GB' for bytes",
                "4 b", "'B' for bytes",
                "4 kB", "did you mean 'KB'?",
                "4", "such as '16 KB' or '4 GB', found '4'",
                "4 MB/s", "'MB/s' is a unit of bandwidth",
                "-1 KB", "must not be negative");
    }

    @Test
    void bandwidthsInBitsAreDecimalInBytesBinary() throws UnitException {
        reads(Quantity.BANDWIDTH,
                "8 bit/s", 1.0,
                "1 kbit/s", 125.0,
                "1 Kbit/s", 125.0,
                "1 Mbit/s", 125_000.0,
                "1 Gbit/s", 125_000_000.0,
                "1 Gbps", 125_000_000.0,
                "1 Gbit / s", 125_000_000.0,
                "10 Tbit/s", 1.25e12,
                "100 B/s", 100.0,
                "100 KB/s", 100 * 1024.0,
                "100 MB/s", 100 * Units.MEBI,
                "100MiB/s", 100 * Units.MEBI,
                "1 GB/s", Units.GIBI);

        refuses(Quantity.BANDWIDTH,
                "1 Mb/s", "'Mbit/s' for bits per second or 'MB/s' for bytes per second",
                "1 Mb", "'Mbit/s' for bits per second or 'MB/s'",
                "1 GB", "'GB' is a unit of size",
                "100", "such as '1 Gbit/s' or '100 MB/s', found '100'",
                "1 Gbit/h", "unknown bandwidth unit");
    }

    @Test
    void rates() throws UnitException {
        reads(Quantity.RATE,
                "40 /s", 40.0,
                "40/s", 40.0,
                "40 per s", 40.0,
                "40 per second", 40.0,
                "2400 /min", 40.0,
                "144000/h", 40.0,
                "2 /ms", 2000.0,
                "0", 0.0);

        refuses(Quantity.RATE,
                "40", "expected a rate with a unit such as '40 /s' or '2400 /min', found '40'",
                "40 /y", "unknown rate unit '/y'",
                "40 Hz", "'Hz' is a unit of frequency",
                "-1 /s", "must not be negative");
    }

    @Test
    void fractionsAsNumbersOrPercentages() throws UnitException {
        reads(Quantity.FRACTION,
                "50 %", 0.5,
                "50%", 0.5,
                "0.5", 0.5,
                "150 %", 1.5, // range is the caller's business
                "0.1 %", 0.001);

        refuses(Quantity.FRACTION,
                "half", "expected a fraction such as '0.5' or '50 %', found 'half'",
                "50 percent", "unknown fraction unit 'percent'",
                "-5 %", "must not be negative");
    }

    @Test
    void frequencies() throws UnitException {
        reads(Quantity.FREQUENCY,
                "50 Hz", 50.0,
                "3 kHz", 3e3,
                "3 KHz", 3e3,
                "100 MHz", 100e6,
                "2.4 GHz", 2.4e9);

        refuses(Quantity.FREQUENCY,
                "2.4 ghz", "did you mean 'GHz'?",
                "2.4", "expected a frequency with a unit such as");
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
