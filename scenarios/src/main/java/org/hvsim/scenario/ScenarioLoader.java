package org.hvsim.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.hvsim.core.random.Distribution;
import org.hvsim.model.arch.ArchitectureProfile;
import org.hvsim.model.arch.Architectures;
import org.hvsim.model.guest.GuestDiscipline;
import org.hvsim.model.guest.VmSpec;
import org.hvsim.model.hardware.DiskSpec;
import org.hvsim.model.hardware.HostSpec;
import org.hvsim.model.hardware.NicSpec;
import org.hvsim.model.workload.Arrivals;
import org.hvsim.model.workload.Phase;
import org.hvsim.model.workload.RequestClass;
import org.hvsim.model.workload.Workload;
import org.hvsim.scenario.load.MapNode;
import org.hvsim.scenario.load.NearestKey;
import org.hvsim.scenario.load.Node;
import org.hvsim.scenario.load.ObjectReader;
import org.hvsim.scenario.load.Problems;
import org.hvsim.scenario.load.ScalarNode;
import org.hvsim.scenario.load.ScenarioException;
import org.hvsim.scenario.load.SourceLocation;
import org.hvsim.scenario.load.YamlTree;

/**
 * Reads a scenario file into a {@link Scenario}: every key documented in docs/scenario-format.md,
 * every default made explicit in {@link Scenario#resolved()}, every mistake reported at once with its
 * file, line and column.
 */
public final class ScenarioLoader {

    /** Default replications: enough for a t-interval that is not dominated by its quantile (t(0.975, 9) = 2.26). */
    static final int DEFAULT_REPLICATIONS = 10;
    /** Default warm-up as a share of the run when none is given (a rule of thumb; see docs). */
    static final double DEFAULT_WARMUP_SHARE = 0.1;
    /**
     * Default round-robin quantum: the Linux 2.6 O(1) scheduler's default time slice
     * (DEF_TIMESLICE = 100 ms in kernel/sched.c).
     */
    static final double DEFAULT_QUANTUM = 0.100;
    static final long DEFAULT_SEED = 1;

    static final List<String> DISTRIBUTIONS = List.of("constant", "exponential", "uniform", "normal", "lognormal",
            "gamma", "weibull", "hyperexponential");
    static final List<String> PHASES = List.of("cpu", "disk", "net");

    private final String source;
    private final Problems problems = new Problems();

    private ScenarioLoader(String source) {
        this.source = source;
    }

    public static Scenario load(Path file) throws ScenarioException {
        ScenarioLoader l = new ScenarioLoader(file.toString());
        Optional<Node> root = YamlTree.parse(file, l.problems);
        return l.finish(root);
    }

    public static Scenario load(String fileName, String text) throws ScenarioException {
        ScenarioLoader l = new ScenarioLoader(fileName);
        Optional<Node> root = YamlTree.parse(fileName, text, l.problems);
        return l.finish(root);
    }

    private Scenario finish(Optional<Node> root) throws ScenarioException {
        if (root.isEmpty()) {
            problems.throwIfAny();
            throw new ScenarioException(List.of());
        }
        Scenario s;
        try {
            s = read(root.get());
        } catch (RuntimeException e) {
            // A model constructor refused a combination the reader let through: still a bad input.
            problems.add(SourceLocation.startOf(source), "invalid scenario: " + e.getMessage());
            s = null;
        }
        problems.throwIfAny();
        return s;
    }

    private Scenario read(Node root) {
        ObjectReader top = ObjectReader.of(root, problems, "");
        Map<String, Object> resolved = new LinkedHashMap<>();
        String name = top.string("name", null);
        String description = top.string("description", "");
        long seed = top.longInteger("seed", DEFAULT_SEED, Long.MIN_VALUE, Long.MAX_VALUE);
        int replications = top.integer("replications", DEFAULT_REPLICATIONS, 1, 100_000);
        top.require("duration");
        double duration = top.duration("duration", 1.0, 1e-6, 1e9);
        double warmup = top.duration("warmup", duration * DEFAULT_WARMUP_SHARE, 0, 1e9);
        if (top.has("warmup") && warmup >= duration) {
            top.report("warmup", "warmup (" + Formats.duration(warmup) + ") must be shorter than duration ("
                    + Formats.duration(duration) + ")");
        }
        resolved.put("name", name);
        resolved.put("description", description);
        resolved.put("seed", seed);
        resolved.put("replications", replications);
        resolved.put("warmup", Formats.duration(warmup));
        resolved.put("duration", Formats.duration(duration));

        List<ArchitectureProfile> archs = architectures(top, resolved);
        Map<String, Object> hostTree = new LinkedHashMap<>();
        HostSpec host = host(top.object("host"), hostTree);
        resolved.put("host", hostTree);
        List<Map<String, Object>> vmTrees = new ArrayList<>();
        List<VmSpec> vms = vms(top, host, vmTrees);
        resolved.put("vms", vmTrees);
        top.finish();
        if (problems.hasAny()) {
            return null;
        }
        return new Scenario(source, name, description, seed, replications, warmup, duration, archs, host, vms,
                resolved);
    }

