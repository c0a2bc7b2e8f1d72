package org.hvsim.model.guest;

/**
 * What a pCPU-second was spent on. Every pCPU-second of the host is charged to exactly one of these
 * or is idle, and the host's {@code cpu_util_*} figures are their shares (docs/metrics.md).
 */
public enum CpuCategory {
    /** The guests' own work. */
    GUEST,
    /** What virtualization adds to a guest's work on its vCPU: CPU-demand inflation, front-end drivers. */
    VIRTUALIZATION,
    /** The hypervisor: world switches, drivers in the hypervisor, interrupt injection. */
    HYPERVISOR,
    /** The parent partition, host OS or service console: I/O back-ends, its own services. */
    PARENT,
    /** Management agents and tools. */
    MANAGEMENT;

    static final int COUNT = values().length;
}
