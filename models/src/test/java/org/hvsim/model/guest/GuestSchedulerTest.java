package org.hvsim.model.guest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.hvsim.core.engine.ReplicationModel;
import org.hvsim.core.engine.ReplicationOutput;
import org.hvsim.core.engine.ReplicationRunner;
import org.hvsim.core.engine.ReplicationSpec;
import org.hvsim.core.engine.Simulation;
import org.junit.jupiter.api.Test;

/** Guest disciplines on dedicated pCPUs (the default, unattached hypervisor) against hand-computed schedules. */
class GuestSchedulerTest {

    private static final double EPS = 1e-9;

    /** A CPU burst that records when it completes and can chain further bursts. */
    static final class Job extends CpuJob {
        final Simulation sim;
        final GuestScheduler guest;
        final List<Double> completions = new ArrayList<>();
        final double[] next;
        int chained;

        Job(Simulation sim, GuestScheduler guest, double work, double... next) {
            this.sim = sim;
            this.guest = guest;
            this.next = next;
            prepare(work, 1.0);
        }

        @Override
        protected void cpuDone() {
            completions.add(sim.now());
            if (chained < next.length) {
                prepare(next[chained++], 1.0);
                guest.submit(this);
            }
        }
    }

    /**
     * Runs one guest where job i (work[i]) is submitted at arrival[i]; returns each job's completion time,
     * after checking that each completed once.
     */
    static double[] completions(GuestDiscipline d, int vcpus, double speed, double quantum, double[] work,
            double[] arrival) {
        List<Job> jobs = new ArrayList<>();
        ReplicationModel model = new ReplicationModel() {
            @Override
            public void construct(Simulation sim) {
                GuestScheduler g = GuestScheduler.create(d, sim, vcpus, speed, quantum);
                for (int i = 0; i < work.length; i++) {
                    Job j = new Job(sim, g, work[i]);
                    jobs.add(j);
                    sim.scheduleAt(arrival[i], () -> g.submit(j));
                }
            }

            @Override
            public void collect(Simulation sim, ReplicationOutput out) {
                for (int i = 0; i < jobs.size(); i++) {
                    List<Double> c = jobs.get(i).completions;
                    out.put("job" + i, "done", c.isEmpty() ? Double.NaN : c.get(c.size() - 1));
                    out.put("job" + i, "completions", c.size());
                }
            }
        };
        ReplicationOutput out = ReplicationRunner.run(model, ReplicationSpec.of(1, 0, 0, 100));
        double[] done = new double[work.length];
        for (int i = 0; i < work.length; i++) {
            assertEquals(1.0, out.get("job" + i, "completions"), "job " + i + " completions");
            done[i] = out.get("job" + i, "done");
        }
        return done;
    }

    static double[] atZero(GuestDiscipline d, int vcpus, double speed, double quantum, double... work) {
        return completions(d, vcpus, speed, quantum, work, new double[work.length]);
    }

    @Test
    void processorSharingTwoJobsOnOneVcpu() {
        assertArrayEquals(new double[] {2, 4}, atZero(GuestDiscipline.PS, 1, 1.0, 0, 1, 3), EPS);
    }

    @Test
    void fcfsTwoJobsOnOneVcpu() {
        assertArrayEquals(new double[] {1, 4}, atZero(GuestDiscipline.FCFS, 1, 1.0, 0, 1, 3), EPS);
    }

    @Test
    void roundRobinTwoJobsOnOneVcpu() {
        // A 0-0.5, B 0.5-1, A 1-1.5 (done), B alone to 4
        assertArrayEquals(new double[] {1.5, 4}, atZero(GuestDiscipline.RR, 1, 1.0, 0.5, 1, 3), EPS);
    }

    @Test
    void roundRobinThreeJobsOnOneVcpu() {
        // quantum 0.5; A=1, B=3, C=0.75, queue A B C:
        // A 0-0.5, B 0.5-1, C 1-1.5, A 1.5-2 (done), B 2-2.5, C 2.5-2.75 (done), B alone 2.75-4.75
        assertArrayEquals(new double[] {2.0, 4.75, 2.75}, atZero(GuestDiscipline.RR, 1, 1.0, 0.5, 1, 3, 0.75), EPS);
    }

