package org.hvsim.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import nl.tudelft.simulation.dsol.formalisms.eventscheduling.Executable;

class EventCensusTest {

    /** A named action class, as the schedulers' per-pCPU event actions are. */
    static final class Tick implements Executable {
        @Override
        public void execute() {
        }
    }

    @Test
    void countsScheduledEventsByKindAndAllocation() {
        EventCensus census = new EventCensus();
        ReplicationModel model = new ReplicationModel() {
            private Simulation sim;

            @Override
            public void construct(Simulation s) {
                sim = s;
                for (int i = 0; i < 100; i++) {
                    s.schedule(i, new Tick());
                }
                s.schedule(0.5, this::chain);
            }

            private void chain() {
                if (sim.now() < 50) {
                    sim.schedule(1, this::chain);
                }
            }

            @Override
            public void collect(Simulation s, ReplicationOutput out) {
            }
        };
        ReplicationOutput out = ReplicationRunner.run(model, ReplicationSpec.of(1, 0, 0, 200), census);
        Map<String, Long> kinds = census.byKind();
        assertEquals(100L, kinds.get("EventCensusTest$Tick"));
        assertEquals(51L, kinds.get("EventCensusTest$1 (lambda)"), kinds.toString());
        assertEquals(151, out.events());
        assertEquals("EventCensusTest$Tick", kinds.keySet().iterator().next(), "most frequent first");
        assertTrue(census.allocatedBytes() > 0, "at least the events themselves were allocated");
    }

    @Test
    void countsRunEventsApartFromScheduledOnes() {
        EventCensus census = new EventCensus();
        ReplicationModel model = new ReplicationModel() {
            @Override
            public void construct(Simulation s) {
                Tick tick = new Tick();
                for (int i = 0; i < 10; i++) {
                    var e = s.schedule(i, tick);
                    if (i % 2 == 1) {
                        s.cancel(e); // scheduled, never run
                    }
                }
                // one event moved twice: scheduled three times, run once
                var moving = s.scheduleAt(20, tick);
                moving = s.rescheduleAt(moving, 30, tick);
                s.rescheduleAt(moving, 25, tick);
            }

            @Override
            public void collect(Simulation s, ReplicationOutput out) {
            }
        };
        ReplicationOutput out = ReplicationRunner.run(model, ReplicationSpec.of(1, 0, 0, 100), census);
        assertEquals(13L, census.byKind().get("EventCensusTest$Tick"));
        assertEquals(6L, census.ranByKind().get("EventCensusTest$Tick"), census.ranByKind().toString());
        assertEquals(6, out.events());
    }

    @Test
    void meanPendingEventsIsTheListSizeAsEachEventLeft() {
        // 100 one-off events at 1..100 s: the i-th leaves a list of 101 - i of them, and DSOL's own
        // end-of-replication event waits behind them all, so the mean is 50.5 + 1
        EventCensus once = new EventCensus();
        ReplicationRunner.run(new ReplicationModel() {
            @Override
            public void construct(Simulation s) {
                for (int i = 1; i <= 100; i++) {
                    s.schedule(i, new Tick());
                }
            }

            @Override
            public void collect(Simulation s, ReplicationOutput out) {
            }
        }, ReplicationSpec.of(1, 0, 0, 200), once);
        assertEquals(51.5, once.meanPendingEvents(), 1e-12);

        // 7 self-rescheduling chains: every chain always has one event pending, so exactly 7 + 1
        EventCensus chains = new EventCensus();
        ReplicationRunner.run(new ReplicationModel() {
            @Override
            public void construct(Simulation s) {
                java.util.Random r = new java.util.Random(3);
                for (int c = 0; c < 7; c++) {
                    Executable[] chain = new Executable[1];
                    chain[0] = () -> s.schedule(-Math.log(1 - r.nextDouble()), chain[0]);
                    s.schedule(r.nextDouble(), chain[0]);
                }
            }

            @Override
            public void collect(Simulation s, ReplicationOutput out) {
            }
        }, ReplicationSpec.of(1, 0, 0, 500), chains);
        assertEquals(8.0, chains.meanPendingEvents(), 1e-12);
    }

    @Test
    void cpuTimeCoversTheEventsWork() {
        EventCensus census = new EventCensus();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        org.junit.jupiter.api.Assumptions.assumeTrue(threads.isThreadCpuTimeSupported());
        double[] burnt = new double[1];
        ReplicationModel model = new ReplicationModel() {
            @Override
            public void construct(Simulation s) {
                s.schedule(1, () -> burnt[0] = burn(threads, 0.03));
            }

            @Override
            public void collect(Simulation s, ReplicationOutput out) {
            }
        };
        long t0 = System.nanoTime();
        ReplicationRunner.run(model, ReplicationSpec.of(1, 0, 0, 2), census);
        double wall = (System.nanoTime() - t0) / 1e9;
        assertTrue(census.cpuSeconds() >= burnt[0] && burnt[0] >= 0.03,
                census.cpuSeconds() + " s of CPU for an event that used " + burnt[0] + " s");
        assertTrue(census.cpuSeconds() <= wall, "no more CPU than wall time on one thread");
    }

    /** Spins until the current thread has used {@code seconds} of CPU; returns what it used. */
    private static double burn(java.lang.management.ThreadMXBean threads, double seconds) {
        long start = threads.getCurrentThreadCpuTime();
        long used;
        do {
            used = threads.getCurrentThreadCpuTime() - start;
        } while (used < seconds * 1e9);
        return used / 1e9;
    }
}
