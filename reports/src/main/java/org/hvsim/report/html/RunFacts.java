package org.hvsim.report.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hvsim.core.result.RunSummary;
import org.hvsim.report.metric.UnitFormat;

/** The sentences of the report's summary box, written from the typed {@link RunSummary}. */
final class RunFacts {

    private RunFacts() {
    }

    /** "8 CPUs; 32 GB memory; disks: d0 (8 channels); NICs: n0 (1 Gbit/s)". */
    static Optional<String> host(RunSummary run) {
        return run.host().map(host -> {
            List<String> parts = new ArrayList<>();
            parts.add(host.cpus() + " CPUs" + (host.speed() != 1.0 ? " at speed " + host.speed() : ""));
            parts.add(UnitFormat.bytes(host.memory()) + " memory");
            if (!host.disks().isEmpty()) {
                parts.add("disks: " + String.join(", ", host.disks().stream()
                        .map(d -> d.name() + " (" + d.channels() + " channels)").toList()));
            }
            if (!host.nics().isEmpty()) {
                parts.add("NICs: " + String.join(", ", host.nics().stream()
                        .map(n -> n.name() + " (" + UnitFormat.bitRate(n.bandwidth()) + ")").toList()));
            }
            return String.join("; ", parts);
        });
    }

    /**
     * One line per VM template, "web: 6 × 2 vCPU, 2 GB, open workload (poisson 40 /s per VM)", noting
     * the swept parameters that belong to it ("web.count" belongs to "web"): the summary holds one
     * value of them, the sweep all.
     */
    static List<String> vms(RunSummary run, List<String> sweptParameters) {
        List<String> lines = new ArrayList<>();
        for (RunSummary.Vm vm : run.vms()) {
            StringBuilder s = new StringBuilder().append(vm.name()).append(": ").append(vm.count()).append(" × ")
                    .append(vm.vcpus()).append(" vCPU, ").append(UnitFormat.bytes(vm.memory())).append(", ")
                    .append(workload(vm.workload()));
            List<String> swept = sweptParameters.stream().filter(p -> p.startsWith(vm.name() + ".")).toList();
            if (!swept.isEmpty()) {
                s.append(" — swept: ").append(String.join(", ", swept));
            }
            lines.add(s.toString());
        }
        return lines;
    }

    /** "5 replications × 5 min simulated (the first 30 s are warm-up, left out of the statistics)". */
    static String run(RunSummary run, String replications) {
        StringBuilder s = new StringBuilder().append(replications).append(" replications");
        if (Double.isFinite(run.duration())) {
            s.append(" × ").append(UnitFormat.setting(run.duration())).append(" simulated");
        }
        if (Double.isFinite(run.warmup())) {
            s.append(" (the first ").append(UnitFormat.setting(run.warmup()))
                    .append(" are warm-up, left out of the statistics)");
        }
        run.shard().ifPresent(part -> s.append("; shard ").append(part.index()).append(" of ").append(part.count())
                .append(" (grid points ").append(part.index()).append(", ").append(part.index() + part.count())
                .append(", ").append(part.index() + 2 * part.count()).append(" …; 'hvsim merge' combines the shards)"));
        return s.toString();
    }

    /**
     * "9 of the profile defaults used have no published figure (NPF in docs/profiles.md): xen-3.0: control,
     * …", or empty when the run used none (or it is not known).
     */
    static Optional<String> unpublished(RunSummary run) {
        List<String> names = run.unpublishedDefaults();
        if (names.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(names.size() + (names.size() == 1 ? " profile default" : " profile defaults")
                + " used here " + (names.size() == 1 ? "rests" : "rest") + ", in whole or in part, on no published figure (NPF in "
                + "docs/profiles.md; first candidates for a sweep): " + String.join(", ", names));
    }

    private static String workload(RunSummary.Workload workload) {
        if (workload instanceof RunSummary.OpenWorkload open) {
            return "open workload (" + (open.poisson() ? "poisson " : "") + UnitFormat.perSecond(open.rate())
                    + " per VM)";
        }
        RunSummary.ClosedWorkload closed = (RunSummary.ClosedWorkload) workload;
        return "closed workload (" + closed.users() + " users per VM, " + UnitFormat.setting(closed.think())
                + " think time)";
    }
}
