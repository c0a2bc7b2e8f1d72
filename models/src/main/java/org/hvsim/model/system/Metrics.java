package org.hvsim.model.system;

/** Metric names of the output contract (DESIGN.md, docs/metrics.md). */
public final class Metrics {
    private Metrics() {
    }

    public static final String HOST = "host";

    public static final String RESPONSE_TIME_MEAN = "response_time_mean";
    public static final String RESPONSE_TIME_P50 = "response_time_p50";
    public static final String RESPONSE_TIME_P95 = "response_time_p95";
    public static final String RESPONSE_TIME_P99 = "response_time_p99";
    public static final String THROUGHPUT = "throughput";
    /** Offered requests per second (arrivals after the warm-up), beside {@link #THROUGHPUT}. */
    public static final String ARRIVAL_RATE = "arrival_rate";
    /** Requests that arrived after the warm-up, per replication. */
    public static final String REQUESTS_ARRIVED = "requests_arrived";
    /** Requests that completed after the warm-up, per replication. */
    public static final String REQUESTS_COMPLETED = "requests_completed";
    /** Requests in the system (waiting or in service) at the end of the run. */
    public static final String REQUESTS_IN_FLIGHT = "requests_in_flight";
    public static final String CPU_UTIL_GUEST = "cpu_util_guest";
    public static final String CPU_UTIL_VIRTUALIZATION = "cpu_util_virtualization";
    public static final String CPU_UTIL_HYPERVISOR = "cpu_util_hypervisor";
    public static final String CPU_UTIL_PARENT = "cpu_util_parent";
    public static final String CPU_UTIL_MANAGEMENT = "cpu_util_management";
    public static final String CPU_UTIL_IDLE = "cpu_util_idle";
    public static final String CPU_READY_FRACTION = "cpu_ready_fraction";
    /** Share of a VM's runnable vCPU time spent co-stopped (relaxed co-scheduling). */
    public static final String CPU_COSTOP_FRACTION = "cpu_costop_fraction";
    /** Largest lead of one vCPU of a VM over a waiting sibling, seconds (relaxed co-scheduling). */
    public static final String CPU_SKEW_MAX = "cpu_skew_max";
    /** Mean time of one I/O operation, from the start of its CPU path to the end of its device service. */
    public static final String IO_LATENCY_MEAN = "io_latency_mean";
    /** Mean wait of a VM's I/O back-end work in the control domain beyond its CPU demand. */
    public static final String PARENT_QUEUEING_DELAY = "parent_queueing_delay";
    public static final String DISK_UTIL = "disk_util";
    public static final String NIC_UTIL = "nic_util";
    /** Busy share of the host's (or a VM template's) CPU capacity, all categories; also a time series. */
    public static final String CPU_UTIL = "cpu_util";
    /** Time series: mean number of operations at a device, waiting or in service. */
    public static final String QUEUE_LENGTH = "queue_length";
    /** Name under which response-time distributions are kept for CDF charts. */
    public static final String RESPONSE_TIME = "response_time";
}
