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

    /** The same scheduler as the OS of the native baseline, at a fine grain. */
    public static final String NATIVE_NAME = "native-os";
    /**
     * Time slice of the native baseline's OS: 6 ms, the targeted latency of Linux's CFS
     * (sysctl_sched_latency in kernel/sched/fair.c), so that bare metal dispatches at least as finely as
     * the guests' own OSes (taken as processor sharing) and any hypervisor.
     */
    public static final double NATIVE_QUANTUM = 0.006;

    /** The host OS of a hosted VMM: a waking thread keeps a quantum of credit and preempts any thread ahead. */
    public HostOsScheduler(Simulation sim, int pcpus, double switchCost) {
        this(NAME, sim, pcpus, switchCost, QUANTUM, QUANTUM, 0);
    }

    /**
     * The native baseline's OS, after CFS: a waking thread keeps half the targeted latency as credit
     * (GENTLE_FAIR_SLEEPERS) and preempts a running thread only if that one has run more than the wake-up
     * granularity beyond it (sysctl_sched_wakeup_granularity, 1 ms × (1 + log2 of the CPUs)), so that
     * arrivals do not keep preempting requests in progress.
     */
    public static HostOsScheduler nativeOs(Simulation sim, int pcpus, double switchCost) {
        double granularity = 0.001 * (1 + Math.floor(Math.log(pcpus) / Math.log(2)));
        return new HostOsScheduler(NATIVE_NAME, sim, pcpus, switchCost, NATIVE_QUANTUM, NATIVE_QUANTUM,
                granularity);
    }

    private HostOsScheduler(String name, Simulation sim, int pcpus, double switchCost, double quantum,
            double sleeperCredit, double wakeupGranularity) {
        super(name, sim, pcpus, switchCost, quantum, PERIOD, sleeperCredit, wakeupGranularity);
    }

    @Override
    protected double defaultWeight(Domain d) {
        return DEFAULT_WEIGHT;
    }
}
