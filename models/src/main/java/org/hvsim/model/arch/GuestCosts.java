package org.hvsim.model.arch;

import java.util.Objects;

/**
 * What virtualization costs one kind of guest (enlightened, with paravirtual drivers, or emulated,
 * fully virtualized): a multiplier on its CPU demand, the CPU of its I/O paths, and the extra CPU of
 * each privileged operation over native.
 *
 * @param cpuFactor  CPU time per unit of native CPU demand (≥ 1)
 * @param disk       per disk operation
 * @param net        per network packet the guest sends
 * @param netReceive per network packet the guest receives
 * @param privileged extra CPU per system call, page fault, context switch and page-table update
 * @param syncWrite  seconds of extra device time on the same disk per synchronous write operation (a
 *                   disk phase with {@code sync}): the host-side synchronous write of a hosted VMM's
 *                   virtual-disk file, data plus the host file system's metadata a seek away; 0 when the
 *                   guest's write reaches the disk as it is
 */
public record GuestCosts(double cpuFactor, IoCosts disk, IoCosts net, IoCosts netReceive, PrivilegedCosts privileged,
        double syncWrite) {

    public static final GuestCosts NATIVE = new GuestCosts(1.0, IoCosts.NONE, IoCosts.NONE, PrivilegedCosts.NONE);

    public GuestCosts {
        if (!(cpuFactor >= 1) || Double.isInfinite(cpuFactor)) {
            throw new IllegalArgumentException("cpu factor must be >= 1, got " + cpuFactor);
        }
        Objects.requireNonNull(disk, "disk");
        Objects.requireNonNull(net, "net");
        Objects.requireNonNull(netReceive, "netReceive");
        Objects.requireNonNull(privileged, "privileged");
        if (!(syncWrite >= 0) || Double.isInfinite(syncWrite)) {
            throw new IllegalArgumentException("synchronous-write extra must be >= 0, got " + syncWrite);
        }
    }

    /** One network path for both directions and no host-side synchronous write. */
    public GuestCosts(double cpuFactor, IoCosts disk, IoCosts net, PrivilegedCosts privileged) {
        this(cpuFactor, disk, net, net, privileged, 0);
    }

    public GuestCosts withCpuFactor(double f) {
        return new GuestCosts(f, disk, net, netReceive, privileged, syncWrite);
    }

    public GuestCosts withDisk(IoCosts d) {
        return new GuestCosts(cpuFactor, d, net, netReceive, privileged, syncWrite);
    }

    /** Sets the network path of both directions. */
    public GuestCosts withNet(IoCosts n) {
        return new GuestCosts(cpuFactor, disk, n, n, privileged, syncWrite);
    }

    /** Sets the receive path only. */
    public GuestCosts withNetReceive(IoCosts n) {
        return new GuestCosts(cpuFactor, disk, net, n, privileged, syncWrite);
    }

    public GuestCosts withSyncWrite(double seconds) {
        return new GuestCosts(cpuFactor, disk, net, netReceive, privileged, seconds);
    }

    /** The network path of packets going {@code direction}. */
    public IoCosts net(org.hvsim.model.workload.Phase.Direction direction) {
        return direction == org.hvsim.model.workload.Phase.Direction.RECEIVE ? netReceive : net;
    }

    /**
     * Extra CPU seconds, over native, of a system call, a page fault, a context switch and a page-table
     * update (R1.b, R1.c, R1.d measure the first three natively and under Xen and VMware Workstation; a
     * page-table update — a PTE write of fork, exec, mmap or munmap — is a hypercall or a trap when
     * virtualized, R1.b fork/exec/sh and R1.d mmap and R4 forkwait bear on it).
     */
    public record PrivilegedCosts(double syscall, double pageFault, double contextSwitch, double pageTableUpdate) {
        public static final PrivilegedCosts NONE = new PrivilegedCosts(0, 0, 0, 0);
        /**
         * Native CPU of each operation on the reference machine: R1.b null call 0.45 us, R1.d page fault
         * 1.42 us, R1.c context switch (2 processes, 0 KB) 0.77 us; a page-table update 0.1 us (NPF: a
         * PTE write with its TLB bookkeeping, far below a page fault's trap and page allocation).
         */
        public static final PrivilegedCosts NATIVE = new PrivilegedCosts(0.45e-6, 1.42e-6, 0.77e-6, 0.1e-6);

        public PrivilegedCosts {
            if (!(syscall >= 0) || !(pageFault >= 0) || !(contextSwitch >= 0) || !(pageTableUpdate >= 0)) {
                throw new IllegalArgumentException("privileged-operation costs must be >= 0");
            }
        }

        /** No extra per page-table update. */
        public PrivilegedCosts(double syscall, double pageFault, double contextSwitch) {
            this(syscall, pageFault, contextSwitch, 0);
        }
    }
}
