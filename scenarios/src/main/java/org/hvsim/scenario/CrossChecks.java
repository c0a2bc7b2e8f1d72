package org.hvsim.scenario;

import static org.hvsim.scenario.schema.ScenarioSchema.*;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.hvsim.model.arch.ArchitectureProfile;
import org.hvsim.model.arch.ControlDomain;
import org.hvsim.model.system.VmSpec;
import org.hvsim.model.workload.Arrivals;
import org.hvsim.model.workload.RateProfile;
import org.hvsim.scenario.load.Quantity;
import org.hvsim.scenario.load.UnitException;
import org.hvsim.scenario.load.Units;
import org.hvsim.model.hypervisor.Control;
import org.hvsim.model.hypervisor.CpuControls;
import org.hvsim.model.hypervisor.HypervisorSchedulers;
import org.hvsim.model.hypervisor.SchedulerDescriptor;
import org.hvsim.model.hypervisor.SchedulerSettings;
import org.hvsim.model.hypervisor.SupportedControls;
import org.hvsim.model.system.MemoryAdmission;
import org.hvsim.model.system.MemoryPolicy;
import org.hvsim.model.system.SystemSpec;
import org.hvsim.scenario.ArchitectureReader.Given;
import org.hvsim.scenario.load.Excerpt;
import org.hvsim.scenario.schema.Key;
import org.hvsim.scenario.schema.ReadTrace;
import org.hvsim.scenario.schema.SectionReader;

/** The checks that span sections, made once every section has been read. */
final class CrossChecks {

    private CrossChecks() {
    }

    /** The largest VM weight the named scheduler takes. */
    static int maxWeight(String scheduler) {
        return HypervisorSchedulers.descriptor(scheduler).map(SchedulerDescriptor::maxWeight)
                .orElse(SchedulerDescriptor.ANY_WEIGHT);
    }

    /**
     * The SLA's scope must name a VM or a VM/class; with a {@code window}, a VM whose rate follows a
     * profile, whose window's figures the SLA is then stated on.
     */
    static SlaReader.Sla slaScope(SlaReader.Sla sla, List<VmSpec> vms) {
        List<String> scopes = new ArrayList<>();
        for (VmSpec vm : vms) {
            scopes.add(vm.name());
            for (var c : vm.workload().classes()) {
                scopes.add(vm.name() + "/" + c.name());
            }
        }
        String scope = sla.scope();
        if (!scope.isEmpty() && !vms.isEmpty() && !scopes.contains(scope)) {
            sla.reader().report(SLA_SCOPE, sla.reader().pathOf(SLA_SCOPE) + ": no VM or VM/class named '" + scope
                    + "'" + Reading.known(scope, scopes));
            return sla;
        }
        if (sla.window().isEmpty()) {
            return sla;
        }
        SectionReader r = sla.reader();
        Optional<VmSpec> vm = vms.stream().filter(v -> v.name().equals(scope)).findFirst();
        if (vm.isEmpty() || !(vm.get().workload().arrivals() instanceof Arrivals.Varying varying)) {
            if (vm.isPresent() || scope.contains("/")) {
                r.report(SLA_WINDOW, r.pathOf(SLA_WINDOW) + ": a window needs a scope that is a VM whose rate follows a "
                        + "profile (open: { profile }); '" + scope + "' is not");
            }
            return sla;
        }
        if (!List.of("response_time_mean", "response_time_p95").contains(sla.metric())) {
            r.report(SLA_WINDOW, r.pathOf(SLA_WINDOW) + ": a window's figures are response_time_mean and "
                    + "response_time_p95; found metric " + sla.metric());
            return sla;
        }
        RateProfile profile = varying.profile();
        RateProfile.Window w;
        if ("peak_hour".equals(sla.window())) {
            w = profile.peakWindow();
        } else {
            try {
                w = profile.windowAt(Units.parse(Quantity.DURATION, sla.window(), false));
            } catch (UnitException e) {
                r.report(SLA_WINDOW, r.pathOf(SLA_WINDOW) + ": expected peak_hour or an instant of the profile "
                        + "(e.g. 9 h); " + e.getMessage());
                return sla;
            }
        }
        return sla.on(w.scope(scope));
    }

    /**
     * The VMs' configured memory must fit in the host's RAM (what no architecture's footprint can make
     * fit); checked even when other values are wrong (all problems at once), but only on sound numbers:
     * a host memory, or a VM's count or memory, that could not be read would give a false verdict.
     */
    static void configuredMemory(SectionReader top, HostReader.Host host, VmReader.Vms vms) {
        if (host.memorySound() && vms.demands().size() == vms.trees().size() && !host.memory().overcommit()) {
            MemoryAdmission.refusal(host.spec().memory(), vms.demands()).ifPresent(why -> top.report(VMS, why));
        }
    }

    /** Each architecture's own footprint (hypervisor, control domain, per-VM overhead) must fit too. */
    static void footprints(SectionReader top, HostReader.Host host, List<VmSpec> vms, List<ArchitectureProfile> archs,
            Map<String, SchedulerSettings> settings) {
        MemoryPolicy memory = host.memory();
        if (memory.overcommit()) {
            return;
        }
        for (ArchitectureProfile a : archs) {
            MemoryAdmission.refusal(new SystemSpec(host.spec(), vms, a, settings.get(a.name()), memory))
                    .ifPresent(why -> top.report(VMS, why));
        }
    }

