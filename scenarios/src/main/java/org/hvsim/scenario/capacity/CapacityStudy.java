package org.hvsim.scenario.capacity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.hvsim.core.engine.ReplicationOutput;
import org.hvsim.core.experiment.Experiment;
import org.hvsim.core.experiment.ExperimentSpec;
import org.hvsim.core.experiment.Progress;
import org.hvsim.core.experiment.Treatment;
import org.hvsim.core.experiment.TreatmentResult;
import org.hvsim.core.result.Estimate;
import org.hvsim.core.result.Metric;
import org.hvsim.core.result.Sla;
import org.hvsim.core.result.Unstable;
import org.hvsim.model.arch.ArchitectureProfile;
import org.hvsim.model.system.HostModel;
import org.hvsim.model.system.MemoryAdmission;
import org.hvsim.model.system.Stability;
import org.hvsim.model.system.SystemSpec;
import org.hvsim.model.system.VmSpec;
import org.hvsim.report.capacity.CapacityResults;
import org.hvsim.report.metric.UnitFormat;
import org.hvsim.scenario.Scenario;

/**
 * Runs the capacity search of a scenario's {@code capacity} section under each of its architectures
 * ({@link CapacitySearch} over the count of the template).
 *
 * <p>A count holds when memory admission admits it ({@link MemoryAdmission}, exact, without
 * simulating), no VM falls behind its arrivals ({@link Stability}), every SLA holds at the upper bound
 * of its 95 % interval and, with {@code cpu_headroom}, the host's busy share stays below 1 − headroom at
 * the upper bound of its interval. A count fails when a lower bound is beyond its limit. While an
 * interval straddles a limit, replications are added (doubling, up to {@code max_replications}); one
 * still straddling then is refused and the answer marked not certain. Replication r of every count
 * and architecture uses the same seeds (common random numbers), so neighbouring counts differ by the
 * added VMs, not by noise.
 *
 * <p>The binding constraint is memory when the next count does not fit; otherwise it is read from the
 * first failing count: the resource at {@value #SATURATED} or more of its capacity (the host's CPU,
 * the control domain's vCPUs, a disk, a NIC), else the SLA's metric.
 */
public final class CapacityStudy {

    /** A utilisation at which a resource counts as saturated when naming the binding constraint. */
    public static final double SATURATED = 0.95;
    private static final double WALL_TIMEOUT_S = 6 * 3600;

    private final Scenario scenario;
    private final CapacityPlan plan;
    private final int threads;
    private final Consumer<String> progress;
    private final int budget;

    private CapacityStudy(Scenario scenario, CapacityPlan plan, int threads, Consumer<String> progress) {
        this.scenario = scenario;
        this.plan = plan;
        this.threads = threads;
        this.progress = progress;
        this.budget = Math.max(plan.maxReplications(), scenario.replications());
    }

    /** The search under every architecture of {@code scenario}; progress lines go to {@code progress}. */
    public static CapacityResults run(Scenario scenario, int threads, Consumer<String> progress) {
        CapacityPlan plan = scenario.capacity().orElseThrow(
                () -> new IllegalArgumentException(scenario.source() + " has no capacity section"));
        CapacityStudy study = new CapacityStudy(scenario, plan, threads, progress);
        List<CapacityResults.Entry> entries = new ArrayList<>();
        for (ArchitectureProfile a : scenario.architectures()) {
            entries.add(sized(plan, study.search(a)));
        }
        Optional<Sla> sla = scenario.slas().stream().findFirst();
        return new CapacityResults(plan.template(), plan.from(), plan.to(), sla, entries);
    }

