package org.hvsim.model.system;

import java.util.Objects;

/**
 * Whether the VMs may be given more memory than the host has, and what that costs. Under overcommit,
 * the fraction {@code o} of guest memory that cannot be resident is paged: each request then makes,
 * on average, {@code faultsPerRequest × o} page-in reads on {@code swapDevice} before its phases.
 *
 * @param overcommit       allow configured VM memory beyond what the host has left
 * @param swapDevice       disk that page-ins go to (required with overcommit)
 * @param faultsPerRequest page faults a request would take if none of its VM's memory were resident;
 *                         workload-specific, so it has no default
 * @param pageSize         bytes per page-in
 */
public record MemoryPolicy(boolean overcommit, String swapDevice, double faultsPerRequest, double pageSize) {

    /** x86 base page: 4 KiB. */
    public static final double PAGE = 4096;

    public static final MemoryPolicy STRICT = new MemoryPolicy(false, null, 0, PAGE);

    public MemoryPolicy {
        if (overcommit) {
            Objects.requireNonNull(swapDevice, "overcommit needs a swap device");
            if (!(faultsPerRequest >= 0)) {
                throw new IllegalArgumentException("faults per request must be >= 0");
            }
        }
    }
}
