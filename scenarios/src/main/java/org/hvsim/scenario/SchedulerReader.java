package org.hvsim.scenario;

import static org.hvsim.scenario.schema.ScenarioSchema.*;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.hvsim.model.hypervisor.SchedulerSettings;
import org.hvsim.model.hypervisor.Tunable;
import org.hvsim.scenario.schema.Key;
import org.hvsim.scenario.schema.SectionReader;

/** Reads the scenario-wide {@code scheduler} section. */
final class SchedulerReader {

    /**
     * The scenario's scheduler and tunables.
     *
     * @param settings        an empty name means each architecture's own
     * @param switchCostGiven whether the file gives switch_cost (else each profile's own)
     * @param tree            the resolved section; empty when the file has none
     */
    record Choice(SchedulerSettings settings, boolean switchCostGiven, Map<String, Object> tree) {
    }

    private SchedulerReader() {
    }

    static Choice read(SectionReader top) {
        Optional<SectionReader> o = top.optionalObject(SCHEDULER_KEY);
        if (o.isEmpty()) {
            return new Choice(SchedulerSettings.of(""), false, Map.of());
        }
        SectionReader r = o.get();
        String name = r.has(SCHEDULER_NAME) ? r.choice(SCHEDULER_NAME) : "";
        boolean switchCostGiven = r.has(SWITCH_COST);
        SchedulerSettings s = new SchedulerSettings(name, r.quantity(SWITCH_COST, 0), Map.of());
        for (Map.Entry<Tunable, Key> e : SCHEDULER_TUNABLES.entrySet()) {
            s = s.with(e.getKey(), value(r, e.getKey(), e.getValue()));
        }
        r.finish();
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("name", name.isEmpty() ? "(each architecture's own)" : name);
        t.put("switch_cost", switchCostGiven ? Formats.duration(s.switchCost()) : "(each profile's own)");
        for (Tunable tunable : SCHEDULER_TUNABLES.keySet()) {
            t.put(tunable.key(), written(tunable, s.value(tunable)));
        }
        return new Choice(s, switchCostGiven, t);
    }

    /** The tunable's value as {@code key} gives it, or its default. */
    static Object value(SectionReader r, Tunable t, Key key) {
        return switch (t.kind()) {
            case DURATION -> r.quantity(key);
            case FLAG -> r.bool(key);
            case CHOICE -> r.choice(key);
        };
    }

    /** A tunable's value as the resolved scenario writes it. */
    static Object written(Tunable t, Object value) {
        return t.kind() == Tunable.Kind.DURATION ? Formats.duration((Double) value) : value;
    }
}
