package org.hvsim.scenario;

import static org.hvsim.scenario.schema.ScenarioSchema.*;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.hvsim.core.random.Distribution;
import org.hvsim.core.result.Metric;
import org.hvsim.model.fault.BlastRadius;
import org.hvsim.model.fault.ClusterSpec;
import org.hvsim.model.fault.Component;
import org.hvsim.model.fault.FaultPlan;
import org.hvsim.model.fault.FaultSpec;
import org.hvsim.model.fault.InFlight;
import org.hvsim.model.system.VmSpec;
import org.hvsim.scenario.load.Excerpt;
import org.hvsim.scenario.schema.SectionReader;

/** Reads {@code faults} and {@code fault_settings}; a guest fault's VM is checked against the VMs. */
final class FaultReader {

    private FaultReader() {
    }

    /**
     * The plan, its resolved form put in {@code resolved} (only when the file has faults, so that a file
     * without them resolves as before).
     */
    static FaultPlan read(SectionReader top, DistributionReader distributions, List<VmSpec> vms,
            Map<String, BlastRadius> onCrash, Map<String, Object> resolved) {
        List<String> vmNames = vms.stream().map(VmSpec::name).toList();
        // a guest fault names a template (each instance fails on its own) or one instance, "web#2"
        List<String> guestNames = new ArrayList<>(vmNames);
        for (VmSpec vm : vms) {
            for (int i = 0; i < vm.count(); i++) {
                guestNames.add(vm.instanceName(i));
            }
        }
        ClusterSpec cluster = top.optionalObject(CLUSTER_KEY).map(c -> cluster(c, vms)).orElse(null);
        int hosts = cluster == null ? 1 : cluster.hosts();
        List<FaultSpec> faults = new ArrayList<>();
        List<Object> trees = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int i = 0;
        for (SectionReader f : top.objects(FAULTS)) {
            Map<String, Object> t = new LinkedHashMap<>();
            FaultSpec spec = fault(f, i++, distributions, guestNames, hosts, names, t);
            f.finish();
            if (spec != null) {
                faults.add(spec);
            }
            trees.add(t);
        }
        SectionReader settings = top.optionalObject(FAULT_SETTINGS_KEY).orElse(null);
        double boot = settings == null ? defaultOf(FAULT_BOOT) : settings.quantity(FAULT_BOOT);
        String policy = settings == null ? "" : settings.choice(FAULT_IN_FLIGHT);
        // a misspelt policy is already a problem; "lost" stands in for it
        InFlight inFlight = policy.isEmpty() ? InFlight.LOST : InFlight.valueOf(policy.toUpperCase(Locale.ROOT));
        double horizon = settings == null ? 0 : settings.quantity(FAULT_HORIZON);
        boolean patches = settings != null && settings.bool(FAULT_PATCH_REBOOTS);
        double patchDuration = settings == null ? defaultOf(FAULT_PATCH_DURATION) : settings.quantity(FAULT_PATCH_DURATION);
        if (settings != null) {
            if (horizon > 0 && faults.stream().allMatch(FaultSpec::scripted) && !patches) {
                settings.report(FAULT_HORIZON, settings.pathOf(FAULT_HORIZON) + ": an availability horizon needs a "
                        + "random fault (time_to_failure) or patch_reboots: true; scripted faults alone say nothing "
                        + "about the long run");
            }
            settings.finish();
        }
        FaultPlan plan = new FaultPlan(faults, boot, inFlight, horizon, new FaultPlan.PatchReboots(patches, patchDuration),
                onCrash, cluster);
        if (plan.active() || settings != null || cluster != null) {
            resolved.put("faults", trees);
            Map<String, Object> st = new LinkedHashMap<>();
            st.put("boot", Formats.duration(boot));
            st.put("in_flight", inFlight.name().toLowerCase(Locale.ROOT));
            st.put("horizon", Formats.duration(horizon));
            st.put("patch_reboots", patches);
            st.put("patch_duration", Formats.duration(patchDuration));
            resolved.put("fault_settings", st);
            if (cluster != null) {
                Map<String, Object> ct = new LinkedHashMap<>();
                ct.put("hosts", cluster.hosts());
                ct.put("placement", cluster.balanced() ? "balanced" : "first-fit");
                ct.put("detection", Formats.duration(cluster.detection()));
                ct.put("concurrent_restarts", cluster.concurrentRestarts());
                resolved.put("cluster", ct);
            }
        }
        return plan;
    }

    /** A key's documented default, for a file without {@code fault_settings}. */
    private static double defaultOf(org.hvsim.scenario.schema.Key k) {
        try {
            return org.hvsim.scenario.load.Units.parse(k.quantity(), k.defaultText().orElseThrow(), false);
        } catch (org.hvsim.scenario.load.UnitException e) {
            throw new IllegalStateException(k.name() + "'s default does not parse", e);
        }
    }

