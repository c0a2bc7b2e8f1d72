package org.hvsim.model.hypervisor;

import org.hvsim.core.engine.Simulation;

/**
 * The fair-share scheduler of a full operating system: the host OS of a hosted VMM, where each VM is a
 * VMM process whose vCPUs are its threads, competing with the host's own processes and its I/O work
 * (the control domain's client), and the OS of the native baseline. Processes get CPU in proportion to
 * their weights (Virtual Server 2005: 1-10000, default 100, R6), within their reservation and limit,
 * time-sliced by a quantum, as a real OS dispatches them:
 * <ul>
 *   <li>every dispatch of another process's thread costs the architecture's switch cost (for a hosted
 *       VMM the world switch into the VMM and back out to the host), charged as hypervisor time;</li>
 *   <li>a thread that wakes (from I/O or from idle) keeps up to one quantum of lag as credit and
 *       preempts a thread that has run further ahead: the wake-up preference of real OS schedulers
 *       (Linux CFS wake-up preemption; the Windows priority boost on I/O completion), so that an I/O-bound
 *       process beside CPU hogs is served at once;</li>
 *   <li>the host's I/O work for the VMs queues behind its other runnable work like any thread.</li>
 * </ul>
 * It shares the virtual-time mechanics of ESX's and Hyper-V's proportional-share schedulers
 * ({@link ProportionalShareScheduler}).
 */
public final class HostOsScheduler extends ProportionalShareScheduler {

    public static final String NAME = "host-os";
    /** R6: Virtual Server 2005 default weight. */
    public static final int DEFAULT_WEIGHT = 100;
    /**
     * Time slice of a CPU-bound thread: 60 ms, the Linux 2.4 scheduler's default for a nice-0 process
     * (NICE_TO_TICKS(0) = 6 ticks at HZ = 100), the host OS under which R1 measured VMware Workstation.
     */
    public static final double QUANTUM = 0.060;
    /** Period over which reservations and limits are enforced: as ESX and Hyper-V here (no published figure). */
    public static final double PERIOD = 0.100;

    public HostOsScheduler(Simulation sim, int pcpus, double switchCost) {
        super(sim, pcpus, switchCost, QUANTUM, PERIOD);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    protected double defaultWeight(Domain d) {
        return DEFAULT_WEIGHT;
    }
}
