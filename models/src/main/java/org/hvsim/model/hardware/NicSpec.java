package org.hvsim.model.hardware;

import java.util.Objects;

/**
 * A network interface: transmission takes bytes / bandwidth, FCFS.
 *
 * @param bandwidth bytes per second
 * @param mtu       bytes per packet, for per-packet costs
 */
public record NicSpec(String name, double bandwidth, int mtu) {
    /** Standard Ethernet payload. */
    public static final int ETHERNET_MTU = 1500;

    public NicSpec {
        Objects.requireNonNull(name, "name");
        if (!(bandwidth > 0)) {
            throw new IllegalArgumentException("nic " + name + ": bandwidth must be positive");
        }
        if (mtu < 64) {
            throw new IllegalArgumentException("nic " + name + ": mtu must be >= 64");
        }
    }

    /** Packets needed for {@code bytes} (at least one). */
    public int packets(double bytes) {
        return Math.max(1, (int) Math.ceil(bytes / mtu));
    }
}
