package org.hvsim.model.workload;

import java.util.Objects;

import org.hvsim.core.random.Distribution;

/** One step of a request: CPU on the guest, operations on a disk, or bytes through a NIC. */
public sealed interface Phase {

    /** CPU work on the VM's vCPUs; {@code demand} in seconds on the reference core. */
    record Cpu(Distribution demand) implements Phase {
        public Cpu {
            Objects.requireNonNull(demand, "demand");
        }
    }

    /**
     * {@code ops} sequential operations of {@code size} bytes each on the named disk; {@code sync} marks
     * synchronous writes (fsync, O_SYNC, a commit), which a hosted VMM turns into a synchronous write of
     * the host's virtual-disk file ({@link org.hvsim.model.arch.GuestCosts#syncWrite()}).
     */
    record Disk(int ops, double size, boolean write, String device, boolean sync) implements Phase {
        public Disk {
            if (ops < 1) {
                throw new IllegalArgumentException("disk phase needs at least one operation");
            }
            Objects.requireNonNull(device, "device");
        }

        /** Operations that are not synchronous writes. */
        public Disk(int ops, double size, boolean write, String device) {
            this(ops, size, write, device, false);
        }
    }

    /**
     * Privileged operations a request makes (system calls, page faults, context switches, page-table
     * updates): each costs its native CPU as guest work, plus what the architecture adds per operation
     * as virtualization.
     */
    record Privileged(double syscalls, double pageFaults, double contextSwitches, double pageTableUpdates)
            implements Phase {
        public Privileged {
            if (!(syscalls >= 0) || !(pageFaults >= 0) || !(contextSwitches >= 0) || !(pageTableUpdates >= 0)) {
                throw new IllegalArgumentException("privileged-operation counts must be >= 0");
            }
        }

        /** Without page-table updates. */
        public Privileged(double syscalls, double pageFaults, double contextSwitches) {
            this(syscalls, pageFaults, contextSwitches, 0);
        }
    }

    /** Which way a network phase's bytes go, seen from the VM. */
    enum Direction {
        /** The VM sends (a server's reply): the NIC's {@code packetCpu}, the profile's send path. */
        SEND,
        /** The VM receives: the NIC's {@code receivePacketCpu}, the profile's receive path. */
        RECEIVE
    }

    /** {@code bytes} sent or received through the named NIC. */
    record Net(double bytes, String device, Direction direction) implements Phase {
        public Net {
            if (!(bytes > 0)) {
                throw new IllegalArgumentException("network phase needs a positive byte count");
            }
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(direction, "direction");
        }

        /** Bytes the VM sends. */
        public Net(double bytes, String device) {
            this(bytes, device, Direction.SEND);
        }
    }
}
