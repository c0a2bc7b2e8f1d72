package org.hvsim.scenario.counters;

import java.time.LocalDateTime;

/**
 * One measured interval: the rates a monitoring tool reports for the interval that ends at {@code end},
 * as the server's clock shows it. A rate the file does not give, or a blank cell, is NaN.
 *
 * @param line         the file's line of this sample, for messages
 * @param end          end of the interval (monitoring tools stamp a rate with the end of its interval)
 * @param seconds      length of the interval
 * @param cpuCores     processors busy on average (utilization × processors)
 * @param transfers    disk operations per second, reads and writes
 * @param writes       disk writes per second (NaN when only the total is known)
 * @param bytes        disk bytes per second, read and written
 * @param writeBytes   disk bytes written per second (NaN when only the total is known)
 * @param netSent      network bytes sent per second
 * @param netReceived  network bytes received per second
 * @param packets      network packets per second, both directions
 */
public record Sample(int line, LocalDateTime end, double seconds, double cpuCores, double transfers, double writes,
        double bytes, double writeBytes, double netSent, double netReceived, double packets) {

    /** The middle of the interval: the instant its rates stand for. */
    public LocalDateTime middle() {
        return end.minusNanos(Math.round(seconds * 5e8));
    }

    /** The start of the interval. */
    public LocalDateTime start() {
        return end.minusNanos(Math.round(seconds * 1e9));
    }
}
