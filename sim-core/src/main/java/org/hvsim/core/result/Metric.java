package org.hvsim.core.result;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A metric of the output contract (docs/metrics.md): the name figures carry,
 * its stored unit, the scopes it is reported for and what it means. The constants below are the one
 * definition of every name; the model records under them, the writers and charts read them, and a
 * test checks docs/metrics.md against {@link #REPORTED}, {@link #CAPACITY} and {@link #RESERVED}.
 *
 * @param name    as it appears in metrics.csv and results.json
 * @param unit    stored unit as docs/metrics.md writes it: "s", "1/s", "requests", "fraction", "fraction of host"
 * @param scopes  the kinds of scope the metric is reported for
 * @param meaning one line, for people
 */
public record Metric(String name, String unit, Set<ScopeKind> scopes, String meaning) {

    /** The kinds of scope a figure can have. */
    public enum ScopeKind {
        HOST("host"), VM("VM"), VM_CLASS("VM/class"), VM_WINDOW("VM@window"), DEVICE("device"), CLUSTER("cluster");

        private final String label;

        ScopeKind(String label) {
            this.label = label;
        }

        /** As docs/metrics.md writes it. */
        public String label() {
            return label;
        }
    }

    /** The name of the host-wide scope; VM scopes are template names, class scopes {@code VM/class}. */
    public static final String HOST_SCOPE = "host";
    /** The scope of a cluster's figures. */
    public static final String CLUSTER_SCOPE = "cluster";

    private static final String SECONDS = "s";
    private static final String PER_SECOND = "1/s";
    private static final String REQUESTS = "requests";
    private static final String FRACTION = "fraction";
    private static final String OF_HOST = "fraction of host";

    public static final Metric RESPONSE_TIME_MEAN = of("response_time_mean", SECONDS, "mean request response time",
            ScopeKind.VM, ScopeKind.VM_CLASS, ScopeKind.VM_WINDOW);
    public static final Metric RESPONSE_TIME_P50 = of("response_time_p50", SECONDS, "median request response time",
            ScopeKind.VM, ScopeKind.VM_CLASS);
    public static final Metric RESPONSE_TIME_P95 = of("response_time_p95", SECONDS, "95th percentile response time",
            ScopeKind.VM, ScopeKind.VM_CLASS, ScopeKind.VM_WINDOW);
    public static final Metric RESPONSE_TIME_P99 = of("response_time_p99", SECONDS, "99th percentile response time",
            ScopeKind.VM, ScopeKind.VM_CLASS);
    public static final Metric THROUGHPUT = of("throughput", PER_SECOND, "completed requests per second",
            ScopeKind.HOST, ScopeKind.VM, ScopeKind.VM_CLASS);
    public static final Metric ARRIVAL_RATE = of("arrival_rate", PER_SECOND,
            "offered requests per second (arrivals after the warm-up)", ScopeKind.VM);
    public static final Metric REQUESTS_ARRIVED = of("requests_arrived", REQUESTS,
            "requests that arrived after the warm-up, per replication", ScopeKind.VM, ScopeKind.VM_WINDOW);
    public static final Metric REQUESTS_COMPLETED = of("requests_completed", REQUESTS,
            "requests that completed after the warm-up, per replication", ScopeKind.VM);
    public static final Metric REQUESTS_IN_FLIGHT = of("requests_in_flight", REQUESTS,
            "requests waiting or in service at the end of the run", ScopeKind.VM);
    public static final Metric CPU_UTIL = of("cpu_util", OF_HOST,
            "busy share of the host's CPU capacity, all categories; also a time series", ScopeKind.VM);
    public static final Metric CPU_UTIL_GUEST = of("cpu_util_guest", OF_HOST, "useful guest work",
            ScopeKind.HOST, ScopeKind.VM);
    public static final Metric CPU_UTIL_VIRTUALIZATION = of("cpu_util_virtualization", OF_HOST,
            "VM exits, emulation, world switches, translation", ScopeKind.HOST, ScopeKind.VM);
    public static final Metric CPU_UTIL_HYPERVISOR = of("cpu_util_hypervisor", OF_HOST,
            "hypervisor and its drivers", ScopeKind.HOST);
    public static final Metric CPU_UTIL_PARENT = of("cpu_util_parent", OF_HOST,
            "parent partition / host OS / service console, I/O work included", ScopeKind.HOST);
    public static final Metric CPU_UTIL_MANAGEMENT = of("cpu_util_management", OF_HOST,
            "management agents and tools", ScopeKind.HOST);
    public static final Metric CPU_UTIL_IDLE = of("cpu_util_idle", OF_HOST,
            "idle; the cpu_util_* of a host add up to 1", ScopeKind.HOST);
    public static final Metric CPU_READY_FRACTION = of("cpu_ready_fraction", FRACTION,
            "share of time a runnable vCPU waited for a pCPU", ScopeKind.VM);
    public static final Metric CPU_COSTOP_FRACTION = of("cpu_costop_fraction", FRACTION,
            "share of runnable vCPU time spent co-stopped (relaxed co-scheduling)", ScopeKind.VM);
    public static final Metric CPU_SKEW_MAX = of("cpu_skew_max", SECONDS,
            "largest lead of one vCPU over a waiting sibling", ScopeKind.VM);
    public static final Metric IO_LATENCY_MEAN = of("io_latency_mean", SECONDS,
            "mean time of one I/O operation, CPU path to end of device service", ScopeKind.VM);
    public static final Metric PARENT_QUEUEING_DELAY = of("parent_queueing_delay", SECONDS,
            "mean wait of I/O back-end work in the control domain beyond its CPU demand", ScopeKind.VM);
    public static final Metric DISK_UTIL = of("disk_util", FRACTION, "disk busy fraction", ScopeKind.HOST);
    public static final Metric NIC_UTIL = of("nic_util", FRACTION, "NIC busy fraction", ScopeKind.HOST);

    /** Time series only: operations at a device, waiting or in service. */
    public static final Metric QUEUE_LENGTH = of("queue_length", REQUESTS,
            "mean number of operations at a device, waiting or in service (time series)", ScopeKind.DEVICE);
    /** Distributions only: the response times behind the percentiles, for CDF charts. */
    public static final Metric RESPONSE_TIME = of("response_time", SECONDS,
            "request response time distribution (CDF charts)", ScopeKind.VM, ScopeKind.VM_CLASS);

    // Faults (reported only by scenarios with faults) and capacity (written by hvsim capacity).
    public static final Metric AVAILABILITY = of("availability", FRACTION, "fraction of time up", ScopeKind.VM);
    public static final Metric DOWNTIME = of("downtime", SECONDS, "seconds down per replication", ScopeKind.VM);
    public static final Metric REQUESTS_LOST = of("requests_lost", REQUESTS, "requests lost per replication",
            ScopeKind.VM);
    public static final Metric FAILOVERS = of("failovers", "restarts", "restarts on another host per instance, per replication",
            ScopeKind.VM);
    public static final Metric VMS_LEFT_DOWN = of("vms_left_down", "VMs",
            "VMs no survivor admits after the worst single host failure", ScopeKind.CLUSTER);
    public static final Metric HEADROOM_AFTER_WORST_FAILURE = of("headroom_after_worst_failure", FRACTION,
            "CPU of the surviving hosts left after the worst single host failure", ScopeKind.CLUSTER);
    public static final Metric MAX_VMS_PER_HOST = of("max_vms_per_host", "VMs",
            "capacity: most VMs of the template meeting every SLA", ScopeKind.HOST);
    public static final Metric HOSTS_NEEDED = of("hosts_needed", "hosts",
            "fleet sizing, failover headroom included", ScopeKind.HOST);
    public static final Metric COST_PER_VM = of("cost_per_vm", "", "licences and hardware per VM", ScopeKind.HOST);

    /** The metrics metrics.csv carries today, in docs/metrics.md's table order. */
    public static final List<Metric> REPORTED = List.of(RESPONSE_TIME_MEAN, RESPONSE_TIME_P50, RESPONSE_TIME_P95,
            RESPONSE_TIME_P99, THROUGHPUT, ARRIVAL_RATE, REQUESTS_ARRIVED, REQUESTS_COMPLETED, REQUESTS_IN_FLIGHT,
            REQUESTS_LOST, AVAILABILITY, DOWNTIME, FAILOVERS, VMS_LEFT_DOWN, HEADROOM_AFTER_WORST_FAILURE, CPU_UTIL, CPU_UTIL_GUEST, CPU_UTIL_VIRTUALIZATION, CPU_UTIL_HYPERVISOR, CPU_UTIL_PARENT,
            CPU_UTIL_MANAGEMENT, CPU_UTIL_IDLE, CPU_READY_FRACTION, CPU_COSTOP_FRACTION, CPU_SKEW_MAX,
            IO_LATENCY_MEAN, PARENT_QUEUEING_DELAY, DISK_UTIL, NIC_UTIL);

    /** The figures {@code hvsim capacity} writes (docs/metrics.md), decided by its search rather than estimated. */
    public static final List<Metric> CAPACITY = List.of(MAX_VMS_PER_HOST, HOSTS_NEEDED, COST_PER_VM);

    public Metric {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        scopes = Set.copyOf(scopes);
        Objects.requireNonNull(meaning, "meaning");
    }

    private static Metric of(String name, String unit, String meaning, ScopeKind... scopes) {
        return new Metric(name, unit, Set.of(scopes), meaning);
    }

    /** "host, VM, VM/class": the scopes in {@link ScopeKind} order, as docs/metrics.md writes them. */
    public String scopeText() {
        return scopes.stream().sorted().map(ScopeKind::label).collect(Collectors.joining(", "));
    }

    /** The names of {@code metrics}, in order. */
    public static List<String> names(List<Metric> metrics) {
        return metrics.stream().map(Metric::name).toList();
    }
}
