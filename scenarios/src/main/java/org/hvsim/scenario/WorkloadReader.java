package org.hvsim.scenario;

import static org.hvsim.scenario.schema.ScenarioSchema.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.hvsim.core.random.Distribution;
import org.hvsim.model.hardware.DiskSpec;
import org.hvsim.model.hardware.HostSpec;
import org.hvsim.model.hardware.NicSpec;
import org.hvsim.model.workload.Arrivals;
import org.hvsim.model.workload.RateProfile;
import org.hvsim.model.workload.Phase;
import org.hvsim.model.workload.RequestClass;
import org.hvsim.model.workload.Workload;
import org.hvsim.scenario.load.Node;
import org.hvsim.scenario.load.Variant;
import org.hvsim.scenario.load.Quantity;
import org.hvsim.scenario.load.SourceLocation;
import org.hvsim.scenario.schema.Key;
import org.hvsim.scenario.schema.SectionReader;

/** Reads a VM's {@code workload}: its arrivals and its request classes with their phases. */
final class WorkloadReader {

    private static final List<String> PHASE_KINDS = List.of("cpu", "disk", "net", "privileged");
    private static final String PHASE_FORMS = "a phase (cpu, disk, net or privileged) with its settings, e.g. "
            + "'- cpu: { exponential: { mean: 8 ms } }'";

    private final Reading reading;
    private final DistributionReader distributions;
    private final HostSpec host;

    WorkloadReader(Reading reading, DistributionReader distributions, HostSpec host) {
        this.reading = reading;
        this.distributions = distributions;
        this.host = host;
    }

    /** A rate profile: its points in time order from 0, the first rate positive somewhere; null if unusable. */
    private Arrivals profile(SectionReader p, Map<String, Object> tree) {
        Map<String, Object> t = new LinkedHashMap<>();
        p.exactlyOne(PROFILE_POINTS, PROFILE_FILE);
        String shape = p.choice(PROFILE_SHAPE);
        t.put("shape", shape);
        double repeat = recorded(p, PROFILE_REPEAT, t);
        List<double[]> read = new ArrayList<>();
        List<SourceLocation> where = new ArrayList<>();
        if (p.has(PROFILE_FILE)) {
            String file = p.text(PROFILE_FILE);
            t.put("file", file);
            read.addAll(profileCsv(p, file));
            where.addAll(java.util.Collections.nCopies(read.size(), p.locationOf(PROFILE_FILE)));
        } else {
            for (SectionReader item : p.objects(PROFILE_POINTS)) {
                read.add(new double[] {item.quantity(POINT_AT), item.quantity(POINT_RATE)});
                where.add(item.locationOf(POINT_AT));
                item.finish();
            }
            if (read.isEmpty() && p.has(PROFILE_POINTS)) {
                p.report(PROFILE_POINTS, p.pathOf(PROFILE_POINTS) + ": give at least one point");
            }
        }
        double[] times = new double[read.size()];
        double[] rates = new double[read.size()];
        List<Object> points = new ArrayList<>();
        boolean sound = !read.isEmpty();
        for (int i = 0; i < read.size(); i++) {
            times[i] = read.get(i)[0];
            rates[i] = read.get(i)[1];
            if (i == 0 && times[0] != 0 || i > 0 && !(times[i] > times[i - 1])) {
                reading.problems().add(where.get(i), p.path() + ": the points must start at 0 s and go forward in time; found "
                        + Formats.duration(times[i]) + (i > 0 ? " after " + Formats.duration(times[i - 1]) : " first"));
                sound = false;
            }
            // in this order in the echo (Map.of's order changes from one JVM run to the next)
            Map<String, Object> point = new java.util.LinkedHashMap<>();
            point.put("at", Formats.duration(times[i]));
            point.put("rate", Formats.rate(rates[i]));
            points.add(point);
        }
        if (sound && repeat != 0 && repeat < times[times.length - 1]) {
            p.report(PROFILE_REPEAT, p.pathOf(PROFILE_REPEAT) + ": the period (" + Formats.duration(repeat)
                    + ") must cover the last point (" + Formats.duration(times[times.length - 1]) + ")");
            sound = false;
        }
        if (sound && java.util.Arrays.stream(rates).allMatch(r -> r == 0)) {
            p.report(PROFILE_POINTS, p.pathOf(PROFILE_POINTS) + ": every rate is 0; no request would arrive");
            sound = false;
        }
        p.finish();
        if (!p.has(PROFILE_FILE)) {
            t.put("points", points);
        } else {
            t.put("points_read", points.size());
        }
        tree.put("profile", t);
        return sound ? new Arrivals.Varying(new RateProfile(times, rates, "linear".equals(shape), repeat)) : null;
    }

