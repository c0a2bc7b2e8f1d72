package org.hvsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.hvsim.model.arch.Architectures;
import org.junit.jupiter.api.Test;

/**
 * results.json echoes the scenario as its resolved tree, so the tree's maps must iterate in a fixed
 * order. {@code Map.of} with two or more entries does not: its order is salted per JVM run (a
 * daily-peak echo once listed a profile point's {@code rate} before its {@code at}, in one run of two).
 */
class ResolvedTreeOrderTest {

    /** The class of {@code Map.of} with several entries, whose iteration order changes between runs. */
    private static final Class<?> SALTED = Map.of("a", 1, "b", 2).getClass();

    @Test
    void noExampleEchoesAMapWhoseOrderChangesBetweenRuns() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("examples"))) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertFalse(files.isEmpty());
        for (Path f : files) {
            List<String> salted = new ArrayList<>();
            for (Scenario point : ScenarioLoader.loadAll(f).points()) {
                walk(point.resolved(), f.getFileName().toString(), salted);
                walk(point.sources(), f.getFileName() + " sources", salted);
            }
            assertTrue(salted.isEmpty(), "maps in Map.of's run-dependent order: " + salted);
        }
    }

    @Test
    void aProfilesPointsKeepTheirKeysInTheFilesOrder() throws Exception {
        Scenario s = ScenarioLoader.load(Path.of("examples/daily-peak.yaml"));
        List<String> keys = new ArrayList<>();
        findPoint(s.resolved(), keys);
        assertEquals(List.of("at", "rate"), keys);
    }

    @Test
    void everyProfilesSourcesAreInTheirDocumentedOrder() {
        for (String name : Architectures.names()) {
            var a = Architectures.byName(name).orElseThrow();
            assertFalse(SALTED.isInstance(a.sources()), a.name());
            assertEquals("scheduler", a.sources().keySet().iterator().next(), a.name());
        }
    }

    private static void walk(Object node, String path, List<String> salted) {
        if (node instanceof Map<?, ?> m) {
            if (SALTED.isInstance(m)) {
                salted.add(path);
            }
            m.forEach((k, v) -> walk(v, path + "." + k, salted));
        } else if (node instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                walk(l.get(i), path + "[" + i + "]", salted);
            }
        }
    }

    private static boolean findPoint(Object node, List<String> keys) {
        if (node instanceof Map<?, ?> m) {
            if (m.containsKey("points") && m.get("points") instanceof List<?> l && !l.isEmpty()) {
                ((Map<?, ?>) l.get(0)).keySet().forEach(k -> keys.add((String) k));
                return true;
            }
            for (Object v : m.values()) {
                if (findPoint(v, keys)) {
                    return true;
                }
            }
        } else if (node instanceof List<?> l) {
            for (Object v : l) {
                if (findPoint(v, keys)) {
                    return true;
                }
            }
        }
        return false;
    }
}
