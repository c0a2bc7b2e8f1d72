package org.hvsim.model.hypervisor;

import org.hvsim.core.engine.Simulation;

/**
 * Hyper-V's scheduler as its controls describe it (R6): a relative weight per VM, 1–10000, default
 * 100; a reserve and a limit in % of a logical processor per virtual processor (given here already
 * converted to pCPUs for the whole VM). The parent partition's virtual processors are scheduled as
 * a client like any child. Scheduling internals are not published: virtual-time proportional share is
 * assumed, with a 10 ms quantum (chosen equal to Xen's tick; no published figure).
 */
public final class HyperVScheduler extends ProportionalShareScheduler {

    public static final String NAME = "hyperv";

    /** R6: default weight. */
    public static final int DEFAULT_WEIGHT = 100;
    /** No published figure; chosen equal to Xen's 10 ms tick (R6). */
    public static final double QUANTUM = 0.010;
    /** Period over which reserve and limit are enforced: chosen (no published figure). */
    public static final double PERIOD = 0.100;

    public HyperVScheduler(Simulation sim, int pcpus, double switchCost) {
        super(NAME, sim, pcpus, switchCost, QUANTUM, PERIOD);
    }

    @Override
    protected double defaultWeight(Domain d) {
        return DEFAULT_WEIGHT;
    }
}
