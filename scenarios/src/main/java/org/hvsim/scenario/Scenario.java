package org.hvsim.scenario;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.hvsim.model.arch.ArchitectureProfile;
import org.hvsim.model.guest.VmSpec;
import org.hvsim.model.hardware.HostSpec;
import org.hvsim.model.system.SystemSpec;

/**
 * A loaded, validated scenario: what to simulate and how (replications, times, seed). Times in seconds.
 *
 * @param source   where it was read from, for messages
 * @param resolved the scenario with every default made explicit, as a plain tree for results.json
 */
public record Scenario(String source, String name, String description, long seed, int replications, double warmup,
        double duration, List<ArchitectureProfile> architectures, HostSpec host, List<VmSpec> vms,
        Map<String, Object> resolved) {

    public Scenario {
        Objects.requireNonNull(name, "name");
        architectures = List.copyOf(architectures);
        vms = List.copyOf(vms);
    }

    /** The system under one of the scenario's architectures. */
    public SystemSpec system(ArchitectureProfile architecture) {
        return new SystemSpec(host, vms, architecture);
    }

    public Scenario withReplications(int n) {
        return new Scenario(source, name, description, seed, n, warmup, duration, architectures, host, vms,
                withResolved("replications", n));
    }

    public Scenario withSeed(long s) {
        return new Scenario(source, name, description, s, replications, warmup, duration, architectures, host, vms,
                withResolved("seed", s));
    }

    private Map<String, Object> withResolved(String key, Object value) {
        Map<String, Object> m = new java.util.LinkedHashMap<>(resolved);
        m.put(key, value);
        return m;
    }
}
