package org.hvsim.scenario.oracle;

import static org.hvsim.scenario.oracle.OracleRun.assertMatches;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.hvsim.core.experiment.TreatmentResult;
import org.hvsim.core.random.Distribution;
import org.hvsim.core.theory.QueueingTheory;
import org.junit.jupiter.api.Test;

/**
 * The native architecture with reference disciplines reproduces queueing theory, through scenario
 * files (docs/method.md, Validation against queueing theory). Utilizations stay at or below 0.8: heavy
 * traffic would need far longer runs. Fixed seeds make every check deterministic.
 */
class QueueingOracleTest {

    private static final double S = 0.010; // 10 ms mean CPU demand

    @Test
    void mm1AtHalfAndFourFifthsLoad() {
        for (double rho : new double[] {0.5, 0.8}) {
            double lambda = rho / S;
            TreatmentResult r = OracleRun.run(OracleRun.openVm(1, 1, "fcfs", lambda,
                    "{ exponential: { mean: 10 ms } }", "", "", 10, "1000 s", "100 s"));
            assertMatches("M/M/1 rho=" + rho, QueueingTheory.mm1ResponseTime(lambda, S),
                    r.estimate("q", "response_time_mean"), 0.03);
            assertMatches("M/M/1 utilization rho=" + rho, rho, r.estimate("host", "cpu_util_guest"), 0.01);
            // p95 of an M/M/1 response time is exponential with rate μ − λ.
            assertMatches("M/M/1 p95 rho=" + rho, Math.log(20) / (1 / S - lambda),
                    r.estimate("q", "response_time_p95"), 0.03);
        }
    }

    @Test
    void mmcAgainstErlangC() {
        int c = 4;
        double rho = 0.75;
        double lambda = rho * c / S;
        TreatmentResult r = OracleRun.run(OracleRun.openVm(c, c, "fcfs", lambda,
                "{ exponential: { mean: 10 ms } }", "", "", 10, "500 s", "50 s"));
        assertMatches("M/M/4", QueueingTheory.mmcResponseTime(c, lambda, S),
                r.estimate("q", "response_time_mean"), 0.03);
    }

    @Test
    void mg1PollaczekKhinchineWithDeterministicAndHyperexponentialService() {
        double lambda = 0.7 / S;
        TreatmentResult det = OracleRun.run(OracleRun.openVm(1, 1, "fcfs", lambda,
                "{ constant: { value: 10 ms } }", "", "", 10, "1000 s", "100 s"));
        assertMatches("M/D/1", QueueingTheory.mg1ResponseTime(lambda, S, S * S),
                det.estimate("q", "response_time_mean"), 0.03);

        Distribution h2 = Distribution.HyperExponential.balanced(S, 2.0);
        TreatmentResult hyp = OracleRun.run(OracleRun.openVm(1, 1, "fcfs", lambda,
                "{ hyperexponential: { mean: 10 ms, cv: 2 } }", "", "", 10, "2000 s", "200 s"));
        assertMatches("M/H2/1", QueueingTheory.mg1ResponseTime(lambda, S, h2.secondMoment()),
                hyp.estimate("q", "response_time_mean"), 0.04);
    }

    @Test
    void mg1ProcessorSharingIsInsensitiveToTheServiceDistribution() {
        double lambda = 0.7 / S;
        double truth = QueueingTheory.mg1PsResponseTime(lambda, S);
        for (String dist : new String[] {"{ hyperexponential: { mean: 10 ms, cv: 3 } }",
                "{ constant: { value: 10 ms } }"}) {
            TreatmentResult r = OracleRun.run(OracleRun.openVm(1, 1, "ps", lambda, dist, "", "", 10, "1000 s",
                    "100 s"));
            assertMatches("M/G/1-PS " + dist, truth, r.estimate("q", "response_time_mean"), 0.04);
        }
        // FCFS with the same cv = 3 service is far worse: the oracle distinguishes the disciplines.
        TreatmentResult fcfs = OracleRun.run(OracleRun.openVm(1, 1, "fcfs", lambda,
                "{ hyperexponential: { mean: 10 ms, cv: 3 } }", "", "", 4, "300 s", "30 s"));
        double pk = QueueingTheory.mg1ResponseTime(lambda, S,
                Distribution.HyperExponential.balanced(S, 3).secondMoment());
        assertEquals(pk, fcfs.estimate("q", "response_time_mean").mean(), 0.15 * pk);
    }

    @Test
    void roundRobinWithASmallQuantumApproachesProcessorSharing() {
        double lambda = 0.6 / S;
        TreatmentResult r = OracleRun.run(OracleRun.openVm(1, 1, "rr\n    quantum: 1 ms", lambda,
                "{ hyperexponential: { mean: 10 ms, cv: 3 } }", "", "", 8, "300 s", "30 s"));
        assertMatches("M/G/1-RR(1 ms) ~ PS", QueueingTheory.mg1PsResponseTime(lambda, S),
                r.estimate("q", "response_time_mean"), 0.06);
    }
}
