package org.hvsim.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.HdrHistogram.DoubleHistogram;
import org.HdrHistogram.DoubleHistogramIterationValue;
import org.hvsim.core.engine.ReplicationOutput;
import org.hvsim.core.experiment.Experiment;
import org.hvsim.core.experiment.ExperimentSpec;
import org.hvsim.core.experiment.Progress;
import org.hvsim.core.experiment.Treatment;
import org.hvsim.core.experiment.TreatmentResult;
import org.hvsim.core.result.Estimate;
import org.hvsim.core.result.ExperimentResult;
import org.hvsim.core.result.Figure;
import org.hvsim.core.result.Unstable;
import org.hvsim.model.arch.ArchitectureProfile;
import org.hvsim.model.system.HostModel;
import org.hvsim.model.system.Stability;

/**
 * Runs a scenario: one treatment per architecture, common random numbers across them. A sweep runs
 * every grid point in turn (each point × architecture is a treatment; within a point the architectures
 * share their random numbers), and every figure carries its point's parameter values.
 */
public final class ScenarioRunner {

    /** Points per pooled distribution kept for CDF charts. */
    private static final int CDF_POINTS = 200;

    private ScenarioRunner() {
    }

    /** Wall-clock limit per replication: generous, so only a runaway model hits it. */
    private static final double WALL_TIMEOUT_S = 6 * 3600;

    public static List<TreatmentResult> runTreatments(Scenario s, int threads, Progress progress) {
        List<Treatment> treatments = new ArrayList<>();
        for (ArchitectureProfile a : s.architectures()) {
            if (s.faults().cluster() != null) {
                // several hosts in one simulation, each VM's requests following it (docs/method.md)
                org.hvsim.model.fault.ClusterFailover cluster = placement(s, a);
                treatments.add(new Treatment(a.name(),
                        () -> new org.hvsim.model.system.ClusterModel(s.system(a), s.faults(), cluster)));
            } else {
                treatments.add(new Treatment(a.name(), () -> new HostModel(s.system(a), s.faults())));
            }
        }
        ExperimentSpec spec = new ExperimentSpec(s.seed(), s.replications(), s.warmup(), s.duration(), threads,
                WALL_TIMEOUT_S);
        List<TreatmentResult> results = Experiment.run(treatments, spec, progress);
        return s.faults().horizon() > 0 ? withAvailability(s, results, threads) : results;
    }

