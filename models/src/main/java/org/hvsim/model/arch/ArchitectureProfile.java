package org.hvsim.model.arch;

import java.util.Map;
import java.util.Objects;

/**
 * The parameters that make an architecture cost what it costs. This first-order profile charges
 * virtualization as (a) a multiplier on every CPU demand and (b) CPU time on the guest's vCPU per disk
 * operation and per network packet; both are accounted as {@code cpu_util_virtualization}.
 *
 * @param cpuFactor    CPU time per unit of native CPU demand (≥ 1)
 * @param diskOpCpu    extra CPU seconds per disk operation
 * @param netPacketCpu extra CPU seconds per network packet
 * @param scheduler    registered name of the hypervisor scheduler
 * @param sources      parameter name → where its value comes from (row of published-measurements.md)
 */
public record ArchitectureProfile(String name, ArchitectureKind kind, double cpuFactor, double diskOpCpu,
        double netPacketCpu, String scheduler, Map<String, String> sources) {

    public ArchitectureProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        if (!(cpuFactor >= 1) || Double.isInfinite(cpuFactor)) {
            throw new IllegalArgumentException(name + ": cpu factor must be >= 1, got " + cpuFactor);
        }
        if (!(diskOpCpu >= 0) || !(netPacketCpu >= 0)) {
            throw new IllegalArgumentException(name + ": per-I/O CPU costs must be >= 0");
        }
        sources = Map.copyOf(sources);
    }

    public ArchitectureProfile withName(String newName) {
        return new ArchitectureProfile(newName, kind, cpuFactor, diskOpCpu, netPacketCpu, scheduler, sources);
    }

    public ArchitectureProfile withCpuFactor(double v) {
        return new ArchitectureProfile(name, kind, v, diskOpCpu, netPacketCpu, scheduler, override("cpu_factor"));
    }

    public ArchitectureProfile withDiskOpCpu(double v) {
        return new ArchitectureProfile(name, kind, cpuFactor, v, netPacketCpu, scheduler, override("disk_op_cpu"));
    }

    public ArchitectureProfile withNetPacketCpu(double v) {
        return new ArchitectureProfile(name, kind, cpuFactor, diskOpCpu, v, scheduler, override("net_packet_cpu"));
    }

    public ArchitectureProfile withScheduler(String v) {
        return new ArchitectureProfile(name, kind, cpuFactor, diskOpCpu, netPacketCpu, v, override("scheduler"));
    }

    private Map<String, String> override(String key) {
        java.util.Map<String, String> m = new java.util.HashMap<>(sources);
        m.put(key, "scenario file");
        return m;
    }

    /**
     * Bytes of host memory the architecture itself takes (hypervisor, parent partition or host OS).
     * The first-order profiles do not model it yet (0); the architectures issue sets it per edition.
     */
    public double fixedMemory() {
        return 0;
    }

    /** Bytes of overhead per VM of {@code vmMemory} configured bytes (0 in the first-order profiles). */
    public double perVmMemory(double vmMemory) {
        return 0;
    }

    /** Where a parameter's value comes from. */
    public String source(String parameter) {
        return sources.getOrDefault(parameter, "built-in default");
    }
}