    /** The entry with its fleet's hosts and its cost per VM, when the plan has a fleet or costs. */
    static CapacityResults.Entry sized(CapacityPlan plan, CapacityResults.Entry e) {
        if (e.maxVms() < 1) {
            return e;
        }
        int hosts = plan.fleet().map(f -> CostModel.hostsNeeded(f, e.maxVms())).orElse(1);
        CapacityResults.Entry out = plan.fleet().isPresent() ? e.withFleet(hosts) : e;
        if (plan.costs().isPresent()) {
            int vms = plan.fleet().map(CostModel.Fleet::vms).orElse(e.maxVms());
            CostModel.Priced p = CostModel.cheapest(plan.costs().get(), e.architecture(), hosts, vms);
            out = out.withCost(p.perVmPerYear(), p.edition());
        }
        return out;
    }

    /** One evaluated count: the verdict, the figures it rests on, and the failing constraint if any. */
    private record Evaluation(int count, boolean holds, boolean certain, String failing, Estimate slaFigure,
            TreatmentResult result, int replications, String detail) {
    }

    private CapacityResults.Entry search(ArchitectureProfile a) {
        int memoryMax = memoryMax(a);
        Map<Integer, Evaluation> done = new TreeMap<>();
        int[] replications = {0};
        String name = a.name();
        if (memoryMax < plan.from()) {
            String why = MemoryAdmission.refusal(system(a, plan.from())).orElse("");
            progress.accept(String.format(Locale.ROOT, "hvsim capacity: %s: %d x %s does not fit in memory",
                    name, plan.from(), plan.template()));
            return new CapacityResults.Entry(name, 0, CapacityResults.MEMORY, true, 1, 0,
                    "not even " + plan.from() + " fits in memory: " + why, List.of(), -1, Double.NaN, "");
        }
        CapacitySearch.Result r = CapacitySearch.search(plan.from(), memoryMax, count -> {
            Evaluation e = evaluate(a, count);
            done.put(count, e);
            replications[0] += e.replications();
            progress.accept(String.format(Locale.ROOT, "hvsim capacity: %s: %d x %s: %s%s", name, count,
                    plan.template(), e.holds() ? "holds" : e.certain() ? "fails" : "not certain, refused",
                    e.detail().isEmpty() ? "" : " (" + e.detail() + ")"));
            return new CapacitySearch.Verdict(e.holds(), e.certain());
        });
        List<CapacityResults.Point> curve = new ArrayList<>();
        for (Evaluation e : done.values()) {
            curve.add(new CapacityResults.Point(e.count(), e.slaFigure(), e.holds(), e.certain()));
        }
        String binding;
        String note;
        if (r.firstFailing() < 0) {
            if (memoryMax < plan.to()) {
                binding = CapacityResults.MEMORY;
                note = "memory admits at most " + memoryMax + ": "
                        + MemoryAdmission.refusal(system(a, memoryMax + 1)).orElse("");
            } else {
                binding = CapacityResults.RANGE;
                note = "every count up to " + plan.to() + " holds; raise capacity.to to search further";
            }
        } else {
            Evaluation failing = done.get(r.firstFailing());
            binding = binding(a, failing);
            note = (r.noneHeld(plan.from()) ? "not met even at " + plan.from() + " " + plan.template()
                    + (plan.from() == 1 ? " VM" : " VMs") : (failing.certain() ? "fails at " : "refused at ")
                    + failing.count())
                    + ": " + failing.detail();
        }
        if (!r.certain()) {
            note += "; not certain: an interval still straddled its limit after " + budget + " replications";
        }
        int max = r.noneHeld(plan.from()) ? 0 : r.max();
        progress.accept(String.format(Locale.ROOT, "hvsim capacity: %s: at most %d x %s per host (%s%s), "
                + "%d evaluations", name, max, plan.template(), binding, r.certain() ? "" : ", not certain",
                r.evaluations()));
        return new CapacityResults.Entry(name, max, binding, r.certain(), r.evaluations(), replications[0], note,
                curve, -1, Double.NaN, "");
    }

    // ------------------------------------------------------------------ one count

