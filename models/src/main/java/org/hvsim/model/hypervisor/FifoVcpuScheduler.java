package org.hvsim.model.hypervisor;

import java.util.ArrayDeque;

import org.hvsim.core.engine.Simulation;

/** The reference disciplines' common part: one global FIFO of runnable vCPUs. */
abstract class FifoVcpuScheduler extends VcpuScheduler {

    protected final ArrayDeque<Vcpu> queue = new ArrayDeque<>();

    FifoVcpuScheduler(String name, Simulation sim, int pcpus, double switchCost) {
        super(name, sim, pcpus, switchCost);
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
