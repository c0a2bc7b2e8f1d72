package org.hvsim.model.arch;

import java.util.Objects;

/**
 * What virtualization costs one kind of guest (enlightened, with paravirtual drivers, or emulated,
 * fully virtualized): a multiplier on its CPU demand, the CPU of its I/O paths, and the extra CPU of
 * each privileged operation over native.
 *
 * @param cpuFactor  CPU time per unit of native CPU demand (≥ 1)
 * @param disk       per disk operation
 * @param net        per network packet
 * @param privileged extra CPU per system call, page fault and context switch
 */
public record GuestCosts(double cpuFactor, IoCosts disk, IoCosts net, PrivilegedCosts privileged) {

    public static final GuestCosts NATIVE = new GuestCosts(1.0, IoCosts.NONE, IoCosts.NONE, PrivilegedCosts.NONE);

    public GuestCosts {
        if (!(cpuFactor >= 1) || Double.isInfinite(cpuFactor)) {
            throw new IllegalArgumentException("cpu factor must be >= 1, got " + cpuFactor);
        }
        Objects.requireNonNull(disk, "disk");
        Objects.requireNonNull(net, "net");
        Objects.requireNonNull(privileged, "privileged");
    }

    public GuestCosts withCpuFactor(double f) {
        return new GuestCosts(f, disk, net, privileged);
    }

    public GuestCosts withDisk(IoCosts d) {
        return new GuestCosts(cpuFactor, d, net, privileged);
    }

    public GuestCosts withNet(IoCosts n) {
        return new GuestCosts(cpuFactor, disk, n, privileged);
    }

    /**
     * Extra CPU seconds, over native, of a system call, a page fault and a context switch (R1.b, R1.c,
     * R1.d measure them natively and under Xen and VMware Workstation).
     */
    public record PrivilegedCosts(double syscall, double pageFault, double contextSwitch) {
        public static final PrivilegedCosts NONE = new PrivilegedCosts(0, 0, 0);
        /**
         * Native CPU of each operation on the reference machine: R1.b null call 0.45 us, R1.d page fault
         * 1.42 us, R1.c context switch (2 processes, 0 KB) 0.77 us.
         */
        public static final PrivilegedCosts NATIVE = new PrivilegedCosts(0.45e-6, 1.42e-6, 0.77e-6);

        public PrivilegedCosts {
            if (!(syscall >= 0) || !(pageFault >= 0) || !(contextSwitch >= 0)) {
                throw new IllegalArgumentException("privileged-operation costs must be >= 0");
            }
        }
    }
}
