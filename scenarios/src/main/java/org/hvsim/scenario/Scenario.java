package org.hvsim.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.hvsim.model.arch.ArchitectureProfile;
import org.hvsim.model.system.VmSpec;
import org.hvsim.model.hardware.HostSpec;
import org.hvsim.model.hypervisor.SchedulerSettings;
import org.hvsim.model.system.MemoryPolicy;
import org.hvsim.model.system.SystemSpec;
import org.hvsim.core.random.Distribution;
import org.hvsim.core.result.RunSummary;
import org.hvsim.core.result.Sla;
import org.hvsim.model.workload.Arrivals;
import org.hvsim.model.fault.FaultPlan;
import org.hvsim.scenario.capacity.CapacityPlan;

/**
 * A loaded, validated scenario: what to simulate and how (replications, times, seed). Times in seconds.
 * In a sweep, one point of the grid.
 *
 * @param source     where it was read from, for messages
 * @param resolved   the scenario with every default made explicit, as a plain tree for results.json
 * @param sources    value path ("vms[0].count") → where the value came from: a file position, a default
 *                   and its reason, or a profile and its citation (for {@code hvsim explain})
 * @param parameters in a sweep, parameter name → this point's value as written; empty otherwise
 * @param schedulers the hypervisor scheduler and its tunables per architecture name
 * @param memory     memory overcommit policy
 * @param slas       the service-level objectives the figures are judged against
 * @param capacity   what {@code hvsim capacity} searches, when the file has a {@code capacity} section
 * @param faults     what fails and how it plays out; {@link FaultPlan#NONE} without faults
 */