    @Test
    void roundRobinWithALateArrival() {
        // quantum 1; A=3 at 0, B=1 at 0.5. A runs alone 0-0.5 (quantum not used: nobody waits),
        // then with B waiting A's quantum runs 0.5-1.5, B 1.5-2.5 (done), A alone 2.5-4
        assertArrayEquals(new double[] {4.0, 2.5}, completions(GuestDiscipline.RR, 1, 1.0, 1.0,
                new double[] {3, 1}, new double[] {0, 0.5}), EPS);
    }

    @Test
    void fcfsTwoVcpusThreeJobs() {
        assertArrayEquals(new double[] {1, 1, 2}, atZero(GuestDiscipline.FCFS, 2, 1.0, 0, 1, 1, 1), EPS);
    }

    @Test
    void processorSharingTwoVcpusThreeJobs() {
        // 2 vCPUs over 3 jobs: each at 2/3
        assertArrayEquals(new double[] {1.5, 1.5, 1.5}, atZero(GuestDiscipline.PS, 2, 1.0, 0, 1, 1, 1), EPS);
        // 1, 2, 3: all at 2/3 until 1.5; then two jobs on two vCPUs at full speed: 2 -> 2.5, 3 -> 3.5
        assertArrayEquals(new double[] {1.5, 2.5, 3.5}, atZero(GuestDiscipline.PS, 2, 1.0, 0, 1, 2, 3), EPS);
    }

    @Test
    void processorSharingWithALateArrival() {
        // A=2 at 0 alone until 1 (1 left); B=0.5 at 1: both at 1/2, B done at 2, A (0.5 left) done at 2.5
        assertArrayEquals(new double[] {2.5, 2.0}, completions(GuestDiscipline.PS, 1, 1.0, 0,
                new double[] {2, 0.5}, new double[] {0, 1}), EPS);
    }

    @Test
    void fcfsWithALateArrivalWaits() {
        assertArrayEquals(new double[] {2.0, 2.5}, completions(GuestDiscipline.FCFS, 1, 1.0, 0,
                new double[] {2, 0.5}, new double[] {0, 1}), EPS);
    }

    @Test
    void hostSpeedTwoHalvesTheTimes() {
        assertArrayEquals(new double[] {1, 2}, atZero(GuestDiscipline.PS, 1, 2.0, 0, 1, 3), EPS);
        assertArrayEquals(new double[] {0.5, 2}, atZero(GuestDiscipline.FCFS, 1, 2.0, 0, 1, 3), EPS);
        assertArrayEquals(new double[] {0.5, 0.5, 1}, atZero(GuestDiscipline.FCFS, 2, 2.0, 0, 1, 1, 1), EPS);
        assertArrayEquals(new double[] {0.75, 1.25, 1.75}, atZero(GuestDiscipline.PS, 2, 2.0, 0, 1, 2, 3), EPS);
    }

    @Test
    void zeroWorkCompletesAtOnce() {
        assertArrayEquals(new double[] {0.0, 3.0}, completions(GuestDiscipline.FCFS, 1, 1.0, 0,
                new double[] {0, 3}, new double[] {0, 0}), EPS);
    }

    @Test
    void aBurstSubmittedFromCpuDoneChainsCorrectly() {
        // PS: A=1 then 2 more, B=3. Both at 1/2: A's first burst done at 2 (B has 2 left);
        // A's second burst (2) and B (2) share: both done at 6.
        double[][] done = new double[1][];
        ReplicationModel m = new ReplicationModel() {
            Job a;
            Job b;

            @Override
            public void construct(Simulation sim) {
                GuestScheduler g = GuestScheduler.create(GuestDiscipline.PS, sim, 1, 1.0, 0);
                a = new Job(sim, g, 1, 2);
                b = new Job(sim, g, 3);
                sim.scheduleAt(0, () -> {
                    g.submit(a);
                    g.submit(b);
                });
            }

            @Override
            public void collect(Simulation sim, ReplicationOutput out) {
                done[0] = new double[] {a.completions.get(0), a.completions.get(1), b.completions.get(0)};
                out.put("m", "n", a.completions.size() + b.completions.size());
            }
        };
        ReplicationOutput out = ReplicationRunner.run(m, ReplicationSpec.of(1, 0, 0, 100));
        assertEquals(3.0, out.get("m", "n"));
        assertArrayEquals(new double[] {2, 6, 6}, done[0], EPS);
    }
}
