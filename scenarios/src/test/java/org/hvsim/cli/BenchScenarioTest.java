package org.hvsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.hvsim.scenario.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hvsim bench --scenario}: the full model's cost per event and per request, beside bare DSOL. */
class BenchScenarioTest {

    @TempDir
    Path tmp;

    @Test
    void reportsEventsPerRequestByKindAllocationAndTheDsolRate() throws Exception {
        Path file = tmp.resolve("b.yaml");
        Files.writeString(file, CliTest.SMALL.replace("duration: 60 s", "duration: 20 s"));
        Fixtures.Outcome o = Fixtures.hvsim("bench", "--scenario", file.toString(), "--architecture", "hosted");
        assertEquals(0, o.code(), o.err());
        Map<String, String> values = o.out().lines().filter(l -> l.contains("="))
                .collect(Collectors.toMap(l -> l.substring(0, l.indexOf('=')), l -> l.substring(l.indexOf('=') + 1)));
        for (String key : List.of("hosted.wall_s", "hosted.events", "hosted.events_per_s", "hosted.events_per_request",
                "hosted.allocated_bytes_per_event", "hosted.peak_heap_mb", "hosted.cpu_s", "dsol_events_per_s",
                "dsol_default_path_events_per_s", "hosted.model_vs_dsol_default_path", "hosted.mean_pending_events",
                "hosted.dsol_default_path_same_list_events_per_s", "hosted.model_vs_dsol_default_path_same_list",
                "bare_dsol_events_per_s", "bare_dsol_red_black_tree_events_per_s", "hosted.model_vs_bare_dsol",
                "hosted.model_vs_bare_dsol_red_black_tree", "hosted.bare_dsol_same_list_events_per_s",
                "hosted.model_vs_bare_dsol_same_list")) {
            assertTrue(values.containsKey(key), key + " in " + o.out());
        }
        assertTrue(values.keySet().stream().noneMatch(k -> k.startsWith("native.")), "only the chosen architecture");
        long events = Long.parseLong(values.get("hosted.events"));
        long scheduled = values.entrySet().stream().filter(e -> e.getKey().startsWith("hosted.scheduled."))
                .mapToLong(e -> Long.parseLong(e.getValue())).sum();
        assertTrue(events > 0 && scheduled >= events, "every executed event was scheduled: " + o.out());
        double perRequest = Double.parseDouble(values.get("hosted.events_per_request"));
        assertTrue(perRequest >= 2 && perRequest < 100, "an arrival and a completion at least: " + perRequest);
        assertTrue(o.err().contains("bench: hosted"), "progress on stderr");
        double pending = Double.parseDouble(values.get("hosted.mean_pending_events"));
        assertTrue(pending >= 1, "an event left a list holding at least itself: " + pending);
        double cpu = Double.parseDouble(values.get("hosted.cpu_s"));
        assertTrue(cpu > 0 && cpu <= Double.parseDouble(values.get("hosted.wall_s")) * 1.05,
                "the events' thread ran for a while and not longer than the replication: " + o.out());
    }

    @Test
    void aRegenerationKeepsTheHandWrittenProfileSection() throws Exception {
        Path file = tmp.resolve("performance.md");
        assertEquals("", ScalingStudy.handWritten(file), "no file yet");
        Files.writeString(file, "# Performance\n\n| old | table |\n");
        assertEquals("", ScalingStudy.handWritten(file), "nothing hand-written");
        String section = ScalingStudy.HAND_WRITTEN + "\n\nJFR showed the heap.\n";
        Files.writeString(file, "# Performance\n\n| old | table |\n" + section);
        assertEquals(section, ScalingStudy.handWritten(file));
    }

    @Test
    void theScalingStudysHostsAreValidFromTenToAThousandVms() throws Exception {
        for (int vms : new int[] {10, 200, 1000}) {
            org.hvsim.scenario.Scenario s = org.hvsim.scenario.ScenarioLoader.load("s.yaml",
                    ScalingStudy.scenario(vms, 30, 5, List.of("xen-3.0", "native")));
            assertEquals(vms, s.vms().get(0).count());
            assertEquals(Math.max(2, Math.round(vms * 0.32)), s.host().pcpus(), "the same load per pCPU");
        }
    }

    @Test
    void anArchitectureTheScenarioLacksIsABadInput() throws Exception {
        Path file = tmp.resolve("b.yaml");
        Files.writeString(file, CliTest.SMALL);
        Fixtures.Outcome o = Fixtures.hvsim("bench", "--scenario", file.toString(), "--architecture", "xen-3.0");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("[native, hosted]"), o.err());
    }
}