    // ------------------------------------------------------------------------------- architectures

    private List<ArchitectureProfile> architectures(ObjectReader top, Map<String, Object> resolved) {
        List<ArchitectureProfile> out = new ArrayList<>();
        List<Object> tree = new ArrayList<>();
        if (!top.has("architectures")) {
            for (String n : Architectures.names()) {
                ArchitectureProfile p = Architectures.byName(n).orElseThrow();
                out.add(p);
                tree.add(profileTree(p));
            }
            resolved.put("architectures", tree);
            return out;
        }
        List<Node> items = top.list("architectures");
        if (items.isEmpty()) {
            top.report("architectures", "architectures: give at least one, e.g. [native, microkernel]");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            String path = "architectures[" + i + "]";
            ArchitectureProfile p;
            if (item instanceof ScalarNode s && !s.isNull()) {
                p = builtIn(s.text().strip(), item.location());
            } else {
                ObjectReader r = ObjectReader.of(item, problems, path);
                String base = r.string("base", null);
                p = builtIn(base, r.locationOf("base"));
                if (p != null) {
                    p = p.withName(r.string("name", base));
                    if (r.has("cpu_factor")) {
                        p = p.withCpuFactor(r.decimal("cpu_factor", p.cpuFactor(), 1.0, 100.0));
                    }
                    if (r.has("disk_op_cpu")) {
                        p = p.withDiskOpCpu(r.duration("disk_op_cpu", p.diskOpCpu(), 0, 1));
                    }
                    if (r.has("net_packet_cpu")) {
                        p = p.withNetPacketCpu(r.duration("net_packet_cpu", p.netPacketCpu(), 0, 1));
                    }
                }
                r.finish();
            }
            if (p != null) {
                if (!seen.add(p.name())) {
                    problems.add(item.location(), path + ": architecture name '" + p.name()
                            + "' is used twice; give the variant its own 'name'");
                }
                out.add(p);
                tree.add(profileTree(p));
            }
        }
        resolved.put("architectures", tree);
        return out;
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
        m.put("kind", p.kind().name().toLowerCase(java.util.Locale.ROOT));
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

    private HostSpec host(ObjectReader h, Map<String, Object> tree) {
        int cpus = h.integer("cpus", 1, 1, 4096);
        h.require("cpus", "memory");
        double speed = h.decimal("speed", 1.0, 0.01, 100);
        double memory = h.size("memory", 1, 1, 1e15);
        tree.put("cpus", cpus);
        tree.put("speed", speed);
        tree.put("memory", Formats.size(memory));
        List<DiskSpec> disks = new ArrayList<>();
        List<Object> diskTrees = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ObjectReader d : h.optionalObjects("disks")) {
            Map<String, Object> dt = new LinkedHashMap<>();
            String name = d.string("name", null);
            uniqueName(d, name, names, "device");
            int channels = d.integer("channels", 1, 1, 1024);
            dt.put("name", name);
            dt.put("channels", channels);
            Optional<String> model = d.exactlyOne("service", "latency");
            DiskSpec spec = null;
            if (model.isPresent() && model.get().equals("service")) {
                d.node("service");
                Distribution service = distribution(d, "service", dt);
                if (service != null) {
                    spec = new DiskSpec(name, service, 0, 0, channels);
                }
            } else if (model.isPresent()) {
                double latency = d.duration("latency", 0, 0, 100);
                d.require("bandwidth");
                double bandwidth = d.bandwidth("bandwidth", 1, 1, 1e15);
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
        for (ObjectReader n : h.optionalObjects("nics")) {
            String name = n.string("name", null);
            uniqueName(n, name, names, "device");
            n.require("bandwidth");
            double bandwidth = n.bandwidth("bandwidth", 1, 1, 1e15);
            // 1500 bytes: the Ethernet MTU (IEEE 802.3), the packet size of R1.e's MTU-1500 runs.
            int mtu = n.integer("mtu", NicSpec.ETHERNET_MTU, 64, 65536);
            n.finish();
            Map<String, Object> nt = new LinkedHashMap<>();
            nt.put("name", name);
            nt.put("bandwidth", Formats.bandwidth(bandwidth));
            nt.put("mtu", mtu);
            nicTrees.add(nt);
            if (!name.isEmpty()) {
                nics.add(new NicSpec(name, bandwidth, mtu));
            }
        }
        tree.put("nics", nicTrees);
        h.finish();
        return new HostSpec(cpus, speed, memory, disks, nics);
    }

    private void uniqueName(ObjectReader r, String name, Set<String> names, String what) {
        if (!name.isEmpty() && !names.add(name)) {
            r.report("name", r.pathOf("name") + ": " + what + " name '" + name + "' is used twice");
        }
    }

    // -------------------------------------------------------------------------------------- vms

    private List<VmSpec> vms(ObjectReader top, HostSpec host, List<Map<String, Object>> trees) {
        List<VmSpec> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<ObjectReader> items = top.objects("vms");
        if (items.isEmpty() && top.has("vms")) {
            top.report("vms", "vms: give at least one VM");
        }
        for (ObjectReader v : items) {
            Map<String, Object> t = new LinkedHashMap<>();
            String name = v.string("name", null);
            if (name.contains("/") || name.contains("#")) {
                v.report("name", v.pathOf("name") + ": a VM name cannot contain '/' or '#' (they separate scopes "
                        + "and instances in the results), found '" + name + "'");
            } else if (name.equals("host")) {
                v.report("name", v.pathOf("name") + ": 'host' is reserved for host-wide figures");
            }
            uniqueName(v, name, names, "VM");
            int count = v.integer("count", 1, 1, 100_000);
            int vcpus = v.integer("vcpus", 1, 1, 512);
            v.require("memory");
            double memory = v.size("memory", 1, 1, 1e15);
            String gs = v.oneOf("guest_scheduler", "ps", List.of("ps", "fcfs", "rr"));
            GuestDiscipline discipline = GuestDiscipline.byKey(gs);
            double quantum = v.duration("quantum", DEFAULT_QUANTUM, 1e-6, 10);
            if (discipline != GuestDiscipline.RR && v.has("quantum")) {
                v.report("quantum", v.pathOf("quantum") + " only applies to guest_scheduler: rr (this VM uses "
                        + gs + ")");
            }
            t.put("name", name);
            t.put("count", count);
            t.put("vcpus", vcpus);
            t.put("memory", Formats.size(memory));
            t.put("guest_scheduler", gs);
            if (discipline == GuestDiscipline.RR) {
                t.put("quantum", Formats.duration(quantum));
            }
            Map<String, Object> wt = new LinkedHashMap<>();
            Workload w = workload(v.object("workload"), host, wt);
            t.put("workload", wt);
            v.finish();
            trees.add(t);
            if (w != null && !name.isEmpty()) {
                out.add(new VmSpec(name, count, vcpus, memory, true, 0, discipline, quantum, w));
            }
        }
        return out;
    }

    private Workload workload(ObjectReader w, HostSpec host, Map<String, Object> tree) {
        Optional<String> kind = w.exactlyOne("open", "closed");
        Arrivals arrivals = null;
        if (kind.isPresent() && kind.get().equals("open")) {
            ObjectReader o = w.object("open");
            Map<String, Object> ot = new LinkedHashMap<>();
            Optional<String> form = o.exactlyOne("poisson", "interarrival");
            if (form.isPresent() && form.get().equals("poisson")) {
                ObjectReader p = o.object("poisson");
                p.require("rate");
                double rate = p.rate("rate", 1, 1e-9, 1e9);
                p.finish();
                ot.put("poisson", Map.of("rate", Formats.rate(rate)));
                arrivals = Arrivals.Open.poisson(rate);
            } else if (form.isPresent()) {
                Distribution d = distribution(o, "interarrival", ot);
                if (d != null) {
                    if (!(d.mean() > 0)) {
                        o.report("interarrival", o.pathOf("interarrival") + ": the mean inter-arrival time must be positive");
                    } else {
                        arrivals = new Arrivals.Open(d);
                    }
                }
            }
            o.finish();
            tree.put("open", ot);
        } else if (kind.isPresent()) {
            ObjectReader c = w.object("closed");
            Map<String, Object> ct = new LinkedHashMap<>();
            c.require("users", "think");
            int users = c.integer("users", 1, 1, 1_000_000);
            ct.put("users", users);
            Distribution think = distribution(c, "think", ct);
            c.finish();
            tree.put("closed", ct);
            if (think != null) {
                arrivals = new Arrivals.Closed(users, think);
            }
        }
        List<RequestClass> classes = new ArrayList<>();
        List<Object> classTrees = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<ObjectReader> items = w.objects("classes");
        if (items.isEmpty() && w.has("classes")) {
            w.report("classes", w.pathOf("classes") + ": give at least one request class");
        }
        for (ObjectReader c : items) {
            Map<String, Object> ct = new LinkedHashMap<>();
            String name = c.string("name", null);
            if (name.contains("/")) {
                c.report("name", c.pathOf("name") + ": a class name cannot contain '/', found '" + name + "'");
            }
            uniqueName(c, name, names, "class");
            double weight = c.decimal("weight", 1.0, 1e-9, 1e9);
            ct.put("name", name);
            ct.put("weight", weight);
            List<Phase> phases = new ArrayList<>();
            List<Object> phaseTrees = new ArrayList<>();
            List<Node> phaseNodes = c.list("phases");
            if (phaseNodes.isEmpty() && c.has("phases")) {
                c.report("phases", c.pathOf("phases") + ": give at least one phase (cpu, disk or net)");
            }
            for (int i = 0; i < phaseNodes.size(); i++) {
                Phase p = phase(phaseNodes.get(i), c.pathOf("phases") + "[" + i + "]", host, phaseTrees);
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

    private Phase phase(Node node, String path, HostSpec host, List<Object> trees) {
        ObjectReader r = ObjectReader.of(node, problems, path);
        if (r.keys().size() != 1) {
            if (node instanceof MapNode) {
                problems.add(node.location(), path + ": a phase is one of cpu, disk or net, e.g. "
                        + "'- cpu: { exponential: { mean: 8 ms } }'; found " + r.keys().size() + " keys");
            }
            return null;
        }
        String kind = r.keys().get(0);
        Map<String, Object> t = new LinkedHashMap<>();
        Phase out = null;
        switch (kind) {
            case "cpu" -> {
                Distribution d = distribution(r, "cpu", t);
                out = d == null ? null : new Phase.Cpu(d);
            }
            case "disk" -> {
                ObjectReader d = r.object("disk");
                int ops = d.integer("ops", 1, 1, 1_000_000);
                String device = d.string("device", null);
                boolean write = d.bool("write", false);
                Optional<DiskSpec> disk = host.disk(device);
                if (!device.isEmpty() && disk.isEmpty()) {
                    d.report("device", d.pathOf("device") + ": no disk named '" + device + "' on the host"
                            + known(device, host.disks().stream().map(DiskSpec::name).toList()));
                }
                boolean needsSize = disk.isPresent() && disk.get().service() == null;
                if (needsSize) {
                    d.require("size");
                }
                double size = d.size("size", 0, 0, 1e12);
                t.put("ops", ops);
                t.put("size", Formats.size(size));
                t.put("write", write);
                t.put("device", device);
                d.finish();
                out = disk.isPresent() ? new Phase.Disk(ops, size, write, device) : null;
            }
            case "net" -> {
                ObjectReader n = r.object("net");
                n.require("bytes");
                double bytes = n.size("bytes", 1, 1, 1e12);
                String device = n.string("device", null);
                Optional<NicSpec> nic = host.nic(device);
                if (!device.isEmpty() && nic.isEmpty()) {
                    n.report("device", n.pathOf("device") + ": no NIC named '" + device + "' on the host"
                            + known(device, host.nics().stream().map(NicSpec::name).toList()));
                }
                t.put("bytes", Formats.size(bytes));
                t.put("device", device);
                n.finish();
                out = nic.isPresent() ? new Phase.Net(bytes, device) : null;
            }
            default -> {
                r.node(kind);
                String hint = NearestKey.among(kind, PHASES).map(k -> " — did you mean '" + k + "'?").orElse("");
                problems.add(r.map().entry(kind).orElseThrow().keyLocation(),
                        path + ": unknown phase '" + kind + "'; expected cpu, disk or net" + hint);
            }
        }
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
     * ({@code { exponential: { mean: 5 ms } }}) or a plain duration, meaning a constant.
     */
    private Distribution distribution(ObjectReader owner, String key, Map<String, Object> tree) {
        Optional<Node> n = owner.node(key);
        if (n.isEmpty()) {
            return null;
        }
        String path = owner.pathOf(key);
        Node node = n.get();
        if (node instanceof ScalarNode s && !s.isNull()) {
            // "8 ms" means a constant 8 ms.
            double v = owner.duration(key, Double.NaN, 0, 1e9);
            if (Double.isNaN(v)) {
                return null;
            }
            tree.put(key, Map.of("constant", Map.of("value", Formats.duration(v))));
            return new Distribution.Constant(v);
        }
        if (!(node instanceof MapNode m) || m.size() != 1) {
            problems.add(node.location(), path + ": expected a distribution such as { exponential: { mean: 5 ms } } "
                    + "or a duration such as '5 ms', found " + node.describe());
            return null;
        }
        ObjectReader wrapper = ObjectReader.of(node, problems, path);
        String family = m.keys().get(0);
        if (!DISTRIBUTIONS.contains(family)) {
            wrapper.node(family);
            String hint = NearestKey.among(family, DISTRIBUTIONS).map(k -> " — did you mean '" + k + "'?")
                    .orElse(" (known: " + String.join(", ", DISTRIBUTIONS) + ")");
            problems.add(m.entry(family).orElseThrow().keyLocation(), path + ": unknown distribution '" + family
                    + "'" + hint);
            return null;
        }
        ObjectReader p = wrapper.object(family);
        Map<String, Object> pt = new LinkedHashMap<>();
        Distribution d = null;
        int before = problems.size();
        switch (family) {
            case "constant" -> {
                p.require("value");
                double v = p.duration("value", 0, 0, 1e9);
                pt.put("value", Formats.duration(v));
                d = new Distribution.Constant(v);
            }
            case "exponential" -> {
                p.require("mean");
                double mean = p.duration("mean", 1, 1e-12, 1e9);
                pt.put("mean", Formats.duration(mean));
                d = new Distribution.Exponential(mean);
            }
            case "uniform" -> {
                p.require("min", "max");
                double lo = p.duration("min", 0, 0, 1e9);
                double hi = p.duration("max", lo, 0, 1e9);
                if (hi < lo) {
                    p.report("max", p.pathOf("max") + " must not be below min");
                    hi = lo;
                }
                pt.put("min", Formats.duration(lo));
                pt.put("max", Formats.duration(hi));
                d = new Distribution.Uniform(lo, hi);
            }
            case "normal" -> {
                p.require("mean", "sd");
                double mean = p.duration("mean", 1, 1e-12, 1e9);
                double sd = p.duration("sd", 0, 0, 1e9);
                pt.put("mean", Formats.duration(mean));
                pt.put("sd", Formats.duration(sd));
                d = new Distribution.Normal(mean, sd);
            }
            case "lognormal", "gamma" -> {
                p.require("mean", "cv");
                double mean = p.duration("mean", 1, 1e-12, 1e9);
                double cv = p.decimal("cv", 1, 1e-6, 100);
                pt.put("mean", Formats.duration(mean));
                pt.put("cv", cv);
                d = family.equals("gamma") ? new Distribution.GammaDist(mean, cv) : new Distribution.LogNormal(mean, cv);
            }
            case "weibull" -> {
                p.require("shape", "scale");
                double shape = p.decimal("shape", 1, 0.05, 100);
                double scale = p.duration("scale", 1, 1e-12, 1e9);
                pt.put("shape", shape);
                pt.put("scale", Formats.duration(scale));
                d = new Distribution.Weibull(shape, scale);
            }
            case "hyperexponential" -> {
                p.require("mean", "cv");
                double mean = p.duration("mean", 1, 1e-12, 1e9);
                double cv = p.decimal("cv", 1, 1, 100);
                pt.put("mean", Formats.duration(mean));
                pt.put("cv", cv);
                d = Distribution.HyperExponential.balanced(mean, cv);
            }
            default -> throw new IllegalStateException(family);
        }
        p.finish();
        wrapper.finish();
        tree.put(key, Map.of(family, pt));
        return problems.size() == before ? d : null;
    }
}
