package org.hvsim.model.guest;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.hvsim.core.engine.Simulation;

/**
 * Round robin: like FCFS, but a job that has received {@code quantum} seconds of CPU time while
 * others wait goes to the back of the queue. As the quantum shrinks this tends to processor sharing.
 */
final class RoundRobinGuest extends FcfsGuest {

    private final double quantum;
    private final List<CpuJob> rotated = new ArrayList<>();

    RoundRobinGuest(Simulation sim, int vcpus, double speed, double quantum) {
        super(sim, vcpus, speed);
        if (!(quantum > 0)) {
            throw new IllegalArgumentException("round-robin quantum must be positive, got " + quantum);
        }
        this.quantum = quantum;
    }

    @Override
    protected void enqueue(CpuJob job) {
        job.quantumLeft = quantum;
        super.enqueue(job);
    }

    @Override
    protected void onProgress(CpuJob job, double dt) {
        // The quantum runs down only while others wait (the waiting set was constant over dt).
        if (queue.size() > running) {
            job.quantumLeft -= share * dt;
        }
    }

    @Override
    protected double untilOwnEvent(CpuJob job) {
        // A quantum only matters when someone waits for the vCPU.
        if (queue.size() <= running || share <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.max(0, job.quantumLeft) / share;
    }

    @Override
    protected void collect(List<CpuJob> done) {
        super.collect(done);
        if (queue.size() <= running) {
            return;
        }
        int k = inService();
        Iterator<CpuJob> it = queue.iterator();
        for (int i = 0; i < k; i++) {
            CpuJob j = it.next();
            if (dueWithin(j.quantumLeft / share)) {
                it.remove();
                j.quantumLeft = quantum;
                rotated.add(j);
            }
        }
        queue.addAll(rotated);
        rotated.clear();
    }
}
