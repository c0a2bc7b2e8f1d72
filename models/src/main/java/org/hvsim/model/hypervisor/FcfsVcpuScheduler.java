package org.hvsim.model.hypervisor;

import org.hvsim.core.engine.Simulation;

/**
 * Reference discipline: one global FIFO of runnable vCPUs; a vCPU keeps its pCPU until its guest has
 * no more work for it. Not fair, not what any product does: a baseline for validation.
 */
public final class FcfsVcpuScheduler extends FifoVcpuScheduler {

    public static final String NAME = "fcfs";

    public FcfsVcpuScheduler(Simulation sim, int pcpus, double switchCost) {
        super(NAME, sim, pcpus, switchCost);
    }
}
