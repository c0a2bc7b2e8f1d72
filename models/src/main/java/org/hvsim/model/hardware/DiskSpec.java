package org.hvsim.model.hardware;

import java.util.Objects;

import org.hvsim.core.random.Distribution;

/**
 * A disk: FCFS over {@code channels} parallel channels (1 for a spindle, more for an SSD or array).
 * Each operation's service time is either drawn from {@code service}, or, when {@code service} is null,
 * is {@code latency + size / bandwidth}.
 *
 * @param bandwidth bytes per second (used with latency when service is null)
 */
public record DiskSpec(String name, Distribution service, double latency, double bandwidth, int channels) {
    public DiskSpec {
        Objects.requireNonNull(name, "name");
        if (channels < 1) {
            throw new IllegalArgumentException("disk " + name + ": channels must be >= 1");
        }
        if (service == null && !(bandwidth > 0)) {
            throw new IllegalArgumentException("disk " + name + ": needs a service distribution or latency and bandwidth");
        }
    }

    public static DiskSpec ofService(String name, Distribution service) {
        return new DiskSpec(name, service, 0, 0, 1);
    }
}