    private Evaluation evaluate(ArchitectureProfile a, int count) {
        if (scenario.slas().isEmpty() && !plan.hasHeadroom()) {
            return new Evaluation(count, true, true, null, null, null, 0, "no SLA or headroom: memory alone decides");
        }
        SystemSpec spec = system(a, count);
        List<ReplicationOutput> outputs = new ArrayList<>();
        int batch = Math.min(scenario.replications(), budget);
        while (true) {
            outputs.addAll(replicate(spec, outputs.size(), batch));
            TreatmentResult tr = Experiment.aggregate(a.name(), outputs);
            Evaluation e = judge(count, tr, outputs.size());
            if (e.certain() || outputs.size() >= budget) {
                return e;
            }
            batch = Math.min(outputs.size(), budget - outputs.size());
        }
    }

    /** The verdict on one count's figures: certain when no interval straddles its limit. */
    private Evaluation judge(int count, TreatmentResult tr, int n) {
        Estimate slaFigure = null;
        List<Unstable> unstable = Stability.of(tr, Map.of());
        if (!unstable.isEmpty()) {
            Unstable u = unstable.get(0);
            // no figure for the curve: an unstable VM's figures describe a growing backlog, not the system
            return new Evaluation(count, false, true, "unstable", null, tr, n, String.format(Locale.ROOT,
                    "%s falls behind its arrivals: %.4g req/s offered, %.4g served", u.scope(), u.arrivalRate(),
                    u.throughput()));
        }
        boolean unsure = false;
        String failing = null;
        String detail = "";
        for (Sla sla : scenario.slas()) {
            Estimate e = tr.estimates().get(new ReplicationOutput.Key(sla.scope(), sla.metric()));
            if (slaFigure == null) {
                slaFigure = e;
            }
            String what = sla.metric() + " of " + sla.scope();
            if (e == null || Double.isNaN(e.mean())) {
                return new Evaluation(count, false, true, sla.metric(), slaFigure, tr, n, what + ": no request completed");
            }
            String text = String.format(Locale.ROOT, "%s %s [%s, %s] vs %s", what, s(e.mean()), s(e.ciLow()),
                    s(e.ciHigh()), s(sla.max()));
            if (e.ciLow() > sla.max()) {
                return new Evaluation(count, false, true, sla.metric(), slaFigure, tr, n, text + ", " + n
                        + " replications");
            }
            if (!(e.ciHigh() <= sla.max())) {
                unsure = true;
                failing = failing == null ? sla.metric() : failing;
                detail = text;
            } else if (detail.isEmpty()) {
                detail = text;
            }
        }
        if (plan.hasHeadroom()) {
            Estimate idle = tr.estimates().get(new ReplicationOutput.Key(Metric.HOST_SCOPE, Metric.CPU_UTIL_IDLE.name()));
            double limit = 1 - plan.cpuHeadroom();
            String text = String.format(Locale.ROOT, "host CPU busy %.1f %% [%.1f, %.1f] vs %.1f %%",
                    100 * (1 - idle.mean()), 100 * (1 - idle.ciHigh()), 100 * (1 - idle.ciLow()), 100 * limit);
            if (1 - idle.ciHigh() > limit) {
                return new Evaluation(count, false, true, "cpu_headroom", slaFigure, tr, n, text + ", " + n
                        + " replications");
            }
            if (!(1 - idle.ciLow() <= limit)) {
                unsure = true;
                failing = failing == null ? "cpu_headroom" : failing;
                detail = text;
            } else if (detail.isEmpty()) {
                detail = text;
            }
        }
        return new Evaluation(count, !unsure, !unsure, failing, slaFigure, tr, n, detail + ", " + n + " replications");
    }

