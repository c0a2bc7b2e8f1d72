package org.hvsim.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.awt.Color;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ArchitecturePaletteTest {

    @Test
    void builtInArchitecturesKeepTheirColourWhateverTheOrder() {
        ArchitecturePalette a = ArchitecturePalette.of(List.of("native", "hosted", "monolithic", "microkernel"));
        ArchitecturePalette b = ArchitecturePalette.of(List.of("microkernel", "custom", "hosted"));
        assertEquals(a.colorOf("hosted"), b.colorOf("hosted"));
        assertEquals(a.colorOf("microkernel"), b.colorOf("microkernel"));
        assertEquals(ArchitecturePalette.FIXED.get("monolithic"), a.colorOf("monolithic"));
    }

    @Test
    void otherNamesTakeExtraColoursInOrderOfAppearance() {
        ArchitecturePalette p = ArchitecturePalette.of(List.of("xen-full", "native", "hyperv-core"));
        assertEquals(ArchitecturePalette.EXTRA.get(0), p.colorOf("xen-full"));
        assertEquals(ArchitecturePalette.EXTRA.get(1), p.colorOf("hyperv-core"));
        assertEquals(List.of("xen-full", "native", "hyperv-core"), p.architectures());
    }

    @Test
    void manyArchitecturesStillGetDistinctColours() {
        ArchitecturePalette p = ArchitecturePalette.of(List.of());
        Set<Color> seen = new HashSet<>(ArchitecturePalette.FIXED.values());
        for (int i = 0; i < 20; i++) {
            Color c = p.colorOf("arch" + i);
            assertNotEquals(null, c);
            seen.add(c);
        }
        assertEquals(24, seen.size());
        assertEquals("#e69f00", ArchitecturePalette.hex(ArchitecturePalette.FIXED.get("hosted")));
    }
}
