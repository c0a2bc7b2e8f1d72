package org.hvsim.model.guest;

/**
 * The hypervisor side of a guest: told when the number of vCPUs the guest wants to run changes. It
 * answers, now or later, through {@link GuestScheduler#grant}.
 */
@FunctionalInterface
public interface VcpuDemand {
    void demandChanged(GuestScheduler guest, int oldDemand, int newDemand);
}
