package org.hvsim.scenario;

import static org.hvsim.scenario.schema.ScenarioSchema.*;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.hvsim.scenario.schema.SectionReader;

/** Reads the {@code sla} section; its scope is checked against the VMs in {@link CrossChecks}. */
final class SlaReader {

    /** The objective as read, with its reader to report a scope that names no VM or class. */
    record Sla(String metric, String scope, double max, SectionReader reader) {

        Map<String, Object> tree() {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("metric", metric);
            t.put("scope", scope);
            t.put("max", Formats.duration(max));
            return t;
        }
    }

    private SlaReader() {
    }

    static Optional<Sla> read(SectionReader top) {
        return top.optionalObject(SLA_KEY).map(r -> {
            String metric = r.choice(SLA_METRIC);
            String scope = r.text(SLA_SCOPE);
            double max = r.quantity(SLA_MAX);
            r.finish();
            return new Sla(metric, scope, max, r);
        });
    }
}