    /**
     * What binds at the first failing count: a saturated resource (the most utilised one at or above
     * {@link #SATURATED}), else the failing constraint itself.
     */
    private String binding(ArchitectureProfile a, Evaluation failing) {
        if (failing.result() != null) {
            Map<String, Double> use = utilisation(a, failing.result());
            Optional<Map.Entry<String, Double>> top = use.entrySet().stream().filter(e -> e.getValue() >= SATURATED)
                    .max(Map.Entry.comparingByValue());
            if (top.isPresent()) {
                return top.get().getKey();
            }
        }
        if ("cpu_headroom".equals(failing.failing())) {
            return "cpu";
        }
        String metric = failing.failing() == null || failing.failing().equals("unstable")
                ? scenario.slas().stream().findFirst().map(Sla::metric).orElse("unstable") : failing.failing();
        return "sla:" + metric;
    }

    /** Mean utilisation of each resource as a share of its capacity: host CPU, control domain, disks, NICs. */
    static Map<String, Double> utilisation(ArchitectureProfile a, TreatmentResult tr, int pcpus) {
        Map<String, Double> use = new LinkedHashMap<>();
        mean(tr, Metric.CPU_UTIL_IDLE.name()).ifPresent(idle -> use.put("cpu", 1 - idle));
        if (a.control() != null) {
            int vcpus = a.control().vcpusOn(pcpus);
            mean(tr, Metric.CPU_UTIL_PARENT.name()).ifPresent(p -> use.put("parent", p * pcpus / vcpus));
        }
        mean(tr, Metric.DISK_UTIL.name()).ifPresent(d -> use.put("disk", d));
        mean(tr, Metric.NIC_UTIL.name()).ifPresent(d -> use.put("nic", d));
        return use;
    }

    private Map<String, Double> utilisation(ArchitectureProfile a, TreatmentResult tr) {
        return utilisation(a, tr, scenario.host().pcpus());
    }

    private static Optional<Double> mean(TreatmentResult tr, String metric) {
        Estimate e = tr.estimates().get(new ReplicationOutput.Key(Metric.HOST_SCOPE, metric));
        return e == null || Double.isNaN(e.mean()) ? Optional.empty() : Optional.of(e.mean());
    }

    // ------------------------------------------------------------------ memory and systems

    /** The largest count in from … to that memory admission admits (from − 1 if none; to under overcommit). */
    int memoryMax(ArchitectureProfile a) {
        if (scenario.memory().overcommit()) {
            return plan.to();
        }
        if (!fits(a, plan.from())) {
            return plan.from() - 1;
        }
        if (fits(a, plan.to())) {
            return plan.to();
        }
        int lo = plan.from(); // fits
        int hi = plan.to(); // does not
        while (hi - lo > 1) {
            int mid = lo + (hi - lo) / 2;
            if (fits(a, mid)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private boolean fits(ArchitectureProfile a, int count) {
        return MemoryAdmission.refusal(system(a, count)).isEmpty();
    }

    /** The scenario's system under {@code a} with {@code count} instances of the template. */
    SystemSpec system(ArchitectureProfile a, int count) {
        List<VmSpec> vms = new ArrayList<>();
        for (VmSpec v : scenario.vms()) {
            vms.add(v.name().equals(plan.template()) ? new VmSpec(v.name(), count, v.vcpus(), v.memory(),
                    v.enlightened(), v.guestScheduler(), v.quantum(), v.workload(), v.cpu()) : v);
        }
        return scenario.withVms(vms).system(a);
    }

    /** Replications {@code first … first + n − 1} of {@code spec}, in index order. */
    private List<ReplicationOutput> replicate(SystemSpec spec, int first, int n) {
        ExperimentSpec runs = new ExperimentSpec(scenario.seed(), n, scenario.warmup(), scenario.duration(), threads,
                WALL_TIMEOUT_S);
        return Experiment.run(List.of(new Treatment(spec.architecture().name(), () -> new HostModel(spec))), runs,
                first, Progress.NONE).get(0).replications();
    }

    private static String s(double seconds) {
        return Double.isNaN(seconds) ? "-" : UnitFormat.seconds(seconds);
    }
}