public record Scenario(String source, String name, String description, long seed, int replications, double warmup,
        double duration, List<ArchitectureProfile> architectures, HostSpec host, List<VmSpec> vms,
        Map<String, Object> resolved, Map<String, String> sources, Map<String, String> parameters,
        Map<String, SchedulerSettings> schedulers, MemoryPolicy memory, List<Sla> slas,
        Optional<CapacityPlan> capacity, FaultPlan faults) {

    /** A scenario without faults. */
    public Scenario(String source, String name, String description, long seed, int replications, double warmup,
            double duration, List<ArchitectureProfile> architectures, HostSpec host, List<VmSpec> vms,
            Map<String, Object> resolved, Map<String, String> sources, Map<String, String> parameters,
            Map<String, SchedulerSettings> schedulers, MemoryPolicy memory, List<Sla> slas,
            Optional<CapacityPlan> capacity) {
        this(source, name, description, seed, replications, warmup, duration, architectures, host, vms, resolved,
                sources, parameters, schedulers, memory, slas, capacity, FaultPlan.NONE);
    }

    /** A scenario without a capacity plan. */
    public Scenario(String source, String name, String description, long seed, int replications, double warmup,
            double duration, List<ArchitectureProfile> architectures, HostSpec host, List<VmSpec> vms,
            Map<String, Object> resolved, Map<String, String> sources, Map<String, String> parameters,
            Map<String, SchedulerSettings> schedulers, MemoryPolicy memory, List<Sla> slas) {
        this(source, name, description, seed, replications, warmup, duration, architectures, host, vms, resolved,
                sources, parameters, schedulers, memory, slas, Optional.empty(), FaultPlan.NONE);
    }

    public Scenario {
        Objects.requireNonNull(name, "name");
        architectures = List.copyOf(architectures);
        vms = List.copyOf(vms);
        // in insertion order (Map.copyOf's order changes from one JVM run to the next)
        sources = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        schedulers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(schedulers));
        Objects.requireNonNull(memory, "memory");
        slas = List.copyOf(slas);
        Objects.requireNonNull(capacity, "capacity");
        Objects.requireNonNull(faults, "faults");
    }

    /** The system under one of the scenario's architectures. */
    public SystemSpec system(ArchitectureProfile architecture) {
        SchedulerSettings s = schedulers.getOrDefault(architecture.name(),
                SchedulerSettings.of(architecture.scheduler()).withSwitchCost(architecture.switchCost()));
        return new SystemSpec(host, vms, architecture, s, memory);
    }

    /** What this scenario simulates, typed, for the reports; without sweep parameters (see {@link Sweep#summary()}). */
    public RunSummary summary() {
        List<RunSummary.Disk> disks = host.disks().stream().map(d -> new RunSummary.Disk(d.name(), d.channels()))
                .toList();
        List<RunSummary.Nic> nics = host.nics().stream().map(n -> new RunSummary.Nic(n.name(), n.bandwidth()))
                .toList();
        RunSummary.Host h = new RunSummary.Host(host.pcpus(), host.speed(), host.memory(), disks, nics);
        List<RunSummary.Vm> templates = vms.stream().map(v -> new RunSummary.Vm(v.name(), v.count(), v.vcpus(),
                v.memory(), workload(v.workload().arrivals(), v.workload().spread() ? v.count() : 1))).toList();
        Map<String, String> families = new LinkedHashMap<>();
        architectures.forEach(a -> families.put(a.name(), a.kind().name().toLowerCase(java.util.Locale.ROOT)));
        return new RunSummary(Optional.of(h), templates, replications, warmup, duration, slas, List.of())
                .withFamilies(families).withUnpublishedDefaults(unpublishedDefaults());
    }

    /**
     * The profile defaults this scenario's architectures use whose source has no published figure
     * ("NPF" in the profile's sources, docs/profiles.md), as "profile: parameter", in architecture order;
     * a parameter the file overrides is the file's, not a default.
     */
    public List<String> unpublishedDefaults() {
        List<String> out = new java.util.ArrayList<>();
        for (ArchitectureProfile a : architectures) {
            a.sources().entrySet().stream().filter(e -> e.getValue().contains("NPF")).map(Map.Entry::getKey)
                    .sorted().forEach(k -> out.add(a.name() + ": " + k));
        }
        if (faults.active()) {
            // the faults' defaults without a published figure (docs/method.md), when the file leaves them
            for (String k : List.of("boot", "patch_duration")) {
                if (sources.getOrDefault("fault_settings." + k, "default").startsWith("default")
                        && (k.equals("boot") || faults.patchReboots().active())) {
                    out.add("faults: " + k);
                }
            }
        }
        return out;
    }

    /** The workload of one instance; a stream spread over {@code share} replicas brings each its share. */
    private static RunSummary.Workload workload(Arrivals arrivals, int share) {
        if (arrivals instanceof Arrivals.Open open) {
            return new RunSummary.OpenWorkload(open.interarrival() instanceof Distribution.Exponential,
                    open.rate() / share);
        }
        if (arrivals instanceof Arrivals.Varying v) {
            return new RunSummary.OpenWorkload(false, v.profile().meanRate() / share);
        }
        if (arrivals instanceof Arrivals.Mmpp m) {
            return new RunSummary.OpenWorkload(false, m.meanRate() / share);
        }
        if (arrivals instanceof Arrivals.Trace trace) {
            return new RunSummary.OpenWorkload(false, trace.meanRate());
        }
        Arrivals.Closed closed = (Arrivals.Closed) arrivals;
        return new RunSummary.ClosedWorkload(closed.users(), closed.think().mean());
    }

    public Scenario withReplications(int n) {
        return new Scenario(source, name, description, seed, n, warmup, duration, architectures, host, vms,
                withResolved("replications", n), withSource("replications", "command line"), parameters, schedulers, memory, slas, capacity, faults);
    }

    public Scenario withSeed(long s) {
        return new Scenario(source, name, description, s, replications, warmup, duration, architectures, host, vms,
                withResolved("seed", s), withSource("seed", "command line"), parameters, schedulers, memory, slas, capacity, faults);
    }

    /** The same scenario with only these architectures, in this order. */
    public Scenario withArchitectures(List<ArchitectureProfile> chosen) {
        return new Scenario(source, name, description, seed, replications, warmup, duration, chosen, host, vms,
                resolved, sources, parameters, schedulers, memory, slas, capacity, faults);
    }

    /** The same scenario over other run times (seconds): the validation command's quick mode. */
    public Scenario withTimes(double warmupSeconds, double durationSeconds) {
        return new Scenario(source, name, description, seed, replications, warmupSeconds, durationSeconds,
                architectures, host, vms, resolved, sources, parameters, schedulers, memory, slas, capacity, faults);
    }

    /** The same scenario with {@code vms} in place of its VM templates (the capacity search's counts). */
    public Scenario withVms(List<VmSpec> replaced) {
        return new Scenario(source, name, description, seed, replications, warmup, duration, architectures, host,
                replaced, resolved, sources, parameters, schedulers, memory, slas, capacity, faults);
    }

    Scenario withParameters(Map<String, String> values) {
        return new Scenario(source, name, description, seed, replications, warmup, duration, architectures, host, vms,
                resolved, sources, values, schedulers, memory, slas, capacity, faults);
    }

    private Map<String, Object> withResolved(String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>(resolved);
        m.put(key, value);
        return m;
    }

    private Map<String, String> withSource(String key, String source) {
        Map<String, String> m = new LinkedHashMap<>(sources);
        m.put(key, source);
        return m;
    }
}
