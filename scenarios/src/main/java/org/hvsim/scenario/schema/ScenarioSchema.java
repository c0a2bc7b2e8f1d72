package org.hvsim.scenario.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hvsim.model.arch.Architectures;
import org.hvsim.model.hardware.NicSpec;
import org.hvsim.model.hypervisor.HypervisorSchedulers;
import org.hvsim.model.hypervisor.SchedulerSettings;
import org.hvsim.model.hypervisor.Tunable;
import org.hvsim.model.hypervisor.XenCreditScheduler;
import org.hvsim.scenario.load.Quantity;

/**
 * Every key of a scenario file, declared once: the single source of truth that the loader reads
 * through, and that docs/scenario-format.md and docs/scenario.schema.json are generated from
 * ({@link SchemaWriter}). Adding a key is one line here plus its use in the loader; the docs test
 * then asks for the generated files to be refreshed.
 *
 * <p>Every default states where it comes from: a citation (R1.a, R6 … are the rows of
 * docs/references.md) or the reasoning behind it.
 */
public final class ScenarioSchema {

    private ScenarioSchema() {
    }

    /** Practical upper bound for values that are "any positive duration": about 31 years. */
    private static final double LONG_TIME = 1e9;
    private static final double TINY = 1e-12;

    /** "xen-credit: ", the schedulers that read a tunable, to start its description. */
    private static String readBy(Tunable t) {
        return String.join(", ", HypervisorSchedulers.reading(t)) + ": ";
    }

    /** A variant's key: unless the variant gives it, its base profile's value. */
    private static Key fromBase(Key k) {
        return k.computedDefault("the base's", "the base profile (docs/profiles.md)");
    }

    /** A distribution's mean: a positive duration. */
    private static Key mean(Section family, String example) {
        return family.quantity("mean", Quantity.DURATION, TINY, LONG_TIME).required().rangeText("> 0").example(example)
                .doc("mean");
    }

    /** A distribution's coefficient of variation. */
    private static Key cv(Section family, String example) {
        return family.decimal("cv", 1e-6, 100).required().rangeText("> 0 – 100").example(example)
                .doc("coefficient of variation, sd / mean");
    }

    /** One key per registered tunable in {@code section}; a variant's default is the scenario's setting. */
    private static Map<Tunable, Key> tunableKeys(Section section, boolean variant) {
        Map<Tunable, Key> keys = new LinkedHashMap<>();
        for (Tunable t : HypervisorSchedulers.tunables()) {
            Key k = switch (t.kind()) {
                case DURATION -> section.quantity(t.key(), Quantity.DURATION, t.min(), t.max());
                case FLAG -> section.bool(t.key());
                case CHOICE -> section.choice(t.key(), t.choices());
            };
            String defaultText = t.kind() == Tunable.Kind.DURATION
                    ? Quantity.DURATION.format((Double) t.defaultValue()) : String.valueOf(t.defaultValue());
            k = variant ? k.computedDefault("scheduler." + t.key(), "the scenario's scheduler setting")
                    : k.byDefault(defaultText, t.defaultReason());
            keys.put(t, k.example(t.example()).doc(readBy(t) + t.meaning() + (variant ? ", for this variant" : "")));
        }
        return Collections.unmodifiableMap(keys);
    }

    // ------------------------------------------------------------------------------ sections

    public static final Section ROOT = new Section("scenario", "Top level",
            "What to simulate (host, VMs, architectures) and how (run length, warm-up, replications, seed).");
    public static final Section SLA = new Section("sla", "`sla`",
            "A service-level objective: `metric` of `scope` must stay at or below `max`. Reports draw it on "
                    + "response-time charts and use it to say how many VMs each architecture fits in a sweep.");
    public static final Section HOST = new Section("host", "`host`",
            "The physical host: pCPUs, memory, disks and NICs.");
    public static final Section DISK = new Section("disk", "`host.disks[]`",
            "A disk: FCFS over `channels` parallel channels. Its service time per operation is either drawn from "
                    + "`service`, or is `latency` + size / `bandwidth`.").exactlyOne("service", "latency");
    public static final Section OVERCOMMIT = new Section("memory_overcommit", "`host.memory_overcommit`",
            "Allows the VMs more memory than the host has. The fraction o of the VMs' memory that cannot be "
                    + "resident is paged: each request first makes on average `faults_per_request` × o page-in reads "
                    + "of `page_size` on `swap_device`.");
    public static final Section SCHEDULER = new Section("scheduler", "`scheduler`",
            "The hypervisor scheduler for every architecture of the scenario, and its tunables "
                    + "(docs/schedulers.md). Without it each architecture uses its own scheduler with its defaults.");
    public static final Section NIC = new Section("nic", "`host.nics[]`",
            "A network interface: sending takes bytes / bandwidth, FCFS; per-packet costs use ⌈bytes / mtu⌉ packets.");
    public static final Section ARCHITECTURE = new Section("architecture", "`architectures[]` (variant)",
            "An item of `architectures` is the name of a built-in profile, or a variant of one: `base` plus the "
                    + "parameters to override (docs/profiles.md).");
    public static final Section VM = new Section("vm", "`vms[]`",
            "A VM template: `count` identical instances named `name#0`, `name#1` …, reported together under `name`.");
    public static final Section WORKLOAD = new Section("workload", "`vms[].workload`",
            "What each instance is asked to do: an open stream or a closed population of users, and a mix of "
                    + "request classes.").exactlyOne("open", "closed");
    public static final Section OPEN = new Section("open", "`workload.open`",
            "Open arrivals per instance: Poisson at a rate, renewal arrivals with any inter-arrival distribution, "
                    + "Poisson at a rate that varies over time (`profile`), bursts (`mmpp`), or requests replayed from a "
                    + "trace (`trace`).")
            .exactlyOne("poisson", "interarrival", "profile", "mmpp", "trace");
    public static final Section POISSON = new Section("poisson", "`workload.open.poisson`", "Poisson arrivals.");
    public static final Section PROFILE = new Section("profile", "`workload.open.profile`",
            "Poisson arrivals at a rate that follows points over time, held (`steps`) or interpolated (`linear`) "
                    + "between them and repeated every `repeat` (e.g. 24 h for a daily profile); sampled exactly by "
                    + "inverting the integrated rate. The points are given inline or in a CSV file with a header "
                    + "row `time,rate` and units in the cells (`9 h,40 /s`), as monitoring exports a rate per interval.")
            .exactlyOne("points", "file");
    public static final Section PROFILE_POINT = new Section("profile point", "`workload.open.profile.points[]`",
            "The rate from an instant of the profile on.");
    public static final Section MMPP = new Section("mmpp", "`workload.open.mmpp`",
            "Bursts: a two-state Markov-modulated Poisson process. The stream stays an exponential time of mean "
                    + "`low_stay` at `low_rate`, then of mean `high_stay` at `high_rate`, and so on (docs/method.md: "
                    + "its mean rate and index of dispersion).");
    public static final Section TRACE = new Section("trace", "`workload.open.trace`",
            "Requests replayed from a CSV file, one per row, in order, read as the simulation advances (never "
                    + "held whole). A header row names the columns: `time` (the arrival instant, required), and any of "
                    + "`cpu` (CPU demand on the reference core), `disk_ops` (operations on `disk`), `disk_bytes` (the "
                    + "bytes of those operations together, split evenly), `net_bytes` (bytes sent through `nic`); a "
                    + "missing demand column is 0. A request runs its CPU, then its disk operations, then its "
                    + "network send. Units are in the cells (`12 ms`) or, for bare numbers, in the header "
                    + "(`cpu (ms)`, `disk_bytes [KB]`). The times must increase. The workload then has no `classes`: "
                    + "the rows carry the demands (docs/method.md, \"Trace replay\").");
    public static final Section CLOSED = new Section("closed", "`workload.closed`",
            "A closed population per instance: each user thinks, sends one request and waits for its response.");
    public static final Section CLASS = new Section("class", "`workload.classes[]`",
            "A request class: its share of the requests and its phases, run in order.");
    public static final Section PHASE = new Section("phase", "`classes[].phases[]`",
            "One step of a request; each item has exactly one key.").exactlyOne("cpu", "disk", "net", "privileged");
    public static final Section DISK_PHASE = new Section("disk_phase", "`phases[].disk`",
            "Sequential operations on one of the host's disks.");
    public static final Section PRIVILEGED_PHASE = new Section("privileged_phase", "`phases[].privileged`",
            "Privileged operations of a request: each costs its native CPU (R1.b, R1.c, R1.d) as guest work "
                    + "plus what the architecture adds per operation as virtualization.");
    public static final Section CONTROL = new Section("control", "`architectures[].control`",
            "The variant's control domain (parent partition, host OS or service console): scheduled like a VM, "
                    + "with its own services and management agents; I/O work of `disk_path`/`net_path.control` runs in it.");
    public static final Section MANAGEMENT = new Section("management", "`control.management`",
            "Management agents: every `period` they do `base` + `per_vm` × (VM instances) of CPU work.");
    public static final Section IO_PATH = new Section("io_path", "`architectures[].disk_path`, `net_path`",
            "CPU of an I/O besides the guest's own driver, per disk operation or network packet, by where it runs.");
    public static final Section NET_PHASE = new Section("net_phase", "`phases[].net`",
            "Bytes sent or received through one of the host's NICs.");

