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

    /**
     * @param instances per VM template, its instance names
     */
    public OutageHistory(FaultPlan plan, ArchitectureProfile arch, Map<String, List<String>> instances,
            RandomStreams random, double end) {
        BlastRadius radius = plan.onCrash().getOrDefault(arch.name(), BlastRadius.defaultFor(arch.kind()));
        List<String> all = new ArrayList<>();
        instances.values().forEach(all::addAll);
        List<List<double[]>> raw = new ArrayList<>();
        for (String vm : all) {
            raw.add(new ArrayList<>());
        }
        Map<String, List<double[]>> rawDown = new LinkedHashMap<>();
        for (int i = 0; i < all.size(); i++) {
            rawDown.put(all.get(i), raw.get(i));
        }
        boolean virtualized = arch.kind() != ArchitectureKind.NATIVE;
        for (FaultSpec f : plan.faults()) {
            if (f.component() == Component.GUEST) {
                for (String vm : instances.getOrDefault(f.vm(), List.of())) {
                    for (double[] o : occurrences(f, random, "fault/" + f.name() + "/" + vm + "/", end)) {
                        failures.add(new Failure(f.name(), f.component(), o[0], o[1]));
                        rawDown.get(vm).add(new double[] {o[0], o[1] + plan.boot()});
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
                    raw.forEach(l -> l.add(new double[] {o[0], o[1] + plan.boot()}));
                }
                if (arch.hasControlDomain() && f.component() != Component.GUEST && (everything || f.component() == Component.PARENT)) {
                    controlOut.add(o);
                }
                if (f.component() == Component.PARENT && arch.hasControlDomain() && radius == BlastRadius.IO_STALL) {
                    stalled.add(o);
                }
            }
        }
        if (plan.patchReboots().active() && arch.hasControlDomain() && arch.control().patchRebootsPerYear() > 0) {
            double gap = YEAR / arch.control().patchRebootsPerYear();
            // one phase draw, the same under every architecture; the spacing is the profile's
            double t = random.stream("fault/patch/phase").nextDouble() * gap;
            for (; t < end; t += gap) {
                double back = t + plan.patchReboots().duration();
                failures.add(new Failure("patch", Component.PARENT, t, back));
                controlOut.add(new double[] {t, back});
                for (List<double[]> l : raw) {
                    l.add(new double[] {t, back + plan.boot()});
                }
            }
        }
        rawDown.forEach((vm, l) -> down.put(vm, merged(l)));
        List<double[]> s = merged(stalled);
        stalled.clear();
        stalled.addAll(s);
        List<double[]> c = merged(controlOut);
        controlOut.clear();
        controlOut.addAll(c);
        failures.sort(Comparator.comparingDouble(Failure::at));
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
        both.addAll(stalled);
        return merged(both);
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
        }
    }
}
