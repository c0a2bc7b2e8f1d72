package org.hvsim.model.guest;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;

import org.hvsim.core.engine.Simulation;

/**
 * First come, first served: the first {@code running} jobs in arrival order each hold a running vCPU
 * until their burst ends; the rest wait. With one vCPU on a dedicated pCPU this is M/G/1-FCFS; with c,
 * M/G/c.
 */
class FcfsGuest extends GuestScheduler {

    protected final ArrayDeque<CpuJob> queue = new ArrayDeque<>();

    FcfsGuest(Simulation sim, int vcpus, double speed) {
        super(sim, vcpus, speed);
    }

    protected final int inService() {
        return Math.min(queue.size(), running);
    }

    @Override
    protected int jobs() {
        return queue.size();
    }

    @Override
    protected void enqueue(CpuJob job) {
        queue.addLast(job);
    }

    @Override
    protected void progress(double dt) {
        double work = vcpuRate() * dt;
        int k = inService();
        Iterator<CpuJob> it = queue.iterator();
        for (int i = 0; i < k; i++) {
            CpuJob j = it.next();
            j.remaining -= work;
            onProgress(j, dt);
        }
    }

    /** Hook for disciplines that also track CPU time per job. */
    protected void onProgress(CpuJob job, double dt) {
    }

    @Override
    protected double untilNextEvent() {
        double rate = vcpuRate();
        if (rate <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        double best = Double.POSITIVE_INFINITY;
        int k = inService();
        Iterator<CpuJob> it = queue.iterator();
        for (int i = 0; i < k; i++) {
            CpuJob j = it.next();
            best = Math.min(best, Math.min(Math.max(0, j.remaining) / rate, untilOwnEvent(j)));
        }
        return best;
    }

    /** Hook: seconds until a discipline-specific event of an in-service job (a quantum end). */
    protected double untilOwnEvent(CpuJob job) {
        return Double.POSITIVE_INFINITY;
    }

    @Override
    protected void collect(List<CpuJob> done) {
        int k = inService();
        Iterator<CpuJob> it = queue.iterator();
        for (int i = 0; i < k; i++) {
            CpuJob j = it.next();
            if (dueWithin(j.remaining / vcpuRate())) {
                j.remaining = 0;
                it.remove();
                done.add(j);
            }
        }
    }

    @Override
    protected void busy(double[] out) {
        int k = inService();
        Iterator<CpuJob> it = queue.iterator();
        for (int i = 0; i < k; i++) {
            it.next().addShares(out, 1, share);
        }
        out[0] = share * k;
    }
}
