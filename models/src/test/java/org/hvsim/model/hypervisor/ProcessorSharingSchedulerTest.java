package org.hvsim.model.hypervisor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.hvsim.core.engine.ReplicationModel;
import org.hvsim.core.engine.ReplicationOutput;
import org.hvsim.core.engine.ReplicationRunner;
import org.hvsim.core.engine.ReplicationSpec;
import org.hvsim.core.engine.Simulation;
import org.hvsim.model.guest.CpuJob;
import org.hvsim.model.guest.GuestDiscipline;
import org.hvsim.model.guest.GuestScheduler;
import org.junit.jupiter.api.Test;

/** Several guests sharing pCPUs through the processor-sharing hypervisor scheduler. */
class ProcessorSharingSchedulerTest {

    private static final double EPS = 1e-9;

    static final class Job extends CpuJob {
        final Simulation sim;
        double done = Double.NaN;

        Job(Simulation sim, double work) {
            this.sim = sim;
            prepare(work, 1.0);
        }

        @Override
        protected void cpuDone() {
            done = sim.now();
        }
    }

    /** As below, every guest processor sharing. */
    static ReplicationOutput run(int pcpus, int[] vcpus, double[][] work) {
        return run(pcpus, vcpus, work, null, 0);
    }

    /**
     * Guests with {@code vcpus[g]} vCPUs each and discipline {@code disciplines[g]} (PS for all when null);
     * {@code work[g]} lists the jobs given to guest g at t=0. Reports every job's completion and each
     * guest's busy and runnable areas.
     */
    static ReplicationOutput run(int pcpus, int[] vcpus, double[][] work, GuestDiscipline[] disciplines,
            double quantum) {
        List<GuestScheduler> guests = new ArrayList<>();
        List<List<Job>> jobs = new ArrayList<>();
        ReplicationModel model = new ReplicationModel() {
            @Override
            public void construct(Simulation sim) {
                for (int g = 0; g < vcpus.length; g++) {
                    GuestDiscipline d = disciplines == null ? GuestDiscipline.PS : disciplines[g];
                    guests.add(GuestScheduler.create(d, sim, vcpus[g], 1.0, quantum));
                    jobs.add(new ArrayList<>());
                }
                List<CpuClient> clients = new ArrayList<>();
                for (int g = 0; g < guests.size(); g++) {
                    clients.add(new CpuClient("g" + g, guests.get(g), CpuControls.DEFAULT));
                }
                new ProcessorSharingScheduler(sim, pcpus).attach(clients);
                sim.scheduleAt(0, () -> {
                    for (int g = 0; g < vcpus.length; g++) {
                        for (double w : work[g]) {
                            Job j = new Job(sim, w);
                            jobs.get(g).add(j);
                            guests.get(g).submit(j);
                        }
                    }
                });
            }

            @Override
            public void collect(Simulation sim, ReplicationOutput out) {
                for (int g = 0; g < guests.size(); g++) {
                    for (int i = 0; i < jobs.get(g).size(); i++) {
                        out.put("g" + g + "/j" + i, "done", jobs.get(g).get(i).done);
                    }
                    out.put("g" + g, "busy", guests.get(g).busyArea(sim.now()));
                    out.put("g" + g, "runnable", guests.get(g).runnableArea(sim.now()));
                }
            }
        };
        return ReplicationRunner.run(model, ReplicationSpec.of(1, 0, 0, 50));
    }

    static double[] done(ReplicationOutput out, double[][] work) {
        List<Double> d = new ArrayList<>();
        for (int g = 0; g < work.length; g++) {
            for (int i = 0; i < work[g].length; i++) {
                d.add(out.get("g" + g + "/j" + i, "done"));
            }
        }
        return d.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * Three single-vCPU guests with a job of 1 s each on {@code pcpus} pCPUs: each finishes at
     * max(1, 3 / pcpus), having used 1 pCPU-second and been runnable until it finished.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {2, 4})
    void threeSingleVcpuGuestsShareThePcpus(int pcpus) {
        double[][] work = {{1}, {1}, {1}};
        ReplicationOutput out = run(pcpus, new int[] {1, 1, 1}, work);
        double end = Math.max(1, 3.0 / pcpus);
        assertArrayEquals(new double[] {end, end, end}, done(out, work), EPS);
        for (int g = 0; g < 3; g++) {
            assertEquals(1.0, out.get("g" + g, "busy"), EPS, "pCPU-seconds used by guest " + g);
            assertEquals(end, out.get("g" + g, "runnable"), EPS, "runnable vCPU-seconds of guest " + g);
        }
    }

