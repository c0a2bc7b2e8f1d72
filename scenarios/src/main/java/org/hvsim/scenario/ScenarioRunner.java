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
            treatments.add(new Treatment(a.name(), () -> new HostModel(s.system(a), s.faults())));
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
            treatments.add(new Treatment(a.name(), () -> new org.hvsim.model.fault.AvailabilityModel(s.faults(), a,
                    instances)));
        }
        ExperimentSpec spec = new ExperimentSpec(s.seed(), s.replications(), 0, s.faults().horizon(), threads,
                WALL_TIMEOUT_S);
        List<TreatmentResult> availability = Experiment.run(treatments, spec, Progress.NONE);
        List<TreatmentResult> out = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            TreatmentResult r = results.get(i);
            Map<ReplicationOutput.Key, Estimate> estimates = new java.util.LinkedHashMap<>(r.estimates());
            estimates.putAll(availability.get(i).estimates());
            out.add(new TreatmentResult(r.name(), estimates, r.pooled(), r.replications()));
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
        for (TreatmentResult r : results) {
            unstable.addAll(Stability.of(r, Map.of()));
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
                s.summary(), series, unstable);
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
