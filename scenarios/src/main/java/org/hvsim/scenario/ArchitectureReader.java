package org.hvsim.scenario;

import static org.hvsim.scenario.schema.ScenarioSchema.*;

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

import org.hvsim.model.arch.ArchitectureProfile;
import org.hvsim.model.arch.Architectures;
import org.hvsim.model.arch.ControlDomain;
import org.hvsim.model.arch.IoCosts;
import org.hvsim.model.hypervisor.Control;
import org.hvsim.model.hypervisor.Tunable;
import org.hvsim.scenario.load.NearestKey;
import org.hvsim.scenario.load.Node;
import org.hvsim.scenario.load.ScalarNode;
import org.hvsim.scenario.load.SourceLocation;
import org.hvsim.scenario.schema.Key;
import org.hvsim.scenario.schema.SectionReader;

/** Reads {@code architectures}: built-in profiles by name, and variants of them. */
final class ArchitectureReader {

    /** A control the file gives a control domain: where, and its value (pCPUs, Hz, or a weight). */
    record Given(SectionReader reader, Key key, double value, boolean hz) {

        /** The value in pCPUs, with {@code frequency} to convert MHz. */
        double pcpus(double frequency) {
            return hz ? value / frequency : value;
        }
    }

    /**
     * The architectures as read.
     *
     * @param schedulers the scheduler a variant names itself, by architecture name (it wins over `scheduler`)
     * @param tunables   the scheduler tunables a variant gives itself, by architecture name
     * @param asked      per architecture name, the control-domain controls its file text gives
     */
    record Read(List<ArchitectureProfile> profiles, List<Map<String, Object>> trees, Map<String, String> schedulers,
            Map<String, Map<Tunable, Object>> tunables, Map<String, Map<Control, Given>> asked) {
    }

    private static final List<String> DEFAULTS = List.of("native", "hosted", "monolithic", "microkernel");

    private final Reading reading;
    /** The blast radius a variant's control domain gives itself ({@code on_crash}), by architecture name. */
    private final Map<String, org.hvsim.model.fault.BlastRadius> onCrash = new HashMap<>();

    /** The {@code on_crash} of each variant that gives one (a variant of it keeps it), by architecture name. */
    Map<String, org.hvsim.model.fault.BlastRadius> onCrash() {
        return onCrash;
    }

    ArchitectureReader(Reading reading) {
        this.reading = reading;
    }

