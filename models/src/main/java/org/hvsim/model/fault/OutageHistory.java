package org.hvsim.model.fault;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hvsim.core.engine.ReplicationOutput;
import org.hvsim.core.random.RandomStreams;
import org.hvsim.core.result.Metric;
import org.hvsim.core.random.Sampler;
import org.hvsim.model.arch.ArchitectureKind;
import org.hvsim.model.arch.ArchitectureProfile;

/**
 * One replication's failure history up to {@code end}, and what it does under one architecture: per VM
 * instance the intervals it is down (its requests lost, retried or held) and those its I/O is stalled,
 * the intervals the control domain is out, and the failures themselves for charts. Every fault draws from
 * its own streams ({@code fault/NAME/failure}, {@code fault/NAME/repair}; a guest fault per instance,
 * {@code fault/NAME/web#0/…}), so the history is the same under every architecture and only its effect
 * differs; a longer {@code end} extends the same history.
 */
public final class OutageHistory {

    /** A failure of a component at {@code at}, back at {@code until}, for charts and tests. */
    public record Failure(String fault, Component component, double at, double until) {
    }

    private final Map<String, List<double[]>> down = new LinkedHashMap<>();
    private final List<double[]> stalled = new ArrayList<>();
    private final List<double[]> controlOut = new ArrayList<>();
    private final List<Failure> failures = new ArrayList<>();

    /** Per instance, how often it restarted on another host (a cluster's failovers). */
    private final Map<String, Integer> failovers = new LinkedHashMap<>();

    /**
     * @param instances per VM template, its instance names
     */
    public OutageHistory(FaultPlan plan, ArchitectureProfile arch, Map<String, List<String>> instances,
            RandomStreams random, double end) {
        this(plan, arch, instances, random, end, null);
    }