    /**
     * The availability run: the failure process alone over {@code fault_settings.horizon}, with the same
     * seed and replications (its history begins as the request-level run's), its figures added to each
     * architecture's.
     */
    private static List<TreatmentResult> withAvailability(Scenario s, List<TreatmentResult> results, int threads) {
        List<TreatmentResult> availability = availability(s, threads, 0, s.faults().horizon(), Progress.NONE);
        List<TreatmentResult> out = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            TreatmentResult r = results.get(i);
            Map<ReplicationOutput.Key, Estimate> estimates = new java.util.LinkedHashMap<>(r.estimates());
            estimates.putAll(availability.get(i).estimates());
            out.add(new TreatmentResult(r.name(), estimates, r.pooled(), r.replications()));
        }
        return out;
    }

    /** The failure process alone over [warmup, runLength], per architecture (with its cluster's failover). */
    private static List<TreatmentResult> availability(Scenario s, int threads, double warmup, double runLength,
            Progress progress) {
        Map<String, List<String>> instances = new java.util.LinkedHashMap<>();
        for (org.hvsim.model.system.VmSpec vm : s.vms()) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < vm.count(); i++) {
                names.add(vm.instanceName(i));
            }
            instances.put(vm.name(), names);
        }
        List<Treatment> treatments = new ArrayList<>();
        for (ArchitectureProfile a : s.architectures()) {
            org.hvsim.model.fault.ClusterFailover cluster = s.faults().cluster() == null ? null : placement(s, a);
            treatments.add(new Treatment(a.name(), () -> new org.hvsim.model.fault.AvailabilityModel(s.faults(), a,
                    instances, cluster)));
        }
        ExperimentSpec spec = new ExperimentSpec(s.seed(), s.replications(), warmup, runLength, threads, WALL_TIMEOUT_S);
        return Experiment.run(treatments, spec, progress);
    }

    /**
     * The cluster's placement under {@code a}.
     *
     * @throws IllegalArgumentException if the VMs do not fit on the cluster's hosts
     */
    static org.hvsim.model.fault.ClusterFailover placement(Scenario s, ArchitectureProfile a) {
        return new org.hvsim.model.fault.ClusterFailover(s.faults().cluster(), clusterHost(s, a), demands(s, a));
    }

    /** One host of the cluster: its memory less the architecture's footprint, its pCPUs. */
    private static org.hvsim.model.fault.ClusterFailover.Host clusterHost(Scenario s, ArchitectureProfile a) {
        return new org.hvsim.model.fault.ClusterFailover.Host(s.host().memory() - a.fixedMemory(), s.host().pcpus());
    }

    /**
     * Each instance's memory (overhead included), CPU reservation, and the CPU its workload offers: the
     * mean arrival rate (a closed population's users / think time, an upper bound) × the mean CPU of a
     * request × the architecture's CPU factor, in pCPUs.
     */
    private static List<org.hvsim.model.fault.ClusterFailover.Demand> demands(Scenario s, ArchitectureProfile a) {
        List<org.hvsim.model.fault.ClusterFailover.Demand> out = new ArrayList<>();
        for (org.hvsim.model.system.VmSpec vm : s.vms()) {
            org.hvsim.model.workload.Arrivals arrivals = vm.workload().arrivals();
            double rate = arrivals instanceof org.hvsim.model.workload.Arrivals.Closed c ? c.users() / c.think().mean()
                    : s.summary().vms().stream().filter(v -> v.name().equals(vm.name())).findFirst()
                            .map(v -> ((org.hvsim.core.result.RunSummary.OpenWorkload) v.workload()).rate()).orElse(0.0);
            double weights = 0;
            double cpu = 0;
            for (org.hvsim.model.workload.RequestClass c : vm.workload().classes()) {
                weights += c.weight();
                for (org.hvsim.model.workload.Phase p : c.phases()) {
                    if (p instanceof org.hvsim.model.workload.Phase.Cpu x) {
                        cpu += c.weight() * x.demand().mean();
                    }
                }
            }
            // the summary's rate is already an instance's share of a spread workload
            double load = rate * cpu / weights * a.cpuFactor() / s.host().speed();
            for (int i = 0; i < vm.count(); i++) {
                out.add(new org.hvsim.model.fault.ClusterFailover.Demand(vm.instanceName(i),
                        vm.memory() + a.perVmMemory(vm.memory()), vm.cpu().reservation(), load));
            }
        }
        return out;
    }

    public static ExperimentResult run(Scenario s, int threads, Progress progress) {
        return toResult(s, runTreatments(s, threads, progress));
    }

    /** Replications a sweep runs in all: points × architectures × replications. */
    public static long totalReplications(Sweep sweep) {
        long n = 0;
        for (Scenario s : sweep.points()) {
            n += (long) s.architectures().size() * s.replications();
        }
        return n;
    }

    /**
     * Runs every point of a sweep. Without a sweep this is {@link #run(Scenario, int, Progress)}. With
     * one, distributions and time series are left out: they belong to one configuration, and a sweep's
     * figures are compared across points.
     */
    public static ExperimentResult run(Sweep sweep, int threads, Progress progress) {
        if (!sweep.isSweep()) {
            return run(sweep.first(), threads, progress);
        }
        int total = (int) Math.min(Integer.MAX_VALUE, totalReplications(sweep));
        List<Figure> figures = new ArrayList<>();
        List<Unstable> unstable = new ArrayList<>();
        int done = 0;
        long start = System.nanoTime();
        for (Scenario point : sweep.points()) {
            int offset = done;
            Progress shifted = (d, t, e) -> progress.replicationDone(offset + d, total, System.nanoTime() - start);
            for (TreatmentResult r : runTreatments(point, threads, shifted)) {
                for (Map.Entry<ReplicationOutput.Key, Estimate> e : r.estimates().entrySet()) {
                    figures.add(new Figure(r.name(), e.getKey().scope(), e.getKey().metric(), e.getValue(),
                            point.parameters()));
                }
                unstable.addAll(Stability.of(r, point.parameters()));
            }
            done += point.architectures().size() * point.replications();
        }
        Scenario first = sweep.first();
        List<String> names = first.architectures().stream().map(ArchitectureProfile::name).toList();
        return new ExperimentResult(first.name(), first.description(), first.seed(), names, figures, List.of(),
                sweep.resolved(), sweep.summary(), List.of(), unstable);
    }

    static ExperimentResult toResult(Scenario s, List<TreatmentResult> results) {
        List<Figure> figures = new ArrayList<>();
        List<ExperimentResult.Distribution> distributions = new ArrayList<>();
        List<ExperimentResult.TimeSeries> series = new ArrayList<>();
        List<Unstable> unstable = new ArrayList<>();
        List<ExperimentResult.Mark> marks = new ArrayList<>();
        for (TreatmentResult r : results) {
            unstable.addAll(Stability.of(r, Map.of()));
            // the marks of the replication the time series come from
            for (ReplicationOutput.Mark m : r.replications().get(0).marks()) {
                marks.add(new ExperimentResult.Mark(r.name(), m.time(), m.component(), m.what()));
            }
            for (Map.Entry<ReplicationOutput.Key, Estimate> e : r.estimates().entrySet()) {
                figures.add(new Figure(r.name(), e.getKey().scope(), e.getKey().metric(), e.getValue()));
            }
            for (Map.Entry<ReplicationOutput.Key, DoubleHistogram> e : r.pooled().entrySet()) {
                distributions.add(cdf(r.name(), e.getKey(), e.getValue()));
            }
            // Time series come from the first replication only (a timeline, not an estimate).
            for (Map.Entry<ReplicationOutput.Key, double[][]> e : r.replications().get(0).series().entrySet()) {
                series.add(new ExperimentResult.TimeSeries(r.name(), e.getKey().scope(), e.getKey().metric(),
                        e.getValue()[0], e.getValue()[1]));
            }
        }
        List<String> names = s.architectures().stream().map(ArchitectureProfile::name).toList();
        return new ExperimentResult(s.name(), s.description(), s.seed(), names, figures, distributions, s.resolved(),
                s.summary(), series, unstable, marks);
    }

    /** Samples the pooled histogram into at most CDF_POINTS (value, cumulative probability) points. */
    private static ExperimentResult.Distribution cdf(String arch, ReplicationOutput.Key key, DoubleHistogram h) {
        long total = h.getTotalCount();
        List<double[]> points = new ArrayList<>();
        if (total > 0) {
            for (DoubleHistogramIterationValue v : h.percentiles(5)) {
                points.add(new double[] {v.getValueIteratedTo(), v.getPercentileLevelIteratedTo() / 100.0});
            }
        }
        int step = Math.max(1, points.size() / CDF_POINTS);
        List<double[]> kept = new ArrayList<>();
        for (int i = 0; i < points.size(); i += step) {
            kept.add(points.get(i));
        }
        if (!points.isEmpty() && kept.get(kept.size() - 1) != points.get(points.size() - 1)) {
            kept.add(points.get(points.size() - 1));
        }
        double[] x = new double[kept.size()];
        double[] p = new double[kept.size()];
        for (int i = 0; i < kept.size(); i++) {
            x[i] = kept.get(i)[0];
            p[i] = kept.get(i)[1];
        }
        return new ExperimentResult.Distribution(arch, key.scope(), key.metric(), x, p);
    }
}
