package org.hvsim.model.hypervisor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.hvsim.model.guest.GuestScheduler;
import org.hvsim.model.guest.VcpuDemand;

/**
 * The host OS of a hosted VMM: each VM is a process of the host's fair-share scheduler, its vCPUs
 * threads of that process, competing with the host's own processes (added as clients of their own).
 * The scheduler is taken at its fluid limit: the host's pCPUs are shared among processes in proportion
 * to their weights (Virtual Server 2005: weight 1–10000, default 100, R6), each process getting at
 * least its reservation and at most its limit and one pCPU per runnable thread; what one process cannot
 * use goes to the others (water-filling). Exact and work-conserving; the time slicing of a real host OS
 * is below the resolution of this model.
 */
public final class HostOsScheduler implements HypervisorScheduler {

    public static final String NAME = "host-os";
    /** R6: Virtual Server 2005 default weight. */
    public static final int DEFAULT_WEIGHT = 100;

    private final int pcpus;
    private final List<Process> processes = new ArrayList<>();
    private final org.hvsim.core.engine.Simulation sim;
    private final org.hvsim.core.stats.TimeWeighted busy = new org.hvsim.core.stats.TimeWeighted();

    private static final class Process {
        final GuestScheduler guest;
        final double weight;
        final double reservation;
        final double limit;
        int demand;
        double share = 1.0;

        Process(CpuClient c) {
            this.guest = c.guest();
            this.weight = c.controls().weightOr(DEFAULT_WEIGHT);
            this.reservation = c.controls().reservation();
            this.limit = c.controls().hasLimit() ? c.controls().limit() : Double.POSITIVE_INFINITY;
        }

        double lo() {
            return Math.min(reservation, demand);
        }

        double hi() {
            return Math.min(limit, demand);
        }
    }

    public HostOsScheduler(org.hvsim.core.engine.Simulation sim, int pcpus) {
        this.sim = sim;
        this.pcpus = pcpus;
        sim.onWarmup(busy);
    }

    @Override
    public double busyArea(double now) {
        return busy.area(now);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void attach(List<CpuClient> clients) {
        double reserved = 0;
        for (CpuClient c : clients) {
            Process p = new Process(c);
            processes.add(p);
            reserved += p.reservation;
            c.guest().attach((VcpuDemand) (g, o, n) -> demandChanged(p, n));
        }
        if (reserved > pcpus + 1e-9) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "host-os: reservations add up to %.2f pCPUs but the host has %d", reserved, pcpus));
        }
    }

    private void demandChanged(Process changed, int demand) {
        changed.demand = demand;
        double[] alloc = allocate();
        double total = 0;
        for (double a : alloc) {
            total += a;
        }
        busy.set(sim.now(), total);
        for (int i = 0; i < processes.size(); i++) {
            Process p = processes.get(i);
            double share = p.demand == 0 ? 1.0 : alloc[i] / p.demand;
            if (p == changed || share != p.share) {
                p.share = share;
                p.guest.grant(p.demand, share);
            }
        }
    }

    /** Water-filling: x_i = clamp(λ w_i, lo_i, hi_i) with Σ x_i = min(P, Σ hi_i). */
    private double[] allocate() {
        int n = processes.size();
        double[] x = new double[n];
        double sumHi = 0;
        for (int i = 0; i < n; i++) {
            sumHi += processes.get(i).hi();
        }
        if (sumHi <= pcpus) {
            for (int i = 0; i < n; i++) {
                x[i] = processes.get(i).hi();
            }
            return x;
        }
        // Σ clamp(λ w, lo, hi) is piecewise linear and increasing in λ; find the segment holding P.
        double[] breaks = new double[2 * n];
        for (int i = 0; i < n; i++) {
            Process p = processes.get(i);
            breaks[2 * i] = p.lo() / p.weight;
            breaks[2 * i + 1] = p.hi() / p.weight;
        }
        Arrays.sort(breaks);
        double lambda = breaks[breaks.length - 1];
        double prev = 0;
        for (double b : breaks) {
            if (total(b) >= pcpus) {
                // Linear between prev and b.
                double tPrev = total(prev);
                double tB = total(b);
                lambda = tB == tPrev ? b : prev + (pcpus - tPrev) * (b - prev) / (tB - tPrev);
                break;
            }
            prev = b;
        }
        for (int i = 0; i < n; i++) {
            Process p = processes.get(i);
            x[i] = Math.max(p.lo(), Math.min(p.hi(), lambda * p.weight));
        }
        return x;
    }

    private double total(double lambda) {
        double s = 0;
        for (Process p : processes) {
            s += Math.max(p.lo(), Math.min(p.hi(), lambda * p.weight));
        }
        return s;
    }
}