    private static ClusterSpec cluster(SectionReader c, List<VmSpec> vms) {
        List<String> vmNames = vms.stream().map(VmSpec::name).toList();
        int hosts = c.integer(CLUSTER_HOSTS);
        boolean balanced = c.choice(CLUSTER_PLACEMENT).equals("balanced");
        double detection = c.quantity(CLUSTER_DETECTION);
        int restarts = c.integer(CLUSTER_RESTARTS);
        // a value with a problem (already reported) stands in as the smallest valid one
        ClusterSpec spec = new ClusterSpec(Math.max(hosts, 1), balanced, Double.isNaN(detection) ? 0 : Math.max(0, detection),
                Math.max(restarts, 1));
        for (VmSpec vm : vms) {
            if (vm.workload().arrivals() instanceof org.hvsim.model.workload.Arrivals.Trace) {
                // a trace's stages are planned on one host's devices; its requests cannot follow the VM
                c.report(CLUSTER_HOSTS, c.path() + ": VM " + Excerpt.quote(vm.name()) + " replays a trace, which a "
                        + "cluster cannot send to the host its VM runs on; give it an open or closed workload, or no cluster");
            }
            if (vm.name().matches("host[0-9]+")) {
                c.report(CLUSTER_HOSTS, c.path() + ": a VM named " + Excerpt.quote(vm.name()) + " would share its scope "
                        + "with a host's figures in a cluster; rename the VM");
            }
        }
        if (vmNames.contains(Metric.CLUSTER_SCOPE)) {
            c.report(CLUSTER_HOSTS, c.path() + ": a VM named 'cluster' would share its scope with the cluster's "
                    + "figures; rename the VM");
        }
        c.finish();
        return spec;
    }

    private static FaultSpec fault(SectionReader f, int index, DistributionReader distributions, List<String> vmNames,
            int hosts, Set<String> names, Map<String, Object> tree) {
        String component = f.choice(FAULT_COMPONENT);
        Component c = component.isEmpty() ? null : Component.valueOf(component.toUpperCase(Locale.ROOT));
        String vm = null;
        if (f.has(FAULT_VM)) {
            vm = f.text(FAULT_VM);
            if (c != Component.GUEST) {
                f.report(FAULT_VM, f.pathOf(FAULT_VM) + ": only a guest fault names a VM (component: guest)");
            } else if (!vmNames.contains(vm)) {
                f.report(FAULT_VM, f.pathOf(FAULT_VM) + ": no VM named " + Excerpt.quote(vm) + Reading.known(vm, vmNames));
            }
        } else if (c == Component.GUEST) {
            f.report(FAULT_COMPONENT, f.path() + ": a guest fault names its VM template: add `vm: NAME`");
        }
        int host = 0;
        if (f.has(FAULT_HOST)) {
            host = f.integer(FAULT_HOST);
            if (c == Component.GUEST) {
                f.report(FAULT_HOST, f.pathOf(FAULT_HOST) + ": a guest fault follows its VM's instances; it names no host");
            } else if (host >= hosts) {
                f.report(FAULT_HOST, f.pathOf(FAULT_HOST) + ": no host " + host + (hosts == 1
                        ? " (one host, 0; give a `cluster` for more)" : " (the cluster has " + hosts + ": 0 – " + (hosts - 1) + ")"));
                host = 0;
            }
        }
        String name = f.text(FAULT_NAME, component + (vm != null ? "-" + vm : "") + "-" + index);
        if (name.contains("/")) {
            f.report(FAULT_NAME, f.pathOf(FAULT_NAME) + ": a fault name has no `/` (it names random streams)");
        }
        Reading.uniqueName(f, FAULT_NAME, name, names, "fault");
        tree.put("name", name);
        tree.put("component", component);
        if (vm != null) {
            tree.put("vm", vm);
        }
        if (hosts > 1 && c != Component.GUEST) {
            tree.put("host", host);
        }
        FaultSpec spec = null;
        if (f.exactlyOne(FAULT_TTF, FAULT_AT).orElse(null) == FAULT_TTF) {
            f.require(FAULT_TTR);
            Distribution ttf = distributions.read(f, FAULT_TTF, tree);
            Distribution ttr = distributions.read(f, FAULT_TTR, tree);
            if (ttf != null && !(ttf.mean() > 0)) {
                f.report(FAULT_TTF, f.pathOf(FAULT_TTF) + ": the mean time to failure must be > 0");
            } else if (c != null && ttf != null && ttr != null) {
                spec = FaultSpec.random(name, c, vm, host, ttf, ttr);
            }
        } else if (f.has(FAULT_AT)) {
            f.require(FAULT_REPAIR);
            double at = f.quantity(FAULT_AT);
            double repair = f.quantity(FAULT_REPAIR);
            tree.put("at", Formats.duration(at));
            tree.put("repair", Formats.duration(repair));
            if (c != null) {
                spec = FaultSpec.scripted(name, c, vm, host, at, repair);
            }
        }
        return spec;
    }
}
