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
    void theFirstArchitectureOfAFamilyGetsTheFamilysColourAndTheNativeFamilyIsDashed() {
        java.util.Map<String, String> families = java.util.Map.of("xen-3.0", "microkernel",
                "hyperv-2008-core", "microkernel", "bare", "native", "esx-3.0", "monolithic");
        ArchitecturePalette p = ArchitecturePalette.of(List.of("bare", "xen-3.0", "hyperv-2008-core", "esx-3.0"),
                a -> families.getOrDefault(a, a));
        assertEquals(ArchitecturePalette.FIXED.get("microkernel"), p.colorOf("xen-3.0"));
        assertEquals(ArchitecturePalette.FIXED.get("monolithic"), p.colorOf("esx-3.0"));
        assertEquals(ArchitecturePalette.FIXED.get("native"), p.colorOf("bare"));
        assertEquals(ArchitecturePalette.EXTRA.get(0), p.colorOf("hyperv-2008-core"), "a second microkernel differs");
        assertEquals(true, ((java.awt.BasicStroke) p.strokeOf("bare")).getDashArray() != null);
        assertEquals(null, ((java.awt.BasicStroke) p.strokeOf("xen-3.0")).getDashArray());
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
