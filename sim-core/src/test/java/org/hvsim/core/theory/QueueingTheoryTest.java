package org.hvsim.core.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The analytic oracles themselves, against values computed by hand or known identities. */
class QueueingTheoryTest {

    @Test
    void erlangCWithOneServerIsTheUtilization() {
        assertEquals(0.7, QueueingTheory.erlangC(1, 0.7), 1e-12);
        assertEquals(QueueingTheory.mm1ResponseTime(0.7, 1), QueueingTheory.mmcResponseTime(1, 0.7, 1), 1e-12);
    }

    @Test
    void erlangCMatchesTheTextbookValue() {
        // c = 2, a = 1: C = a^2/(2!(1-ρ)) / (1 + a + a^2/(2!(1-ρ))) = 1/3.
        assertEquals(1.0 / 3, QueueingTheory.erlangC(2, 1.0), 1e-12);
        // M/M/2 with λ = 1, S = 1: T = 1 + (1/3)/(2·0.5) = 4/3.
        assertEquals(4.0 / 3, QueueingTheory.mmcResponseTime(2, 1.0, 1.0), 1e-12);
    }

    @Test
    void pollaczekKhinchineReducesToMm1ForExponentialService() {
        double s = 0.01;
        assertEquals(QueueingTheory.mm1ResponseTime(60, s), QueueingTheory.mg1ResponseTime(60, s, 2 * s * s), 1e-12);
        // Deterministic service halves the waiting time.
        double w = QueueingTheory.mm1ResponseTime(60, s) - s;
        assertEquals(s + w / 2, QueueingTheory.mg1ResponseTime(60, s, s * s), 1e-12);
    }

    @Test
    void mvaForOneUserIsTheSumOfDemandsAndForManyApproachesTheBottleneck() {
        double[] d = {0.02, 0.03};
        QueueingTheory.MvaResult[] r = QueueingTheory.mva(d, 1.0, 200);
        assertEquals(0.05, r[1].responseTime(), 1e-12);
        assertEquals(1 / 1.05, r[1].throughput(), 1e-12);
        assertEquals(1 / 0.03, r[200].throughput(), 1e-3 / 0.03);
        // Little's law on the whole network: N = X (Z + R).
        for (int n = 1; n <= 200; n++) {
            assertEquals(n, r[n].throughput() * (1.0 + r[n].responseTime()), 1e-9);
        }
    }

    @Test
    void unstableQueuesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> QueueingTheory.mm1ResponseTime(1, 1));
        assertThrows(IllegalArgumentException.class, () -> QueueingTheory.erlangC(2, 2.5));
    }
}
