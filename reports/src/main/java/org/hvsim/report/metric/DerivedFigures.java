package org.hvsim.report.metric;

import java.util.Optional;

import org.hvsim.core.result.Metric;
import org.hvsim.core.result.Estimate;

/**
 * Figures the reports compute from reported ones, for charts only (they are never written to
 * metrics.csv): {@value #CPU_UTIL_BUSY}, the share of the host's CPU capacity that is not idle.
 * Busy = 1 − idle exactly, so its interval is idle's mirrored: [1 − ci_high, 1 − ci_low].
 */
public final class DerivedFigures {

    /** Host CPU busy, all categories: 1 − {@code cpu_util_idle}. */
    public static final String CPU_UTIL_BUSY = "cpu_util_busy";

    private DerivedFigures() {
    }

    /** Looks up a reported figure's estimate by metric name. */
    @FunctionalInterface
    public interface Lookup {
        Optional<Estimate> estimate(String metric);
    }

    /** The estimate of {@code metric}: reported as is, or derived when it is a derived metric. */
    public static Optional<Estimate> estimate(String metric, Lookup reported) {
        if (CPU_UTIL_BUSY.equals(metric)) {
            return reported.estimate(Metric.CPU_UTIL_IDLE.name()).map(DerivedFigures::busyFromIdle);
        }
        return reported.estimate(metric);
    }

    static Estimate busyFromIdle(Estimate idle) {
        return new Estimate(1 - idle.mean(), 1 - idle.ciHigh(), 1 - idle.ciLow(), idle.replications(),
                idle.nanReplications());
    }
}
