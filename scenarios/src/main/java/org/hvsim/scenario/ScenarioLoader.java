package org.hvsim.scenario;

import static org.hvsim.scenario.schema.ScenarioSchema.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hvsim.model.arch.ArchitectureProfile;
import org.hvsim.model.hypervisor.SchedulerSettings;
import org.hvsim.model.hypervisor.Tunable;
import org.hvsim.scenario.capacity.CapacityPlan;
import org.hvsim.scenario.capacity.CapacityReader;
import org.hvsim.scenario.load.Node;
import org.hvsim.scenario.load.Problem;
import org.hvsim.scenario.load.Problems;
import org.hvsim.scenario.load.ScenarioException;
import org.hvsim.scenario.load.SourceLocation;
import org.hvsim.scenario.load.Sweeps;
import org.hvsim.scenario.load.YamlTree;
import org.hvsim.scenario.schema.ReadTrace;
import org.hvsim.scenario.schema.ScenarioSchema;
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

    private final Reading reading;

    /**
     * One reading of the file (one sweep point).
     *
     * @param scenario null if the reading had problems
     * @param resolved the resolved tree, kept even with problems (to name sweep parameters)
     */
    private record Point(Scenario scenario, Map<String, Object> resolved) {
    }

    private ScenarioLoader(String source, Problems problems, Sweeps sweeps, Map<String, List<Double>> csvCache) {
        this.reading = new Reading(source, problems, sweeps, new ReadTrace(), csvCache);
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
        return l.reading.trace();
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
        Point p0 = first.readSafely(root);
        Scenario s0 = p0.scenario();
        List<Sweeps.Axis> found = first.reading.sweeps().axes();
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
        Map<String, String> names = parameterNames(found, p0.resolved());
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
                    : new ScenarioLoader(source, pointProblems, Sweeps.at(assignment), csvCache).readSafely(root).scenario();
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

    private Point readSafely(Node root) {
        try {
            Point p = read(root);
            return reading.problems().hasAny() ? new Point(null, p.resolved()) : p;
        } catch (RuntimeException e) {
            // A model constructor refused a combination the reader let through: still a bad input.
            reading.problems().add(SourceLocation.startOf(reading.source()), "invalid scenario: " + e.getMessage());
            return new Point(null, Map.of());
        }
    }

    /**
     * One reading: each section by its reader, then the checks that span sections. The resolved tree
     * is kept even when the reading has problems, to name sweep parameters.
     */
    private Point read(Node root) {
        Problems problems = reading.problems();
        SectionReader top = reading.reader(ROOT, root, "");
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

        DistributionReader distributions = new DistributionReader(reading);
        ArchitectureReader archReader = new ArchitectureReader(reading);
        ArchitectureReader.Read archRead = archReader.read(top);
        resolved.put("architectures", archRead.trees());
        SchedulerReader.Choice tuning = SchedulerReader.read(top);
        if (!tuning.tree().isEmpty()) {
            resolved.put("scheduler", tuning.tree());
        }
        HostReader.Host host = new HostReader(reading, distributions).read(top.object(HOST_KEY));
        resolved.put("host", host.tree());
        Map<String, SchedulerSettings> settings = settings(archRead, tuning);
        List<ArchitectureProfile> archs = CrossChecks.controlCpu(archRead, host, settings, reading.trace());
        VmReader.Vms vms = new VmReader(reading, distributions, host, settings).read(top);
        resolved.put("vms", vms.trees());
        Optional<SlaReader.Sla> sla = SlaReader.read(top).map(s -> CrossChecks.slaScope(s, vms.vms()));
        sla.ifPresent(s -> resolved.put("sla", s.tree()));
        Optional<CapacityPlan> capacity = CapacityReader.read(top, vms.vms(),
                archs.stream().map(ArchitectureProfile::name).toList(), replications, resolved);
        org.hvsim.model.fault.FaultPlan faults = FaultReader.read(top, distributions, vms.vms(), archReader.onCrash(),
                resolved);
        top.finish();
        if (faults.cluster() == null) { // a cluster's placement checks memory per host (ClusterFailover)
            CrossChecks.configuredMemory(top, host, vms);
        }
        if (!problems.hasAny() && faults.cluster() == null) {
            CrossChecks.footprints(top, host, vms.vms(), archs, settings);
        }
        if (problems.hasAny()) {
            return new Point(null, resolved);
        }
        Scenario scenario = new Scenario(reading.source(), name, description, seed, replications, warmup, duration,
                archs, host.spec(), vms.vms(), resolved, reading.trace().sources(), Map.of(), settings, host.memory(),
                sla.map(s -> List.of(new org.hvsim.core.result.Sla(s.metric(), s.figureScope(), s.max()))).orElse(List.of()),
                capacity, faults);
        if (faults.cluster() != null) {
            archs.forEach(a -> ScenarioRunner.placement(scenario, a)); // refuses VMs that fit on no host
        }
        return new Point(scenario, resolved);
    }

    /**
     * Each architecture's scheduler: the scenario's `scheduler` names one for all; a variant's own
     * `scheduler` and scheduler tunables win; switch_cost is the profile's unless the scenario gives one.
     */
    private static Map<String, SchedulerSettings> settings(ArchitectureReader.Read archs, SchedulerReader.Choice tuning) {
        SchedulerSettings t = tuning.settings();
        Map<String, SchedulerSettings> settings = new LinkedHashMap<>();
        for (ArchitectureProfile a : archs.profiles()) {
            String n = archs.schedulers().containsKey(a.name()) ? a.scheduler()
                    : t.name().isEmpty() ? a.scheduler() : t.name();
            SchedulerSettings st = t.withName(n).withSwitchCost(tuning.switchCostGiven() ? t.switchCost()
                    : a.switchCost());
            for (Map.Entry<Tunable, Object> own : archs.tunables().getOrDefault(a.name(), Map.of()).entrySet()) {
                st = st.with(own.getKey(), own.getValue());
            }
            settings.put(a.name(), st);
        }
        return settings;
    }
}
