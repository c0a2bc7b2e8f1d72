package org.hvsim.model.system;

import java.util.List;
import java.util.Objects;

import org.hvsim.model.arch.ArchitectureProfile;
import org.hvsim.model.guest.VmSpec;
import org.hvsim.model.hardware.HostSpec;

/** One host running a set of VMs under one architecture: everything a replication needs to build. */
public record SystemSpec(HostSpec host, List<VmSpec> vms, ArchitectureProfile architecture) {
    public SystemSpec {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(architecture, "architecture");
        vms = List.copyOf(vms);
        if (vms.isEmpty()) {
            throw new IllegalArgumentException("at least one VM is needed");
        }
    }
}
