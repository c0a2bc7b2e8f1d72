package org.hvsim.model.arch;

/**
 * The guest OS's own CPU for an I/O, as on bare metal, and the share of it that is the device driver
 * (with its interrupt handling). The share moves to wherever the architecture runs the real driver
 * ({@link IoCosts#driver()}); the rest (system call, file system or TCP/IP stack, copies) stays on the
 * guest's vCPU. Per network packet the total is the NIC's {@code packet_cpu}.
 *
 * @param diskOp          CPU seconds per disk operation on the reference core
 * @param diskDriverShare fraction of {@code diskOp} that is the disk driver and its interrupt
 * @param netDriverShare  fraction of a packet's CPU that is the NIC driver and its interrupt
 */
public record NativeIoWork(double diskOp, double diskDriverShare, double netDriverShare) {

    /**
     * 15 µs per disk operation (NPF: Linux 2.4 block layer + SCSI + interrupt at 2.4 GHz, 10-20 µs;
     * docs/profiles.md, "No published figure"), half of it the SCSI driver's issue and completion interrupt (NPF: the
     * 4 µs completion path plus command set-up); a third of a packet's CPU in the NIC driver and its
     * interrupt (NPF: the rest of a Linux TCP packet's cost is TCP/IP, socket and copy).
     */
    public static final NativeIoWork DEFAULT = new NativeIoWork(15e-6, 0.5, 1.0 / 3);

    public NativeIoWork {
        if (!(diskOp >= 0) || !(diskDriverShare >= 0 && diskDriverShare <= 1)
                || !(netDriverShare >= 0 && netDriverShare <= 1)) {
            throw new IllegalArgumentException("native I/O work out of range");
        }
    }
}
