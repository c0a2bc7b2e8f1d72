package org.hvsim.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hvsim.core.engine.ReplicationOutput;
import org.hvsim.core.experiment.Experiment;
import org.hvsim.core.experiment.TreatmentResult;
import org.hvsim.core.result.Estimate;
import org.hvsim.core.stats.ConfidenceInterval;

/**
 * A/B comparison of two architectures run with common random numbers: for every figure, the mean of
 * the per-replication differences B − A with its Student-t interval (replication r of A and of B saw
 * the same arrivals and demands, so their difference cancels most of the noise), beside the interval
 * an unpaired comparison of the same runs would give (Welch), to show what pairing buys.
 */
public final class PairedComparison {

    private PairedComparison() {
    }

    /**
     * One figure compared.
     *
     * @param paired            mean of B − A over replications and its 95 % interval
     * @param unpairedHalfWidth half-width of the 95 % Welch interval of mean(B) − mean(A) from the same
     *                          replications treated as independent samples
     */
    public record Row(Map<String, String> parameters, String scope, String metric, double meanA, double meanB,
            Estimate paired, double unpairedHalfWidth) {

        /** Whether the paired interval excludes zero. */
        public boolean significant() {
            return paired.ciLow() > 0 || paired.ciHigh() < 0;
        }

        /** How many times narrower the paired interval is than the unpaired one; NaN when undefined. */
        public double narrowing() {
            double p = paired.halfWidth();
            return p > 0 ? unpairedHalfWidth / p : Double.NaN;
        }
    }

    /** Every figure both treatments report, in A's order. */
    public static List<Row> of(TreatmentResult a, TreatmentResult b, Map<String, String> parameters) {
        List<Row> rows = new ArrayList<>();
        int n = Math.min(a.replications().size(), b.replications().size());
        for (ReplicationOutput.Key key : a.estimates().keySet()) {
            if (!b.estimates().containsKey(key)) {
                continue;
            }
            double[] xa = new double[n];
            double[] xb = new double[n];
            double[] diff = new double[n];
            int m = 0;
            for (int r = 0; r < n; r++) {
                Double va = a.replications().get(r).values().get(key);
                Double vb = b.replications().get(r).values().get(key);
                if (va != null && vb != null && !va.isNaN() && !vb.isNaN()) {
                    xa[m] = va;
                    xb[m] = vb;
                    diff[m] = vb - va;
                    m++;
                }
            }
            if (m == 0) {
                continue;
            }
            Estimate paired = ConfidenceInterval.studentT(java.util.Arrays.copyOf(diff, m), Experiment.CONFIDENCE)
                    .withNanReplications(n - m);
            rows.add(new Row(parameters, key.scope(), key.metric(), mean(xa, m), mean(xb, m), paired,
                    welchHalfWidth(xa, xb, m)));
        }
        return rows;
    }

    private static double mean(double[] x, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += x[i];
        }
        return s / n;
    }

    private static double variance(double[] x, int n) {
        double m = mean(x, n);
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += (x[i] - m) * (x[i] - m);
        }
        return s / (n - 1);
    }

    /** Welch's interval half-width; the degrees of freedom rounded down (slightly conservative). */
    static double welchHalfWidth(double[] a, double[] b, int n) {
        if (n < 2) {
            return Double.NaN;
        }
        double va = variance(a, n) / n;
        double vb = variance(b, n) / n;
        double se2 = va + vb;
        if (se2 == 0) {
            return 0;
        }
        double df = se2 * se2 / (va * va / (n - 1) + vb * vb / (n - 1));
        int dof = Math.max(1, (int) Math.floor(df));
        return ConfidenceInterval.tQuantile(dof, Experiment.CONFIDENCE) * Math.sqrt(se2);
    }
}
