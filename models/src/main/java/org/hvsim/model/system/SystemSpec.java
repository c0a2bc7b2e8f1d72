package org.hvsim.model.system;

import java.util.List;
import java.util.Objects;

import org.hvsim.model.arch.ArchitectureProfile;
import org.hvsim.model.hardware.HostSpec;
import org.hvsim.model.hypervisor.SchedulerSettings;

/**
 * One host running a set of VMs under one architecture: everything a replication needs to build.
 *
 * @param scheduler the hypervisor scheduler and its tunables (default: the architecture's own)
 * @param memory    memory overcommit policy (default: strict admission)
 */
public record SystemSpec(HostSpec host, List<VmSpec> vms, ArchitectureProfile architecture,
        SchedulerSettings scheduler, MemoryPolicy memory) {

    public SystemSpec(HostSpec host, List<VmSpec> vms, ArchitectureProfile architecture) {
        this(host, vms, architecture,
                SchedulerSettings.of(architecture.scheduler()).withSwitchCost(architecture.switchCost()),
                MemoryPolicy.STRICT);
    }

    public SystemSpec {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(scheduler, "scheduler");
        Objects.requireNonNull(memory, "memory");
        vms = List.copyOf(vms);
        if (vms.isEmpty()) {
            throw new IllegalArgumentException("at least one VM is needed");
        }
        if (memory.overcommit() && host.disk(memory.swapDevice()).isEmpty()) {
            throw new IllegalArgumentException("swap device '" + memory.swapDevice() + "' is not a disk of the host");
        }
    }

    public SystemSpec withScheduler(SchedulerSettings s) {
        return new SystemSpec(host, vms, architecture, s, memory);
    }

    public SystemSpec withMemory(MemoryPolicy m) {
        return new SystemSpec(host, vms, architecture, scheduler, m);
    }
}
