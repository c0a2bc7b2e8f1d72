package org.hvsim.report.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Facts read from a resolved scenario for the report: run times and a short description of the
 * host and the VMs. Every accessor tolerates a missing or oddly typed key.
 */
public final class ScenarioFacts {

    private final Map<String, Object> scenario;

    public ScenarioFacts(Map<String, Object> resolvedScenario) {
        this.scenario = resolvedScenario == null ? Map.of() : resolvedScenario;
    }

    /** The warm-up (statistics restart at this instant), seconds. */
    public Optional<Double> warmupSeconds() {
        return Durations.seconds(scenario.get("warmup"));
    }

    /** Simulated time per replication, warm-up included, seconds. */
    public Optional<Double> durationSeconds() {
        return Durations.seconds(scenario.get("duration"));
    }

    /** The value of {@code key} as written, e.g. "30 s"; empty when absent. */
    public Optional<String> text(String key) {
        Object v = scenario.get(key);
        return v == null ? Optional.empty() : Optional.of(String.valueOf(v));
    }

    /** "8 CPUs, 32 GB; disks: d0 (8 channels); NICs: n0 (1 Gbit/s)", from {@code host}. */
    public Optional<String> host() {
        if (!(scenario.get("host") instanceof Map<?, ?> host)) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        if (host.get("cpus") != null) {
            parts.add(host.get("cpus") + " CPUs" + (host.get("speed") instanceof Number speed
                    && speed.doubleValue() != 1.0 ? " at speed " + speed : ""));
        }
        if (host.get("memory") != null) {
            parts.add(host.get("memory") + " memory");
        }
        String disks = devices(host.get("disks"), "channels", " channels");
        if (!disks.isEmpty()) {
            parts.add("disks: " + disks);
        }
        String nics = devices(host.get("nics"), "bandwidth", "");
        if (!nics.isEmpty()) {
            parts.add("NICs: " + nics);
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", parts));
    }

    /** One line per VM template: "web: 6 × 2 vCPU, 2 GB, open workload (poisson 40 /s per VM)". */
    public List<String> vms() {
        return vms(List.of());
    }

    /**
     * As {@link #vms()}, noting the swept parameters that belong to each template ("web.count"
     * belongs to "web"): the resolved scenario holds one value of them, the sweep all.
     */
    public List<String> vms(List<String> sweptParameters) {
        List<String> lines = new ArrayList<>();
        if (!(scenario.get("vms") instanceof List<?> vms)) {
            return lines;
        }
        for (Object item : vms) {
            if (!(item instanceof Map<?, ?> vm) || vm.get("name") == null) {
                continue;
            }
            StringBuilder s = new StringBuilder().append(vm.get("name")).append(": ");
            s.append(vm.get("count") == null ? "1" : vm.get("count")).append(" × ");
            s.append(vm.get("vcpus") == null ? "?" : vm.get("vcpus")).append(" vCPU");
            if (vm.get("memory") != null) {
                s.append(", ").append(vm.get("memory"));
            }
            workload(vm.get("workload")).ifPresent(w -> s.append(", ").append(w));
            List<String> swept = sweptParameters.stream().filter(p -> p.startsWith(vm.get("name") + ".")).toList();
            if (!swept.isEmpty()) {
                s.append(" — swept: ").append(String.join(", ", swept));
            }
            lines.add(s.toString());
        }
        return lines;
    }

    private static Optional<String> workload(Object workload) {
        if (!(workload instanceof Map<?, ?> w)) {
            return Optional.empty();
        }
        if (w.get("open") instanceof Map<?, ?> open && !open.isEmpty()) {
            Map.Entry<?, ?> process = open.entrySet().iterator().next();
            String rate = process.getValue() instanceof Map<?, ?> p && p.get("rate") != null
                    ? " " + p.get("rate") : "";
            return Optional.of("open workload (" + process.getKey() + rate + " per VM)");
        }
        if (w.get("closed") instanceof Map<?, ?> closed) {
            return Optional.of("closed workload (" + (closed.get("users") == null ? "?" : closed.get("users"))
                    + " users per VM)");
        }
        return Optional.empty();
    }

    private static String devices(Object list, String detailKey, String detailSuffix) {
        if (!(list instanceof List<?> items)) {
            return "";
        }
        List<String> names = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof Map<?, ?> d && d.get("name") != null) {
                Object detail = d.get(detailKey);
                names.add(d.get("name") + (detail == null ? "" : " (" + detail + detailSuffix + ")"));
            }
        }
        return String.join(", ", names);
    }
}
