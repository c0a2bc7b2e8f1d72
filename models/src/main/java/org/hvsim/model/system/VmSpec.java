package org.hvsim.model.system;

import java.util.Objects;

import org.hvsim.model.guest.GuestDiscipline;
import org.hvsim.model.hypervisor.CpuControls;
import org.hvsim.model.workload.Workload;

/**
 * A VM template; {@code count} identical instances are created, named {@code name#0 …}. Figures are
 * reported per template (pooled over its instances). It lives here, beside {@link SystemSpec}, because
 * it joins a guest, its workload and its hypervisor controls; the guest package knows nothing of the
 * hypervisor that schedules it.
 *
 * @param memory      bytes of configured RAM
 * @param enlightened paravirtual (enlightened) drivers in the guest
 * @param quantum     round-robin quantum in seconds (used with {@link GuestDiscipline#RR})
 * @param cpu         the hypervisor scheduler's controls for each instance (weight, reservation, limit)
 */
public record VmSpec(String name, int count, int vcpus, double memory, boolean enlightened,
        GuestDiscipline guestScheduler, double quantum, Workload workload, CpuControls cpu) {

    /** A VM with the scheduler's default controls. */
    public VmSpec(String name, int count, int vcpus, double memory, boolean enlightened,
            GuestDiscipline guestScheduler, double quantum, Workload workload) {
        this(name, count, vcpus, memory, enlightened, guestScheduler, quantum, workload, CpuControls.DEFAULT);
    }

    public VmSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cpu, "cpu");
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