    /** The {@code time,rate} rows of a profile's CSV file; empty after a problem (reported). */
    private List<double[]> profileCsv(SectionReader p, String file) {
        SourceLocation at = p.locationOf(PROFILE_FILE);
        if (at.file().startsWith("(built-in)")) {
            reading.problems().add(at, "profile: the built-in scenario cannot read files");
            return List.of();
        }
        Path csv = Path.of(at.file()).resolveSibling(file).normalize();
        Optional<List<Double>> times = EmpiricalCsv.read(csv, "time", Quantity.DURATION, null, "profile", at,
                reading.problems());
        Optional<List<Double>> rates = times.isEmpty() ? Optional.empty()
                : EmpiricalCsv.read(csv, "rate", Quantity.RATE, null, "profile", at,
                reading.problems());
        if (rates.isEmpty() || rates.get().size() != times.get().size()) {
            return List.of();
        }
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < rates.get().size(); i++) {
            rows.add(new double[] {times.get().get(i), rates.get().get(i)});
        }
        return rows;
    }

    /** A trace replayed from a CSV file, checked whole (row by row) now; null if unusable. */
    private Arrivals trace(SectionReader r, Map<String, Object> tree) {
        Map<String, Object> t = new LinkedHashMap<>();
        String file = r.text(TRACE_FILE);
        double timeScale = r.decimal(TRACE_TIME_SCALE);
        double demandScale = r.decimal(TRACE_DEMAND_SCALE);
        double repeat = recorded(r, TRACE_REPEAT, t);
        boolean write = r.bool(TRACE_WRITE);
        String disk = r.text(TRACE_DISK, host.disks().isEmpty() ? "" : host.disks().get(0).name());
        String nic = r.text(TRACE_NIC, host.nics().isEmpty() ? "" : host.nics().get(0).name());
        t.put("file", file);
        t.put("time_scale", timeScale);
        t.put("demand_scale", demandScale);
        SourceLocation at = r.locationOf(TRACE_FILE);
        Optional<TraceCsv.Summary> summary = Optional.empty();
        TraceCsv csv = null;
        if (at.file().startsWith("(built-in)")) {
            reading.problems().add(at, "trace: the built-in scenario cannot read files");
        } else if (!file.isEmpty()) {
            csv = new TraceCsv(Path.of(at.file()).resolveSibling(file).normalize());
            summary = csv.check(at, reading.problems());
        }
        boolean sound = summary.isPresent();
        if (sound && summary.get().disk()) {
            sound = traceDevice(r, TRACE_DISK, disk, disks(), nics(), "has disk operations", t);
            t.put("write", write);
        }
        if (sound && summary.get().net()) {
            sound = traceDevice(r, TRACE_NIC, nic, nics(), disks(), "sends bytes", t);
        }
        if (sound && repeat > 0 && !(repeat > summary.get().lastTime() * timeScale)) {
            r.report(TRACE_REPEAT, r.pathOf(TRACE_REPEAT) + ": the period (" + Formats.duration(repeat)
                    + ") must go beyond the last row (" + Formats.duration(summary.get().lastTime() * timeScale)
                    + " after time_scale)");
            sound = false;
        }
        r.finish();
        if (sound) {
            t.put("rows", summary.get().records());
        }
        tree.put("trace", t);
        return sound ? new Arrivals.Trace(csv, timeScale, demandScale, repeat, summary.get().records(),
                summary.get().lastTime(), summary.get().disk() ? disk : null, write, summary.get().net() ? nic : null)
                : null;
    }

    /** The device a trace's demands of one kind go to must be on the host; false (reported) if not. */
    private static boolean traceDevice(SectionReader r, Key key, String device, Devices wanted, Devices other,
            String uses, Map<String, Object> tree) {
        checkDevice(r, key, device, wanted, other);
        if (device.isEmpty()) {
            r.report(TRACE_FILE, r.pathOf(TRACE_FILE) + ": the trace " + uses + ", but the host has no " + wanted.noun());
        }
        tree.put(key.name(), device);
        return wanted.names().contains(device);
    }

    private static Arrivals mmpp(SectionReader m, Map<String, Object> tree) {
        Map<String, Object> t = new LinkedHashMap<>();
        double lowRate = recorded(m, MMPP_LOW_RATE, t);
        double lowStay = recorded(m, MMPP_LOW_STAY, t);
        double highRate = recorded(m, MMPP_HIGH_RATE, t);
        double highStay = recorded(m, MMPP_HIGH_STAY, t);
        m.finish();
        tree.put("mmpp", t);
        if (lowRate + highRate == 0) {
            m.report(MMPP_HIGH_RATE, m.pathOf(MMPP_HIGH_RATE) + ": both rates are 0; no request would arrive");
            return null;
        }
        return new Arrivals.Mmpp(lowRate, lowStay, highRate, highStay);
    }

    /** Reads a rate or a duration and records it in {@code tree} as the resolved scenario writes it. */
    private static double recorded(SectionReader r, Key k, Map<String, Object> tree) {
        double v = r.quantity(k);
        tree.put(k.name(), k.quantity() == org.hvsim.scenario.load.Quantity.RATE ? Formats.rate(v) : Formats.duration(v));
        return v;
    }

    /** The workload, its resolved form put in {@code tree}; null if it cannot be used. */
    Workload read(SectionReader w, Map<String, Object> tree) {
        Optional<Key> kind = w.exactlyOne(OPEN_KEY, CLOSED_KEY);
        Arrivals arrivals = null;
        boolean traced = false;
        boolean spread = false;
        if (kind.isPresent() && kind.get() == OPEN_KEY) {
            SectionReader o = w.object(OPEN_KEY);
            Map<String, Object> ot = new LinkedHashMap<>();
            Optional<Key> form = o.exactlyOne(POISSON_KEY, INTERARRIVAL, PROFILE_KEY, MMPP_KEY, TRACE_KEY);
            if (form.isPresent() && form.get() == TRACE_KEY) {
                traced = true;
                arrivals = trace(o.object(TRACE_KEY), ot);
            } else if (form.isPresent() && form.get() == PROFILE_KEY) {
                arrivals = profile(o.object(PROFILE_KEY), ot);
            } else if (form.isPresent() && form.get() == MMPP_KEY) {
                arrivals = mmpp(o.object(MMPP_KEY), ot);
            } else if (form.isPresent() && form.get() == POISSON_KEY) {
                SectionReader p = o.object(POISSON_KEY);
                double rate = p.quantity(RATE);
                p.finish();
                ot.put("poisson", Map.of("rate", Formats.rate(rate)));
                arrivals = Arrivals.Open.poisson(rate);
            } else if (form.isPresent()) {
                Distribution d = distributions.read(o, INTERARRIVAL, ot);
                if (d != null) {
                    if (!(d.mean() > 0)) {
                        o.report(INTERARRIVAL, o.pathOf(INTERARRIVAL) + ": the mean inter-arrival time must be positive");
                    } else {
                        arrivals = new Arrivals.Open(d);
                    }
                }
            }
            spread = o.choice(OPEN_SPREAD).equals("replicas");
            if (spread) {
                ot.put("spread", "replicas");
                if (traced) {
                    o.report(OPEN_SPREAD, o.pathOf(OPEN_SPREAD) + ": a trace is replayed on each instance; "
                            + "it cannot be spread over replicas");
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
            Distribution think = distributions.read(c, THINK, ct);
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
        if (traced && w.has(CLASSES)) {
            w.report(CLASSES, w.pathOf(CLASSES) + ": a trace's rows carry the demands; remove the classes");
        } else if (!traced && items.isEmpty()) {
            w.report(CLASSES, w.pathOf(CLASSES) + ": give at least one request class");
        }
        for (SectionReader c : items) {
            Map<String, Object> ct = new LinkedHashMap<>();
            RequestClass rc = requestClass(c, names, ct);
            classTrees.add(ct);
            if (rc != null) {
                classes.add(rc);
            }
        }
        tree.put("classes", classTrees);
        w.finish();
        if (arrivals == null || classes.size() != items.size() || classes.isEmpty() != traced) {
            return null;
        }
        return new Workload(arrivals, classes, spread && !traced);
    }

    private RequestClass requestClass(SectionReader c, Set<String> names, Map<String, Object> ct) {
        String name = c.text(CLASS_NAME);
        if (name.contains("/")) {
            c.report(CLASS_NAME, c.pathOf(CLASS_NAME) + ": a class name cannot contain '/', found '" + name + "'");
        }
        Reading.uniqueName(c, CLASS_NAME, name, names, "class");
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
            Phase p = phase(c, phaseNodes.get(i), i, phaseTrees);
            if (p != null) {
                phases.add(p);
            }
        }
        ct.put("phases", phaseTrees);
        c.finish();
        return !name.isEmpty() && phases.size() == phaseNodes.size() && !phases.isEmpty()
                ? new RequestClass(name, weight, phases) : null;
    }

    private Phase phase(SectionReader owner, Node node, int index, List<Object> trees) {
        Optional<Variant> phase = Variant.of(node, reading.problems(), owner.pathOf(PHASES) + "[" + index + "]",
                "phase", PHASE_KINDS, PHASE_FORMS);
        if (phase.isEmpty()) {
            return null;
        }
        String kind = phase.get().kind();
        SectionReader r = owner.item(PHASES, node, index);
        Map<String, Object> t = new LinkedHashMap<>();
        Phase out = switch (kind) {
            case "cpu" -> {
                Distribution d = distributions.read(r, CPU_PHASE, t);
                yield d == null ? null : new Phase.Cpu(d);
            }
            case "disk" -> disk(r.object(DISK_PHASE_KEY), t);
            case "privileged" -> {
                SectionReader pr = r.object(PRIVILEGED_PHASE_KEY);
                double sys = pr.decimal(SYSCALLS);
                double pf = pr.decimal(PAGE_FAULTS);
                double cs = pr.decimal(CONTEXT_SWITCHES);
                double pt = pr.decimal(PAGE_TABLE_UPDATES);
                pr.finish();
                t.put("syscalls", sys);
                t.put("page_faults", pf);
                t.put("context_switches", cs);
                t.put("page_table_updates", pt);
                yield new Phase.Privileged(sys, pf, cs, pt);
            }
            default -> net(r.object(NET_PHASE_KEY), t);
        };
        r.finish();
        trees.add(Map.of(kind, t.size() == 1 && t.containsKey(kind) ? t.get(kind) : t));
        return out;
    }

    private Phase disk(SectionReader d, Map<String, Object> t) {
        int ops = d.integer(OPS);
        String device = d.text(DISK_DEVICE);
        boolean write = d.bool(WRITE);
        boolean sync = d.bool(SYNC);
        Optional<DiskSpec> disk = host.disk(device);
        checkDevice(d, DISK_DEVICE, device, disks(), nics());
        if (disk.isPresent() && disk.get().service() == null) {
            d.require(OP_SIZE);
        }
        double size = d.quantity(OP_SIZE);
        t.put("ops", ops);
        t.put("size", Formats.size(size));
        t.put("write", write);
        t.put("sync", sync);
        t.put("device", device);
        d.finish();
        return disk.isPresent() ? new Phase.Disk(ops, size, write, device, sync) : null;
    }

    private Phase net(SectionReader n, Map<String, Object> t) {
        double bytes = n.quantity(BYTES);
        String device = n.text(NET_DEVICE);
        Optional<NicSpec> nic = host.nic(device);
        checkDevice(n, NET_DEVICE, device, nics(), disks());
        String direction = n.choice(DIRECTION);
        t.put("bytes", Formats.size(bytes));
        t.put("device", device);
        t.put("direction", direction);
        n.finish();
        return nic.isPresent() ? new Phase.Net(bytes, device,
                "receive".equals(direction) ? Phase.Direction.RECEIVE : Phase.Direction.SEND) : null;
    }

    /** The host's devices of one kind: what messages call them, the phase that uses them, their names. */
    private record Devices(String noun, String phase, List<String> names) {
    }

    private Devices disks() {
        return new Devices("disk", "disk", host.disks().stream().map(DiskSpec::name).toList());
    }

    private Devices nics() {
        return new Devices("NIC", "net", host.nics().stream().map(NicSpec::name).toList());
    }

    /** A phase's {@code device} must be one of the {@code wanted}; one of the {@code other} kind is named so. */
    private static void checkDevice(SectionReader r, Key key, String device, Devices wanted, Devices other) {
        if (device.isEmpty() || wanted.names().contains(device)) {
            return;
        }
        r.report(key, r.pathOf(key) + ": no " + wanted.noun() + " named '" + device + "' on the host"
                + (other.names().contains(device) ? " ('" + device + "' is a " + other.noun() + "; use a "
                        + other.phase() + " phase)" : Reading.known(device, wanted.names())));
    }
}
