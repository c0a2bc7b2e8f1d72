package org.hvsim.model.hardware;

import java.util.List;
import java.util.Optional;

/**
 * The physical host.
 *
 * @param pcpus  physical CPUs (cores)
 * @param speed  work a pCPU does per second relative to the reference core that demands are given on
 * @param memory bytes of RAM
 */
public record HostSpec(int pcpus, double speed, double memory, List<DiskSpec> disks, List<NicSpec> nics) {
    public HostSpec {
        if (pcpus < 1) {
            throw new IllegalArgumentException("host needs at least one pCPU");
        }
        if (!(speed > 0)) {
            throw new IllegalArgumentException("pCPU speed must be positive");
        }
        disks = List.copyOf(disks);
        nics = List.copyOf(nics);
    }

    public Optional<DiskSpec> disk(String name) {
        return disks.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    public Optional<NicSpec> nic(String name) {
        return nics.stream().filter(n -> n.name().equals(name)).findFirst();
    }
}
