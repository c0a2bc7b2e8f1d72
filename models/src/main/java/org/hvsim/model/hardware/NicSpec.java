package org.hvsim.model.hardware;

import java.util.Objects;

/**
 * A network interface: transmission takes bytes / bandwidth, FCFS; each packet also costs CPU time
 * in the sending OS (interrupt, driver and protocol stack), charged as guest work on the VM's vCPUs.
 *
 * @param bandwidth bytes per second
 * @param mtu       bytes per packet, for per-packet costs
 * @param packetCpu CPU seconds (reference core) per packet in the OS that sends it
 */
public record NicSpec(String name, double bandwidth, int mtu, double packetCpu) {
    /** Standard Ethernet payload. */
    public static final int ETHERNET_MTU = 1500;
    /**
     * Per-packet CPU of a native OS: R1.e, ttcp TX at MTU 500 is CPU-bound at 602 Mb/s on one CPU of
     * the reference machine: 500 B × 8 / 602 Mb/s = 6.64 us per packet, stack and driver included.
     */
    public static final double DEFAULT_PACKET_CPU = 6.64e-6;

    /** A NIC with the default per-packet CPU cost. */
    public NicSpec(String name, double bandwidth, int mtu) {
        this(name, bandwidth, mtu, DEFAULT_PACKET_CPU);
    }

    public NicSpec {
        Objects.requireNonNull(name, "name");
        if (!(bandwidth > 0)) {
            throw new IllegalArgumentException("nic " + name + ": bandwidth must be positive");
        }
        if (mtu < 64) {
            throw new IllegalArgumentException("nic " + name + ": mtu must be >= 64");
        }
        if (!(packetCpu >= 0)) {
            throw new IllegalArgumentException("nic " + name + ": packet CPU must be >= 0");
        }
    }

    /** Packets needed for {@code bytes} (at least one). */
    public int packets(double bytes) {
        return Math.max(1, (int) Math.ceil(bytes / mtu));
    }
}