    @Test
    void shareRisesWhenAGuestHalts() {
        // 2/3 each until 1.5 (two guests done); the third has 1 left alone on a pCPU: done at 2.5
        double[][] work = {{1}, {1}, {2}};
        assertArrayEquals(new double[] {1.5, 1.5, 2.5}, done(run(2, new int[] {1, 1, 1}, work), work), EPS);
        // four guests 1, 2, 3, 4 on 2 pCPUs: 1/2 each until t=2 (first done, others 1, 2, 3 left);
        // 2/3 each until t=3.5 (second done, others 1, 2 left); then 1 each: 4.5 and 5.5
        double[][] four = {{1}, {2}, {3}, {4}};
        assertArrayEquals(new double[] {2, 3.5, 4.5, 5.5}, done(run(2, new int[] {1, 1, 1, 1}, four), four), EPS);
    }

    @Test
    void aTwoVcpuGuestCountsBothVcpus() {
        // guest 0 runs two jobs on its two vCPUs, guest 1 one job: 3 runnable vCPUs on 2 pCPUs
        double[][] work = {{1, 1}, {1}};
        assertArrayEquals(new double[] {1.5, 1.5, 1.5}, done(run(2, new int[] {2, 1}, work), work), EPS);
    }

    @Test
    void aGuestWithMoreJobsThanVcpusStillCountsOnlyItsVcpus() {
        // guest 0: 1 vCPU, 3 jobs of 1/3 (PS inside); guest 1: 1 vCPU, 1 job of 1; one pCPU.
        // 2 runnable vCPUs on 1 pCPU: each guest 1/2 of the pCPU; guest 0's three jobs finish together at 2,
        // guest 1's job too.
        double third = 1.0 / 3;
        double[][] work = {{third, third, third}, {1}};
        assertArrayEquals(new double[] {2, 2, 2, 2}, done(run(1, new int[] {1, 1}, work), work), EPS);
    }

    @Test
    void roundRobinGuestNextToAProcessorSharingGuestOnOnePcpu() {
        // share 1/2 each. RR (quantum 0.5 CPU s = 1 s at half a pCPU): A1 0-1, A2 1-2, A1 2-3 (done), A2 3-4 (done);
        // the PS guest's 2 s job at 1/2 throughout: done at 4
        double[][] work = {{1, 1}, {2}};
        ReplicationOutput out = run(1, new int[] {1, 1}, work,
                new GuestDiscipline[] {GuestDiscipline.RR, GuestDiscipline.PS}, 0.5);
        assertArrayEquals(new double[] {3, 4, 4}, done(out, work), EPS);
    }

    @Test
    void twoVcpuFcfsGuestNextToAProcessorSharingGuest() {
        // 3 runnable vCPUs on 2 pCPUs (2/3 each) until 1.5; then 2 runnable: full speed.
        // FCFS guest: 1.5, 1.5, then its third job 1.5-2.5; PS guest: 1 done by 1.5, 2 more -> 3.5
        double[][] work = {{1, 1, 1}, {3}};
        ReplicationOutput out = run(2, new int[] {2, 1}, work,
                new GuestDiscipline[] {GuestDiscipline.FCFS, GuestDiscipline.PS}, 0);
        assertArrayEquals(new double[] {1.5, 1.5, 2.5, 3.5}, done(out, work), EPS);
        assertEquals(3.0, out.get("g0", "busy"), EPS);
        assertEquals(3.0, out.get("g1", "busy"), EPS);
    }
}
