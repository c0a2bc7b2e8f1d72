package org.hvsim.scenario;

import static org.hvsim.scenario.schema.ScenarioSchema.*;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.hvsim.model.hypervisor.SchedulerSettings;
import org.hvsim.model.hypervisor.XenCreditScheduler;
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
        SchedulerSettings s = new SchedulerSettings(name, r.quantity(SWITCH_COST, 0), r.quantity(RR_QUANTUM),
                r.bool(BOOST), r.quantity(RATE_LIMIT), r.quantity(SKEW_BOUND),
                r.choice(WEIGHTING).equals(weighting(XenCreditScheduler.Weighting.PER_VCPU))
                        ? XenCreditScheduler.Weighting.PER_VCPU : XenCreditScheduler.Weighting.PER_DOMAIN);
        r.finish();
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("name", name.isEmpty() ? "(each architecture's own)" : name);
        t.put("switch_cost", switchCostGiven ? Formats.duration(s.switchCost()) : "(each profile's own)");
        t.put("boost", s.boost());
        t.put("rate_limit", Formats.duration(s.rateLimit()));
        t.put("quantum", Formats.duration(s.quantum()));
        t.put("skew_bound", Formats.duration(s.skewBound()));
        t.put("weighting", weighting(s.weighting()));
        return new Choice(s, switchCostGiven, t);
    }
}
