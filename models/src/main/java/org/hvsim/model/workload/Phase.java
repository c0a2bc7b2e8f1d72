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

    /** {@code ops} sequential operations of {@code size} bytes each on the named disk. */
    record Disk(int ops, double size, boolean write, String device) implements Phase {
        public Disk {
            if (ops < 1) {
                throw new IllegalArgumentException("disk phase needs at least one operation");
            }
            Objects.requireNonNull(device, "device");
        }
    }

    /**
     * Privileged operations a request makes (system calls, page faults, context switches): each costs
     * its native CPU as guest work, plus what the architecture adds per operation as virtualization.
     */
    record Privileged(double syscalls, double pageFaults, double contextSwitches) implements Phase {
        public Privileged {
            if (!(syscalls >= 0) || !(pageFaults >= 0) || !(contextSwitches >= 0)) {
                throw new IllegalArgumentException("privileged-operation counts must be >= 0");
            }
        }
    }

    /** {@code bytes} sent through the named NIC. */
    record Net(double bytes, String device) implements Phase {
        public Net {
            if (!(bytes > 0)) {
                throw new IllegalArgumentException("network phase needs a positive byte count");
            }
            Objects.requireNonNull(device, "device");
        }
    }
}
