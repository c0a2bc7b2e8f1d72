package org.hvsim.core.result;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a run simulated, typed, for whoever presents its figures: the host, the VM templates, the run
 * times, the service-level objectives and the swept parameters. Units are the engine's: seconds, bytes,
 * bytes per second, requests per second. The reports read this instead of the resolved scenario tree,
 * so they need no knowledge of the file format.
 *
 * @param host         the host, empty when not known (a result built by hand)
 * @param vms          the VM templates in scenario order
 * @param replications replications per architecture (0 when not known)
 * @param warmup       statistics restart at this instant, seconds (NaN when not known)
 * @param duration     simulated time per replication, warm-up included, seconds (NaN when not known)
 * @param slas         the objectives the figures are judged against
 * @param sweep        the swept parameters in column order, with their values as written; empty without a sweep
 * @param shard        which part of the sweep's grid this run computed; empty when it ran all of it
 * @param families     architecture name → the family it belongs to, as the output contract names them
 *                     ({@value #NATIVE}, "hosted", "monolithic", "microkernel"); charts colour by it and
 *                     findings take the native one as the baseline
 * @param unpublishedDefaults the architecture-profile defaults the run used whose source has no published
 *                     figure (NPF in docs/profiles.md), as "profile: parameter"; empty when none or not known
 */
public record RunSummary(Optional<Host> host, List<Vm> vms, int replications, double warmup, double duration,
        List<Sla> slas, List<SweptParameter> sweep, Optional<Shard> shard, Map<String, String> families,
        List<String> unpublishedDefaults) {

    /** The family of bare metal, the baseline of every comparison. */
    public static final String NATIVE = "native";

    /** Nothing known: a result assembled without a scenario. */
    public static final RunSummary NONE = new RunSummary(Optional.empty(), List.of(), 0, Double.NaN, Double.NaN,
            List.of(), List.of());

    public RunSummary {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(shard, "shard");
        families = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(families));
        unpublishedDefaults = List.copyOf(unpublishedDefaults);
        vms = List.copyOf(vms);
        slas = List.copyOf(slas);
        sweep = List.copyOf(sweep);
    }

    /** A summary of a whole run (no shard). */
    public RunSummary(Optional<Host> host, List<Vm> vms, int replications, double warmup, double duration,
            List<Sla> slas, List<SweptParameter> sweep) {
        this(host, vms, replications, warmup, duration, slas, sweep, Optional.empty(), Map.of(), List.of());
    }

    /** The family of {@code architecture}; without one recorded, its own name (the built-in names are families). */
    public String familyOf(String architecture) {
        return families.getOrDefault(architecture, architecture);
    }

    /** The objective on {@code metric} of {@code scope}, if the run has one. */
    public Optional<Sla> sla(String scope, String metric) {
        return slas.stream().filter(s -> s.scope().equals(scope) && s.metric().equals(metric)).findFirst();
    }

    /** The swept parameter names in column order. */
    public List<String> parameterNames() {
        return sweep.stream().map(SweptParameter::name).toList();
    }

    public RunSummary withSlas(List<Sla> objectives) {
        return new RunSummary(host, vms, replications, warmup, duration, objectives, sweep, shard, families, unpublishedDefaults);
    }

    public RunSummary withSweep(List<SweptParameter> parameters) {
        return new RunSummary(host, vms, replications, warmup, duration, slas, parameters, shard, families, unpublishedDefaults);
    }

    public RunSummary withFamilies(Map<String, String> byArchitecture) {
        return new RunSummary(host, vms, replications, warmup, duration, slas, sweep, shard, byArchitecture, unpublishedDefaults);
    }

    public RunSummary withUnpublishedDefaults(List<String> defaults) {
        return new RunSummary(host, vms, replications, warmup, duration, slas, sweep, shard, families, defaults);
    }

    public RunSummary withShard(Optional<Shard> part) {
        return new RunSummary(host, vms, replications, warmup, duration, slas, sweep, part, families, unpublishedDefaults);
    }

    /**
     * Shard {@code index} of {@code count} (1-based): the sweep points whose position in the grid, counted
     * from 0 with the first axis varying slowest, leaves {@code index - 1} when divided by {@code count}.
     */
    public record Shard(int index, int count) {
        public Shard {
            if (count < 1 || index < 1 || index > count) {
                throw new IllegalArgumentException("a shard is i/N with 1 <= i <= N, got " + index + "/" + count);
            }
        }

        /** True when grid point {@code position} (0-based) belongs to this shard. */
        public boolean holds(int position) {
            return position % count == index - 1;
        }
    }

    /**
     * The host's hardware.
     *
     * @param cpus   physical CPUs
     * @param speed  relative to the reference CPU the profiles' costs were measured on (1.0)
     * @param memory bytes of RAM
     */
    public record Host(int cpus, double speed, double memory, List<Disk> disks, List<Nic> nics) {
        public Host {
            disks = List.copyOf(disks);
            nics = List.copyOf(nics);
        }
    }

    /** A disk and how many requests it serves at once. */
    public record Disk(String name, int channels) {
    }

    /** A NIC and its line rate in bytes per second. */
    public record Nic(String name, double bandwidth) {
    }

    /**
     * A VM template: {@code count} identical instances.
     *
     * @param memory bytes of configured RAM per instance
     */
    public record Vm(String name, int count, int vcpus, double memory, Workload workload) {
        public Vm {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(workload, "workload");
        }
    }

    /** Where a VM's requests come from. */
    public sealed interface Workload {
    }

    /**
     * An open stream of requests.
     *
     * @param poisson true for exponential inter-arrival times
     * @param rate    mean arrivals per second per instance
     */
    public record OpenWorkload(boolean poisson, double rate) implements Workload {
    }

    /**
     * A closed population.
     *
     * @param users users per instance
     * @param think mean think time, seconds
     */
    public record ClosedWorkload(int users, double think) implements Workload {
    }

    /** One swept key: its name in results ("web.count") and its values as written. */
    public record SweptParameter(String name, List<String> values) {
        public SweptParameter {
            Objects.requireNonNull(name, "name");
            values = List.copyOf(values);
        }
    }
}
