package org.hvsim.scenario;

import static org.hvsim.scenario.schema.ScenarioSchema.*;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.hvsim.scenario.schema.SectionReader;

/** Reads the {@code sla} section; its scope is checked against the VMs in {@link CrossChecks}. */
final class SlaReader {

    /** The objective as read, with its reader to report a scope that names no VM or class. */
    record Sla(String metric, String scope, double max, String window, String figureScope, SectionReader reader) {

        Map<String, Object> tree() {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("metric", metric);
            t.put("scope", scope);
            t.put("max", Formats.duration(max));
            if (!window.isEmpty()) {
                t.put("window", window);
                t.put("figure_scope", figureScope);
            }
            return t;
        }

        /** The same objective, bound to the figures of {@code scope} (a window of the VM's profile). */
        Sla on(String scope) {
            return new Sla(metric, this.scope, max, window, scope, reader);
        }
    }

    private SlaReader() {
    }

    static Optional<Sla> read(SectionReader top) {
        return top.optionalObject(SLA_KEY).map(r -> {
            String metric = r.choice(SLA_METRIC);
            String scope = r.text(SLA_SCOPE);
            double max = r.quantity(SLA_MAX);
            String window = r.text(SLA_WINDOW, "");
            r.finish();
            return new Sla(metric, scope, max, window, scope, r);
        });
    }
}
