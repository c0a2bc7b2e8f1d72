package org.hvsim.model.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.hvsim.core.engine.ReplicationModel;
import org.hvsim.core.engine.ReplicationOutput;
import org.hvsim.core.engine.ReplicationRunner;
import org.hvsim.core.engine.ReplicationSpec;
import org.hvsim.core.engine.Simulation;
import org.junit.jupiter.api.Test;

/**
 * An I/O path's guest part and hypervisor part, back to back on the VM's vCPU, run as one burst charged
 * to three categories side by side when the guest is processor sharing (StagePlanner). The claim that
 * makes it exact: under PS a job's completion depends only on its total work and the rates, and a job's
 * pCPU-seconds only on its work. Checked under contention: more jobs than vCPUs, a hypervisor that grants
 * fewer vCPUs than demanded and a share below 1, background jobs arriving throughout.
 */
class MergedBurstTest {

    private static final double GUEST_PART = 3e-3;
    private static final double VIRT_PART = 1e-3;
    private static final double HYP_PART = 2e-3;

    /** What one run saw: completion times (request first, then background jobs) and category areas. */
    private record Outcome(List<Double> requestDone, List<Double> backgroundDone, double[] areas) {
    }

    private static final class Burst extends CpuJob {
        final Simulation sim;
        final GuestScheduler guest;
        final boolean merged;
        final List<Double> done;
        int part;

        Burst(Simulation sim, GuestScheduler guest, boolean merged, List<Double> done) {
            this.sim = sim;
            this.guest = guest;
            this.merged = merged;
            this.done = done;
        }

        void start() {
            part = 0;
            double all = GUEST_PART + VIRT_PART + HYP_PART;
            if (merged) {
                prepare(all, GUEST_PART / all, CpuCategory.GUEST, CpuCategory.VIRTUALIZATION, HYP_PART / all,
                        CpuCategory.HYPERVISOR);
            } else {
                prepare(GUEST_PART + VIRT_PART, GUEST_PART / (GUEST_PART + VIRT_PART));
            }
            guest.submit(this);
        }

        @Override
        protected void cpuDone() {
            if (!merged && part++ == 0) {
                prepare(HYP_PART, 1.0, CpuCategory.HYPERVISOR, CpuCategory.HYPERVISOR);
                guest.submit(this); // from the callback: the vCPU does not halt in between
                return;
            }
            done.add(sim.now());
        }
    }

    private static Outcome run(GuestDiscipline d, boolean merged) {
        List<Double> requests = new ArrayList<>();
        List<GuestSchedulerTest.Job> background = new ArrayList<>();
        double[] areas = new double[CpuCategory.COUNT];
        double end = 2.0;
        ReplicationRunner.run(new ReplicationModel() {
            GuestScheduler g;

            @Override
            public void construct(Simulation sim) {
                g = GuestScheduler.create(d, sim, 2, 1.0, 0.01);
                // contention at the hypervisor: one vCPU of the two, at 70 % of a pCPU
                g.attach((guest, old, now) -> guest.grant(Math.min(now, 1), 0.7));
                Random r = new Random(11);
                double t = 0;
                for (int i = 0; i < 150; i++) {
                    t += -Math.log(1 - r.nextDouble()) * 0.01;
                    double work = -Math.log(1 - r.nextDouble()) * 0.004;
                    GuestSchedulerTest.Job p = new GuestSchedulerTest.Job(sim, g, work);
                    background.add(p);
                    sim.scheduleAt(t, () -> g.submit(p));
                    if (i % 5 == 0) {
                        Burst b = new Burst(sim, g, merged, requests);
                        sim.scheduleAt(t + 1e-4, b::start);
                    }
                }
            }

            @Override
            public void collect(Simulation sim, ReplicationOutput out) {
                for (CpuCategory c : CpuCategory.values()) {
                    areas[c.ordinal()] = g.categoryArea(c, sim.now());
                }
            }
        }, ReplicationSpec.of(1, 0, 0, end));
        return new Outcome(requests, background.stream().flatMap(j -> j.completions.stream()).toList(), areas);
    }

    @Test
    void underProcessorSharingOneBurstIsTheTwoBackToBack() {
        Outcome two = run(GuestDiscipline.PS, false);
        Outcome one = run(GuestDiscipline.PS, true);
        assertEquals(30, two.requestDone().size(), "every request finished");
        assertEquals(two.requestDone().size(), one.requestDone().size());
        for (int i = 0; i < two.requestDone().size(); i++) {
            assertEquals(two.requestDone().get(i), one.requestDone().get(i), 1e-12, "request " + i);
        }
        assertEquals(two.backgroundDone().size(), one.backgroundDone().size());
        for (int i = 0; i < two.backgroundDone().size(); i++) {
            assertEquals(two.backgroundDone().get(i), one.backgroundDone().get(i), 1e-12, "background job " + i);
        }
        for (CpuCategory c : CpuCategory.values()) {
            assertEquals(two.areas()[c.ordinal()], one.areas()[c.ordinal()], 1e-12, c.name());
        }
        // each request's parts, in pCPU-seconds: the areas hold 30 of each on top of the background's guest work
        assertEquals(30 * HYP_PART, one.areas()[CpuCategory.HYPERVISOR.ordinal()], 1e-12);
        assertEquals(30 * VIRT_PART, one.areas()[CpuCategory.VIRTUALIZATION.ordinal()], 1e-12);
    }

    @Test
    void underFcfsTheSecondPartQueuesSoTheyAreNotMerged() {
        // why StagePlanner keeps two jobs for FCFS: the hypervisor part waits behind queued jobs
        Outcome two = run(GuestDiscipline.FCFS, false);
        Outcome one = run(GuestDiscipline.FCFS, true);
        boolean differs = false;
        for (int i = 0; i < two.requestDone().size(); i++) {
            differs |= Math.abs(two.requestDone().get(i) - one.requestDone().get(i)) > 1e-9;
        }
        assertTrue(differs, "FCFS: some request finishes at another time when its parts are merged");
    }
}
