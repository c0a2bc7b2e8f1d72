package org.hvsim.scenario;

import static org.hvsim.scenario.schema.ScenarioSchema.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hvsim.core.random.Distribution;
import org.hvsim.model.arch.ArchitectureProfile;
import org.hvsim.model.arch.Architectures;
import org.hvsim.model.guest.GuestDiscipline;
import org.hvsim.model.system.VmSpec;
import org.hvsim.model.hardware.DiskSpec;
import org.hvsim.model.hardware.HostSpec;
import org.hvsim.model.hardware.NicSpec;
import org.hvsim.model.hypervisor.Control;
import org.hvsim.model.hypervisor.CpuControls;
import org.hvsim.model.hypervisor.EsxScheduler;
import org.hvsim.model.hypervisor.HostOsScheduler;
import org.hvsim.model.hypervisor.HyperVScheduler;
import org.hvsim.model.hypervisor.HypervisorSchedulers;
import org.hvsim.model.hypervisor.SchedulerSettings;
import org.hvsim.model.hypervisor.SupportedControls;
import org.hvsim.model.hypervisor.XenCreditScheduler;
import org.hvsim.model.system.MemoryPolicy;
import org.hvsim.model.workload.Arrivals;
import org.hvsim.model.workload.Phase;
import org.hvsim.model.workload.RequestClass;
import org.hvsim.model.workload.Workload;
import org.hvsim.scenario.load.ListNode;
import org.hvsim.scenario.load.MapNode;
import org.hvsim.scenario.load.NearestKey;
import org.hvsim.scenario.load.Node;
import org.hvsim.scenario.load.Problem;
import org.hvsim.scenario.load.Problems;
import org.hvsim.scenario.load.ScalarNode;
import org.hvsim.scenario.load.ScenarioException;
import org.hvsim.scenario.load.SourceLocation;
import org.hvsim.scenario.load.Sweeps;
import org.hvsim.scenario.load.YamlTree;
import org.hvsim.scenario.schema.Key;
import org.hvsim.scenario.schema.ReadTrace;
import org.hvsim.scenario.schema.ScenarioSchema;
import org.hvsim.scenario.schema.Section;
import org.hvsim.scenario.schema.SectionReader;

/**
 * Reads a scenario file into {@link Scenario}s: every key is read through its definition in
 * {@link ScenarioSchema} (documented in docs/scenario-format.md), every default is made explicit in
 * {@link Scenario#resolved()} with its source in {@link Scenario#sources()}, and every mistake is
 * reported at once with its file, line and column.
 *
 * <p>A file with sweeps (numeric keys given as lists or ranges) is read once to find its axes, then
 * once per point of the grid, so that cross-checks (memory, warm-up) are made for every point.
 */
public final class ScenarioLoader {

    /** Most points a sweep may have: a bound on run time that any real study stays far below. */
    public static final int MAX_POINTS = 10_000;

    private static final List<String> PHASE_KINDS = List.of("cpu", "disk", "net", "privileged");

    private final String source;
    private final Problems problems;
    private final Sweeps sweeps;
    private final ReadTrace trace = new ReadTrace();
    private final Map<String, List<Double>> csvCache;
    private boolean hostMemoryRead;
    private final List<MemoryAdmission.Demand> memoryDemands = new ArrayList<>();
    /** The resolved tree of the last reading, kept even when it had problems (to name sweep parameters). */
    private Map<String, Object> lastResolved = Map.of();

    private ScenarioLoader(String source, Problems problems, Sweeps sweeps, Map<String, List<Double>> csvCache) {
        this.source = source;
        this.problems = problems;
        this.sweeps = sweeps;
        this.csvCache = csvCache;
    }

    /** A scenario without sweeps; a file with sweeps is refused (use {@link #loadAll}). */
    public static Scenario load(Path file) throws ScenarioException {
        return single(loadAll(file));
    }

    /** As {@link #load(Path)}, from text; {@code fileName} names it in messages and anchors relative paths. */
    public static Scenario load(String fileName, String text) throws ScenarioException {
        return single(loadAll(fileName, text));
    }

    /** Every point of the file's sweep (one point without a sweep). */
    public static Sweep loadAll(Path file) throws ScenarioException {
        Problems problems = new Problems();
        return loadTree(file.toString(), YamlTree.parse(file, problems), problems);
    }

    public static Sweep loadAll(String fileName, String text) throws ScenarioException {
        Problems problems = new Problems();
        return loadTree(fileName, YamlTree.parse(fileName, text, problems), problems);
    }

    /** The keys of {@link ScenarioSchema} a reading of {@code text} used, for the docs test. */
    static ReadTrace trace(String fileName, String text) throws ScenarioException {
        Problems problems = new Problems();
        Node root = Includes.resolve(YamlTree.parse(fileName, text, problems).orElseThrow(), problems);
        ScenarioLoader l = new ScenarioLoader(fileName, problems, Sweeps.discovering(), new HashMap<>());
        l.read(root);
        problems.throwIfAny();
        return l.trace;
    }

    private static Scenario single(Sweep sweep) throws ScenarioException {
        if (sweep.isSweep()) {
            Sweep.Axis a = sweep.axes().get(0);
            throw new ScenarioException(new Problem(a.location(), a.path() + ": a list or range of values (a sweep) "
                    + "is not accepted here; run the file with 'hvsim run', or give a single value"));
        }
        return sweep.first();
    }

    private static Sweep loadTree(String source, Optional<Node> parsed, Problems problems) throws ScenarioException {
        if (parsed.isEmpty()) {
            problems.throwIfAny();
            throw new ScenarioException(new Problem(SourceLocation.startOf(source), "the file could not be read"));
        }
        Node root = Includes.resolve(parsed.get(), problems);
        Map<String, List<Double>> csvCache = new HashMap<>();
        Problems firstProblems = new Problems();
        ScenarioLoader first = new ScenarioLoader(source, firstProblems, Sweeps.discovering(), csvCache);
        Scenario s0 = first.readSafely(root);
        List<org.hvsim.scenario.load.Sweeps.Axis> found = first.sweeps.axes();
        if (found.isEmpty()) {
            firstProblems.list().forEach(problems::add);
            problems.throwIfAny();
            return new Sweep(List.of(), List.of(s0));
        }
        long size = 1;
        for (var a : found) {
            size = Math.min(size * a.labels().size(), Long.MAX_VALUE / 2);
        }
        if (size > MAX_POINTS) {
            problems.add(found.get(0).location(), "the sweep has " + size + " points (" + String.join(" × ",
                    found.stream().map(a -> Integer.toString(a.labels().size())).toList()) + "); at most "
                    + MAX_POINTS + " are allowed: use fewer values or split the study");
            firstProblems.list().forEach(problems::add);
            problems.throwIfAny();
        }
        Map<String, String> names = parameterNames(found, first.lastResolved);
        List<Sweep.Axis> axes = found.stream()
                .map(a -> new Sweep.Axis(names.get(a.path()), a.path(), a.location(), a.labels())).toList();

        // Every point, problems gathered by (place, message) with the points they occur at.
        Map<Problem, List<String>> seen = new LinkedHashMap<>();
        List<Scenario> points = new ArrayList<>();
        int total = (int) size;
        int[] index = new int[axes.size()];
        for (int p = 0; p < total; p++) {
            Map<String, Integer> assignment = new LinkedHashMap<>();
            Map<String, String> values = new LinkedHashMap<>();
            for (int a = 0; a < axes.size(); a++) {
                assignment.put(axes.get(a).path(), index[a]);
                values.put(axes.get(a).name(), axes.get(a).values().get(index[a]));
            }
            Problems pointProblems = p == 0 ? firstProblems : new Problems();
            Scenario s = p == 0 ? s0
                    : new ScenarioLoader(source, pointProblems, Sweeps.at(assignment), csvCache).readSafely(root);
            String label = describe(values);
            for (Problem pr : pointProblems.list()) {
                seen.computeIfAbsent(pr, k -> new ArrayList<>()).add(label);
            }
            if (s != null) {
                points.add(s.withParameters(values));
            }
            for (int a = axes.size() - 1; a >= 0; a--) {
                if (++index[a] < axes.get(a).values().size()) {
                    break;
                }
                index[a] = 0;
            }
        }
        for (Map.Entry<Problem, List<String>> e : seen.entrySet()) {
            List<String> at = e.getValue();
            String where = at.size() == total ? ""
                    : " (at sweep point " + at.get(0) + (at.size() > 1 ? ", and " + (at.size() - 1) + " more" : "") + ")";
            problems.add(e.getKey().at(), e.getKey().message() + where);
        }
        problems.throwIfAny();
        return new Sweep(axes, points);
    }

