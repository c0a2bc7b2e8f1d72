package org.hvsim.model.hypervisor;

import java.util.ArrayDeque;

import org.hvsim.core.engine.Simulation;

/**
 * Reference discipline: one global FIFO of runnable vCPUs; a vCPU keeps its pCPU until its guest has
 * no more work for it. Not fair, not what any product does: a baseline for validation.
 */
public final class FcfsVcpuScheduler extends VcpuScheduler {

    public static final String NAME = "fcfs";

    private final ArrayDeque<Vcpu> queue = new ArrayDeque<>();

    public FcfsVcpuScheduler(Simulation sim, int pcpus, double switchCost) {
        super(sim, pcpus, switchCost);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    protected void enqueue(Vcpu v) {
        queue.addLast(v);
    }

    @Override
    protected void dequeue(Vcpu v) {
        queue.remove(v);
    }

    @Override
    protected boolean hasWaiting() {
        return !queue.isEmpty();
    }

    @Override
    protected Vcpu pick(Pcpu p) {
        return queue.pollFirst();
    }
}
