package org.hvsim.model.hypervisor;

import java.util.Objects;

import org.hvsim.model.guest.GuestScheduler;

/**
 * What the hypervisor schedules: a VM instance or the control domain (dom0, the parent partition, the host OS) as a
 * guest scheduler with vCPUs and its CPU controls.
 */
public record CpuClient(String name, GuestScheduler guest, CpuControls controls) {
    public CpuClient {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(guest, "guest");
        Objects.requireNonNull(controls, "controls");
    }

    public int vcpus() {
        return guest.vcpus();
    }
}
