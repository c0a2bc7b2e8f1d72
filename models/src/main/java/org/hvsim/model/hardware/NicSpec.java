package org.hvsim.model.hardware;

import java.util.Objects;

/**
 * A network interface: transmission takes bytes / bandwidth, FCFS; each packet also costs CPU time
 * in the VM's OS (interrupt, driver and protocol stack), charged as guest work on the VM's vCPUs, at
 * one cost per packet sent and another per packet received.
 *
 * @param bandwidth bytes per second
 * @param mtu       bytes per packet, for per-packet costs
 * @param packetCpu CPU seconds (reference core) per packet in the OS that sends it
 * @param receivePacketCpu CPU seconds (reference core) per packet in the OS that receives it
 */
public record NicSpec(String name, double bandwidth, int mtu, double packetCpu, double receivePacketCpu) {
    /** Standard Ethernet payload. */
    public static final int ETHERNET_MTU = 1500;
    /**
     * Per-packet CPU of a native OS: R1.e, ttcp TX at MTU 500 is CPU-bound at 602 Mb/s on one CPU of
     * the reference machine: 500 B × 8 / 602 Mb/s = 6.64 us per packet, stack and driver included.
     */
    public static final double DEFAULT_PACKET_CPU = 6.64e-6;
    /**
     * Per-packet CPU of a native OS receiving: R1.e, ttcp RX at MTU 500 is CPU-bound at 544 Mb/s on one
     * CPU of the reference machine: 500 B × 8 / 544 Mb/s = 7.35 us per packet.
     */
    public static final double DEFAULT_RECEIVE_PACKET_CPU = 7.35e-6;

    /** A NIC with the default per-packet CPU costs. */
    public NicSpec(String name, double bandwidth, int mtu) {
        this(name, bandwidth, mtu, DEFAULT_PACKET_CPU);
    }

    /** A NIC with the default receive cost per packet. */
    public NicSpec(String name, double bandwidth, int mtu, double packetCpu) {
        this(name, bandwidth, mtu, packetCpu, DEFAULT_RECEIVE_PACKET_CPU);
    }

    public NicSpec {
        Objects.requireNonNull(name, "name");
        if (!(bandwidth > 0)) {
            throw new IllegalArgumentException("nic " + name + ": bandwidth must be positive");
        }
        if (mtu < 64) {
            throw new IllegalArgumentException("nic " + name + ": mtu must be >= 64");
        }
        if (!(packetCpu >= 0) || !(receivePacketCpu >= 0)) {
            throw new IllegalArgumentException("nic " + name + ": packet CPU must be >= 0");
        }
    }

    /** The native OS's CPU per packet in one direction. */
    public double packetCpu(org.hvsim.model.workload.Phase.Direction direction) {
        return direction == org.hvsim.model.workload.Phase.Direction.RECEIVE ? receivePacketCpu : packetCpu;
    }

    /** Packets needed for {@code bytes} (at least one). */
    public int packets(double bytes) {
        return Math.max(1, (int) Math.ceil(bytes / mtu));
    }
}