    private static String describe(Map<String, String> values) {
        List<String> parts = new ArrayList<>();
        values.forEach((k, v) -> parts.add(k + " = " + v));
        return String.join(", ", parts);
    }

    private static final Pattern VM_ITEM = Pattern.compile("^vms\\[(\\d+)]");
    private static final Pattern CLASS_ITEM = Pattern.compile("^\\.workload\\.classes\\[(\\d+)]");
    private static final Pattern NAMED_ITEM = Pattern.compile("^(architectures|host\\.disks|host\\.nics)\\[(\\d+)]");

    /**
     * Parameter names: paths rooted at the scope figures use. {@code vms[0].count} is {@code web.count};
     * {@code vms[0].workload.classes[1].weight} is {@code web/search.weight}; other list items are
     * named by their name ({@code host.disks[d0].channels}, {@code architectures[hosted-io].cpu_factor}).
     */
    @SuppressWarnings("unchecked")
    static Map<String, String> parameterNames(List<Sweeps.Axis> axes, Map<String, Object> resolved) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Sweeps.Axis a : axes) {
            String path = a.path();
            String name = path;
            Matcher vm = VM_ITEM.matcher(path);
            Matcher other = NAMED_ITEM.matcher(path);
            if (vm.find()) {
                Object item = at(resolved.get("vms"), Integer.parseInt(vm.group(1)));
                String rest = path.substring(vm.end());
                if (item instanceof Map<?, ?> m && m.get("name") instanceof String vmName && !vmName.isEmpty()) {
                    name = vmName + rest;
                    Matcher cls = CLASS_ITEM.matcher(rest);
                    Object wl = m.get("workload");
                    if (cls.find() && wl instanceof Map<?, ?> w) {
                        Object c = at(w.get("classes"), Integer.parseInt(cls.group(1)));
                        if (c instanceof Map<?, ?> cm && cm.get("name") instanceof String cn && !cn.isEmpty()) {
                            name = vmName + "/" + cn + rest.substring(cls.end());
                        }
                    }
                }
            } else if (other.find()) {
                Object list = other.group(1).startsWith("host.")
                        ? ((Map<String, Object>) resolved.getOrDefault("host", Map.of()))
                                .get(other.group(1).substring("host.".length()))
                        : resolved.get("architectures");
                Object item = at(list, Integer.parseInt(other.group(2)));
                if (item instanceof Map<?, ?> m && m.get("name") instanceof String n && !n.isEmpty()) {
                    name = other.group(1) + "[" + n + "]" + path.substring(other.end());
                }
            }
            // Names must be unique as columns; fall back to the plain path if two collide.
            out.put(path, out.containsValue(name) ? path : name);
        }
        return out;
    }

    private static Object at(Object list, int i) {
        return list instanceof List<?> l && i < l.size() ? l.get(i) : null;
    }

    private Scenario readSafely(Node root) {
        try {
            Scenario s = read(root);
            return problems.hasAny() ? null : s;
        } catch (RuntimeException e) {
            // A model constructor refused a combination the reader let through: still a bad input.
            problems.add(SourceLocation.startOf(source), "invalid scenario: " + e.getMessage());
            return null;
        }
    }

    private SectionReader reader(Section section, Node node, String path) {
        return SectionReader.of(section, node, problems, path, sweeps, trace);
    }

    private Scenario read(Node root) {
        SectionReader top = reader(ROOT, root, "");
        Map<String, Object> resolved = new LinkedHashMap<>();
        top.has(INCLUDE); // merged before reading (Includes); asked for so that it is not "unknown"
        String name = top.text(NAME);
        String description = top.text(DESCRIPTION);
        long seed = top.longInteger(SEED);
        int replications = top.integer(REPLICATIONS);
        double duration = top.quantity(DURATION);
        double warmup = top.quantity(WARMUP, duration * 0.1);
        if (top.has(WARMUP) && warmup >= duration) {
            top.report(WARMUP, "warmup (" + Formats.duration(warmup) + ") must be shorter than duration ("
                    + Formats.duration(duration) + ")");
        }
        resolved.put("name", name);
        resolved.put("description", description);
        resolved.put("seed", seed);
        resolved.put("replications", replications);
        resolved.put("warmup", Formats.duration(warmup));
        resolved.put("duration", Formats.duration(duration));

        List<ArchitectureProfile> archs = architectures(top, resolved);
        SchedulerSettings tuning = scheduler(top, resolved);
        Map<String, Object> hostTree = new LinkedHashMap<>();
        HostSpec host = host(top.object(HOST_KEY), hostTree);
        resolved.put("host", hostTree);
        List<Map<String, Object>> vmTrees = new ArrayList<>();
        Map<String, SchedulerSettings> settings = new LinkedHashMap<>();
        for (ArchitectureProfile a : archs) {
            // The scenario's `scheduler` names one for all; a variant's own `scheduler` and `boost` win.
            String n = archSchedulers.containsKey(a.name()) ? a.scheduler()
                    : tuning.name().isEmpty() ? a.scheduler() : tuning.name();
            SchedulerSettings st = tuning.withName(n).withSwitchCost(switchCostGiven ? tuning.switchCost()
                    : a.switchCost());
            if (archBoost.containsKey(a.name())) {
                st = st.withBoost(archBoost.get(a.name()));
            }
            settings.put(a.name(), st);
        }
        archs = controlCpu(archs, host, settings, resolved);
        List<VmSpec> vms = vms(top, host, vmTrees, settings);
        resolved.put("vms", vmTrees);
        sla(top, vms, resolved);
        top.finish();
        lastResolved = resolved;
        // Checked even when other values are wrong (all problems at once), but only on sound numbers:
        // a host memory, or a VM's count or memory, that could not be read would give a false verdict.
        if (hostMemoryRead && memoryDemands.size() == vmTrees.size() && !memory.overcommit()) {
            MemoryAdmission.refusal(host.memory(), memoryDemands).ifPresent(why -> top.report(VMS, why));
        }
        if (!problems.hasAny() && !memory.overcommit()) {
            // Each architecture's own footprint (hypervisor, control domain, per-VM overhead) must fit too.
            for (ArchitectureProfile a : archs) {
                org.hvsim.model.system.MemoryAdmission.refusal(
                        new org.hvsim.model.system.SystemSpec(host, vms, a, settings.get(a.name()), memory))
                        .ifPresent(why -> top.report(VMS, why));
            }
        }
        if (problems.hasAny()) {
            return null;
        }
        return new Scenario(source, name, description, seed, replications, warmup, duration, archs, host, vms,
                resolved, trace.sources(), Map.of(), settings, memory);
    }

    // ------------------------------------------------------------------------------- architectures

    private List<ArchitectureProfile> architectures(SectionReader top, Map<String, Object> resolved) {
        List<ArchitectureProfile> out = new ArrayList<>();
        List<Object> tree = new ArrayList<>();
        if (!top.has(ARCHITECTURES)) {
            int i = 0;
            for (String n : List.of("native", "hosted", "monolithic", "microkernel")) {
                ArchitectureProfile p = Architectures.byName(n).orElseThrow();
                out.add(p);
                tree.add(profileTree(p));
                traceProfile("architectures[" + i++ + "]", p, n, Set.of(), top);
            }
            top.source(ARCHITECTURES, "default: " + ARCHITECTURES.defaultSource().orElse(""));
            resolved.put("architectures", tree);
            return out;
        }
        List<Node> items = top.list(ARCHITECTURES);
        if (items.isEmpty()) {
            top.report(ARCHITECTURES, "architectures: give at least one, e.g. [native, microkernel]");
        }
        Map<String, ArchitectureProfile> defined = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            String path = "architectures[" + i + "]";
            ArchitectureProfile p;
            if (item instanceof ScalarNode s && !s.isNull()) {
                p = builtIn(s.text().strip(), item.location());
                if (p != null) {
                    traceProfile(path, p, p.name(), Set.of(), top);
                }
            } else {
                SectionReader r = top.item(ARCHITECTURES, item, i);
                String base = r.text(BASE);
                ArchitectureProfile parent = defined.containsKey(base) ? defined.get(base)
                        : builtIn(base, r.locationOf(BASE));
                p = parent;
                Set<String> overridden = new HashSet<>();
                if (p != null) {
                    p = p.withName(r.text(VARIANT_NAME, base));
                    if (r.has(CPU_FACTOR)) {
                        p = p.withCpuFactor(r.decimal(CPU_FACTOR, p.cpuFactor()));
                        overridden.add(CPU_FACTOR.name());
                    }
                    if (r.has(DISK_OP_CPU)) {
                        p = p.withDiskOpCpu(r.quantity(DISK_OP_CPU, p.diskOpCpu()));
                        overridden.add(DISK_OP_CPU.name());
                    }
                    if (r.has(NET_PACKET_CPU)) {
                        p = p.withNetPacketCpu(r.quantity(NET_PACKET_CPU, p.netPacketCpu()));
                        overridden.add(NET_PACKET_CPU.name());
                    }
                    if (r.has(ARCH_SCHEDULER)) {
                        p = p.withScheduler(r.choice(ARCH_SCHEDULER));
                        overridden.add(ARCH_SCHEDULER.name());
                        archSchedulers.put(p.name(), p.scheduler());
                    }
                    if (r.has(ARCH_BOOST)) {
                        archBoost.put(p.name(), r.bool(ARCH_BOOST));
                    }
                    // A variant of a variant keeps what the file gave its base's control domain.
                    Map<Control, Given> asked = new EnumMap<>(Control.class);
                    if (defined.containsKey(base) && controlAsks.containsKey(base)) {
                        asked.putAll(controlAsks.get(base));
                    }
                    if (r.has(CONTROL_KEY)) {
                        p = p.withControl(control(r.object(CONTROL_KEY), p.control(), asked));
                    }
                    controlAsks.put(p.name(), asked);
                    var diskPath = r.has(DISK_PATH) ? ioPath(r.object(DISK_PATH)) : null;
                    var netPath = r.has(NET_PATH) ? ioPath(r.object(NET_PATH)) : null;
                    boolean needsControl = diskPath != null && diskPath.control() > 0
                            || netPath != null && netPath.control() > 0;
                    if (needsControl && !p.hasControlDomain()) {
                        r.report(diskPath != null && diskPath.control() > 0 ? DISK_PATH : NET_PATH, r.path()
                                + ": I/O work in a control domain needs one; give the variant a `control` section");
                    } else {
                        if (diskPath != null) {
                            p = p.withDisk(diskPath);
                            overridden.add(DISK_OP_CPU.name());
                        }
                        if (netPath != null) {
                            p = p.withNet(netPath);
                            overridden.add(NET_PACKET_CPU.name());
                        }
                    }
                    traceProfile(path, p, base, overridden, top);
                }
                r.finish();
            }
            if (p != null) {
                if (defined.containsKey(p.name())) {
                    problems.add(item.location(), path + ": architecture name '" + p.name()
                            + "' is used twice; give the variant its own 'name'");
                }
                defined.put(p.name(), p);
                out.add(p);
                tree.add(profileTree(p));
            }
        }
        resolved.put("architectures", tree);
        return out;
    }

    private void traceProfile(String path, ArchitectureProfile p, String base, Set<String> overridden,
            SectionReader top) {
        for (String param : List.of("cpu_factor", "disk_op_cpu", "net_packet_cpu", "scheduler")) {
            if (!overridden.contains(param)) {
                trace.source(path + "." + param, "profile " + base + ": " + p.source(param));
            }
        }
        if (!path.isEmpty() && !trace.sources().containsKey(path + ".name")) {
            // A plain profile name; a variant's name was traced when it was read (file or default).
            trace.source(path + ".name", "profile " + base);
        }
    }

    private ArchitectureProfile builtIn(String name, SourceLocation at) {
        Optional<ArchitectureProfile> p = Architectures.byName(name);
        if (p.isPresent()) {
            return p.get();
        }
        if (!name.isEmpty()) {
            String hint = NearestKey.among(name, Architectures.names()).map(n -> " — did you mean '" + n + "'?")
                    .orElse(" (known: " + String.join(", ", Architectures.names()) + ")");
            problems.add(at, "unknown architecture '" + name + "'" + hint);
        }
        return null;
    }

    private static Map<String, Object> profileTree(ArchitectureProfile p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("kind", p.kind().name().toLowerCase(Locale.ROOT));
        m.put("cpu_factor", p.cpuFactor());
        m.put("disk_op_cpu", Formats.duration(p.diskOpCpu()));
        m.put("net_packet_cpu", Formats.duration(p.netPacketCpu()));
        m.put("scheduler", p.scheduler());
        Map<String, Object> src = new LinkedHashMap<>();
        for (String k : List.of("cpu_factor", "disk_op_cpu", "net_packet_cpu")) {
            src.put(k, p.source(k));
        }
        m.put("sources", src);
        return m;
    }

    // ------------------------------------------------------------------------------------- host

    private HostSpec host(SectionReader h, Map<String, Object> tree) {
        int cpus = h.integer(CPUS);
        double speed = h.decimal(SPEED);
        double memory = h.quantity(HOST_MEMORY);
        hostMemoryRead = !problemAt(h.locationOf(HOST_MEMORY));
        double frequency = h.quantity(FREQUENCY);
        hostFrequency = frequency;
        tree.put("cpus", cpus);
        tree.put("speed", speed);
        tree.put("frequency", Formats.num(frequency / 1e6) + " MHz");
        tree.put("memory", Formats.size(memory));
        memory(h, tree);
        List<DiskSpec> disks = new ArrayList<>();
        List<Object> diskTrees = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (SectionReader d : h.objects(DISKS)) {
            Map<String, Object> dt = new LinkedHashMap<>();
            String name = d.text(DISK_NAME);
            uniqueName(d, DISK_NAME, name, names, "device");
            int channels = d.integer(CHANNELS);
            dt.put("name", name);
            dt.put("channels", channels);
            Optional<Key> model = d.exactlyOne(SERVICE, LATENCY);
            DiskSpec spec = null;
            if (model.isPresent() && model.get() == SERVICE) {
                Distribution service = distribution(d, SERVICE, dt);
                if (service != null) {
                    spec = new DiskSpec(name, service, 0, 0, channels);
                }
                if (d.has(DISK_BANDWIDTH)) {
                    d.report(DISK_BANDWIDTH, d.pathOf(DISK_BANDWIDTH) + " only applies with 'latency'; a disk with "
                            + "'service' draws its whole service time from that distribution");
                }
            } else if (model.isPresent()) {
                double latency = d.quantity(LATENCY);
                d.require(DISK_BANDWIDTH);
                double bandwidth = d.quantity(DISK_BANDWIDTH, 1);
                dt.put("latency", Formats.duration(latency));
                dt.put("bandwidth", Formats.bandwidth(bandwidth));
                spec = new DiskSpec(name, null, latency, bandwidth, channels);
            }
            d.finish();
            if (spec != null && !name.isEmpty()) {
                disks.add(spec);
            }
            diskTrees.add(dt);
        }
        tree.put("disks", diskTrees);
        List<NicSpec> nics = new ArrayList<>();
        List<Object> nicTrees = new ArrayList<>();
        for (SectionReader n : h.objects(NICS)) {
            String name = n.text(NIC_NAME);
            uniqueName(n, NIC_NAME, name, names, "device");
            double bandwidth = n.quantity(NIC_BANDWIDTH);
            int mtu = n.integer(MTU);
            double packetCpu = n.quantity(PACKET_CPU);
            n.finish();
            Map<String, Object> nt = new LinkedHashMap<>();
            nt.put("name", name);
            nt.put("bandwidth", Formats.bandwidth(bandwidth));
            nt.put("mtu", mtu);
            nt.put("packet_cpu", Formats.duration(packetCpu));
            nicTrees.add(nt);
            if (!name.isEmpty()) {
                nics.add(new NicSpec(name, bandwidth, mtu, packetCpu));
            }
        }
        tree.put("nics", nicTrees);
        h.finish();
        if (memoryPolicyReader != null && this.memory.overcommit()
                && disks.stream().noneMatch(d -> d.name().equals(this.memory.swapDevice()))) {
            memoryPolicyReader.report(SWAP_DEVICE, memoryPolicyReader.pathOf(SWAP_DEVICE) + ": no disk named '"
                    + this.memory.swapDevice() + "' on the host"
                    + known(this.memory.swapDevice(), disks.stream().map(DiskSpec::name).toList()));
            this.memory = MemoryPolicy.STRICT;
        }
        return new HostSpec(Math.max(1, cpus), speed, memory, disks, nics);
    }

    private MemoryPolicy memory = MemoryPolicy.STRICT;
    private boolean switchCostGiven;
    private final Map<String, String> archSchedulers = new HashMap<>();
    private final Map<String, Boolean> archBoost = new HashMap<>();
    private SectionReader memoryPolicyReader;
    private double hostFrequency = 2.4e9;

    private void memory(SectionReader h, Map<String, Object> tree) {
        Optional<SectionReader> o = h.optionalObject(OVERCOMMIT_KEY);
        if (o.isEmpty()) {
            tree.put("memory_overcommit", "none");
            return;
        }
        SectionReader r = o.get();
        String swap = r.text(SWAP_DEVICE);
        double faults = r.decimal(FAULTS_PER_REQUEST);
        double page = r.quantity(PAGE_SIZE);
        r.finish();
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("swap_device", swap);
        t.put("faults_per_request", faults);
        t.put("page_size", Formats.size(page));
        tree.put("memory_overcommit", t);
        if (!swap.isEmpty()) {
            memory = new MemoryPolicy(true, swap, faults, page);
            memoryPolicyReader = r;
        }
    }

    private org.hvsim.model.arch.IoCosts ioPath(SectionReader r) {
        var c = new org.hvsim.model.arch.IoCosts(r.quantity(PATH_GUEST), r.quantity(PATH_HYPERVISOR),
                r.quantity(PATH_CONTROL));
        r.finish();
        return c;
    }

    /** A variant's control domain: its keys over the base's (or a fresh one). */
    private org.hvsim.model.arch.ControlDomain control(SectionReader r,
            org.hvsim.model.arch.ControlDomain base, Map<Control, Given> asked) {
        var c = base != null ? base : new org.hvsim.model.arch.ControlDomain(r.choice(CONTROL_ROLE), 1, 0, 0, 0,
                org.hvsim.model.arch.ControlDomain.BACKGROUND_BURST, org.hvsim.model.arch.ControlDomain.Management.NONE);
        if (base != null && r.has(CONTROL_ROLE) && !r.choice(CONTROL_ROLE).equals(base.role())) {
            // A variant tunes its base's control domain; it cannot turn a parent into a host OS.
            r.report(CONTROL_ROLE, r.pathOf(CONTROL_ROLE) + ": the base profile's control domain is a "
                    + base.role() + "; a variant can tune it, not change its role");
        }
        if (r.has(CONTROL_VCPUS)) {
            c = c.withVcpus(r.integer(CONTROL_VCPUS));
        }
        if (r.has(CONTROL_WEIGHT)) {
            c = c.withWeight(r.integer(CONTROL_WEIGHT));
            asked.put(Control.WEIGHT, new Given(r, CONTROL_WEIGHT, c.weight(), false));
        }
        // Reservation and limit wait for the host (MHz, vCPUs) and the scheduler: see controlCpu.
        given(r, CONTROL_RESERVATION, CONTROL_RESERVATION_MHZ).ifPresent(g -> asked.put(Control.RESERVATION, g));
        given(r, CONTROL_LIMIT, CONTROL_LIMIT_MHZ).ifPresent(g -> asked.put(Control.LIMIT, g));
        if (r.has(CONTROL_MEMORY)) {
            c = c.withMemory(r.quantity(CONTROL_MEMORY));
        }
        Optional<org.hvsim.model.arch.ControlDomain.Management> agents = agent(r, MANAGEMENT_KEY);
        if (agents.isPresent()) {
            c = c.withManagement(agents.get());
        }
        Optional<org.hvsim.model.arch.ControlDomain.Management> tools = agent(r, TOOLS_KEY);
        if (tools.isPresent()) {
            c = c.withTools(tools.get());
        }
        double load = r.has(BACKGROUND_LOAD) ? r.quantity(BACKGROUND_LOAD) : c.backgroundLoad();
        r.finish();
        if (c.vcpus() > 0 && load > c.vcpus()) {
            r.report(BACKGROUND_LOAD, r.pathOf(BACKGROUND_LOAD) + ": " + Formats.num(load * 100)
                    + " % is more than the control domain's " + c.vcpus() + " vCPUs can give");
            load = 0;
        }
        return c.withBackgroundLoad(load);
    }

    /** An agent (management or heavy tools) of a control domain, if the key is given. */
    private Optional<org.hvsim.model.arch.ControlDomain.Management> agent(SectionReader r, Key key) {
        Optional<SectionReader> o = r.optionalObject(key);
        if (o.isEmpty()) {
            return Optional.empty();
        }
        SectionReader a = o.get();
        var m = new org.hvsim.model.arch.ControlDomain.Management(a.quantity(MGMT_PERIOD), a.quantity(MGMT_BASE),
                a.quantity(MGMT_PER_VM));
        a.finish();
        return Optional.of(m);
    }

    /** The service-level objective, checked against the VMs and classes it names. */
    private void sla(SectionReader top, List<VmSpec> vms, Map<String, Object> resolved) {
        Optional<SectionReader> o = top.optionalObject(SLA_KEY);
        if (o.isEmpty()) {
            return;
        }
        SectionReader r = o.get();
        String metric = r.choice(SLA_METRIC);
        String scope = r.text(SLA_SCOPE);
        double max = r.quantity(SLA_MAX);
        r.finish();
        List<String> scopes = new ArrayList<>();
        for (VmSpec vm : vms) {
            scopes.add(vm.name());
            for (var c : vm.workload().classes()) {
                scopes.add(vm.name() + "/" + c.name());
            }
        }
        if (!scope.isEmpty() && !vms.isEmpty() && !scopes.contains(scope)) {
            r.report(SLA_SCOPE, r.pathOf(SLA_SCOPE) + ": no VM or VM/class named '" + scope + "'"
                    + known(scope, scopes));
        }
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("metric", metric);
        t.put("scope", scope);
        t.put("max", Formats.duration(max));
        resolved.put("sla", t);
    }

    /** The scenario-wide scheduler and tunables; an empty name means each architecture's own. */
    private SchedulerSettings scheduler(SectionReader top, Map<String, Object> resolved) {
        Optional<SectionReader> o = top.optionalObject(SCHEDULER_KEY);
        SchedulerSettings d = SchedulerSettings.of("");
        if (o.isEmpty()) {
            return d;
        }
        SectionReader r = o.get();
        String name = r.has(SCHEDULER_NAME) ? r.choice(SCHEDULER_NAME) : "";
        switchCostGiven = r.has(SWITCH_COST);
        SchedulerSettings s = new SchedulerSettings(name, r.quantity(SWITCH_COST, 0), r.quantity(RR_QUANTUM),
                r.bool(BOOST), r.quantity(RATE_LIMIT), r.quantity(SKEW_BOUND),
                r.choice(WEIGHTING).equals("per-vcpu") ? XenCreditScheduler.Weighting.PER_VCPU
                        : XenCreditScheduler.Weighting.PER_DOMAIN);
        r.finish();
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("name", name.isEmpty() ? "(each architecture's own)" : name);
        t.put("switch_cost", switchCostGiven ? Formats.duration(s.switchCost()) : "(each profile's own)");
        t.put("boost", s.boost());
        t.put("rate_limit", Formats.duration(s.rateLimit()));
        t.put("quantum", Formats.duration(s.quantum()));
        t.put("skew_bound", Formats.duration(s.skewBound()));
        t.put("weighting", s.weighting() == XenCreditScheduler.Weighting.PER_VCPU ? "per-vcpu" : "per-domain");
        resolved.put("scheduler", t);
        return s;
    }

    /** Reads a VM's CPU controls: weight, reservation and limit (in % of a pCPU or in MHz). */
    private CpuControls cpuControls(SectionReader v, int vcpus, Map<String, SchedulerSettings> settings,
            Map<String, Object> t) {
        int weight = v.has(VM_WEIGHT) ? v.integer(VM_WEIGHT) : 0;
        for (String sched : settings.values().stream().map(SchedulerSettings::name).distinct().toList()) {
            int max = switch (sched) {
                case XenCreditScheduler.NAME -> 65535;
                case HyperVScheduler.NAME, HostOsScheduler.NAME -> 10000;
                default -> 1_000_000;
            };
            if (weight > max) {
                v.report(VM_WEIGHT, v.pathOf(VM_WEIGHT) + " must be between 1 and " + max + " under " + sched
                        + ", found " + weight);
                weight = 0;
                break;
            }
        }
        double reservation = pcpus(v, RESERVATION, RESERVATION_MHZ);
        double limit = pcpus(v, LIMIT, LIMIT_MHZ);
        if (reservation > vcpus) {
            v.report(v.has(RESERVATION) ? RESERVATION : RESERVATION_MHZ, v.pathOf(RESERVATION) + ": "
                    + Formats.num(reservation * 100) + " % of a pCPU is more than this VM's " + vcpus
                    + " vCPUs can use");
            reservation = 0;
        }
        if (limit > 0 && reservation > limit) {
            v.report(v.has(LIMIT) ? LIMIT : LIMIT_MHZ, v.pathOf(LIMIT) + " (" + Formats.num(limit * 100)
                    + " %) is below the reservation (" + Formats.num(reservation * 100) + " %)");
            limit = 0;
        }
        if (weight > 0) {
            t.put("weight", weight);
        } else {
            t.put("weight", "scheduler default");
        }
        t.put("reservation", Formats.num(reservation * 100) + " %");
        t.put("limit", limit > 0 ? Formats.num(limit * 100) + " %" : "none");
        CpuControls c = new CpuControls(weight, reservation, limit);
        Map<Control, Key> keys = new EnumMap<>(Control.class);
        keys.put(Control.WEIGHT, VM_WEIGHT);
        keys.put(Control.RESERVATION, v.has(RESERVATION_MHZ) ? RESERVATION_MHZ : RESERVATION);
        keys.put(Control.LIMIT, v.has(LIMIT_MHZ) ? LIMIT_MHZ : LIMIT);
        for (Control k : Control.values()) {
            if (k.requestedBy(c)) {
                refuseUnsupported(v, keys.get(k), k, settings);
            }
        }
        return c;
    }

    /** A control the file gives a control domain: where, and its value (pCPUs, Hz, or a weight). */
    private record Given(SectionReader reader, Key key, double value, boolean hz) {
    }

    /** Per architecture name, the control-domain controls its file text gives (for controlCpu). */
    private final Map<String, Map<Control, Given>> controlAsks = new HashMap<>();

    /** The control given as % of one pCPU or in MHz, if given (not both). */
    private Optional<Given> given(SectionReader r, Key percent, Key mhz) {
        if (r.has(percent) && r.has(mhz)) {
            r.report(mhz, r.pathOf(mhz) + ": give either " + percent.name() + " or " + mhz.name() + ", not both");
            return Optional.empty();
        }
        if (r.has(percent)) {
            return Optional.of(new Given(r, percent, r.quantity(percent), false));
        }
        if (r.has(mhz)) {
            return Optional.of(new Given(r, mhz, r.quantity(mhz), true));
        }
        return Optional.empty();
    }

    /**
     * Each architecture's control domain with the reservation and limit the file gives it, checked
     * against its vCPUs and against the architecture's effective scheduler. A control the file gives
     * that the scheduler would ignore is refused; one that only the base profile sets (the ESX service
     * console's 8 % under a `scheduler` override that has no reservations) is dropped, as the
     * scheduler would drop it, and noted as `control_unused` in the resolved architecture.
     */
    @SuppressWarnings("unchecked")
    private List<ArchitectureProfile> controlCpu(List<ArchitectureProfile> archs, HostSpec host,
            Map<String, SchedulerSettings> settings, Map<String, Object> resolved) {
        List<ArchitectureProfile> out = new ArrayList<>();
        List<Object> trees = (List<Object>) resolved.get("architectures");
        // A variant of a variant inherits what the file gave its base: say each problem there once.
        Set<String> said = new HashSet<>();
        for (int i = 0; i < archs.size(); i++) {
            ArchitectureProfile a = archs.get(i);
            org.hvsim.model.arch.ControlDomain c = a.control();
            if (c == null) {
                out.add(a);
                continue;
            }
            Map<Control, Given> asked = controlAsks.getOrDefault(a.name(), Map.of());
            double reservation = pcpus(asked.get(Control.RESERVATION), c.reservation());
            double limit = pcpus(asked.get(Control.LIMIT), c.limit());
            int vcpus = c.vcpusOn(host.pcpus());
            Given r = asked.get(Control.RESERVATION);
            if (reservation > vcpus) {
                if (r != null) {
                    once(r, ": " + Formats.num(reservation * 100) + " % of a pCPU is more than the control domain's "
                            + vcpus + " vCPUs can use", said);
                }
                reservation = 0;
            }
            Given l = asked.get(Control.LIMIT);
            if (limit > 0 && reservation > limit) {
                Given at = l != null ? l : r;
                if (at != null) {
                    once(at, ": the control domain's limit (" + Formats.num(limit * 100) + " %) is below its "
                            + "reservation (" + Formats.num(reservation * 100) + " %)", said);
                }
                limit = 0;
            }
            String scheduler = settings.get(a.name()).name();
            SupportedControls supported = HypervisorSchedulers.controls(scheduler).orElse(SupportedControls.NONE);
            CpuControls wanted = new CpuControls(c.weight(), reservation, limit);
            List<String> unused = new ArrayList<>();
            for (Control k : supported.unsupportedIn(wanted)) {
                Given g = asked.get(k);
                if (g != null) {
                    refuseUnsupported(g.reader(), g.key(), k, Map.of(a.name(), settings.get(a.name())));
                } else {
                    unused.add(k.key() + " " + (k == Control.WEIGHT ? Integer.toString(c.weight())
                            : Formats.num((k == Control.RESERVATION ? reservation : limit) * 100) + " %"));
                }
            }
            CpuControls kept = supported.keptOf(wanted);
            c = c.withWeight(kept.weight()).withCpu(kept.reservation(), kept.limit());
            if (!unused.isEmpty() && trees != null && trees.get(i) instanceof Map<?, ?> m) {
                ((Map<String, Object>) m).put("control_unused", String.join(", ", unused));
                trace.source("architectures[" + i + "].control_unused", "the base profile's, not used: " + scheduler
                        + " has no " + String.join(" or ", supported.unsupportedIn(wanted).stream()
                                .map(Control::key).toList()));
            }
            out.add(c.equals(a.control()) ? a : new ArchitectureProfile(a.name(), a.kind(), a.enlightened(),
                    a.emulated(), a.scheduler(), a.switchCost(), c, a.memory(), a.sources()));
        }
        return out;
    }

    private static void once(Given g, String message, Set<String> said) {
        if (said.add(g.reader().locationOf(g.key()) + message)) {
            g.reader().report(g.key(), g.reader().pathOf(g.key()) + message);
        }
    }

    /** A given reservation or limit in pCPUs, or {@code otherwise}. */
    private double pcpus(Given g, double otherwise) {
        return g == null ? otherwise : g.hz() ? g.value() / hostFrequency : g.value();
    }

    /**
     * Reports {@code key}, a {@code control} some architectures' schedulers would ignore: once per such
     * scheduler, naming it, its architectures and what it does support.
     */
    private void refuseUnsupported(SectionReader r, Key key, Control control, Map<String, SchedulerSettings> settings) {
        Map<String, List<String>> lacking = new LinkedHashMap<>();
        settings.forEach((arch, st) -> {
            if (HypervisorSchedulers.controls(st.name()).map(sc -> !sc.supports(control)).orElse(false)) {
                lacking.computeIfAbsent(st.name(), n -> new ArrayList<>()).add(arch);
            }
        });
        List<String> having = HypervisorSchedulers.supporting(control);
        lacking.forEach((scheduler, arch) -> r.report(key, r.pathOf(key) + ": " + scheduler + " (architecture"
                + (arch.size() > 1 ? "s " : " ") + String.join(", ", arch.stream().map(ScenarioLoader::plain).toList())
                + ") has no " + control.key() + "; "
                + HypervisorSchedulers.controls(scheduler).orElseThrow().describe()
                + (having.isEmpty() ? "" : "; " + and(having) + " " + (having.size() > 1 ? "have" : "has") + " it")));
    }

    /** A user-given name as is, or quoted with its odd characters made visible (one problem, one line). */
    private static String plain(String name) {
        String q = org.hvsim.scenario.load.Excerpt.quote(name);
        return q.equals("'" + name + "'") ? name : q;
    }

    private static String and(List<String> items) {
        return items.size() == 1 ? items.get(0)
                : String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    /** A control given as % of one pCPU or in MHz, as pCPUs; 0 when absent. */
    private double pcpus(SectionReader v, Key percent, Key mhz) {
        if (v.has(percent) && v.has(mhz)) {
            v.report(mhz, v.pathOf(mhz) + ": give either " + percent.name() + " or " + mhz.name() + ", not both");
            return 0;
        }
        if (v.has(percent)) {
            return v.quantity(percent);
        }
        if (v.has(mhz)) {
            return v.quantity(mhz) / hostFrequency;
        }
        return 0;
    }

    private boolean problemAt(SourceLocation at) {
        return problems.list().stream().anyMatch(p -> p.at().equals(at));
    }

    private void uniqueName(SectionReader r, Key key, String name, Set<String> names, String what) {
        if (!name.isEmpty() && !names.add(name)) {
            r.report(key, r.pathOf(key) + ": " + what + " name '" + name + "' is used twice");
        }
    }

    // -------------------------------------------------------------------------------------- vms

    private List<VmSpec> vms(SectionReader top, HostSpec host, List<Map<String, Object>> trees,
            Map<String, SchedulerSettings> schedulers) {
        List<VmSpec> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<SectionReader> items = top.objects(VMS);
        if (items.isEmpty() && top.has(VMS)) {
            top.report(VMS, "vms: give at least one VM");
        }
        for (SectionReader v : items) {
            Map<String, Object> t = new LinkedHashMap<>();
            String name = v.text(VM_NAME);
            if (name.contains("/") || name.contains("#")) {
                v.report(VM_NAME, v.pathOf(VM_NAME) + ": a VM name cannot contain '/' or '#' (they separate scopes "
                        + "and instances in the results), found '" + name + "'");
            } else if (name.equals("host")) {
                v.report(VM_NAME, v.pathOf(VM_NAME) + ": 'host' is reserved for host-wide figures");
            }
            uniqueName(v, VM_NAME, name, names, "VM");
            int count = v.integer(COUNT);
            int vcpus = v.integer(VCPUS);
            double memory = v.quantity(VM_MEMORY);
            // A value with a problem at its place is a stand-in; a swept value refused elsewhere in
            // its list is not the one in use.
            if (!problemAt(v.locationOf(COUNT)) && !problemAt(v.locationOf(VM_MEMORY))) {
                memoryDemands.add(new MemoryAdmission.Demand(name, count, memory));
            }
            String gs = v.choice(GUEST_SCHEDULER);
            GuestDiscipline discipline = GuestDiscipline.byKey(gs);
            double quantum = v.quantity(QUANTUM);
            if (discipline != GuestDiscipline.RR && v.has(QUANTUM)) {
                v.report(QUANTUM, v.pathOf(QUANTUM) + " only applies to guest_scheduler: rr (this VM uses " + gs + ")");
            }
            t.put("name", name);
            t.put("count", count);
            t.put("vcpus", vcpus);
            t.put("memory", Formats.size(memory));
            t.put("guest_scheduler", gs);
            if (discipline == GuestDiscipline.RR) {
                t.put("quantum", Formats.duration(quantum));
            }
            boolean enlightened = v.bool(ENLIGHTENED);
            t.put("enlightened", enlightened);
            CpuControls controls = cpuControls(v, vcpus, schedulers, t);
            Map<String, Object> wt = new LinkedHashMap<>();
            Workload w = workload(v.object(WORKLOAD_KEY), host, wt);
            t.put("workload", wt);
            v.finish();
            trees.add(t);
            if (w != null && !name.isEmpty()) {
                out.add(new VmSpec(name, count, vcpus, memory, enlightened, discipline, quantum, w,
                        controls));
            }
        }
        return out;
    }

    private Workload workload(SectionReader w, HostSpec host, Map<String, Object> tree) {
        Optional<Key> kind = w.exactlyOne(OPEN_KEY, CLOSED_KEY);
        Arrivals arrivals = null;
        if (kind.isPresent() && kind.get() == OPEN_KEY) {
            SectionReader o = w.object(OPEN_KEY);
            Map<String, Object> ot = new LinkedHashMap<>();
            Optional<Key> form = o.exactlyOne(POISSON_KEY, INTERARRIVAL);
            if (form.isPresent() && form.get() == POISSON_KEY) {
                SectionReader p = o.object(POISSON_KEY);
                double rate = p.quantity(RATE);
                p.finish();
                ot.put("poisson", Map.of("rate", Formats.rate(rate)));
                arrivals = Arrivals.Open.poisson(rate);
            } else if (form.isPresent()) {
                Distribution d = distribution(o, INTERARRIVAL, ot);
                if (d != null) {
                    if (!(d.mean() > 0)) {
                        o.report(INTERARRIVAL, o.pathOf(INTERARRIVAL) + ": the mean inter-arrival time must be positive");
                    } else {
                        arrivals = new Arrivals.Open(d);
                    }
                }
            }
            o.finish();
            tree.put("open", ot);
        } else if (kind.isPresent()) {
            SectionReader c = w.object(CLOSED_KEY);
            Map<String, Object> ct = new LinkedHashMap<>();
            int users = c.integer(USERS);
            ct.put("users", users);
            c.require(THINK);
            Distribution think = distribution(c, THINK, ct);
            c.finish();
            tree.put("closed", ct);
            if (think != null) {
                arrivals = new Arrivals.Closed(users, think);
            }
        }
        List<RequestClass> classes = new ArrayList<>();
        List<Object> classTrees = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<SectionReader> items = w.objects(CLASSES);
        if (items.isEmpty() && w.has(CLASSES)) {
            w.report(CLASSES, w.pathOf(CLASSES) + ": give at least one request class");
        }
        for (SectionReader c : items) {
            Map<String, Object> ct = new LinkedHashMap<>();
            String name = c.text(CLASS_NAME);
            if (name.contains("/")) {
                c.report(CLASS_NAME, c.pathOf(CLASS_NAME) + ": a class name cannot contain '/', found '" + name + "'");
            }
            uniqueName(c, CLASS_NAME, name, names, "class");
            double weight = c.decimal(WEIGHT);
            ct.put("name", name);
            ct.put("weight", weight);
            List<Phase> phases = new ArrayList<>();
            List<Object> phaseTrees = new ArrayList<>();
            List<Node> phaseNodes = c.list(PHASES);
            if (phaseNodes.isEmpty() && c.has(PHASES)) {
                c.report(PHASES, c.pathOf(PHASES) + ": give at least one phase (cpu, disk or net)");
            }
            for (int i = 0; i < phaseNodes.size(); i++) {
                Phase p = phase(c, phaseNodes.get(i), i, host, phaseTrees);
                if (p != null) {
                    phases.add(p);
                }
            }
            ct.put("phases", phaseTrees);
            c.finish();
            classTrees.add(ct);
            if (!name.isEmpty() && phases.size() == phaseNodes.size() && !phases.isEmpty()) {
                classes.add(new RequestClass(name, weight, phases));
            }
        }
        tree.put("classes", classTrees);
        w.finish();
        if (arrivals == null || classes.size() != items.size() || classes.isEmpty()) {
            return null;
        }
        return new Workload(arrivals, classes);
    }

    private Phase phase(SectionReader owner, Node node, int index, HostSpec host, List<Object> trees) {
        String path = owner.pathOf(PHASES) + "[" + index + "]";
        if (!(node instanceof MapNode m) || m.size() != 1) {
            problems.add(node.location(), path + ": a phase is one of cpu, disk, net or privileged, e.g. "
                    + "'- cpu: { exponential: { mean: 8 ms } }'; found " + (node instanceof MapNode mm
                    ? mm.size() + " keys" : node.describe()));
            return null;
        }
        String kind = m.keys().get(0);
        if (!PHASE_KINDS.contains(kind)) {
            String hint = NearestKey.among(kind, PHASE_KINDS).map(k -> " — did you mean '" + k + "'?").orElse("");
            problems.add(m.entry(kind).orElseThrow().keyLocation(),
                    path + ": unknown phase '" + kind + "'; expected cpu, disk, net or privileged" + hint);
            return null;
        }
        SectionReader r = owner.item(PHASES, node, index);
        Map<String, Object> t = new LinkedHashMap<>();
        Phase out = null;
        switch (kind) {
            case "cpu" -> {
                Distribution d = distribution(r, CPU_PHASE, t);
                out = d == null ? null : new Phase.Cpu(d);
            }
            case "disk" -> {
                SectionReader d = r.object(DISK_PHASE_KEY);
                int ops = d.integer(OPS);
                String device = d.text(DISK_DEVICE);
                boolean write = d.bool(WRITE);
                Optional<DiskSpec> disk = host.disk(device);
                if (!device.isEmpty() && disk.isEmpty()) {
                    String nic = host.nic(device).isPresent() ? " ('" + device + "' is a NIC; use a net phase)" : "";
                    d.report(DISK_DEVICE, d.pathOf(DISK_DEVICE) + ": no disk named '" + device + "' on the host"
                            + (nic.isEmpty() ? known(device, host.disks().stream().map(DiskSpec::name).toList()) : nic));
                }
                if (disk.isPresent() && disk.get().service() == null) {
                    d.require(OP_SIZE);
                }
                double size = d.quantity(OP_SIZE);
                t.put("ops", ops);
                t.put("size", Formats.size(size));
                t.put("write", write);
                t.put("device", device);
                d.finish();
                out = disk.isPresent() ? new Phase.Disk(ops, size, write, device) : null;
            }
            case "privileged" -> {
                SectionReader pr = r.object(PRIVILEGED_PHASE_KEY);
                double sys = pr.decimal(SYSCALLS);
                double pf = pr.decimal(PAGE_FAULTS);
                double cs = pr.decimal(CONTEXT_SWITCHES);
                pr.finish();
                t.put("syscalls", sys);
                t.put("page_faults", pf);
                t.put("context_switches", cs);
                out = new Phase.Privileged(sys, pf, cs);
            }
            default -> {
                SectionReader n = r.object(NET_PHASE_KEY);
                double bytes = n.quantity(BYTES);
                String device = n.text(NET_DEVICE);
                Optional<NicSpec> nic = host.nic(device);
                if (!device.isEmpty() && nic.isEmpty()) {
                    String disk = host.disk(device).isPresent() ? " ('" + device + "' is a disk; use a disk phase)" : "";
                    n.report(NET_DEVICE, n.pathOf(NET_DEVICE) + ": no NIC named '" + device + "' on the host"
                            + (disk.isEmpty() ? known(device, host.nics().stream().map(NicSpec::name).toList()) : disk));
                }
                t.put("bytes", Formats.size(bytes));
                t.put("device", device);
                n.finish();
                out = nic.isPresent() ? new Phase.Net(bytes, device) : null;
            }
        }
        r.finish();
        trees.add(Map.of(kind, t.size() == 1 && t.containsKey(kind) ? t.get(kind) : t));
        return out;
    }

    private static String known(String name, List<String> names) {
        if (names.isEmpty()) {
            return " (the host has none)";
        }
        return NearestKey.among(name, names).map(n -> " — did you mean '" + n + "'?")
                .orElse(" (known: " + String.join(", ", names) + ")");
    }

    // ------------------------------------------------------------------------------ distributions

    /**
     * A duration-valued distribution at {@code key}: a single-key mapping naming the family
     * ({@code { exponential: { mean: 5 ms } }}), or a plain duration (or a sweep of them) meaning a
     * constant.
     */
    private Distribution distribution(SectionReader owner, Key key, Map<String, Object> tree) {
        Optional<Node> n = owner.node(key);
        if (n.isEmpty()) {
            return null;
        }
        String path = owner.pathOf(key);
        Node node = n.get();
        if ((node instanceof ScalarNode s && !s.isNull()) || owner.isSweep(key)) {
            // "8 ms" means a constant 8 ms.
            double v = owner.raw().duration(key.name(), Double.NaN, 0, 1e9);
            owner.source(key, (owner.isSweep(key) ? "sweep at " : "") + node.location());
            if (Double.isNaN(v)) {
                return null;
            }
            tree.put(key.name(), Map.of("constant", Map.of("value", Formats.duration(v))));
            return new Distribution.Constant(v);
        }
        owner.source(key, node.location().toString());
        Map<String, Section> families = ScenarioSchema.families();
        if (!(node instanceof MapNode m) || m.size() != 1) {
            problems.add(node.location(), path + ": expected a distribution such as { exponential: { mean: 5 ms } } "
                    + "or a duration such as '5 ms', found " + (node instanceof ListNode ? "a list" : node.describe()));
            return null;
        }
        String family = m.keys().get(0);
        if (!families.containsKey(family)) {
            String hint = NearestKey.among(family, families.keySet()).map(k -> " — did you mean '" + k + "'?")
                    .orElse(" (known: " + String.join(", ", families.keySet()) + ")");
            problems.add(m.entry(family).orElseThrow().keyLocation(), path + ": unknown distribution '" + family
                    + "'" + hint);
            return null;
        }
        SectionReader p = reader(families.get(family), m.get(family).orElseThrow(), path + "." + family);
        Map<String, Object> pt = new LinkedHashMap<>();
        Distribution d = null;
        int before = problems.size();
        switch (family) {
            case "constant" -> {
                double v = p.quantity(CONSTANT_VALUE);
                pt.put("value", Formats.duration(v));
                d = new Distribution.Constant(v);
            }
            case "exponential" -> {
                double mean = p.quantity(EXP_MEAN);
                pt.put("mean", Formats.duration(mean));
                d = new Distribution.Exponential(mean);
            }
            case "uniform" -> {
                double lo = p.quantity(UNIFORM_MIN);
                double hi = p.quantity(UNIFORM_MAX, lo);
                if (hi < lo) {
                    p.report(UNIFORM_MAX, p.pathOf(UNIFORM_MAX) + " must not be below min");
                    hi = lo;
                }
                pt.put("min", Formats.duration(lo));
                pt.put("max", Formats.duration(hi));
                d = new Distribution.Uniform(lo, hi);
            }
            case "normal" -> {
                double mean = p.quantity(NORMAL_MEAN);
                double sd = p.quantity(NORMAL_SD);
                pt.put("mean", Formats.duration(mean));
                pt.put("sd", Formats.duration(sd));
                d = new Distribution.Normal(mean, sd);
            }
            case "lognormal" -> {
                double mean = p.quantity(LOGNORMAL_MEAN);
                double cv = p.decimal(LOGNORMAL_CV);
                pt.put("mean", Formats.duration(mean));
                pt.put("cv", cv);
                d = new Distribution.LogNormal(mean, cv);
            }
            case "gamma" -> {
                double mean = p.quantity(GAMMA_MEAN);
                double cv = p.decimal(GAMMA_CV);
                pt.put("mean", Formats.duration(mean));
                pt.put("cv", cv);
                d = new Distribution.GammaDist(mean, cv);
            }
            case "weibull" -> {
                double shape = p.decimal(WEIBULL_SHAPE);
                double scale = p.quantity(WEIBULL_SCALE);
                pt.put("shape", shape);
                pt.put("scale", Formats.duration(scale));
                d = new Distribution.Weibull(shape, scale);
            }
            case "hyperexponential" -> {
                double mean = p.quantity(HYPER_MEAN);
                double cv = p.decimal(HYPER_CV);
                pt.put("mean", Formats.duration(mean));
                pt.put("cv", cv);
                d = Distribution.HyperExponential.balanced(mean, cv);
            }
            case "empirical" -> {
                String file = p.text(EMPIRICAL_FILE);
                String column = p.text(EMPIRICAL_COLUMN, "");
                Optional<String> unit = p.optionalChoice(EMPIRICAL_UNIT);
                if (!file.isBlank() && problems.size() == before) {
                    d = empirical(p, file, column.isEmpty() ? null : column, unit.orElse(null), pt);
                }
            }
            default -> throw new IllegalStateException("family without a reader: " + family);
        }
        p.finish();
        tree.put(key.name(), Map.of(family, pt));
        return problems.size() == before ? d : null;
    }

    private Distribution empirical(SectionReader p, String file, String column, String unit, Map<String, Object> pt) {
        SourceLocation at = p.locationOf(EMPIRICAL_FILE);
        if (at.file().startsWith("(built-in)")) {
            problems.add(at, "empirical: the built-in scenario cannot read files");
            return null;
        }
        Path csv = Path.of(at.file()).resolveSibling(file).normalize();
        String cacheKey = csv.toAbsolutePath() + "\n" + column + "\n" + unit;
        List<Double> values = csvCache.get(cacheKey);
        if (values == null) {
            values = EmpiricalCsv.read(csv, column, unit, at, problems).orElse(null);
            if (values == null) {
                return null;
            }
            csvCache.put(cacheKey, values);
        }
        Distribution.Empirical d = new Distribution.Empirical(values);
        pt.put("file", file);
        if (column != null) {
            pt.put("column", column);
        }
        pt.put("values", values.size());
        pt.put("mean", Formats.duration(d.mean()));
        return d;
    }
}
