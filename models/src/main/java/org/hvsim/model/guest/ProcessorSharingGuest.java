package org.hvsim.model.guest;

import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

import org.hvsim.core.engine.Simulation;

/**
 * Egalitarian processor sharing over the running vCPUs with a virtual clock (docs/schedulers.md, {@code guest_scheduler: ps}): the
 * clock {@code v} is the service every present job has received; a job finishes when {@code v} reaches
 * its tag. O(log n) per job, one pending event however many jobs share the vCPUs.
 */
final class ProcessorSharingGuest extends GuestScheduler {

    /**
     * By finish tag. A comparator of its own rather than {@code Comparator.comparingDouble}: that one calls a
     * key-extracting lambda twice per comparison through a second, megamorphic call on the hot path of a
     * hosted benchmark; the order is the same ({@code Double.compare} on the tags).
     */
    private static final Comparator<CpuJob> BY_FINISH_TAG = new Comparator<>() {
        @Override
        public int compare(CpuJob a, CpuJob b) {
            return Double.compare(a.finishTag, b.finishTag);
        }
    };

    private final PriorityQueue<CpuJob> jobs = new PriorityQueue<>(BY_FINISH_TAG);
    private double virtualTime;
    /** Per category, the sum over present jobs of their shares in it. */
    private final double[] categorySums = new double[CpuCategory.COUNT];

    ProcessorSharingGuest(Simulation sim, int vcpus, double speed) {
        super(sim, vcpus, speed);
    }

    /** Work per second each job receives: the running vCPUs' capacity split over all jobs. */
    private double perJobRate() {
        int n = jobs.size();
        return n == 0 ? 0 : vcpuRate() * Math.min(n, running) / n;
    }

    @Override
    protected int jobs() {
        return jobs.size();
    }

    @Override
    protected void enqueue(CpuJob job) {
        job.finishTag = virtualTime + job.remaining;
        jobs.add(job);
        job.addShares(categorySums, 0, 1.0);
    }

    @Override
    protected void progress(double dt) {
        virtualTime += perJobRate() * dt;
    }

    @Override
    protected double untilNextEvent() {
        CpuJob first = jobs.peek();
        double rate = perJobRate();
        if (first == null || rate <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.max(0, first.finishTag - virtualTime) / rate;
    }

    @Override
    protected void collect(List<CpuJob> done) {
        double rate = perJobRate();
        while (!jobs.isEmpty() && dueWithin((jobs.peek().finishTag - virtualTime) / rate)) {
            CpuJob j = jobs.poll();
            j.remaining = 0;
            j.addShares(categorySums, 0, -1.0);
            done.add(j);
        }
        if (jobs.isEmpty()) {
            // Restart the clock so that tags keep full precision over long runs.
            virtualTime = 0;
            java.util.Arrays.fill(categorySums, 0);
        }
    }

    @Override
    protected void busy(double[] out) {
        int n = jobs.size();
        double total = share * Math.min(n, running);
        out[0] = total;
        for (int c = 0; c < categorySums.length && n > 0; c++) {
            out[1 + c] = total * categorySums[c] / n;
        }
    }
}
