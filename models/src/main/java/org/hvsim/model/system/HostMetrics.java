package org.hvsim.model.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hvsim.core.engine.ReplicationOutput;
import org.hvsim.core.engine.Simulation;
import org.hvsim.core.stats.LatencyRecorder;
import org.hvsim.model.guest.GuestScheduler;
import org.hvsim.model.hardware.FcfsStation;
import org.hvsim.model.hardware.HostSpec;
import org.hvsim.model.hypervisor.HypervisorScheduler;

/**
 * The figures of the output contract for one host, from the statistics its parts keep.
 *
 * @param control  the control domain, or null when the architecture has none
 * @param timeline the time series, recorded in the first replication only; else null
 */
record HostMetrics(SystemSpec spec, Map<String, FcfsStation> disks, Map<String, FcfsStation> nics,
        Map<String, VmTemplate> templates, HypervisorScheduler hypervisor, ControlDomainRuntime control,
        TimeSeriesRecorder timeline) {

    void recordTimeline(HostSpec host) {
        double pcpus = host.pcpus();
        List<GuestScheduler> all = new ArrayList<>();
        for (Map.Entry<String, VmTemplate> e : templates.entrySet()) {
            List<VmInstance> instances = e.getValue().instances;
            instances.forEach(vm -> all.add(vm.guest));
            timeline.add(e.getKey(), Metrics.CPU_UTIL, now -> {
                double a = 0;
                for (VmInstance vm : instances) {
                    a += vm.guest.busyArea(now);
                }
                return a;
            }, pcpus);
        }
        if (control != null) {
            all.add(control.guest());
        }
        timeline.add(Metrics.HOST, Metrics.CPU_UTIL, now -> {
            double a = hypervisor.overheadArea(now);
            for (GuestScheduler g : all) {
                a += g.busyArea(now);
            }
            return a;
        }, pcpus);
        for (FcfsStation d : disks.values()) {
            timeline.add(d.name(), Metrics.DISK_UTIL, d::busyArea, d.servers());
            timeline.add(d.name(), Metrics.QUEUE_LENGTH, d::inSystemArea, 1);
        }
        for (FcfsStation n : nics.values()) {
            timeline.add(n.name(), Metrics.NIC_UTIL, n::busyArea, n.servers());
            timeline.add(n.name(), Metrics.QUEUE_LENGTH, n::inSystemArea, 1);
        }
    }

    /** How far past 0 or 1 a fraction may land from rounding alone (sums and differences of areas). */
    static final double ROUNDING_DUST = 1e-9;

    /**
     * A fraction computed from accumulated areas, with rounding dust at its bounds snapped to them
     * (-1e-17 is shown as 0, not as a negative utilization). A larger excursion is an accounting error
     * and is left as it is, for the tests that add the categories up to catch.
     */
    static double fraction(double v) {
        if (v < 0 && v > -ROUNDING_DUST) {
            return 0;
        }
        if (v > 1 && v < 1 + ROUNDING_DUST) {
            return 1;
        }
        return v;
    }

    void collect(Simulation sim, ReplicationOutput out) {
        double now = sim.now();
        double span = now - sim.warmupTime();
        double capacity = spec.host().pcpus() * span;
        long hostCompleted = 0;
        for (Map.Entry<String, VmTemplate> e : templates.entrySet()) {
            String scope = e.getKey();
            VmTemplate t = e.getValue();
            requests(out, scope, t, span);
            double busy = 0;
            double guest = 0;
            double runnable = 0;
            for (VmInstance vm : t.instances) {
                busy += vm.guest.busyArea(now);
                guest += vm.guest.guestArea(now);
                runnable += vm.guest.runnableArea(now);
            }
            double costop = 0;
            double skew = 0;
            for (VmInstance vm : t.instances) {
                costop += hypervisor.coStopArea(vm.guest, now);
                skew = Math.max(skew, hypervisor.maxSkew(vm.guest));
            }
            out.put(scope, Metrics.CPU_UTIL, fraction(busy / capacity));
            out.put(scope, Metrics.CPU_UTIL_GUEST, fraction(guest / capacity));
            out.put(scope, Metrics.CPU_UTIL_VIRTUALIZATION, fraction((busy - guest) / capacity));
            // Ready: runnable but neither running nor co-stopped (VMware reports %RDY and %CSTP apart).
            out.put(scope, Metrics.CPU_READY_FRACTION, runnable > 0 ? fraction(Math.max(0, 1 - (busy + costop) / runnable)) : 0);
            out.put(scope, Metrics.CPU_COSTOP_FRACTION, runnable > 0 ? fraction(costop / runnable) : 0);
            out.put(scope, Metrics.CPU_SKEW_MAX, skew);
            if (t.io.io.count() > 0) {
                out.put(scope, Metrics.IO_LATENCY_MEAN, t.io.io.mean());
            }
            if (control != null && t.io.controlDelay.count() > 0) {
                out.put(scope, Metrics.PARENT_QUEUEING_DELAY, t.io.controlDelay.mean());
            }
            responseTimes(out, scope, t, span);
            hostCompleted += t.all.count();
        }
        out.put(Metrics.HOST, Metrics.THROUGHPUT, hostCompleted / span);
        double hv = hypervisor.overheadArea(now);
        double[] byCategory = new double[org.hvsim.model.guest.CpuCategory.values().length];
        for (VmTemplate t : templates.values()) {
            for (VmInstance vm : t.instances) {
                addCategories(byCategory, vm.guest, now);
            }
        }
        if (control != null) {
            addCategories(byCategory, control.guest(), now);
        }
        out.put(Metrics.HOST, Metrics.CPU_UTIL_GUEST,
                fraction(byCategory[org.hvsim.model.guest.CpuCategory.GUEST.ordinal()] / capacity));
        out.put(Metrics.HOST, Metrics.CPU_UTIL_VIRTUALIZATION,
                fraction(byCategory[org.hvsim.model.guest.CpuCategory.VIRTUALIZATION.ordinal()] / capacity));
        out.put(Metrics.HOST, Metrics.CPU_UTIL_HYPERVISOR,
                fraction((hv + byCategory[org.hvsim.model.guest.CpuCategory.HYPERVISOR.ordinal()]) / capacity));
        out.put(Metrics.HOST, Metrics.CPU_UTIL_PARENT,
                fraction(byCategory[org.hvsim.model.guest.CpuCategory.PARENT.ordinal()] / capacity));
        out.put(Metrics.HOST, Metrics.CPU_UTIL_MANAGEMENT,
                fraction(byCategory[org.hvsim.model.guest.CpuCategory.MANAGEMENT.ordinal()] / capacity));
        // Idle as the scheduler measured it, not as a remainder: the breakdown adding up to 1 then checks
        // the guests' accounting against the scheduler's.
        out.put(Metrics.HOST, Metrics.CPU_UTIL_IDLE, fraction(1 - hypervisor.busyArea(now) / capacity));
        if (!disks.isEmpty()) {
            out.put(Metrics.HOST, Metrics.DISK_UTIL, fraction(meanUtilization(disks, now)));
        }
        if (!nics.isEmpty()) {
            out.put(Metrics.HOST, Metrics.NIC_UTIL, fraction(meanUtilization(nics, now)));
        }
        if (timeline != null) {
            timeline.report(out);
        }
    }

    /** A template's response times, arrivals, completions and what is left in flight. */
    static void requests(ReplicationOutput out, String scope, VmTemplate t, double span) {
        latency(out, scope, t.all, span);
        RequestCounts n = t.counts;
        out.put(scope, Metrics.ARRIVAL_RATE, n.arrived / span);
        out.put(scope, Metrics.REQUESTS_ARRIVED, n.arrived);
        out.put(scope, Metrics.REQUESTS_COMPLETED, n.completed);
        out.put(scope, Metrics.REQUESTS_IN_FLIGHT, n.inSystem);
        // closes the ledger arrived = completed + lost + in flight − in flight at the warm-up, faults or not
        out.putDiagnostic(scope, OutageRuntime.IN_FLIGHT_AT_WARMUP, n.inSystemAtWarmup);
        if (!t.closed) {
            // what Stability needs to tell a growing backlog from noise, per half of the measured interval
            out.putDiagnostic(scope, Stability.ARRIVED_FIRST_HALF, n.arrivedFirstHalf);
            out.putDiagnostic(scope, Stability.COMPLETED_FIRST_HALF, n.completedFirstHalf);
            out.putDiagnostic(scope, Stability.ARRIVED_SECOND_HALF, n.arrived - n.arrivedFirstHalf);
            out.putDiagnostic(scope, Stability.COMPLETED_SECOND_HALF, n.completed - n.completedFirstHalf);
        }
    }

    /** A template's distribution of response times, and each class's figures when it has several. */
    static void responseTimes(ReplicationOutput out, String scope, VmTemplate t, double span) {
        out.putDistribution(scope, Metrics.RESPONSE_TIME, t.all.histogram().copy());
        if (t.perClass.size() > 1) {
            for (Map.Entry<String, LatencyRecorder> c : t.perClass.entrySet()) {
                latency(out, scope + "/" + c.getKey(), c.getValue(), span);
            }
        }
    }

    private static void addCategories(double[] sums, GuestScheduler g, double now) {
        for (org.hvsim.model.guest.CpuCategory c : org.hvsim.model.guest.CpuCategory.values()) {
            sums[c.ordinal()] += g.categoryArea(c, now);
        }
    }

    private static void latency(ReplicationOutput out, String scope, LatencyRecorder r, double span) {
        out.put(scope, Metrics.RESPONSE_TIME_MEAN, r.mean());
        out.put(scope, Metrics.RESPONSE_TIME_P50, r.quantile(0.50));
        out.put(scope, Metrics.RESPONSE_TIME_P95, r.quantile(0.95));
        out.put(scope, Metrics.RESPONSE_TIME_P99, r.quantile(0.99));
        out.put(scope, Metrics.THROUGHPUT, r.count() / span);
    }

    private static double meanUtilization(Map<String, FcfsStation> stations, double now) {
        double s = 0;
        for (FcfsStation st : stations.values()) {
            s += st.utilization(now);
        }
        return s / stations.size();
    }
}