    /**
     * @param cluster the cluster's placement (its instances in the order of {@code instances}), or null on
     *                one host
     */
    public OutageHistory(FaultPlan plan, ArchitectureProfile arch, Map<String, List<String>> instances,
            RandomStreams random, double end, ClusterFailover cluster) {
        BlastRadius radius = plan.onCrash().getOrDefault(arch.name(), BlastRadius.defaultFor(arch.kind()));
        int hosts = plan.cluster() == null ? 1 : plan.cluster().hosts();
        List<List<double[]>> hostOut = lists(hosts);
        List<List<double[]>> stalledOn = lists(hosts);
        List<List<double[]>> controlOn = lists(hosts);
        Map<String, List<double[]>> guestDown = new LinkedHashMap<>();
        instances.values().forEach(l -> l.forEach(vm -> guestDown.put(vm, new ArrayList<>())));
        boolean virtualized = arch.kind() != ArchitectureKind.NATIVE;
        for (FaultSpec f : plan.faults()) {
            if (f.component() == Component.GUEST) {
                for (String vm : instances.getOrDefault(f.vm(), guestDown.containsKey(f.vm()) ? List.of(f.vm()) : List.of())) {
                    for (double[] o : occurrences(f, random, "fault/" + f.name() + "/" + vm + "/", end)) {
                        failures.add(new Failure(f.name(), f.component(), o[0], o[1]));
                        guestDown.get(vm).add(new double[] {o[0], o[1] + plan.boot()});
                    }
                }
                continue;
            }
            for (double[] o : occurrences(f, random, "fault/" + f.name() + "/", end)) {
                failures.add(new Failure(f.name(), f.component(), o[0], o[1]));
                // Native has neither hypervisor nor control domain: only its hardware and its OS can fail.
                boolean everything = f.component() == Component.HOST
                        || virtualized && f.component() == Component.HYPERVISOR
                        || f.component() == Component.PARENT && arch.hasControlDomain() && radius == BlastRadius.HOST_REBOOT;
                if (everything) {
                    hostOut.get(f.host()).add(o);
                }
                if (arch.hasControlDomain() && (everything || f.component() == Component.PARENT)) {
                    controlOn.get(f.host()).add(o);
                }
                if (f.component() == Component.PARENT && arch.hasControlDomain() && radius == BlastRadius.IO_STALL) {
                    stalledOn.get(f.host()).add(o);
                }
            }
        }
        if (plan.patchReboots().active() && arch.hasControlDomain() && arch.control().patchRebootsPerYear() > 0) {
            double gap = YEAR / arch.control().patchRebootsPerYear();
            // one phase draw, the same under every architecture; the spacing is the profile's
            double phase = random.stream("fault/patch/phase").nextDouble() * gap;
            for (int h = 0; h < hosts; h++) {
                // a cluster patches its hosts one after another, a tenth of the spacing apart
                for (double t = phase + h * gap / (10.0 * hosts); t < end; t += gap) {
                    double back = t + plan.patchReboots().duration();
                    failures.add(new Failure("patch", Component.PARENT, t, back));
                    controlOn.get(h).add(new double[] {t, back});
                    hostOut.get(h).add(new double[] {t, back});
                }
            }
        }
        if (cluster == null) {
            List<double[]> whole = new ArrayList<>();
            for (double[] o : hostOut.get(0)) {
                whole.add(new double[] {o[0], o[1] + plan.boot()});
            }
            guestDown.forEach((vm, l) -> {
                List<double[]> all = new ArrayList<>(l);
                all.addAll(whole);
                down.put(vm, merged(all));
            });
            stalled.addAll(merged(stalledOn.get(0)));
            controlOut.addAll(merged(controlOn.get(0)));
        } else {
            List<List<double[]>> out = new ArrayList<>();
            hostOut.forEach(l -> out.add(merged(l)));
            ClusterFailover.Outcome o = cluster.run(out, plan.boot(), end);
            List<List<double[]>> stalls = new ArrayList<>();
            stalledOn.forEach(l -> stalls.add(merged(l)));
            guestDown.forEach((vm, l) -> {
                List<double[]> all = new ArrayList<>(l);
                all.addAll(o.down().get(vm));
                down.put(vm, merged(all));
                List<double[]> held = new ArrayList<>();
                for (double[] stay : o.residence().get(vm)) {
                    for (double[] st : stalls.get((int) stay[2])) {
                        held.add(new double[] {Math.max(stay[0], st[0]), Math.min(stay[1], st[1])});
                    }
                }
                stalledPerVm.put(vm, merged(held));
                failovers.put(vm, o.failovers().get(vm));
                residence.put(vm, o.residence().get(vm));
            });
            stalls.forEach(hostStalled::add);
            controlOn.forEach(l -> hostControlOut.add(merged(l)));
        }
        failures.sort(Comparator.comparingDouble(Failure::at));
    }

    /** In a cluster, per instance the stalls of the hosts it was on while it was there. */
    private final Map<String, List<double[]>> stalledPerVm = new LinkedHashMap<>();
    /** In a cluster, per instance its stays [from, until, host], in order. */
    private final Map<String, List<double[]>> residence = new LinkedHashMap<>();
    /** In a cluster, per host when its control domain's I/O is held, and when the control domain is out. */
    private final List<List<double[]>> hostStalled = new ArrayList<>();
    private final List<List<double[]>> hostControlOut = new ArrayList<>();

    /** In a cluster, the instance's stays on hosts: [from, until, host], in time order; empty on one host. */
    public List<double[]> residence(String instance) {
        return residence.getOrDefault(instance, List.of());
    }

    /** In a cluster, when host {@code h}'s control domain holds its VMs' I/O (a parent crash under io_stall). */
    public List<double[]> stalled(int h) {
        return hostStalled.isEmpty() ? stalled : hostStalled.get(h);
    }

    /** In a cluster, when host {@code h}'s control domain is out. */
    public List<double[]> controlOut(int h) {
        return hostControlOut.isEmpty() ? controlOut : hostControlOut.get(h);
    }

