package org.hvsim.core.theory;

/**
 * Analytic results the simulator is checked against (times in seconds, rates per second). Each
 * assumes a stable queue (utilization below 1).
 */
public final class QueueingTheory {
    private QueueingTheory() {
    }

    private static void requireStable(double rho) {
        if (!(rho >= 0 && rho < 1)) {
            throw new IllegalArgumentException("unstable queue: utilization " + rho);
        }
    }

    /** M/M/1 mean response time: S / (1 − ρ). */
    public static double mm1ResponseTime(double lambda, double meanService) {
        double rho = lambda * meanService;
        requireStable(rho);
        return meanService / (1 - rho);
    }

    /** Erlang C: probability that an arrival waits in M/M/c, with offered load a = λS and c servers. */
    public static double erlangC(int c, double offeredLoad) {
        double rho = offeredLoad / c;
        requireStable(rho);
        // Erlang B by the stable recursion, then C from B.
        double b = 1;
        for (int k = 1; k <= c; k++) {
            b = offeredLoad * b / (k + offeredLoad * b);
        }
        return b / (1 - rho * (1 - b));
    }

    /** M/M/c mean response time: S + C(c, a) · S / (c (1 − ρ)). */
    public static double mmcResponseTime(int c, double lambda, double meanService) {
        double a = lambda * meanService;
        double rho = a / c;
        requireStable(rho);
        return meanService + erlangC(c, a) * meanService / (c * (1 - rho));
    }

    /** M/G/1-FCFS mean response time by Pollaczek–Khinchine: S + λE[S²] / (2(1 − ρ)). */
    public static double mg1ResponseTime(double lambda, double meanService, double secondMoment) {
        double rho = lambda * meanService;
        requireStable(rho);
        return meanService + lambda * secondMoment / (2 * (1 - rho));
    }

    /** M/G/1-PS mean response time, insensitive to the service distribution: S / (1 − ρ). */
    public static double mg1PsResponseTime(double lambda, double meanService) {
        return mm1ResponseTime(lambda, meanService);
    }

    /** Result of exact Mean Value Analysis for one population. */
    public record MvaResult(int users, double throughput, double responseTime, double[] queueLengths) {
    }

    /**
     * Exact MVA for a closed network of single-server queueing stations (FCFS exponential or PS) with
     * service demands {@code demands} and a think time {@code think} (a delay station).
     */
    public static MvaResult[] mva(double[] demands, double think, int maxUsers) {
        MvaResult[] out = new MvaResult[maxUsers + 1];
        double[] q = new double[demands.length];
        out[0] = new MvaResult(0, 0, 0, q.clone());
        for (int n = 1; n <= maxUsers; n++) {
            double[] r = new double[demands.length];
            double total = 0;
            for (int k = 0; k < demands.length; k++) {
                r[k] = demands[k] * (1 + q[k]);
                total += r[k];
            }
            double x = n / (think + total);
            for (int k = 0; k < demands.length; k++) {
                q[k] = x * r[k];
            }
            out[n] = new MvaResult(n, x, total, q.clone());
        }
        return out;
    }
}
