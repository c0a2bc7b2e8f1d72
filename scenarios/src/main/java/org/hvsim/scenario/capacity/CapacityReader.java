package org.hvsim.scenario.capacity;

import static org.hvsim.scenario.schema.ScenarioSchema.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hvsim.model.system.VmSpec;
import org.hvsim.scenario.schema.Key;
import org.hvsim.scenario.schema.SectionReader;

/** Reads the {@code capacity} section: the template must name a VM, the range must be ordered, nothing swept. */
public final class CapacityReader {

    private CapacityReader() {
    }

    /**
     * The plan, or empty when the file has none (or it has problems, which are reported through the
     * section's reader); {@code resolved} receives its resolved tree.
     */
    public static Optional<CapacityPlan> read(SectionReader top, List<VmSpec> vms, List<String> architectures,
            int replications, Map<String, Object> resolved) {
        Optional<CostModel.Fleet> fleet = CostReader.fleet(top, resolved);
        Optional<CostModel.Costs> costs = CostReader.costs(top, architectures, resolved);
        Optional<SectionReader> o = top.optionalObject(CAPACITY_KEY);
        if (o.isEmpty()) {
            if (top.has(FLEET_KEY) || top.has(COSTS_KEY)) {
                top.report(top.has(FLEET_KEY) ? FLEET_KEY : COSTS_KEY, "fleet and costs size the answer of a capacity "
                        + "search: add capacity: { template: VMNAME, from: 1, to: 256 }");
            }
            return Optional.empty();
        }
        SectionReader r = o.get();
        int errorsBefore = r.problems().list().size();
        for (Key k : List.of(CAPACITY_FROM, CAPACITY_TO, CAPACITY_HEADROOM, CAPACITY_MAX_REPLICATIONS)) {
            if (r.isSweep(k)) {
                r.report(k, r.pathOf(k) + ": the capacity search chooses the counts itself; give one value");
            }
        }
        String template = r.text(CAPACITY_TEMPLATE);
        int from = r.integer(CAPACITY_FROM);
        int to = r.integer(CAPACITY_TO);
        double headroom = r.has(CAPACITY_HEADROOM) ? r.quantity(CAPACITY_HEADROOM) : Double.NaN;
        int budget = r.has(CAPACITY_MAX_REPLICATIONS) ? r.integer(CAPACITY_MAX_REPLICATIONS)
                : Math.max(2, 4 * replications);
        if (!r.has(CAPACITY_MAX_REPLICATIONS)) {
            r.source(CAPACITY_MAX_REPLICATIONS, "default: 4 × replications");
        }
        r.finish();
        List<String> names = vms.stream().map(VmSpec::name).toList();
        if (!template.isEmpty() && !vms.isEmpty() && !names.contains(template)) {
            r.report(CAPACITY_TEMPLATE, r.pathOf(CAPACITY_TEMPLATE) + ": no VM named '" + template + "' (VMs: "
                    + String.join(", ", names) + ")");
        }
        if (to < from) {
            r.report(CAPACITY_TO, r.pathOf(CAPACITY_TO) + ": to (" + to + ") must not be below from (" + from + ")");
        }
        if (budget < replications) {
            r.report(CAPACITY_MAX_REPLICATIONS, r.pathOf(CAPACITY_MAX_REPLICATIONS) + ": " + budget
                    + " is fewer than the scenario's replications (" + replications + ")");
        }
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("template", template);
        tree.put("from", from);
        tree.put("to", to);
        if (!Double.isNaN(headroom)) {
            tree.put("cpu_headroom", String.format(java.util.Locale.ROOT, "%.4g %%", headroom * 100));
        }
        tree.put("max_replications", budget);
        resolved.put("capacity", tree);
        if (r.problems().list().size() > errorsBefore) {
            return Optional.empty();
        }
        return Optional.of(new CapacityPlan(template, from, to, headroom, budget, fleet, costs));
    }
}
