package org.hvsim.model.system;

import static org.hvsim.model.system.Systems.cpu;
import static org.hvsim.model.system.Systems.host;
import static org.hvsim.model.system.Systems.open;
import static org.hvsim.model.system.Systems.run;
import static org.hvsim.model.system.Systems.treatment;
import static org.hvsim.model.system.Systems.vm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.hvsim.core.experiment.TreatmentResult;
import org.hvsim.core.random.Distribution;
import org.hvsim.core.result.Estimate;
import org.hvsim.model.guest.GuestDiscipline;
import org.hvsim.model.workload.Arrivals;
import org.hvsim.model.workload.Phase;
import org.hvsim.model.workload.RequestClass;
import org.hvsim.model.workload.Workload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The native host against queueing theory (rho <= 0.6, fixed seeds). */
@Timeout(120)
class QueueingOraclesTest {

    private static void assertEstimates(double truth, Estimate e, double relTol, String what) {
        assertTrue(e.covers(truth), what + ": CI [" + e.ciLow() + ", " + e.ciHigh() + "] misses " + truth);
        assertEquals(truth, e.mean(), relTol * truth, what);
    }

    private static TreatmentResult single(long seed, int vcpus, int pcpus, GuestDiscipline d, Workload w) {
        return run(seed, 10, 200, 4000, treatment("native", host(pcpus), List.of(vm("vm", 1, vcpus, d, w)))).get(0);
    }

    @Test
    void mD1FcfsFollowsPollaczekKhinchineAndPsIsInsensitive() {
        // lambda 0.5, deterministic S = 1: FCFS R = S + rho S / (2 (1 - rho)) = 1.5; PS R = S / (1 - rho) = 2
        Workload w = open(0.5, cpu(new Distribution.Constant(1.0)));
        assertEstimates(1.5, single(71, 1, 1, GuestDiscipline.FCFS, w).estimate("vm", Metrics.RESPONSE_TIME_MEAN),
                0.05, "M/D/1 FCFS");
        assertEstimates(2.0, single(72, 1, 1, GuestDiscipline.PS, w).estimate("vm", Metrics.RESPONSE_TIME_MEAN),
                0.06, "M/D/1 PS");
    }

    @Test
    void twoVcpuFcfsGuestIsAnMM2Queue() {
        // lambda 1.2, S = 1, c = 2: Erlang C = 0.45, Wq = 0.45 / (2 x 0.4) = 0.5625, R = 1.5625
        TreatmentResult r = single(73, 2, 2, GuestDiscipline.FCFS, open(1.2, cpu(new Distribution.Exponential(1.0))));
        assertEstimates(1.5625, r.estimate("vm", Metrics.RESPONSE_TIME_MEAN), 0.05, "M/M/2");
        assertEstimates(0.6, r.estimate(Metrics.HOST, Metrics.CPU_UTIL_GUEST), 0.04, "utilization per pCPU");
    }

    @Test
    void closedWorkloadObeysTheInteractiveResponseTimeLaw() {
        // N users, think Z: X (R + Z) = N
        int users = 5;
        double think = 4.0;
        Workload w = new Workload(new Arrivals.Closed(users, new Distribution.Exponential(think)),
                List.of(new RequestClass("req", 1, List.of(new Phase.Cpu(new Distribution.Exponential(0.5))))));
        TreatmentResult r = single(74, 1, 1, GuestDiscipline.FCFS, w);
        double x = r.estimate(Metrics.HOST, Metrics.THROUGHPUT).mean();
        double rt = r.estimate("vm", Metrics.RESPONSE_TIME_MEAN).mean();
        assertEquals(users, x * (rt + think), 0.03 * users, "X (R + Z) with X=" + x + " R=" + rt);
        // utilization law: U = X S
        assertEquals(x * 0.5, r.estimate(Metrics.HOST, Metrics.CPU_UTIL_GUEST).mean(), 0.03 * x * 0.5);
    }

    @Test
    void requestClassesSplitTheArrivalsByWeight() {
        double lambda = 2.0;
        Workload w = new Workload(Arrivals.Open.poisson(lambda), List.of(
                new RequestClass("small", 3, List.of(new Phase.Cpu(new Distribution.Exponential(0.1)))),
                new RequestClass("large", 1, List.of(new Phase.Cpu(new Distribution.Exponential(0.5))))));
        // three instances on three pCPUs: each is its own M/G/1-PS queue with rho = 2 x (0.75 x 0.1 + 0.25 x 0.5) = 0.4
        TreatmentResult r = run(75, 5, 100, 2000, treatment("native", host(3),
                List.of(vm("app", 3, 1, GuestDiscipline.PS, w)))).get(0);
        assertEstimates(3 * lambda, r.estimate("app", Metrics.THROUGHPUT), 0.03, "template throughput");
        assertEstimates(3 * lambda * 0.75, r.estimate("app/small", Metrics.THROUGHPUT), 0.04, "small throughput");
        assertEstimates(3 * lambda * 0.25, r.estimate("app/large", Metrics.THROUGHPUT), 0.06, "large throughput");
        // PS: a class's mean response time is its mean demand / (1 - rho)
        assertEstimates(0.1 / 0.6, r.estimate("app/small", Metrics.RESPONSE_TIME_MEAN), 0.06, "small response time");
        assertEstimates(0.5 / 0.6, r.estimate("app/large", Metrics.RESPONSE_TIME_MEAN), 0.06, "large response time");
        assertEstimates(0.2 / 0.6, r.estimate("app", Metrics.RESPONSE_TIME_MEAN), 0.05, "all requests");
        assertEquals(0.0, r.estimate("app", Metrics.CPU_READY_FRACTION).mean(), 1e-12);
    }
}
