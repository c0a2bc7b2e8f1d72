package org.hvsim.model.hypervisor;

import java.util.List;

import org.hvsim.model.guest.GuestScheduler;
import org.hvsim.model.guest.VcpuDemand;

/**
 * Places the vCPUs of every guest on the host's pCPUs. A guest tells it how many vCPUs it wants
 * running ({@link VcpuDemand}); the scheduler answers each affected guest with
 * {@link GuestScheduler#grant(int, double)}.
 */
public interface HypervisorScheduler extends VcpuDemand {

    /** Takes charge of these guests; called once before the first event. */
    void attach(List<GuestScheduler> guests);

    /** The registered name of this scheduler in scenario files. */
    String name();
}
