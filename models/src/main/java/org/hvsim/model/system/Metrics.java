package org.hvsim.model.system;

import org.hvsim.core.result.Metric;

/**
 * Metric names the model records under: references to the contract's definitions in {@link Metric}, kept
 * as strings because the recorders key figures by name.
 */
public final class Metrics {
    private Metrics() {
    }

    public static final String HOST = Metric.HOST_SCOPE;

    public static final String RESPONSE_TIME_MEAN = Metric.RESPONSE_TIME_MEAN.name();
    public static final String RESPONSE_TIME_P50 = Metric.RESPONSE_TIME_P50.name();
    public static final String RESPONSE_TIME_P95 = Metric.RESPONSE_TIME_P95.name();
    public static final String RESPONSE_TIME_P99 = Metric.RESPONSE_TIME_P99.name();
    public static final String THROUGHPUT = Metric.THROUGHPUT.name();
    /** Offered requests per second (arrivals after the warm-up), beside {@link #THROUGHPUT}. */
    public static final String ARRIVAL_RATE = Metric.ARRIVAL_RATE.name();
    /** Requests that arrived after the warm-up, per replication. */
    public static final String REQUESTS_ARRIVED = Metric.REQUESTS_ARRIVED.name();
    /** Requests that completed after the warm-up, per replication. */
    public static final String REQUESTS_COMPLETED = Metric.REQUESTS_COMPLETED.name();
    /** Requests in the system (waiting or in service) at the end of the run. */
    public static final String REQUESTS_IN_FLIGHT = Metric.REQUESTS_IN_FLIGHT.name();
    public static final String CPU_UTIL_GUEST = Metric.CPU_UTIL_GUEST.name();
    public static final String CPU_UTIL_VIRTUALIZATION = Metric.CPU_UTIL_VIRTUALIZATION.name();
    public static final String CPU_UTIL_HYPERVISOR = Metric.CPU_UTIL_HYPERVISOR.name();
    public static final String CPU_UTIL_PARENT = Metric.CPU_UTIL_PARENT.name();
    public static final String CPU_UTIL_MANAGEMENT = Metric.CPU_UTIL_MANAGEMENT.name();
    public static final String CPU_UTIL_IDLE = Metric.CPU_UTIL_IDLE.name();
    public static final String CPU_READY_FRACTION = Metric.CPU_READY_FRACTION.name();
    /** Share of a VM's runnable vCPU time spent co-stopped (relaxed co-scheduling). */
    public static final String CPU_COSTOP_FRACTION = Metric.CPU_COSTOP_FRACTION.name();
    /** Largest lead of one vCPU of a VM over a waiting sibling, seconds (relaxed co-scheduling). */
    public static final String CPU_SKEW_MAX = Metric.CPU_SKEW_MAX.name();
    /** Mean time of one I/O operation, from the start of its CPU path to the end of its device service. */
    public static final String IO_LATENCY_MEAN = Metric.IO_LATENCY_MEAN.name();
    /** Mean wait of a VM's I/O back-end work in the control domain beyond its CPU demand. */
    public static final String PARENT_QUEUEING_DELAY = Metric.PARENT_QUEUEING_DELAY.name();
    public static final String DISK_UTIL = Metric.DISK_UTIL.name();
    public static final String NIC_UTIL = Metric.NIC_UTIL.name();
    /** Busy share of the host's (or a VM template's) CPU capacity, all categories; also a time series. */
    public static final String CPU_UTIL = Metric.CPU_UTIL.name();
    /** Time series: mean number of operations at a device, waiting or in service. */
    public static final String QUEUE_LENGTH = Metric.QUEUE_LENGTH.name();
    /** Name under which response-time distributions are kept for CDF charts. */
    public static final String RESPONSE_TIME = Metric.RESPONSE_TIME.name();
}
