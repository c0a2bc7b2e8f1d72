package org.hvsim.model.system;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hvsim.core.engine.ReplicationOutput;
import org.hvsim.core.experiment.Experiment;
import org.hvsim.core.experiment.TreatmentResult;
import org.hvsim.core.result.Estimate;
import org.hvsim.core.result.Unstable;
import org.hvsim.core.stats.ConfidenceInterval;

/**
 * Tells a VM that cannot keep up with its arrivals from one that merely fluctuates (docs/method.md,
 * "Saturation"). Per replication and per half of the measured interval, the shortfall is
 * (arrivals − completions) / arrivals: the backlog's growth as a share of what was offered. A stable
 * queue's backlog only fluctuates, so its shortfall averages 0 and shrinks as the run grows; an
 * overloaded one falls behind by the same share in both halves. A VM is unstable when, in each half,
 * the mean shortfall is material (over {@link #MATERIAL}) and beyond chance: the lower bound of its
 * 95 % Student-t interval over replications is above 0 (with a single replication, which gives no
 * interval, the shortfall must exceed {@link #MATERIAL_SINGLE} instead). Requiring both halves keeps a
 * stable VM whose warm-up was too short (its queue still filling in the first half) from being
 * flagged. Closed workloads report no diagnostics: a bounded population cannot grow without bound.
 */
public final class Stability {

    static final String ARRIVED_FIRST_HALF = "arrived_first_half";
    static final String COMPLETED_FIRST_HALF = "completed_first_half";
    static final String ARRIVED_SECOND_HALF = "arrived_second_half";
    static final String COMPLETED_SECOND_HALF = "completed_second_half";

    /** A shortfall smaller than 1 % of arrivals is not called instability, however certain. */
    public static final double MATERIAL = 0.01;
    /** Without an interval (one replication), only a gross shortfall is called instability. */
    public static final double MATERIAL_SINGLE = 0.10;

    private Stability() {
    }

    /** The VM scopes of {@code result} that fell behind their arrivals, at sweep point {@code parameters}. */
    public static List<Unstable> of(TreatmentResult result, Map<String, String> parameters) {
        Set<String> scopes = new LinkedHashSet<>();
        for (ReplicationOutput o : result.replications()) {
            for (ReplicationOutput.Key k : o.diagnostics().keySet()) {
                if (k.metric().equals(ARRIVED_FIRST_HALF)) {
                    scopes.add(k.scope());
                }
            }
        }
        List<Unstable> unstable = new ArrayList<>();
        for (String scope : scopes) {
            if (fallsBehind(result, scope, ARRIVED_FIRST_HALF, COMPLETED_FIRST_HALF)
                    && fallsBehind(result, scope, ARRIVED_SECOND_HALF, COMPLETED_SECOND_HALF)) {
                unstable.add(new Unstable(result.name(), scope, parameters,
                        result.estimate(scope, Metrics.ARRIVAL_RATE).mean(),
                        result.estimate(scope, Metrics.THROUGHPUT).mean()));
            }
        }
        return unstable;
    }

    /** Whether the shortfall of one half is material and its interval excludes 0. */
    private static boolean fallsBehind(TreatmentResult result, String scope, String arrivedKey, String completedKey) {
        List<Double> shortfalls = new ArrayList<>();
        for (ReplicationOutput o : result.replications()) {
            Double arrived = o.diagnostics().get(new ReplicationOutput.Key(scope, arrivedKey));
            Double completed = o.diagnostics().get(new ReplicationOutput.Key(scope, completedKey));
            if (arrived != null && completed != null) {
                // no arrivals in a half: nothing fell behind
                shortfalls.add(arrived > 0 ? (arrived - completed) / arrived : 0.0);
            }
        }
        return fallsBehind(shortfalls.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** The rule on one half's per-replication shortfall fractions. */
    static boolean fallsBehind(double[] shortfalls) {
        if (shortfalls.length == 0) {
            return false;
        }
        Estimate e = ConfidenceInterval.studentT(shortfalls, Experiment.CONFIDENCE);
        if (shortfalls.length == 1) {
            return e.mean() > MATERIAL_SINGLE;
        }
        return e.mean() > MATERIAL && e.ciLow() > 0;
    }
}
