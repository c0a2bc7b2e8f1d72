package org.hvsim.scenario;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hvsim.scenario.load.NearestKey;
import org.hvsim.scenario.load.Node;
import org.hvsim.scenario.load.Problems;
import org.hvsim.scenario.load.SourceLocation;
import org.hvsim.scenario.load.Sweeps;
import org.hvsim.scenario.schema.Key;
import org.hvsim.scenario.schema.ReadTrace;
import org.hvsim.scenario.schema.Section;
import org.hvsim.scenario.schema.SectionReader;

/**
 * What every section reader of one reading shares: the file, where problems and sources go, the sweep
 * point being read, and the CSV files already read (shared by all points of a sweep).
 */
record Reading(String source, Problems problems, Sweeps sweeps, ReadTrace trace, Map<String, List<Double>> csvCache) {

    SectionReader reader(Section section, Node node, String path) {
        return SectionReader.of(section, node, problems, path, sweeps, trace);
    }

    /** Whether a problem was recorded at {@code at} (the value there is then a stand-in). */
    boolean problemAt(SourceLocation at) {
        return problems.list().stream().anyMatch(p -> p.at().equals(at));
    }

    static void uniqueName(SectionReader r, Key key, String name, Set<String> names, String what) {
        if (!name.isEmpty() && !names.add(name)) {
            r.report(key, r.pathOf(key) + ": " + what + " name '" + name + "' is used twice");
        }
    }

    /** " — did you mean 'd0'?", " (known: …)" or " (the host has none)", to follow "no disk named …". */
    static String known(String name, List<String> names) {
        if (names.isEmpty()) {
            return " (the host has none)";
        }
        return NearestKey.among(name, names).map(n -> " — did you mean '" + n + "'?")
                .orElse(" (known: " + String.join(", ", names) + ")");
    }
}
