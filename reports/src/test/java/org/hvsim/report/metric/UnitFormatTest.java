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
}
