package org.hvsim.model.hypervisor;

import java.util.List;

import org.hvsim.model.guest.GuestScheduler;

/**
 * Places the vCPUs of every client on the host's pCPUs. A guest tells it how many vCPUs it wants
 * running ({@link org.hvsim.model.guest.VcpuDemand}); the scheduler answers each affected guest with
 * {@link GuestScheduler#grant(int, double)}.
 */
public interface HypervisorScheduler {

    /** Takes charge of these clients; called once before the first event. */
    void attach(List<CpuClient> clients);

    /** The registered name of this scheduler in scenario files. */
    String name();

    /**
     * pCPU-seconds since the warm-up during which pCPUs were not idle (running vCPUs or the hypervisor),
     * measured by the scheduler independently of the guests' own accounting, so that the two can be
     * checked against each other.
     */
    double busyArea(double now);

    /** pCPU-seconds since the warm-up spent in the hypervisor itself (world and context switches). */
    default double overheadArea(double now) {
        return 0;
    }

    /** Largest lead in seconds one vCPU of this guest had over a waiting sibling (co-scheduling). */
    default double maxSkew(GuestScheduler guest) {
        return 0;
    }

    /** vCPU-seconds since the warm-up during which a guest's runnable vCPUs were co-stopped. */
    default double coStopArea(GuestScheduler guest, double now) {
        return 0;
    }
}
