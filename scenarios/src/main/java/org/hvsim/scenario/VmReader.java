package org.hvsim.scenario;

import static org.hvsim.scenario.schema.ScenarioSchema.*;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hvsim.model.guest.GuestDiscipline;
import org.hvsim.model.system.MemoryAdmission;
import org.hvsim.model.system.VmSpec;
import org.hvsim.model.hypervisor.Control;
import org.hvsim.model.hypervisor.CpuControls;
import org.hvsim.model.hypervisor.SchedulerSettings;
import org.hvsim.model.workload.Workload;
import org.hvsim.scenario.schema.Key;
import org.hvsim.scenario.schema.SectionReader;

/** Reads {@code vms}: each template, its CPU controls (checked against every architecture's scheduler) and workload. */
final class VmReader {

    /**
     * The VMs as read.
     *
     * @param demands the memory of each template whose count and memory were read without a problem
     */
    record Vms(List<VmSpec> vms, List<Map<String, Object>> trees, List<MemoryAdmission.Demand> demands) {
    }

    private final Reading reading;
    private final HostReader.Host host;
    private final Map<String, SchedulerSettings> schedulers;
    private final WorkloadReader workloads;

    VmReader(Reading reading, DistributionReader distributions, HostReader.Host host,
            Map<String, SchedulerSettings> schedulers) {
        this.reading = reading;
        this.host = host;
        this.schedulers = schedulers;
        this.workloads = new WorkloadReader(reading, distributions, host.spec());
    }

    Vms read(SectionReader top) {
        List<VmSpec> out = new ArrayList<>();
        List<Map<String, Object>> trees = new ArrayList<>();
        List<MemoryAdmission.Demand> demands = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<SectionReader> items = top.objects(VMS);
        if (items.isEmpty() && top.has(VMS)) {
            top.report(VMS, "vms: give at least one VM");
        }
        for (SectionReader v : items) {
            Map<String, Object> t = new LinkedHashMap<>();
            String name = v.text(VM_NAME);
            if (name.contains("/") || name.contains("#") || name.contains("@")) {
                v.report(VM_NAME, v.pathOf(VM_NAME) + ": a VM name cannot contain '/', '#' or '@' (they separate scopes "
                        + "and instances in the results), found '" + name + "'");
            } else if (name.equals("host")) {
                v.report(VM_NAME, v.pathOf(VM_NAME) + ": 'host' is reserved for host-wide figures");
            }
            Reading.uniqueName(v, VM_NAME, name, names, "VM");
            int count = v.integer(COUNT);
            int vcpus = v.integer(VCPUS);
            double memory = v.quantity(VM_MEMORY);
            // A value with a problem at its place is a stand-in; a swept value refused elsewhere in
            // its list is not the one in use.
            if (!reading.problemAt(v.locationOf(COUNT)) && !reading.problemAt(v.locationOf(VM_MEMORY))) {
                demands.add(new MemoryAdmission.Demand(name, count, memory));
            }
            String gs = v.choice(GUEST_SCHEDULER);
            GuestDiscipline discipline = GuestDiscipline.byKey(gs);
            double quantum = v.quantity(QUANTUM);
            if (discipline != GuestDiscipline.RR && v.has(QUANTUM)) {
                v.report(QUANTUM, v.pathOf(QUANTUM) + " only applies to guest_scheduler: rr (this VM uses " + gs + ")");
            }
            t.put("name", name);
            t.put("count", count);
            t.put("vcpus", vcpus);
            t.put("memory", Formats.size(memory));
            t.put("guest_scheduler", gs);
            if (discipline == GuestDiscipline.RR) {
                t.put("quantum", Formats.duration(quantum));
            }
            boolean enlightened = v.bool(ENLIGHTENED);
            t.put("enlightened", enlightened);
            CpuControls controls = cpuControls(v, vcpus, t);
            Map<String, Object> wt = new LinkedHashMap<>();
            Workload w = workloads.read(v.object(WORKLOAD_KEY), wt);
            t.put("workload", wt);
            v.finish();
            trees.add(t);
            if (w != null && !name.isEmpty()) {
                out.add(new VmSpec(name, count, vcpus, memory, enlightened, discipline, quantum, w,
                        controls));
            }
        }
        return new Vms(out, trees, demands);
    }

    /** Reads a VM's CPU controls: weight, reservation and limit (in % of a pCPU or in MHz). */
    private CpuControls cpuControls(SectionReader v, int vcpus, Map<String, Object> t) {
        int weight = v.has(VM_WEIGHT) ? v.integer(VM_WEIGHT) : 0;
        for (String sched : schedulers.values().stream().map(SchedulerSettings::name).distinct().toList()) {
            int max = CrossChecks.maxWeight(sched);
            if (weight > max) {
                v.report(VM_WEIGHT, v.pathOf(VM_WEIGHT) + " must be between 1 and " + max + " under " + sched
                        + ", found " + weight);
                weight = 0;
                break;
            }
        }
        double reservation = pcpus(v, RESERVATION, RESERVATION_MHZ);
        double limit = pcpus(v, LIMIT, LIMIT_MHZ);
        if (reservation > vcpus) {
            v.report(v.has(RESERVATION) ? RESERVATION : RESERVATION_MHZ, v.pathOf(RESERVATION) + ": "
                    + Formats.num(reservation * 100) + " % of a pCPU is more than this VM's " + vcpus
                    + " vCPUs can use");
            reservation = 0;
        }
        if (limit > 0 && reservation > limit) {
            v.report(v.has(LIMIT) ? LIMIT : LIMIT_MHZ, v.pathOf(LIMIT) + " (" + Formats.num(limit * 100)
                    + " %) is below the reservation (" + Formats.num(reservation * 100) + " %)");
            limit = 0;
        }
        t.put("weight", weight > 0 ? (Object) weight : "scheduler default");
        t.put("reservation", Formats.num(reservation * 100) + " %");
        t.put("limit", limit > 0 ? Formats.num(limit * 100) + " %" : "none");
        CpuControls c = new CpuControls(weight, reservation, limit);
        Map<Control, Key> keys = new EnumMap<>(Control.class);
        keys.put(Control.WEIGHT, VM_WEIGHT);
        keys.put(Control.RESERVATION, v.has(RESERVATION_MHZ) ? RESERVATION_MHZ : RESERVATION);
        keys.put(Control.LIMIT, v.has(LIMIT_MHZ) ? LIMIT_MHZ : LIMIT);
        for (Control k : Control.values()) {
            if (k.requestedBy(c)) {
                CrossChecks.refuseUnsupported(v, keys.get(k), k, schedulers);
            }
        }
        return c;
    }

    /** A control given as % of one pCPU or in MHz, as pCPUs; 0 when absent. */
    private double pcpus(SectionReader v, Key percent, Key mhz) {
        if (v.has(percent) && v.has(mhz)) {
            v.report(mhz, v.pathOf(mhz) + ": give either " + percent.name() + " or " + mhz.name() + ", not both");
            return 0;
        }
        if (v.has(percent)) {
            return v.quantity(percent);
        }
        if (v.has(mhz)) {
            return v.quantity(mhz) / host.frequency();
        }
        return 0;
    }
}