    Read read(SectionReader top) {
        List<ArchitectureProfile> out = new ArrayList<>();
        List<Map<String, Object>> tree = new ArrayList<>();
        Map<String, String> schedulers = new HashMap<>();
        Map<String, Map<Tunable, Object>> tunables = new HashMap<>();
        Map<String, Map<Control, Given>> asks = new HashMap<>();
        if (!top.has(ARCHITECTURES)) {
            int i = 0;
            for (String n : DEFAULTS) {
                ArchitectureProfile p = Architectures.byName(n).orElseThrow();
                out.add(p);
                tree.add(profileTree(p));
                traceProfile("architectures[" + i++ + "]", p, n, Set.of());
            }
            top.source(ARCHITECTURES, "default: " + ARCHITECTURES.defaultSource().orElse(""));
            return new Read(out, tree, schedulers, tunables, asks);
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
                    traceProfile(path, p, p.name(), Set.of());
                }
            } else {
                SectionReader r = top.item(ARCHITECTURES, item, i);
                p = variant(r, path, defined, schedulers, tunables, asks);
                r.finish();
            }
            if (p != null) {
                if (defined.containsKey(p.name())) {
                    reading.problems().add(item.location(), path + ": architecture name '" + p.name()
                            + "' is used twice; give the variant its own 'name'");
                }
                defined.put(p.name(), p);
                out.add(p);
                tree.add(profileTree(p));
            }
        }
        return new Read(out, tree, schedulers, tunables, asks);
    }

    /** A variant: its base (built in or defined before it) with the parameters it overrides. */
    private ArchitectureProfile variant(SectionReader r, String path, Map<String, ArchitectureProfile> defined,
            Map<String, String> schedulers, Map<String, Map<Tunable, Object>> tunables,
            Map<String, Map<Control, Given>> asks) {
        String base = r.text(BASE);
        ArchitectureProfile p = defined.containsKey(base) ? defined.get(base) : builtIn(base, r.locationOf(BASE));
        if (p == null) {
            return null;
        }
        Set<String> overridden = new HashSet<>();
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
            schedulers.put(p.name(), p.scheduler());
        }
        Map<Tunable, Object> own = new LinkedHashMap<>();
        for (Map.Entry<Tunable, Key> e : VARIANT_TUNABLES.entrySet()) {
            if (r.has(e.getValue())) {
                own.put(e.getKey(), SchedulerReader.value(r, e.getKey(), e.getValue()));
            }
        }
        if (!own.isEmpty()) {
            tunables.put(p.name(), own);
        }
        // A variant of a variant keeps what the file gave its base's control domain.
        Map<Control, Given> asked = new EnumMap<>(Control.class);
        if (defined.containsKey(base) && asks.containsKey(base)) {
            asked.putAll(asks.get(base));
        }
        if (onCrash.containsKey(base)) {
            onCrash.put(p.name(), onCrash.get(base));
        }
        if (r.has(CONTROL_KEY)) {
            SectionReader cr = r.object(CONTROL_KEY);
            String crash = cr.has(CONTROL_ON_CRASH) ? cr.choice(CONTROL_ON_CRASH) : "";
            if (!crash.isEmpty()) {
                onCrash.put(p.name(), org.hvsim.model.fault.BlastRadius.valueOf(crash.toUpperCase(java.util.Locale.ROOT)));
            }
            p = p.withControl(control(cr, p.control(), asked));
        }
        asks.put(p.name(), asked);
        IoCosts diskPath = r.has(DISK_PATH) ? ioPath(r.object(DISK_PATH)) : null;
        IoCosts netPath = r.has(NET_PATH) ? ioPath(r.object(NET_PATH)) : null;
        IoCosts receivePath = r.has(NET_RECEIVE_PATH) ? ioPath(r.object(NET_RECEIVE_PATH)) : null;
        if (r.has(SYNC_WRITE)) {
            p = p.withSyncWrite(r.quantity(SYNC_WRITE));
        }
        boolean needsControl = diskPath != null && diskPath.control() > 0 || netPath != null && netPath.control() > 0
                || receivePath != null && receivePath.control() > 0;
        if (needsControl && !p.hasControlDomain()) {
            r.report(diskPath != null && diskPath.control() > 0 ? DISK_PATH
                    : netPath != null && netPath.control() > 0 ? NET_PATH : NET_RECEIVE_PATH, r.path()
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
            if (receivePath != null) {
                p = p.withNetReceive(receivePath);
            }
        }
        traceProfile(path, p, base, overridden);
        return p;
    }

    private void traceProfile(String path, ArchitectureProfile p, String base, Set<String> overridden) {
        for (String param : List.of("cpu_factor", "disk_op_cpu", "net_packet_cpu", "scheduler")) {
            if (!overridden.contains(param)) {
                reading.trace().source(path + "." + param, "profile " + base + ": " + p.source(param));
            }
        }
        if (!path.isEmpty() && !reading.trace().sources().containsKey(path + ".name")) {
            // A plain profile name; a variant's name was traced when it was read (file or default).
            reading.trace().source(path + ".name", "profile " + base);
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
            reading.problems().add(at, "unknown architecture " + org.hvsim.scenario.load.Excerpt.quote(name) + hint);
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

    private static IoCosts ioPath(SectionReader r) {
        IoCosts c = new IoCosts(r.quantity(PATH_GUEST), r.quantity(PATH_HYPERVISOR), r.quantity(PATH_CONTROL));
        r.finish();
        return c;
    }

    /** A variant's control domain: its keys over the base's (or a fresh one). */
    private static ControlDomain control(SectionReader r, ControlDomain base, Map<Control, Given> asked) {
        ControlDomain c = base != null ? base : new ControlDomain(r.choice(CONTROL_ROLE), 1, 0, 0, 0,
                ControlDomain.BACKGROUND_BURST, ControlDomain.Management.NONE);
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
        // Reservation and limit wait for the host (MHz, vCPUs) and the scheduler: see CrossChecks.
        given(r, CONTROL_RESERVATION, CONTROL_RESERVATION_MHZ).ifPresent(g -> asked.put(Control.RESERVATION, g));
        given(r, CONTROL_LIMIT, CONTROL_LIMIT_MHZ).ifPresent(g -> asked.put(Control.LIMIT, g));
        if (r.has(CONTROL_MEMORY)) {
            c = c.withMemory(r.quantity(CONTROL_MEMORY));
        }
        Optional<ControlDomain.Management> agents = agent(r, MANAGEMENT_KEY);
        if (agents.isPresent()) {
            c = c.withManagement(agents.get());
        }
        Optional<ControlDomain.Management> tools = agent(r, TOOLS_KEY);
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

    /** The control given as % of one pCPU or in MHz, if given (not both). */
    private static Optional<Given> given(SectionReader r, Key percent, Key mhz) {
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

    /** An agent (management or heavy tools) of a control domain, if the key is given. */
    private static Optional<ControlDomain.Management> agent(SectionReader r, Key key) {
        Optional<SectionReader> o = r.optionalObject(key);
        if (o.isEmpty()) {
            return Optional.empty();
        }
        SectionReader a = o.get();
        ControlDomain.Management m = new ControlDomain.Management(a.quantity(MGMT_PERIOD), a.quantity(MGMT_BASE),
                a.quantity(MGMT_PER_VM));
        a.finish();
        return Optional.of(m);
    }
}
