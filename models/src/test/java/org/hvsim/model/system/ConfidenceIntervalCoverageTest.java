package org.hvsim.model.system;

import static org.hvsim.model.system.Systems.cpu;
import static org.hvsim.model.system.Systems.host;
import static org.hvsim.model.system.Systems.open;
import static org.hvsim.model.system.Systems.run;
import static org.hvsim.model.system.Systems.treatment;
import static org.hvsim.model.system.Systems.vm;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.hvsim.core.experiment.Treatment;
import org.hvsim.core.random.Distribution;
import org.hvsim.core.result.Estimate;
import org.hvsim.model.guest.GuestDiscipline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The whole CI procedure: independent experiments of 5 replications of a native M/M/1 queue
 * (lambda 0.5, S 1, FCFS); the Student-t 95 % interval of response_time_mean must cover the true mean
 * S / (1 - rho) = 2 s in 90-99 % of them. Seeds 1..200, fixed in advance.
 */
@Timeout(120)
class ConfidenceIntervalCoverageTest {

    static final int EXPERIMENTS = 200;
    static final double TRUE_MEAN = 2.0;

    @Test
    void studentTIntervalsCoverTheTrueMeanAboutNinetyFivePercentOfTheTime() {
        Treatment mm1 = treatment("native", host(1), List.of(vm("mm1", 1, 1, GuestDiscipline.FCFS,
                open(0.5, cpu(new Distribution.Exponential(1.0))))));
        int covered = 0;
        int below = 0;
        double sumHalfWidth = 0;
        for (int seed = 1; seed <= EXPERIMENTS; seed++) {
            Estimate e = run(seed, 5, 200, 2000, mm1).get(0).estimate("mm1", Metrics.RESPONSE_TIME_MEAN);
            if (e.covers(TRUE_MEAN)) {
                covered++;
            } else if (e.ciHigh() < TRUE_MEAN) {
                below++;
            }
            sumHalfWidth += e.halfWidth();
        }
        double coverage = (double) covered / EXPERIMENTS;
        System.out.printf("CI coverage: %d/%d = %.3f (misses: %d below, %d above; mean half-width %.4f s)%n",
                covered, EXPERIMENTS, coverage, below, EXPERIMENTS - covered - below, sumHalfWidth / EXPERIMENTS);
        assertTrue(coverage >= 0.90 && coverage <= 0.99, "coverage " + coverage + " outside [0.90, 0.99]");
    }
}