    /**
     * Each architecture's control domain with the reservation and limit the file gives it, checked
     * against its vCPUs and against the architecture's effective scheduler. A control the file gives
     * that the scheduler would ignore is refused; one that only the base profile sets (the ESX service
     * console's 8 % under a `scheduler` override that has no reservations) is dropped, as the
     * scheduler would drop it, and noted as `control_unused` in the resolved architecture.
     */
    static List<ArchitectureProfile> controlCpu(ArchitectureReader.Read read, HostReader.Host host,
            Map<String, SchedulerSettings> settings, ReadTrace trace) {
        List<ArchitectureProfile> archs = read.profiles();
        List<ArchitectureProfile> out = new ArrayList<>();
        // A variant of a variant inherits what the file gave its base: say each problem there once.
        Set<String> said = new HashSet<>();
        for (int i = 0; i < archs.size(); i++) {
            ArchitectureProfile a = archs.get(i);
            ControlDomain c = a.control();
            if (c == null) {
                out.add(a);
                continue;
            }
            Map<Control, Given> asked = read.asked().getOrDefault(a.name(), Map.of());
            Given r = asked.get(Control.RESERVATION);
            Given l = asked.get(Control.LIMIT);
            double reservation = r == null ? c.reservation() : r.pcpus(host.frequency());
            double limit = l == null ? c.limit() : l.pcpus(host.frequency());
            int vcpus = c.vcpusOn(host.spec().pcpus());
            if (reservation > vcpus) {
                if (r != null) {
                    once(r, ": " + Formats.num(reservation * 100) + " % of a pCPU is more than the control domain's "
                            + vcpus + " vCPUs can use", said);
                }
                reservation = 0;
            }
            if (limit > 0 && reservation > limit) {
                Given at = l != null ? l : r;
                if (at != null) {
                    once(at, ": the control domain's limit (" + Formats.num(limit * 100) + " %) is below its "
                            + "reservation (" + Formats.num(reservation * 100) + " %)", said);
                }
                limit = 0;
            }
            String scheduler = settings.get(a.name()).name();
            SupportedControls supported = HypervisorSchedulers.controls(scheduler).orElse(SupportedControls.NONE);
            CpuControls wanted = new CpuControls(c.weight(), reservation, limit);
            List<String> unused = new ArrayList<>();
            for (Control k : supported.unsupportedIn(wanted)) {
                Given g = asked.get(k);
                if (g != null) {
                    refuseUnsupported(g.reader(), g.key(), k, Map.of(a.name(), settings.get(a.name())));
                } else {
                    unused.add(k.key() + " " + (k == Control.WEIGHT ? Integer.toString(c.weight())
                            : Formats.num((k == Control.RESERVATION ? reservation : limit) * 100) + " %"));
                }
            }
            CpuControls kept = supported.keptOf(wanted);
            c = c.withWeight(kept.weight()).withCpu(kept.reservation(), kept.limit());
            if (!unused.isEmpty() && i < read.trees().size()) {
                read.trees().get(i).put("control_unused", String.join(", ", unused));
                trace.source("architectures[" + i + "].control_unused", "the base profile's, not used: " + scheduler
                        + " has no " + String.join(" or ", supported.unsupportedIn(wanted).stream()
                                .map(Control::key).toList()));
            }
            out.add(c.equals(a.control()) ? a : new ArchitectureProfile(a.name(), a.kind(), a.enlightened(),
                    a.emulated(), a.scheduler(), a.switchCost(), c, a.memory(), a.sources()));
        }
        return out;
    }

    private static void once(Given g, String message, Set<String> said) {
        if (said.add(g.reader().locationOf(g.key()) + message)) {
            g.reader().report(g.key(), g.reader().pathOf(g.key()) + message);
        }
    }

    /**
     * Reports {@code key}, a {@code control} some architectures' schedulers would ignore: once per such
     * scheduler, naming it, its architectures and what it does support.
     */
    static void refuseUnsupported(SectionReader r, Key key, Control control, Map<String, SchedulerSettings> settings) {
        Map<String, List<String>> lacking = new LinkedHashMap<>();
        settings.forEach((arch, st) -> {
            if (HypervisorSchedulers.controls(st.name()).map(sc -> !sc.supports(control)).orElse(false)) {
                lacking.computeIfAbsent(st.name(), n -> new ArrayList<>()).add(arch);
            }
        });
        List<String> having = HypervisorSchedulers.supporting(control);
        lacking.forEach((scheduler, arch) -> r.report(key, r.pathOf(key) + ": " + scheduler + " (architecture"
                + (arch.size() > 1 ? "s " : " ") + String.join(", ", arch.stream().map(CrossChecks::plain).toList())
                + ") has no " + control.key() + "; "
                + HypervisorSchedulers.controls(scheduler).orElseThrow().describe()
                + (having.isEmpty() ? "" : "; " + and(having) + " " + (having.size() > 1 ? "have" : "has") + " it")));
    }

    /** A user-given name as is, or quoted with its odd characters made visible (one problem, one line). */
    private static String plain(String name) {
        String q = Excerpt.quote(name);
        return q.equals("'" + name + "'") ? name : q;
    }

    private static String and(List<String> items) {
        return items.size() == 1 ? items.get(0)
                : String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
