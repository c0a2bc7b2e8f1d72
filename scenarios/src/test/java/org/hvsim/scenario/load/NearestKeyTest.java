package org.hvsim.scenario.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NearestKeyTest {

    private static final List<String> KEYS = List.of("name", "count", "vcpus", "memory", "enlightened", "weight",
            "guest_scheduler", "workload");

    @Test
    void distanceCountsAnAdjacentSwapAsOneEdit() {
        assertEquals(1, NearestKey.distance("vpcus", "vcpus"));
        assertEquals(1, NearestKey.distance("vcpsu", "vcpus"));
        // Optimal string alignment, not unrestricted Damerau-Levenshtein: no edits inside a swapped pair.
        assertEquals(3, NearestKey.distance("ca", "abc"));
        assertEquals(3, NearestKey.distance("kitten", "sitting"));
        assertEquals(0, NearestKey.distance("", ""));
        assertEquals(4, NearestKey.distance("", "abcd"));
    }

    @Test
    void suggestsTheClosestKeyCaseInsensitively() {
        assertEquals(Optional.of("vcpus"), NearestKey.among("vpcus", KEYS));
        assertEquals(Optional.of("vcpus"), NearestKey.among("VCPUS", KEYS));
        assertEquals(Optional.of("memory"), NearestKey.among("memroy", KEYS));
        assertEquals(Optional.of("guest_scheduler"), NearestKey.among("guest_schedular", KEYS));
        assertEquals(Optional.of("guest_scheduler"), NearestKey.among("guest-sheduler", KEYS));
        assertEquals(Optional.of("enlightened"), NearestKey.among("enlightend", KEYS));
    }

    @Test
    void staysQuietWhenNothingIsClose() {
        assertEquals(Optional.empty(), NearestKey.among("colour", KEYS));
        assertEquals(Optional.empty(), NearestKey.among("x", List.of("h", "s")));
        assertEquals(Optional.empty(), NearestKey.among("vcpus", KEYS)); // not a typo at all
        assertEquals(Optional.empty(), NearestKey.among("nmae_of_vm", KEYS));
        assertEquals(Optional.empty(), NearestKey.among("wrkld", KEYS)); // 3 edits from workload, 5 letters
        assertEquals(Optional.empty(), NearestKey.among("a".repeat(1_000_000), KEYS));
    }

    @Test
    void thresholdGrowsWithLength() {
        assertEquals(1, NearestKey.threshold(3));
        assertEquals(2, NearestKey.threshold(4));
        assertEquals(2, NearestKey.threshold(8));
        assertEquals(3, NearestKey.threshold(9));
        assertEquals(Optional.of("ab"), NearestKey.among("ac", List.of("ab")));
        assertEquals(Optional.empty(), NearestKey.among("abc", List.of("axy")));
        assertEquals(Optional.of("scheduler"), NearestKey.among("shceduelr", List.of("scheduler")));
    }
}
