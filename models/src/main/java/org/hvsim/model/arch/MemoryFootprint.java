package org.hvsim.model.arch;

/**
 * Host memory the architecture takes besides the VMs' configured memory: the hypervisor's own, and an
 * overhead per VM of a fixed part plus a part per GB of the VM's memory (R2: Hyper-V 32 MB for the
 * first GB and 8 MB for each further GB).
 */
public record MemoryFootprint(double hypervisor, double perVmFixed, double perVmPerGb) {

    public static final MemoryFootprint NONE = new MemoryFootprint(0, 0, 0);
    private static final double GB = 1024.0 * 1024 * 1024;

    public MemoryFootprint {
        if (!(hypervisor >= 0) || !(perVmFixed >= 0) || !(perVmPerGb >= 0)) {
            throw new IllegalArgumentException("memory footprints must be >= 0");
        }
    }

    /** Overhead bytes of one VM of {@code vmMemory} bytes: the fixed part covers its first GB. */
    public double perVm(double vmMemory) {
        double beyondFirstGb = Math.max(0, vmMemory / GB - 1);
        return perVmFixed + perVmPerGb * Math.ceil(beyondFirstGb - 1e-9);
    }
}
