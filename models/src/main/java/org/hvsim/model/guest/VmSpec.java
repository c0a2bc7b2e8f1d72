package org.hvsim.model.guest;

import java.util.Objects;

import org.hvsim.model.hypervisor.CpuControls;
import org.hvsim.model.workload.Workload;

/**
 * A VM template; {@code count} identical instances are created, named {@code name#0 …}. Figures are
 * reported per template (pooled over its instances).
 *
 * @param memory      bytes of configured RAM
 * @param enlightened paravirtual (enlightened) drivers in the guest
 * @param weight      the hypervisor scheduler's weight or shares for each instance (0: its default)
 * @param quantum     round-robin quantum in seconds (used with {@link GuestDiscipline#RR})
 * @param cpu         the hypervisor scheduler's controls for each instance (weight, reservation, limit)
 */
public record VmSpec(String name, int count, int vcpus, double memory, boolean enlightened, int weight,
        GuestDiscipline guestScheduler, double quantum, Workload workload, CpuControls cpu) {

    /** A VM with only a weight as CPU control. */
    public VmSpec(String name, int count, int vcpus, double memory, boolean enlightened, int weight,
            GuestDiscipline guestScheduler, double quantum, Workload workload) {
        this(name, count, vcpus, memory, enlightened, weight, guestScheduler, quantum, workload,
                new CpuControls(weight, 0, 0));
    }

    public VmSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cpu, "cpu");
        if (cpu.weight() != weight) {
            throw new IllegalArgumentException("VM " + name + ": weight " + weight + " and cpu controls "
                    + cpu + " disagree");
        }
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
