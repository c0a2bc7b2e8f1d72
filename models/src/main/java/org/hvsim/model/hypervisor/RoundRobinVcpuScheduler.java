package org.hvsim.model.hypervisor;

import org.hvsim.core.engine.Simulation;

/**
 * Reference discipline: one global FIFO of runnable vCPUs, each running for at most {@code quantum}
 * while others wait, then going to the back of the queue.
 */
public final class RoundRobinVcpuScheduler extends FifoVcpuScheduler {

    public static final String NAME = "round-robin";

    private final double quantum;
    /** Per pCPU: its quantum expired while nobody waited; it gives way at the next arrival. */
    private final boolean[] quantumExpired;

    public RoundRobinVcpuScheduler(Simulation sim, int pcpus, double switchCost, double quantum) {
        super(NAME, sim, pcpus, switchCost);
        if (!(quantum > 0)) {
            throw new IllegalArgumentException("quantum must be positive");
        }
        this.quantum = quantum;
        this.quantumExpired = new boolean[pcpus];
    }

    @Override
    protected void enqueue(Vcpu v) {
        queue.addLast(v);
        for (Pcpu p : pcpus) {
            if (p.idle()) {
                return; // an idle pCPU takes it
            }
        }
        // A vCPU whose quantum ran out while nobody waited gives way now.
        for (Pcpu p : pcpus) {
            if (quantumExpired[p.index] && p.current() != null) {
                quantumExpired[p.index] = false;
                preempt(p);
                return;
            }
        }
    }

    @Override
    protected void requeue(Vcpu v) {
        queue.addLast(v);
    }

    @Override
    protected void onStart(Pcpu p, Vcpu v) {
        quantumExpired[p.index] = false;
        setTimer(p, sim.now() + quantum);
    }

    @Override
    protected void onTimer(Pcpu p) {
        if (queue.isEmpty()) {
            quantumExpired[p.index] = true;
        } else {
            preempt(p);
        }
    }
}