    private static List<List<double[]>> lists(int n) {
        List<List<double[]>> l = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            l.add(new ArrayList<>());
        }
        return l;
    }

    /** Seconds in a year (365.25 days). */
    public static final double YEAR = 365.25 * 86400;

    /** The fault's [failure, repair] pairs that start before {@code end}. */
    private static List<double[]> occurrences(FaultSpec f, RandomStreams random, String prefix, double end) {
        List<double[]> out = new ArrayList<>();
        if (f.scripted()) {
            if (f.at() < end) {
                out.add(new double[] {f.at(), f.at() + f.repair()});
            }
            return out;
        }
        Sampler ttf = f.timeToFailure().sampler(random.stream(prefix + "failure"));
        Sampler ttr = f.timeToRepair().sampler(random.stream(prefix + "repair"));
        double t = 0;
        while (true) {
            double fail = t + Math.max(0, ttf.next());
            if (fail >= end) {
                return out;
            }
            double back = fail + Math.max(0, ttr.next());
            out.add(new double[] {fail, back});
            t = back;
        }
    }

    /** Sorted, disjoint intervals covering the same instants. */
    static List<double[]> merged(List<double[]> intervals) {
        List<double[]> sorted = new ArrayList<>(intervals);
        sorted.sort(Comparator.comparingDouble(a -> a[0]));
        List<double[]> out = new ArrayList<>();
        for (double[] i : sorted) {
            if (i[1] <= i[0]) {
                continue;
            }
            double[] last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && i[0] <= last[1]) {
                last[1] = Math.max(last[1], i[1]);
            } else {
                out.add(new double[] {i[0], i[1]});
            }
        }
        return out;
    }

    /** Seconds of {@code intervals} within [from, to]. */
    public static double measure(List<double[]> intervals, double from, double to) {
        double s = 0;
        for (double[] i : intervals) {
            s += Math.max(0, Math.min(to, i[1]) - Math.max(from, i[0]));
        }
        return s;
    }

    /** When the VM instance is down: sorted, disjoint [start, end) intervals (repair and boot included). */
    public List<double[]> down(String instance) {
        return down.getOrDefault(instance, List.of());
    }

    /** When every VM's I/O through the control domain is held (a parent crash under io_stall). */
    public List<double[]> stalled() {
        return stalled;
    }

    /** When the control domain is out (crashed, rebooting with the host, or being patched). */
    public List<double[]> controlOut() {
        return controlOut;
    }

    /** When the VM instance cannot serve: down or stalled. */
    public List<double[]> unavailable(String instance) {
        List<double[]> both = new ArrayList<>(down(instance));
        both.addAll(stalledPerVm.getOrDefault(instance, stalled));
        return merged(both);
    }

    /** How often the instance restarted on another host (0 on one host). */
    public int failovers(String instance) {
        return failovers.getOrDefault(instance, 0);
    }

    public List<Failure> failures() {
        return failures;
    }

    /**
     * Per VM template over [from, to]: {@code availability}, the mean share of its instances' time they
     * could serve, and {@code downtime}, the mean seconds an instance could not.
     */
    public void report(ReplicationOutput out, Map<String, List<String>> instances, double from, double to) {
        for (Map.Entry<String, List<String>> t : instances.entrySet()) {
            double unavailable = 0;
            for (String vm : t.getValue()) {
                unavailable += measure(unavailable(vm), from, to);
            }
            int n = t.getValue().size();
            out.put(t.getKey(), Metric.AVAILABILITY.name(), 1 - unavailable / (n * (to - from)));
            out.put(t.getKey(), Metric.DOWNTIME.name(), unavailable / n);
            if (!failovers.isEmpty()) {
                double moves = 0;
                for (String vm : t.getValue()) {
                    moves += failovers(vm);
                }
                out.put(t.getKey(), Metric.FAILOVERS.name(), moves / n);
            }
        }
    }
}
