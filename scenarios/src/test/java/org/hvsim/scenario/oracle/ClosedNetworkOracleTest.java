package org.hvsim.scenario.oracle;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.hvsim.core.experiment.TreatmentResult;
import org.hvsim.core.result.Estimate;
import org.hvsim.core.theory.QueueingTheory;
import org.junit.jupiter.api.Test;

/**
 * A closed network — users with think time, a PS CPU and an FCFS disk — against exact Mean Value
 * Analysis for N = 1..50 users, and the warm-up deletion that makes its estimates unbiased.
 */
class ClosedNetworkOracleTest {

    private static final double CPU = 0.020;
    private static final double DISK = 0.030;
    private static final double THINK = 1.0;

    static String closed(int users, String think, int replications, String duration, String warmup) {
        return """
                name: closed-oracle
                seed: 7
                replications: %d
                warmup: %s
                duration: %s
                architectures: [native]
                host:
                  cpus: 1
                  memory: 8 GB
                  disks: [ { name: d0, service: { exponential: { mean: 30 ms } } } ]
                vms:
                  - name: app
                    memory: 1 GB
                    guest_scheduler: ps
                    workload:
                      closed: { users: %d, think: %s }
                      classes:
                        - name: tx
                          phases:
                            - cpu: { exponential: { mean: 20 ms } }
                            - disk: { ops: 1, device: d0 }
                """.formatted(replications, warmup, duration, users, think);
    }

    @Test
    void responseTimeAndThroughputMatchExactMvaForOneToFiftyUsers() {
        QueueingTheory.MvaResult[] mva = QueueingTheory.mva(new double[] {CPU, DISK}, THINK, 50);
        List<String> misses = new ArrayList<>();
        int covered = 0;
        for (int n = 1; n <= 50; n++) {
            TreatmentResult r = OracleRun.run(closed(n, "{ exponential: { mean: 1 s } }", 5, "400 s", "40 s"));
            Estimate rt = r.estimate("app", "response_time_mean");
            Estimate x = r.estimate("host", "throughput");
            double relR = Math.abs(rt.mean() - mva[n].responseTime()) / mva[n].responseTime();
            double relX = Math.abs(x.mean() - mva[n].throughput()) / mva[n].throughput();
            // Every point estimate is close; 95 % intervals miss ~1 in 20 by design, so of 50 independent
            // intervals at least 45 must cover (P(more than 5 misses) ≈ 4 % for correct code; a biased
            // model or a normal-quantile interval misses far more often).
            assertTrue(relR < 0.05 && relX < 0.03, String.format(Locale.ROOT,
                    "N=%d: R %.5f vs MVA %.5f (%.1f %%), X %.4f vs MVA %.4f (%.1f %%)", n, rt.mean(),
                    mva[n].responseTime(), 100 * relR, x.mean(), mva[n].throughput(), 100 * relX));
            if (rt.covers(mva[n].responseTime())) {
                covered++;
            } else {
                misses.add("N=" + n + " " + rt + " vs " + mva[n].responseTime());
            }
        }
        assertTrue(covered >= 45, "MVA response time outside the CI too often (" + (50 - covered) + " of 50): "
                + misses);
    }

    @Test
    void warmupDeletionRemovesTheSynchronizedStartTransient() {
        // Constant think time: all 30 users send their first request at t = 2 s together, and constant
        // think times keep them bunched for many cycles — a start far from steady state. The think
        // station is insensitive to its distribution, so MVA still gives the steady state.
        double truth = QueueingTheory.mva(new double[] {CPU, DISK}, 2.0, 30)[30].responseTime();
        Estimate withWarmup = OracleRun.run(closed(30, "2 s", 10, "100 s", "30 s")).estimate("app",
                "response_time_mean");
        Estimate without = OracleRun.run(closed(30, "2 s", 10, "100 s", "0 s")).estimate("app",
                "response_time_mean");
        double errWith = Math.abs(withWarmup.mean() - truth) / truth;
        double errWithout = Math.abs(without.mean() - truth) / truth;
        assertTrue(withWarmup.covers(truth) && errWith < 0.05, "with warm-up deletion: " + withWarmup + " vs MVA "
                + truth);
        assertTrue(!without.covers(truth) && errWithout > 2 * errWith,
                "the start transient should bias a run without warm-up: " + without + " vs MVA " + truth
                        + " (with warm-up: " + withWarmup + ")");
    }
}
