package org.hvsim.model.hypervisor;

import java.util.ArrayList;
import java.util.List;

import org.hvsim.model.guest.GuestScheduler;
import org.hvsim.model.guest.VcpuDemand;

/**
 * Egalitarian processor sharing of pCPUs among runnable vCPUs: with R runnable vCPUs on P pCPUs, each
 * runs at min(1, P/R) of a pCPU. Work-conserving and overhead-free: the reference discipline, and the
 * ideal OS scheduler of the native architecture. With R ≤ P every vCPU has a pCPU to itself.
 */
public final class ProcessorSharingScheduler implements HypervisorScheduler, VcpuDemand {

    public static final String NAME = "processor-sharing";

    private final int pcpus;
    private final List<GuestScheduler> guests = new ArrayList<>();
    private int runnable;
    private final org.hvsim.core.stats.TimeWeighted busy = new org.hvsim.core.stats.TimeWeighted();
    private final org.hvsim.core.engine.Simulation sim;

    public ProcessorSharingScheduler(org.hvsim.core.engine.Simulation sim, int pcpus) {
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
        for (CpuClient c : clients) {
            guests.add(c.guest());
            c.guest().attach(this);
        }
    }

    private double shareFor(int r) {
        return r <= pcpus ? 1.0 : (double) pcpus / r;
    }

    @Override
    public void demandChanged(GuestScheduler guest, int oldDemand, int newDemand) {
        double before = shareFor(runnable);
        runnable += newDemand - oldDemand;
        busy.set(sim.now(), Math.min(pcpus, runnable));
        double after = shareFor(runnable);
        if (before == after) {
            guest.grant(newDemand, after);
            return;
        }
        // The share changed: every guest with runnable vCPUs runs at the new rate from now on.
        for (GuestScheduler g : guests) {
            if (g.demand() > 0 || g == guest) {
                g.grant(g.demand(), after);
            }
        }
    }
}
