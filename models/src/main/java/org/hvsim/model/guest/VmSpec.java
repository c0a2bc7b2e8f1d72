package org.hvsim.model.guest;

import java.util.Objects;

import org.hvsim.model.workload.Workload;

/**
 * A VM template; {@code count} identical instances are created, named {@code name#0 …}. Figures are
 * reported per template (pooled over its instances).
 *
 * @param memory      bytes of configured RAM
 * @param enlightened paravirtual (enlightened) drivers in the guest
 * @param weight      the hypervisor scheduler's weight or shares for each instance
 * @param quantum     round-robin quantum in seconds (used with {@link GuestDiscipline#RR})
 */
public record VmSpec(String name, int count, int vcpus, double memory, boolean enlightened, int weight,
        GuestDiscipline guestScheduler, double quantum, Workload workload) {
    public VmSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(guestScheduler, "guestScheduler");
        Objects.requireNonNull(workload, "workload");
        if (count < 1 || vcpus < 1) {
            throw new IllegalArgumentException("VM " + name + ": count and vcpus must be >= 1");
        }
    }

    /** Name of instance {@code i}. */
    public String instanceName(int i) {
        return name + "#" + i;
    }
}