    // ------------------------------------------------------------------------------ top level

    public static final Key NAME = ROOT.text("name").required().example("web-consolidation")
            .doc("scenario name; the default output directory is `out/<name>`");
    public static final Key DESCRIPTION = ROOT.text("description").byDefault("\"\"", "nothing to add")
            .example("Six web servers on one host").doc("free text shown in the report");
    public static final Key INCLUDE = ROOT.files("include").example("shared/host-8core.yaml")
            .doc("partial scenario files read first (paths relative to this file); this file's values win, "
                    + "mappings are merged key by key, lists and scalars replaced whole");
    public static final Key SEED = ROOT.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE)
            .byDefault("1", "any fixed seed makes a run reproducible; change it to get independent results")
            .rangeText("any 64-bit integer").example("42").doc("every random stream derives from it");
    public static final Key REPLICATIONS = ROOT.integer("replications", 1, 100_000)
            .byDefault("10", "t(0.975, 9) = 2.26, within 15 % of the normal quantile: the interval is not "
                    + "dominated by its quantile")
            .example("10").doc("independent replications per architecture (and per sweep point)");
    public static final Key DURATION = ROOT.quantity("duration", Quantity.DURATION, 1e-6, LONG_TIME).required()
            .rangeText("1 us – 31 years").example("1 h").doc("simulated time per replication, warm-up included");
    public static final Key WARMUP = ROOT.quantity("warmup", Quantity.DURATION, 0, LONG_TIME)
            .computedDefault("10 % of duration", "a rule of thumb for runs much longer than the system's "
                    + "relaxation time; set it explicitly for heavily loaded systems (docs/method.md)")
            .rangeText("0 ≤ warmup < duration").example("5 min").doc("statistics restart at this instant");
    public static final Key ARCHITECTURES = ROOT.nameOrMappingList("architectures",
                    List.copyOf(Architectures.names()), ARCHITECTURE)
            .byDefault("[native, hosted, monolithic, microkernel]", "every built-in profile, so that each "
                    + "architecture is compared against bare metal unless the scenario says otherwise")
            .example("[native, microkernel]").doc("profiles to compare, each run with the same random numbers");
    public static final Key SCHEDULER_KEY = ROOT.mapping("scheduler", SCHEDULER)
            .computedDefault("each architecture's own", "the profile names its product's scheduler (docs/profiles.md)")
            .doc("hypervisor scheduler and tunables for every architecture");
    public static final Key SLA_KEY = ROOT.mapping("sla", SLA)
            .computedDefault("none", "no objective unless the scenario states one")
            .doc("service-level objective on a response-time figure");
    public static final Key HOST_KEY = ROOT.mapping("host", HOST).required().doc("the physical host");
    public static final Key VMS = ROOT.list("vms", VM).required().rangeText("at least 1").doc("the VM templates");

    // ------------------------------------------------------------------------------ host

    public static final Key CPUS = HOST.integer("cpus", 1, 4096).required().unit("cores").example("8")
            .doc("pCPUs (cores)");
    public static final Key SPEED = HOST.decimal("speed", 0.01, 100)
            .byDefault("1.0", "demands are given in seconds on the reference core; 1.0 makes the host that core")
            .example("1.5").doc("work per second relative to the reference core demands are given on");
    public static final Key HOST_MEMORY = HOST.quantity("memory", Quantity.SIZE, 1, 1e15).required()
            .rangeText("> 0").example("32 GB").doc("RAM; the VMs' configured memory (count × memory) must fit in it");
    public static final Key FREQUENCY = HOST.quantity("frequency", Quantity.FREQUENCY, 1e6, 1e11)
            .byDefault("2.4 GHz", "the reference machine of R1 (Dell 2650, 2.4 GHz Xeon), the core demands are "
                    + "calibrated on")
            .example("3 GHz").doc("pCPU clock; converts reservations and limits given in MHz into pCPUs");
    public static final Key OVERCOMMIT_KEY = HOST.mapping("memory_overcommit", OVERCOMMIT)
            .computedDefault("none", "strict admission: VMs whose memory does not fit are refused")
            .doc("allow memory overcommit, at the cost of paging");
    public static final Key DISKS = HOST.list("disks", DISK)
            .byDefault("[]", "no disk: a CPU-only host; give one for any disk phase").doc("the disks");
    public static final Key NICS = HOST.list("nics", NIC)
            .byDefault("[]", "no NIC: give one for any network phase").doc("the network interfaces");

    public static final Key SLA_METRIC = SLA.choice("metric", List.of("response_time_mean", "response_time_p50",
                    "response_time_p95", "response_time_p99"))
            .byDefault("response_time_p95", "capacity planners state latency objectives on a high percentile")
            .example("response_time_p99").doc("the figure the objective bounds");
    public static final Key SLA_SCOPE = SLA.text("scope").required().rangeText("a VM name, or VM/class")
            .example("web").doc("whose figure");
    public static final Key SLA_MAX = SLA.quantity("max", Quantity.DURATION, 1e-9, LONG_TIME).required()
            .rangeText("> 0").example("200 ms").doc("the largest acceptable value");
    public static final Key SLA_WINDOW = SLA.text("window").byDefault("(none)", "the whole measured interval")
            .rangeText("peak_hour, or an instant of the profile").example("peak_hour")
            .doc("state the objective on one window of the scope's rate profile (`open.profile`): `peak_hour`, the "
                    + "window with the highest offered rate (with hourly points, the peak hour), or the window holding "
                    + "an instant (`9 h`); the figure is then `response_time_mean` or `_p95` of `VM@window` "
                    + "(docs/metrics.md)");

    public static final Key SWAP_DEVICE = OVERCOMMIT.text("swap_device").required().example("d0")
            .doc("the disk that page-ins read from");
    public static final Key FAULTS_PER_REQUEST = OVERCOMMIT.decimal("faults_per_request", 0, 1e6).required()
            .example("10").doc("page faults a request would take if none of its VM's memory were resident "
                    + "(workload-specific: no default)");
    public static final Key PAGE_SIZE = OVERCOMMIT.quantity("page_size", Quantity.SIZE, 512, 1e9)
            .byDefault("4 KB", "the x86 base page").example("4 KB").doc("bytes per page-in");

    public static final Key SCHEDULER_NAME = SCHEDULER.choice("name", List.copyOf(HypervisorSchedulers.names()))
            .computedDefault("each architecture's own", "docs/profiles.md").example("xen-credit")
            .doc("hypervisor scheduler for every architecture");
    public static final Key SWITCH_COST = SCHEDULER.quantity("switch_cost", Quantity.DURATION, 0, 0.01)
            .computedDefault("the profile's", "docs/profiles.md: 2 us for Xen, Hyper-V and ESX (R1.c Xen 1.97 us), "
                    + "10 us for hosted VMMs (two world switches and a host process switch)")
            .example("2 us").doc("pCPU time of a world switch between two VMs, charged as hypervisor time");
    /**
     * A key for each registered scheduler's tunables (each declared by its scheduler, with its default,
     * range and reason), in registration order: a new scheduler's tunables need no line here.
     */
    public static final Map<Tunable, Key> SCHEDULER_TUNABLES = tunableKeys(SCHEDULER, false);

    public static final Key DISK_NAME = DISK.text("name").required().example("d0")
            .doc("unique among the host's devices; phases name it in `device`");
    public static final Key CHANNELS = DISK.integer("channels", 1, 1024)
            .byDefault("1", "one spindle serves one request at a time")
            .example("8").doc("operations served in parallel (an array or an SSD has several)");
    public static final Key SERVICE = DISK.distribution("service").example("{ exponential: { mean: 5 ms } }")
            .doc("service time of one operation (or give `latency` and `bandwidth`)");
    public static final Key LATENCY = DISK.quantity("latency", Quantity.DURATION, 0, 100).requires("bandwidth")
            .example("4 ms").doc("fixed time per operation; service time = latency + size / bandwidth");
    public static final Key DISK_BANDWIDTH = DISK.quantity("bandwidth", Quantity.BANDWIDTH, 1, 1e15)
            .rangeText("> 0").example("200 MB/s").doc("transfer rate, with `latency`");

    public static final Key NIC_NAME = NIC.text("name").required().example("n0")
            .doc("unique among the host's devices; phases name it in `device`");
    public static final Key NIC_BANDWIDTH = NIC.quantity("bandwidth", Quantity.BANDWIDTH, 1, 1e15).required()
            .rangeText("> 0").example("1 Gbit/s").doc("line rate");
    public static final Key MTU = NIC.integer("mtu", 64, 65536)
            .byDefault(Integer.toString(NicSpec.ETHERNET_MTU), "the Ethernet MTU (IEEE 802.3), the packet size of "
                    + "R1.e's MTU-1500 runs")
            .unit("bytes").example("9000").doc("bytes per packet, for per-packet CPU costs");

    public static final Key PACKET_CPU = NIC.quantity("packet_cpu", Quantity.DURATION, 0, 0.01)
            .byDefault("6.64 us", "R1.e: native ttcp TX at MTU 500 is CPU-bound at 602 Mb/s on the reference core")
            .example("5 us").doc("CPU time per packet in the sending OS (stack and driver), guest work");
    public static final Key RECEIVE_PACKET_CPU = NIC.quantity("receive_packet_cpu", Quantity.DURATION, 0, 0.01)
            .byDefault("7.35 us", "R1.e: native ttcp RX at MTU 500 is CPU-bound at 544 Mb/s on the reference core")
            .example("6 us").doc("CPU time per packet in the receiving OS (driver, interrupt and stack), guest work");

    // ------------------------------------------------------------------------------ architectures

    public static final Key BASE = ARCHITECTURE.text("base").required().example("microkernel")
            .doc("a built-in profile, or the name of a variant earlier in the list");
    public static final Key VARIANT_NAME = ARCHITECTURE.text("name")
            .computedDefault("the base's name", "a variant that only adjusts its base keeps the base's name")
            .example("hosted-fast-io").doc("the variant's name in results; must differ from the others'");
    public static final Key CPU_FACTOR = fromBase(ARCHITECTURE.decimal("cpu_factor", 1, 100))
            .example("1.05").doc("multiplier on every CPU demand of a guest");
    public static final Key DISK_OP_CPU = fromBase(ARCHITECTURE.quantity("disk_op_cpu", Quantity.DURATION, 0, 1))
            .example("5 us").doc("CPU time on the guest's vCPU per disk operation");
    public static final Key NET_PACKET_CPU = fromBase(ARCHITECTURE.quantity("net_packet_cpu", Quantity.DURATION, 0, 1))
            .example("10 us").doc("CPU time on the guest's vCPU per network packet");

    public static final Key ARCH_SCHEDULER = fromBase(ARCHITECTURE.choice("scheduler",
                    List.copyOf(HypervisorSchedulers.names())))
            .example("xen-credit").doc("hypervisor scheduler of this variant (wins over `scheduler.name`)");
    public static final Key CONTROL_KEY = fromBase(ARCHITECTURE.mapping("control", CONTROL))
            .doc("the control domain: parent partition, host OS or service console");
    public static final Key DISK_PATH = fromBase(ARCHITECTURE.mapping("disk_path", IO_PATH))
            .doc("CPU per disk operation by where it runs (replaces `disk_op_cpu`)");
    public static final Key NET_PATH = fromBase(ARCHITECTURE.mapping("net_path", IO_PATH))
            .doc("CPU per network packet by where it runs, both directions (replaces `net_packet_cpu`)");
    public static final Key NET_RECEIVE_PATH = ARCHITECTURE.mapping("net_receive_path", IO_PATH)
            .computedDefault("`net_path` if given, else the base's", "the base profile (docs/profiles.md: R1.e "
                    + "calibrates send and receive apart)")
            .doc("CPU per packet the guest receives, by where it runs (`net_path` then applies to sent packets)");
    public static final Key SYNC_WRITE = ARCHITECTURE.quantity("sync_write", Quantity.DURATION, 0, 10)
            .computedDefault("the base's", "docs/profiles.md: hosted paths 4.65 ms (R1.a OSDB-OLTP VMware), "
                    + "paravirtual and bare-metal paths 0")
            .example("5 ms").doc("extra time on the same disk per synchronous write (`sync: true`): the host-side "
                    + "synchronous write of a virtual-disk file");
    public static final Key PATH_GUEST = IO_PATH.quantity("guest", Quantity.DURATION, 0, 1)
            .byDefault("0 s", "nothing unless stated").example("5 us").doc("on the guest's vCPU (front end), as virtualization");
    public static final Key PATH_HYPERVISOR = IO_PATH.quantity("hypervisor", Quantity.DURATION, 0, 1)
            .byDefault("0 s", "nothing unless stated").example("4 us").doc("in the hypervisor, on the guest's pCPU");
    public static final Key PATH_CONTROL = IO_PATH.quantity("control", Quantity.DURATION, 0, 1)
            .byDefault("0 s", "nothing unless stated").example("25 us")
            .doc("in the control domain (back end and driver); needs a control domain");
    public static final Key CONTROL_ROLE = CONTROL.choice("role", List.of("parent", "host-os", "service-console"))
            .byDefault("parent", "the microkernel case").example("host-os").doc("what the control domain is");
    public static final Key CONTROL_VCPUS = CONTROL.integer("vcpus", 0, 256)
            .computedDefault("the base's, else 1", "one virtual processor, the smallest partition")
            .example("2").doc("its virtual processors; 0 means one per pCPU");
    public static final Key CONTROL_WEIGHT = CONTROL.integer("weight", 1, 1_000_000)
            .computedDefault("the base's, else the scheduler's default", "like any VM")
            .example("512").doc("its weight in the hypervisor scheduler");
    public static final Key CONTROL_RESERVATION = CONTROL.quantity("reservation", Quantity.FRACTION, 0, 256)
            .computedDefault("the base's, else 0 %", "docs/profiles.md: the ESX service console reserves 8 %")
            .rangeText("0 % – vcpus × 100 %").example("50 %")
            .doc("CPU guaranteed to it, in % of one pCPU, as a VM's `reservation`; only under a scheduler "
                    + "with reservations");
    public static final Key CONTROL_RESERVATION_MHZ = CONTROL.quantity("reservation_mhz", Quantity.FREQUENCY, 0, 1e14)
            .computedDefault("none", "as `reservation`").example("300 MHz")
            .doc("the reservation in MHz, converted with host.frequency; instead of `reservation`");
    public static final Key CONTROL_LIMIT = CONTROL.quantity("limit", Quantity.FRACTION, 0, 256)
            .computedDefault("the base's, else none", "no built-in profile limits its control domain")
            .rangeText("> 0 %, not below the reservation").example("100 %")
            .doc("CPU it may use at most, in % of one pCPU, as a VM's `limit`; only under a scheduler with limits");
    public static final Key CONTROL_LIMIT_MHZ = CONTROL.quantity("limit_mhz", Quantity.FREQUENCY, 0, 1e14)
            .computedDefault("none", "as `limit`").example("2400 MHz")
            .doc("the limit in MHz, converted with host.frequency; instead of `limit`");
    public static final Key CONTROL_MEMORY = CONTROL.quantity("memory", Quantity.SIZE, 0, 1e15)
            .computedDefault("the base's, else 0 B", "docs/profiles.md").example("512 MB")
            .doc("host memory it occupies");
    public static final Key BACKGROUND_LOAD = CONTROL.quantity("background_load", Quantity.FRACTION, 0, 256)
            .computedDefault("the base's, else 0 %", "docs/profiles.md").example("3 %")
            .doc("its own services' CPU, in % of one pCPU");
    public static final Key MANAGEMENT_KEY = CONTROL.mapping("management", MANAGEMENT)
            .computedDefault("the base's, else none", "docs/profiles.md").doc("management agents");
    public static final Key TOOLS_KEY = CONTROL.mapping("tools", MANAGEMENT)
            .computedDefault("none", "heavy tools (a GUI console, a backup agent) run only when someone runs them")
            .doc("heavy management tools while they run, as an agent like `management`");
    public static final Key MGMT_PERIOD = MANAGEMENT.quantity("period", Quantity.DURATION, 1e-3, 1e6).required()
            .example("1 s").doc("how often the agents wake");
    public static final Key MGMT_BASE = MANAGEMENT.quantity("base", Quantity.DURATION, 0, 100)
            .byDefault("0 s", "nothing unless stated").example("5 ms").doc("CPU per wake-up");
    public static final Key MGMT_PER_VM = MANAGEMENT.quantity("per_vm", Quantity.DURATION, 0, 100)
            .byDefault("0 s", "nothing unless stated").example("1 ms").doc("CPU per wake-up per VM instance");
    /** The same tunables, for one variant: unless it gives them, the scenario's scheduler settings. */
    public static final Map<Tunable, Key> VARIANT_TUNABLES = tunableKeys(ARCHITECTURE, true);

    // ------------------------------------------------------------------------------ VMs

    public static final Key VM_NAME = VM.text("name").required().rangeText("no `/` or `#`; not `host`")
            .example("web").doc("template name; figures are reported under it");
    public static final Key COUNT = VM.integer("count", 1, 100_000)
            .byDefault("1", "one instance unless the scenario asks for more")
            .example("6").doc("identical instances");
    public static final Key VCPUS = VM.integer("vcpus", 1, 512)
            .byDefault("1", "a uniprocessor guest, the smallest VM")
            .example("2").doc("vCPUs per instance");
    public static final Key VM_MEMORY = VM.quantity("memory", Quantity.SIZE, 1, 1e15).required()
            .rangeText("> 0").example("2 GB").doc("configured RAM per instance");
    public static final Key GUEST_SCHEDULER = VM.choice("guest_scheduler", List.of("ps", "fcfs", "rr"))
            .byDefault("ps", "a time-sharing OS at a grain far finer than request demands behaves as processor "
                    + "sharing")
            .example("fcfs").doc("how the guest OS places requests' CPU phases on its vCPUs");
    public static final Key QUANTUM = VM.quantity("quantum", Quantity.DURATION, 1e-6, 10)
            .byDefault("100 ms", "the Linux 2.6 O(1) scheduler's default time slice (DEF_TIMESLICE in "
                    + "kernel/sched.c)")
            .example("10 ms").doc("round-robin quantum of CPU time; only with `guest_scheduler: rr`");
    public static final Key ENLIGHTENED = VM.bool("enlightened")
            .byDefault("true", "paravirtual (enlightened) drivers: Xen guests in R1 are paravirtualized, Hyper-V "
                    + "ships integration services; set false for an unmodified, fully emulated guest")
            .example("false").doc("whether the guest has paravirtual drivers (selects the profile's cost set)");
    public static final Key VM_WEIGHT = VM.integer("weight", 1, 1_000_000)
            .computedDefault("the scheduler's", "R6: xen-credit 256, esx-proportional 1000 per vCPU, hyperv 100, "
                    + "host-os and native-os 100")
            .rangeText("1–65535 (xen-credit), 1–1000000 (esx-proportional), 1–10000 (hyperv, host-os, native-os)")
            .example("512").doc("relative weight or shares of each instance");
    public static final Key RESERVATION = VM.quantity("reservation", Quantity.FRACTION, 0, 4096)
            .byDefault("0 %", "nothing reserved").rangeText("0 % – vcpus × 100 %").example("150 %")
            .doc("CPU guaranteed to the whole instance, in % of one pCPU (Hyper-V: reserve % × vCPUs); refused "
                    + "under a scheduler without reservations (xen-credit, the reference disciplines)");
    public static final Key RESERVATION_MHZ = VM.quantity("reservation_mhz", Quantity.FREQUENCY, 0, 1e14)
            .computedDefault("none", "nothing reserved").example("1200 MHz")
            .doc("the reservation in MHz (ESX style), converted with host.frequency; instead of `reservation`");
    public static final Key LIMIT = VM.quantity("limit", Quantity.FRACTION, 0, 4096)
            .computedDefault("none", "no limit").rangeText("> 0 %").example("50 %")
            .doc("CPU the whole instance may use at most, in % of one pCPU (Xen cap; Hyper-V: limit % × vCPUs); "
                    + "refused under the reference disciplines, which have no limits");
    public static final Key LIMIT_MHZ = VM.quantity("limit_mhz", Quantity.FREQUENCY, 0, 1e14)
            .computedDefault("none", "no limit").example("2000 MHz")
            .doc("the limit in MHz (ESX style), converted with host.frequency; instead of `limit`");
    public static final Key WORKLOAD_KEY = VM.mapping("workload", WORKLOAD).required().doc("the load on each instance");

    public static final Key OPEN_KEY = WORKLOAD.mapping("open", OPEN).doc("open arrivals");
    public static final Key CLOSED_KEY = WORKLOAD.mapping("closed", CLOSED).doc("a closed population of users");
    public static final Key CLASSES = WORKLOAD.list("classes", CLASS).rangeText("at least 1")
            .computedDefault("required", "except with a trace, whose rows carry the demands")
            .doc("request classes (none with `open.trace`)");

    public static final Key POISSON_KEY = OPEN.mapping("poisson", POISSON).doc("Poisson arrivals");
    public static final Key INTERARRIVAL = OPEN.distribution("interarrival")
            .example("{ hyperexponential: { mean: 25 ms, cv: 2 } }").doc("time between arrivals (renewal process)");
    public static final Key RATE = POISSON.quantity("rate", Quantity.RATE, 1e-9, 1e9).required()
            .rangeText("> 0").example("40 /s").doc("arrivals per second per instance (over all instances with `spread: replicas`)");
    public static final Key PROFILE_KEY = OPEN.mapping("profile", PROFILE).doc("Poisson arrivals at a varying rate");
    public static final Key PROFILE_POINTS = PROFILE.list("points", PROFILE_POINT)
            .rangeText("at least 1, the first at 0 s").doc("the rate's points, in time order");
    public static final Key PROFILE_FILE = PROFILE.file("file").example("measured/web-rates.csv")
            .doc("the points from a CSV file (columns `time` and `rate`), relative to the scenario file");
    public static final Key PROFILE_SHAPE = PROFILE.choice("shape", List.of("steps", "linear"))
            .byDefault("steps", "a rate per interval, as monitoring exports it").example("linear")
            .doc("hold each rate until the next point, or interpolate between points");
    public static final Key PROFILE_REPEAT = PROFILE.quantity("repeat", Quantity.DURATION, 0, LONG_TIME)
            .byDefault("0 s", "no repeat: the last rate holds").example("24 h")
            .doc("repeat the profile with this period (at least the last point's time); 0 s: do not repeat");
    public static final Key POINT_AT = PROFILE_POINT.quantity("at", Quantity.DURATION, 0, LONG_TIME).required()
            .example("9 h").doc("from this instant of the profile");
    public static final Key POINT_RATE = PROFILE_POINT.quantity("rate", Quantity.RATE, 0, 1e9).required()
            .example("40 /s").doc("arrivals per second per instance");
    public static final Key MMPP_KEY = OPEN.mapping("mmpp", MMPP).doc("bursts: a two-state MMPP");
    public static final Key MMPP_LOW_RATE = MMPP.quantity("low_rate", Quantity.RATE, 0, 1e9).required()
            .example("10 /s").doc("arrivals per second in the quiet state");
    public static final Key MMPP_LOW_STAY = MMPP.quantity("low_stay", Quantity.DURATION, 1e-9, LONG_TIME).required()
            .example("60 s").doc("mean time in the quiet state");
    public static final Key MMPP_HIGH_RATE = MMPP.quantity("high_rate", Quantity.RATE, 0, 1e9).required()
            .example("100 /s").doc("arrivals per second in a burst");
    public static final Key MMPP_HIGH_STAY = MMPP.quantity("high_stay", Quantity.DURATION, 1e-9, LONG_TIME).required()
            .example("5 s").doc("mean length of a burst");

    public static final Key TRACE_KEY = OPEN.mapping("trace", TRACE).doc("requests replayed from a CSV file");
    public static final Key OPEN_SPREAD = OPEN.choice("spread", List.of("instance", "replicas"))
            .byDefault("instance", "each instance has its own stream at the rate given").example("replicas")
            .doc("`replicas`: the arrivals are the total over the template's `count` instances, each request sent "
                    + "to one of the instances up, chosen at random (a load balancer: a failed replica's share goes "
                    + "to the others; with all down the requests are lost); not with `trace`");
    public static final Key TRACE_FILE = TRACE.file("file").required().example("measured/web-trace.csv")
            .doc("the trace, relative to the scenario file");
    public static final Key TRACE_TIME_SCALE = TRACE.decimal("time_scale", 1e-9, 1e9)
            .byDefault("1", "the trace's own pace").rangeText("> 0").example("0.5")
            .doc("multiplies the trace's times: 0.5 replays it twice as fast (twice the rate)");
    public static final Key TRACE_DEMAND_SCALE = TRACE.decimal("demand_scale", 1e-9, 1e9)
            .byDefault("1", "the demands as traced").rangeText("> 0").example("1.5")
            .doc("multiplies each row's CPU and bytes (not its operation count)");
    public static final Key TRACE_REPEAT = TRACE.quantity("repeat", Quantity.DURATION, 0, LONG_TIME)
            .byDefault("0 s", "no repeat: arrivals stop after the last row").example("24 h")
            .doc("replay the trace again every this long (simulated time, after time_scale; beyond the last row)");
    public static final Key TRACE_DISK = TRACE.text("disk").computedDefault("the host's first disk", "one place for disk_ops")
            .example("d0").doc("the disk the rows' disk operations go to");
    public static final Key TRACE_WRITE = TRACE.bool("write").byDefault("false", "reads unless stated")
            .doc("the rows' disk operations are writes");
    public static final Key TRACE_NIC = TRACE.text("nic").computedDefault("the host's first NIC", "one place for net_bytes")
            .example("n0").doc("the NIC the rows' bytes are sent through");

    public static final Key USERS = CLOSED.integer("users", 1, 1_000_000).required().example("50")
            .doc("users per instance");
    public static final Key THINK = CLOSED.distribution("think").required()
            .example("{ exponential: { mean: 1 s } }").doc("time a user waits before the next request");

    public static final Key CLASS_NAME = CLASS.text("name").required().rangeText("no `/`").example("page")
            .doc("class name; figures are reported under `VM/class` when a VM has several");
    public static final Key WEIGHT = CLASS.decimal("weight", 1e-9, 1e9)
            .byDefault("1", "equal shares unless the scenario gives a mix")
            .rangeText("> 0").example("3").doc("relative share of requests of this class");
    public static final Key PHASES = CLASS.list("phases", PHASE).required().rangeText("at least 1")
            .doc("steps of a request, in order");

    public static final Key CPU_PHASE = PHASE.distribution("cpu").example("{ exponential: { mean: 8 ms } }")
            .doc("CPU demand in seconds on the reference core, run on the VM's vCPUs");
    public static final Key DISK_PHASE_KEY = PHASE.mapping("disk", DISK_PHASE).doc("operations on a disk");
    public static final Key NET_PHASE_KEY = PHASE.mapping("net", NET_PHASE).doc("bytes through a NIC");
    public static final Key PRIVILEGED_PHASE_KEY = PHASE.mapping("privileged", PRIVILEGED_PHASE)
            .doc("system calls, page faults and context switches");
    public static final Key SYSCALLS = PRIVILEGED_PHASE.decimal("syscalls", 0, 1e9)
            .byDefault("0", "none unless stated").example("200").doc("system calls per request");
    public static final Key PAGE_FAULTS = PRIVILEGED_PHASE.decimal("page_faults", 0, 1e9)
            .byDefault("0", "none unless stated").example("20").doc("page faults per request");
    public static final Key CONTEXT_SWITCHES = PRIVILEGED_PHASE.decimal("context_switches", 0, 1e9)
            .byDefault("0", "none unless stated").example("4").doc("context switches per request");
    public static final Key PAGE_TABLE_UPDATES = PRIVILEGED_PHASE.decimal("page_table_updates", 0, 1e9)
            .byDefault("0", "none unless stated").example("65")
            .doc("page-table updates per request (PTE writes of fork, exec, mmap, munmap): native 0.1 us (NPF), "
                    + "a hypercall or trap when virtualized (R1.b fork, R1.d mmap, R4 forkwait)");

    public static final Key OPS = DISK_PHASE.integer("ops", 1, 1_000_000)
            .byDefault("1", "one operation unless the scenario says more").example("2")
            .doc("sequential operations");
    public static final Key OP_SIZE = DISK_PHASE.quantity("size", Quantity.SIZE, 0, 1e12)
            .byDefault("0 B", "only latency + bandwidth disks use it, and they require it")
            .example("16 KB").doc("bytes per operation; required on a latency + bandwidth disk");
    public static final Key DISK_DEVICE = DISK_PHASE.text("device").required().example("d0")
            .doc("a disk of the host");
    public static final Key WRITE = DISK_PHASE.bool("write")
            .byDefault("false", "reads are the common case; the current disk model serves both alike")
            .example("true").doc("whether the operations are writes");
    public static final Key SYNC = DISK_PHASE.bool("sync")
            .byDefault("false", "buffered I/O is the common case; give it for fsync, O_SYNC or a commit")
            .example("true").doc("whether the operations are synchronous writes, which a hosted path turns into a "
                    + "synchronous write of the host's virtual-disk file (the profile's `sync_write`)");

    public static final Key BYTES = NET_PHASE.quantity("bytes", Quantity.SIZE, 1, 1e12).required()
            .rangeText("> 0").example("40 KB").doc("bytes sent or received");
    public static final Key NET_DEVICE = NET_PHASE.text("device").required().example("n0")
            .doc("a NIC of the host");
    public static final Key DIRECTION = NET_PHASE.choice("direction", List.of("send", "receive"))
            .byDefault("send", "a server's reply, the bulk of a request's bytes; R1.e calibrates send and receive "
                    + "apart (hosted 33 / 17 us extra per packet)")
            .example("receive").doc("whether the VM sends or receives the bytes: the NIC's `packet_cpu` or "
                    + "`receive_packet_cpu`, and the profile's send or receive path");

    // ------------------------------------------------------------------------------ distributions

    private static final Map<String, Section> FAMILIES = new LinkedHashMap<>();

    private static Section family(String name, String description) {
        Section s = new Section("dist." + name, "`" + name + "`", description);
        FAMILIES.put(name, s);
        return s;
    }

    public static final Section CONSTANT = family("constant",
            "Always the same value; `cpu: 5 ms` and `cpu: { constant: 5 ms }` are short for it.");
    public static final Section EXPONENTIAL = family("exponential", "Memoryless; cv = 1. `exponential: 5 ms` is short for "
            + "`exponential: { mean: 5 ms }`.");
    public static final Section UNIFORM = family("uniform", "Uniform between `min` and `max`.");
    public static final Section NORMAL = family("normal",
            "Normal, truncated at 0 by redrawing; keep `sd` ≤ `mean` / 3 for the moments to hold.");
    public static final Section LOGNORMAL = family("lognormal", "Lognormal by its mean and coefficient of variation.");
    public static final Section GAMMA = family("gamma", "Gamma by its mean and coefficient of variation (shape 1/cv²).");
    public static final Section WEIBULL = family("weibull", "Weibull by shape and scale.");
    public static final Section HYPEREXPONENTIAL = family("hyperexponential",
            "Two exponential phases with balanced means, by mean and cv ≥ 1 (bursty demands).");
    public static final Section EMPIRICAL = family("empirical",
            "Resamples measured values, read from a CSV file: one column of durations, or a header row and "
                    + "the `column` to use. Cells carry their unit (`4.2 ms`) unless `unit` is given.");

    public static final Key CONSTANT_VALUE = CONSTANT.quantity("value", Quantity.DURATION, 0, LONG_TIME).required()
            .rangeText("≥ 0").example("10 ms").doc("the value");
    public static final Key EXP_MEAN = mean(EXPONENTIAL, "5 ms");
    public static final Key UNIFORM_MIN = UNIFORM.quantity("min", Quantity.DURATION, 0, LONG_TIME).required()
            .rangeText("≥ 0").example("2 ms").doc("smallest value");
    public static final Key UNIFORM_MAX = UNIFORM.quantity("max", Quantity.DURATION, 0, LONG_TIME).required()
            .rangeText("≥ min").example("8 ms").doc("largest value");
    public static final Key NORMAL_MEAN = mean(NORMAL, "10 ms");
    public static final Key NORMAL_SD = NORMAL.quantity("sd", Quantity.DURATION, 0, LONG_TIME).required()
            .rangeText("≥ 0").example("2 ms").doc("standard deviation");
    public static final Key LOGNORMAL_MEAN = mean(LOGNORMAL, "10 ms");
    public static final Key LOGNORMAL_CV = cv(LOGNORMAL, "1.5");
    public static final Key GAMMA_MEAN = mean(GAMMA, "10 ms");
    public static final Key GAMMA_CV = cv(GAMMA, "0.5");
    public static final Key WEIBULL_SHAPE = WEIBULL.decimal("shape", 0.05, 100).required().example("1.5")
            .doc("shape k (1 is exponential)");
    public static final Key WEIBULL_SCALE = WEIBULL.quantity("scale", Quantity.DURATION, TINY, LONG_TIME).required()
            .rangeText("> 0").example("10 ms").doc("scale λ");
    public static final Key HYPER_MEAN = mean(HYPEREXPONENTIAL, "10 ms");
    public static final Key HYPER_CV = HYPEREXPONENTIAL.decimal("cv", 1, 100).required().example("2")
            .doc("coefficient of variation, at least 1");
    public static final Key EMPIRICAL_FILE = EMPIRICAL.file("file").required().example("measured/service-times.csv")
            .doc("CSV file, relative to the scenario file");
    public static final Key EMPIRICAL_COLUMN = EMPIRICAL.text("column")
            .computedDefault("the only column", "a one-column file needs no name")
            .example("latency").doc("header of the column to use, when the file has a header row");
    public static final Key EMPIRICAL_UNIT = EMPIRICAL.choice("unit", List.of("ns", "us", "ms", "s", "min", "h"))
            .computedDefault("the cells' own", "cells such as `4.2 ms` say their unit")
            .example("ms").doc("unit of bare numbers in the column");

    // ------------------------------------------------------------------------------ capacity planning

    public static final Section CAPACITY = new Section("capacity", "`capacity`",
            "For `hvsim capacity`: the search for the most instances of one VM template a host carries while every "
                    + "SLA holds at the upper bound of its 95 % interval, memory admission holds and, if asked, CPU "
                    + "headroom remains; the other VMs stay as they are. `hvsim run` ignores it.");

    public static final Key CAPACITY_KEY = ROOT.mapping("capacity", CAPACITY)
            .computedDefault("none", "only `hvsim capacity` needs it").doc("capacity search: which VM template, over which counts");
    public static final Key CAPACITY_TEMPLATE = CAPACITY.text("template").required().rangeText("a VM name")
            .example("web").doc("the VM template whose count is searched (its own `count` is replaced)");
    public static final Key CAPACITY_FROM = CAPACITY.integer("from", 1, 100_000)
            .byDefault("1", "the search starts at one instance, so that an SLA unmet at one is said")
            .example("1").doc("smallest count searched");
    public static final Key CAPACITY_TO = CAPACITY.integer("to", 1, 100_000)
            .byDefault("256", "above any 2008-era host's VMs; the search brackets and bisects, so a wide range costs "
                    + "only a few evaluations")
            .rangeText("from – 100000").example("256").doc("largest count searched");
    public static final Key CAPACITY_HEADROOM = CAPACITY.quantity("cpu_headroom", Quantity.FRACTION, 0, 0.99)
            .computedDefault("none", "only the SLAs and memory bound the count unless a headroom is asked for")
            .rangeText("0 % – 99 %").example("20 %")
            .doc("host CPU to keep free: the busy share (1 − cpu_util_idle) must stay at or below 1 − headroom");
    public static final Key CAPACITY_MAX_REPLICATIONS = CAPACITY.integer("max_replications", 1, 100_000)
            .computedDefault("4 × replications", "settles most counts whose interval straddles a limit while "
                    + "bounding what one count costs")
            .example("40").doc("replications a count may take when an interval straddles its limit; beyond that the "
                    + "count is refused and the answer marked not certain");

    public static final Section FLEET = new Section("fleet", "`fleet`",
            "For `hvsim capacity`: the fleet to size. Hosts needed = ⌈vms / max_vms_per_host⌉ + k for failover n+k.");
    public static final Section COSTS = new Section("costs", "`costs`",
            "For `hvsim capacity`: prices, in the user's currency (the shipped examples' prices are examples, not "
                    + "quotes). Cost per VM per year = (hosts × (host_price + host licences) + guest licences) / VMs / "
                    + "years, VMs spread evenly over the hosts.");
    public static final Section COST_LICENCE = new Section("licence", "`costs.licences[]`",
            "Per-host licences of one architecture: its parent or host OS, its hypervisor per socket (or per "
                    + "group of sockets).");
    public static final Section COST_EDITION = new Section("edition", "`costs.editions[]`",
            "A guest OS licence edition: its price and how many guest instances one licence covers on a host "
                    + "(Windows Server 2008: Standard 1, Enterprise 4, Datacenter unlimited, licensed per processor; R13).");

    public static final Key FLEET_KEY = ROOT.mapping("fleet", FLEET)
            .computedDefault("none", "only fleet sizing needs it").doc("fleet sizing for `hvsim capacity`");
    public static final Key COSTS_KEY = ROOT.mapping("costs", COSTS)
            .computedDefault("none", "only costing needs it").doc("prices for `hvsim capacity`'s cost per VM");
    public static final Key FLEET_VMS = FLEET.integer("vms", 1, 10_000_000).required().example("100")
            .doc("instances of the capacity template the fleet must run");
    public static final Key FLEET_FAILOVER = FLEET.text("failover").byDefault("n+0", "no spare host unless asked")
            .rangeText("n+K, K ≥ 0").example("n+1").doc("spare hosts: n+K adds K hosts");
    public static final Key COST_CURRENCY = COSTS.text("currency").byDefault("USD", "a label only")
            .example("EUR").doc("currency of every price");
    public static final Key COST_YEARS = COSTS.decimal("years", 0.1, 100)
            .byDefault("3", "a common server depreciation period").example("4")
            .doc("years the host and its licences are used; costs are per year");
    public static final Key COST_HOST_PRICE = COSTS.decimal("host_price", 0, 1e9).required().example("8000")
            .doc("hardware price of one host");
    public static final Key COST_SOCKETS = COSTS.integer("sockets", 1, 1024)
            .byDefault("2", "the two-socket server of the 2008 consolidation studies").example("4")
            .doc("processor sockets per host, for per-socket licences");
    public static final Key COST_LICENCES = COSTS.list("licences", COST_LICENCE)
            .byDefault("[]", "no per-host licence unless listed").doc("per-host licences by architecture");
    public static final Key COST_EDITIONS = COSTS.list("editions", COST_EDITION)
            .byDefault("[]", "no guest licences unless listed").doc("guest licence editions to compare");
    public static final Key LICENCE_ARCHITECTURE = COST_LICENCE.text("architecture").required()
            .rangeText("an architecture of the scenario").example("hyperv-2008-full").doc("whose licence");
    public static final Key LICENCE_PER_HOST = COST_LICENCE.decimal("per_host", 0, 1e9)
            .byDefault("0", "none unless stated").example("999").doc("price per host (parent or host OS)");
    public static final Key LICENCE_PER_SOCKET = COST_LICENCE.decimal("per_socket", 0, 1e9)
            .byDefault("0", "none unless stated").example("2875").doc("price per licence of `sockets_per_licence` sockets");
    public static final Key LICENCE_SOCKETS = COST_LICENCE.integer("sockets_per_licence", 1, 64)
            .byDefault("1", "one licence per processor").example("2").doc("sockets one per-socket licence covers");
    public static final Key EDITION_NAME = COST_EDITION.text("name").required().example("enterprise")
            .doc("edition name, reported with the cheapest combination");
    public static final Key EDITION_PRICE = COST_EDITION.decimal("price", 0, 1e9).required().example("3999")
            .doc("price of one licence");
    public static final Key EDITION_GUESTS = COST_EDITION.integer("guests", 1, 1_000_000)
            .computedDefault("unlimited", "Datacenter-style editions cover every guest of the host").example("4")
            .doc("guest instances one licence covers on a host");
    public static final Key EDITION_PER_SOCKET = COST_EDITION.bool("per_socket")
            .byDefault("false", "licensed per host unless stated").example("true")
            .doc("licensed per processor: a host needs one per socket");

    // ------------------------------------------------------------------------------ faults and availability

    public static final Section FAULT = new Section("fault", "`faults[]`",
            "A component that fails: at random (`time_to_failure`, then `time_to_repair`, again and again) or once "
                    + "(`at`, `repair`). Each fault draws from its own random streams, so every architecture sees the "
                    + "same failures; what a failure takes down is the architecture's (docs/method.md, blast radius).")
            .exactlyOne("time_to_failure", "at");
    public static final Section FAULT_SETTINGS = new Section("fault_settings", "`fault_settings`",
            "How the faults play out: the VMs' boot time, what becomes of requests in flight, planned patch "
                    + "reboots, and the horizon of the availability run (the failure process alone, over years).");

    public static final Section CLUSTER = new Section("cluster", "`cluster`",
            "Identical hosts (each the `host` section) with failover: the VMs are placed by memory; when a host goes "
                    + "down its VMs restart on the survivors after `detection` and a boot, if memory and CPU reservations "
                    + "admit them, at most `concurrent_restarts` at a time per host; the others wait for their host. "
                    + "Each host is simulated with its own schedulers and devices, a VM's requests following it to the "
                    + "host that runs it (docs/method.md); per-host figures under `host0`, `host1`, ….");
    public static final Key CLUSTER_KEY = ROOT.mapping("cluster", CLUSTER)
            .computedDefault("none", "one host unless the scenario asks for a cluster").doc("several hosts with failover");
    public static final Key CLUSTER_HOSTS = CLUSTER.integer("hosts", 2, 1024).required().example("3")
            .doc("identical hosts");
    public static final Key CLUSTER_PLACEMENT = CLUSTER.choice("placement", List.of("first-fit", "balanced"))
            .byDefault("first-fit", "fills hosts in order, as an administrator placing VMs by hand").example("balanced")
            .doc("where each VM starts, and where it restarts: the first host with room, or the one with most free memory");
    public static final Key CLUSTER_DETECTION = CLUSTER.quantity("detection", Quantity.DURATION, 0, 3600)
            .byDefault("15 s", "R12: VMware HA's failure detection time (das.failuredetectiontime 15,000 ms); Windows "
                    + "failover clustering declares a node down after 5 missed 1-s heartbeats, about 5 s")
            .example("5 s").doc("time until a failed host is declared dead and its VMs' restarts begin");
    public static final Key CLUSTER_RESTARTS = CLUSTER.integer("concurrent_restarts", 1, 10_000)
            .byDefault("32", "R12: vSphere HA powers on at most 32 VMs at once per host").example("4")
            .doc("VMs booting at once on one host; the rest boot in later rounds");
    public static final Key FAULTS = ROOT.list("faults", FAULT)
            .byDefault("[]", "nothing fails unless the scenario says so; without faults a run is exactly as before")
            .doc("components that fail and are repaired");
    public static final Key FAULT_SETTINGS_KEY = ROOT.mapping("fault_settings", FAULT_SETTINGS)
            .computedDefault("the defaults below", "each has its own").doc("boot time, requests in flight, patch "
                    + "reboots, availability horizon");
    public static final Key FAULT_COMPONENT = FAULT.choice("component", List.of("hypervisor", "parent", "guest", "host"))
            .required().example("parent").doc("what fails: the hypervisor, the control domain (dom0, parent "
                    + "partition, host OS, service console), a VM's guest OS (`vm`), or the host's hardware");
    public static final Key FAULT_NAME = FAULT.text("name")
            .computedDefault("component[-vm]-index", "unique, and stable while the list is")
            .rangeText("no `/`").example("dom0-crash").doc("names the fault's random streams and its marks in charts");
    public static final Key FAULT_VM = FAULT.text("vm").rangeText("a VM template or one instance (`web#2`); only with `component: guest`")
            .computedDefault("none", "only a guest fault names a VM").example("web")
            .doc("the VM template whose instances fail, each on its own, or the one instance that fails");
    public static final Key FAULT_HOST = FAULT.integer("host", 0, 1023)
            .computedDefault("0", "the first host; on one host the only one")
            .rangeText("0 – cluster.hosts − 1; not with `component: guest`").example("1")
            .doc("in a cluster, the host whose hardware, hypervisor or control domain fails");
    public static final Key FAULT_TTF = FAULT.distribution("time_to_failure").requires("time_to_repair")
            .example("{ exponential: { mean: 30 d } }").doc("time from a repair (or the start) to the next failure");
    public static final Key FAULT_TTR = FAULT.distribution("time_to_repair").requires("time_to_failure")
            .example("20 min").doc("time from a failure to the component's return (the VMs' boot comes after)");
    public static final Key FAULT_AT = FAULT.quantity("at", Quantity.DURATION, 0, LONG_TIME).requires("repair")
            .rangeText("≥ 0, from the start of the run (warm-up included)").example("10 min")
            .doc("a single failure at this instant");
    public static final Key FAULT_REPAIR = FAULT.quantity("repair", Quantity.DURATION, 0, LONG_TIME).requires("at")
            .rangeText("≥ 0").example("2 min").doc("how long the scripted failure lasts");

    public static final Key FAULT_BOOT = FAULT_SETTINGS.quantity("boot", Quantity.DURATION, 0, 1e6)
            .byDefault("1 min", "unpublished default: no row of the published measurements gives a boot time; a "
                    + "minute is the order of a 2008-era server OS booting to service")
            .example("90 s").doc("a VM's boot, after what it runs on is back");
    public static final Key FAULT_IN_FLIGHT = FAULT_SETTINGS.choice("in_flight", List.of("lost", "retried", "delayed"))
            .byDefault("lost", "a crash loses the work in progress; clients that retry are asked for explicitly")
            .example("retried").doc("requests in a VM that goes down: lost, sent again from the start when it is "
                    + "back, or held and resumed where they were");
    public static final Key FAULT_HORIZON = FAULT_SETTINGS.quantity("horizon", Quantity.DURATION, 0, LONG_TIME)
            .byDefault("0 s", "no availability run unless asked: it needs failure rates, not only scripted faults")
            .rangeText("0 (none) – 31 years").example("10 y")
            .doc("run the failure and repair process alone over this long, per replication, for `availability` and "
                    + "`downtime` (the request-level run then reports requests only)");
    public static final Key FAULT_PATCH_REBOOTS = FAULT_SETTINGS.bool("patch_reboots")
            .byDefault("false", "planned maintenance is a choice of the study").example("true")
            .doc("planned reboots of the control domain at its profile's yearly rate (Server Core 67 % fewer than "
                    + "Full, R3), evenly spaced from a random phase; each reboots the host");
    public static final Key FAULT_PATCH_DURATION = FAULT_SETTINGS.quantity("patch_duration", Quantity.DURATION, 0, 1e6)
            .byDefault("10 min", "unpublished default: installing patches and restarting a 2008-era server")
            .example("20 min").doc("how long a patch reboot keeps the host out, before the VMs boot");
    public static final Key CONTROL_ON_CRASH = CONTROL.choice("on_crash", List.of("host_reboot", "io_stall", "management_only"))
            .computedDefault("the family's", "hosted and microkernel: host_reboot (the VMs are host-OS processes; "
                    + "Hyper-V's root partition and Xen's dom0 are required by the hypervisor); monolithic: "
                    + "management_only (ESX's service console runs management only)")
            .example("io_stall").doc("what a crash of this control domain takes down (docs/method.md)");

    /** The distribution families by name, in documentation order. */
    public static Map<String, Section> families() {
        return Collections.unmodifiableMap(FAMILIES);
    }

    /** Every section, in documentation order, distributions last. */
    public static List<Section> sections() {
        List<Section> all = new ArrayList<>(List.of(ROOT, SLA, SCHEDULER, HOST, OVERCOMMIT, DISK, NIC, ARCHITECTURE, VM, WORKLOAD, OPEN, POISSON,
                PROFILE, PROFILE_POINT, MMPP, CLOSED, CLASS, PHASE, DISK_PHASE, NET_PHASE, PRIVILEGED_PHASE, CONTROL, MANAGEMENT, IO_PATH));
        all.addAll(List.of(CAPACITY, FLEET, COSTS, COST_LICENCE, COST_EDITION));
        all.addAll(List.of(FAULT, FAULT_SETTINGS, CLUSTER));
        all.addAll(FAMILIES.values());
        return all;
    }
}
