package org.hvsim.core.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import org.HdrHistogram.DoubleHistogram;
import org.hvsim.core.engine.ReplicationOutput;
import org.hvsim.core.engine.ReplicationRunner;
import org.hvsim.core.engine.ReplicationSpec;
import org.hvsim.core.engine.SimulationFailure;
import org.hvsim.core.result.Estimate;
import org.hvsim.core.stats.ConfidenceInterval;

/**
 * Independent replications of several treatments, run in parallel. Replication r of every treatment
 * uses the same random streams (common random numbers). Each task owns its simulator and model and
 * results are combined in a fixed order, so the numbers are bit-identical for any thread count.
 */
public final class Experiment {

    public static final double CONFIDENCE = 0.95;

    private Experiment() {
    }

    public static List<TreatmentResult> run(List<Treatment> treatments, ExperimentSpec spec, Progress progress) {
        return run(treatments, spec, 0, progress);
    }

    /**
     * As {@link #run(List, ExperimentSpec, Progress)}, for replications {@code first … first +
     * spec.replications() − 1}: the same random numbers as those replications of a longer run, so a
     * search can add replications to what it has.
     */
    public static List<TreatmentResult> run(List<Treatment> treatments, ExperimentSpec spec, int first,
            Progress progress) {
        int reps = spec.replications();
        int total = treatments.size() * reps;
        ReplicationOutput[][] outputs = new ReplicationOutput[treatments.size()][reps];
        AtomicInteger done = new AtomicInteger();
        long start = System.nanoTime();
        AtomicInteger threadIds = new AtomicInteger();
        ThreadFactory daemons = r -> {
            Thread t = new Thread(r, "hvsim-replication-" + threadIds.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(spec.threads(), Math.max(1, total)), daemons);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < treatments.size(); t++) {
                for (int r = 0; r < reps; r++) {
                    int ti = t;
                    int ri = r;
                    futures.add(pool.submit(() -> {
                        Treatment tr = treatments.get(ti);
                        ReplicationSpec rs = new ReplicationSpec(spec.seed(), first + ri, spec.warmup(),
                                spec.runLength(), spec.wallTimeout());
                        outputs[ti][ri] = ReplicationRunner.run(tr.models().get(), rs);
                        synchronized (progress) {
                            progress.replicationDone(done.incrementAndGet(), total, System.nanoTime() - start);
                        }
                        return null;
                    }));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                try {
                    futures.get(i).get();
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    String treatment = treatments.get(i / reps).name();
                    if (cause instanceof SimulationFailure sf) {
                        throw new SimulationFailure(treatment + ": " + sf.getMessage(), sf.getCause());
                    }
                    throw new SimulationFailure(treatment + ": " + cause, cause);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SimulationFailure("interrupted", e);
        } finally {
            pool.shutdownNow();
        }
        List<TreatmentResult> results = new ArrayList<>();
        for (int t = 0; t < treatments.size(); t++) {
            results.add(aggregate(treatments.get(t).name(), List.of(outputs[t])));
        }
        return results;
    }

    /** Combines replication outputs into estimates; keys appear in the order of the first replication. */
    public static TreatmentResult aggregate(String name, List<ReplicationOutput> outputs) {
        Set<ReplicationOutput.Key> keys = new LinkedHashSet<>();
        for (ReplicationOutput o : outputs) {
            keys.addAll(o.values().keySet());
        }
        Map<ReplicationOutput.Key, Estimate> estimates = new LinkedHashMap<>();
        for (ReplicationOutput.Key k : keys) {
            double[] values = new double[outputs.size()];
            int n = 0;
            int nan = 0;
            for (ReplicationOutput o : outputs) {
                Double v = o.values().get(k);
                if (v == null) {
                    continue; // not reported (e.g. no I/O in that replication): nothing to estimate
                }
                if (Double.isNaN(v)) {
                    nan++; // left out of the interval, but counted so that the result can say so
                } else {
                    values[n++] = v;
                }
            }
            if (n == 0) {
                estimates.put(k, new Estimate(Double.NaN, Double.NaN, Double.NaN, 0, nan));
            } else {
                estimates.put(k, ConfidenceInterval.studentT(java.util.Arrays.copyOf(values, n), CONFIDENCE)
                        .withNanReplications(nan));
            }
        }
        Map<ReplicationOutput.Key, DoubleHistogram> pooled = new LinkedHashMap<>();
        for (ReplicationOutput o : outputs) {
            for (Map.Entry<ReplicationOutput.Key, DoubleHistogram> e : o.distributions().entrySet()) {
                pooled.computeIfAbsent(e.getKey(), x -> new DoubleHistogram(3)).add(e.getValue());
            }
        }
        return new TreatmentResult(name, estimates, pooled, List.copyOf(outputs));
    }
}
