package org.hvsim.core.bench;

import java.util.PriorityQueue;

import org.apache.commons.math3.random.MersenneTwister;
import org.hvsim.core.engine.ReplicationModel;
import org.hvsim.core.engine.ReplicationOutput;
import org.hvsim.core.engine.ReplicationRunner;
import org.hvsim.core.engine.ReplicationSpec;
import org.hvsim.core.engine.Simulation;

import nl.tudelft.simulation.dsol.formalisms.eventscheduling.Executable;

/**
 * What the engine costs without a model, for the benchmark's ratios: {@code chains} self-rescheduling
 * events with exponential delays (i) on DSOL through the same runner the models use, and (ii) on a bare
 * {@link PriorityQueue} loop, the practical limit of a Java event list.
 */
public final class EngineBaseline {
    private EngineBaseline() {
    }

    /** Runs about {@code events} bare DSOL events through the engine's scheduling path; returns the events executed. */
    public static long dsol(long events, int chains, long seed) {
        return dsol(events, chains, seed, false);
    }

    /** As {@link #dsol(long, int, long)} through DSOL's default {@code scheduleEventRel}. */
    public static long dsolDefault(long events, int chains, long seed) {
        return dsol(events, chains, seed, true);
    }

    private static long dsol(long events, int chains, long seed, boolean dsolDefault) {
        double meanDelay = 1.0;
        double runLength = events * meanDelay / chains;
        long[] executed = new long[1];
        ReplicationOutput out = ReplicationRunner.run(new ReplicationModel() {
            @Override
            public void construct(Simulation sim) {
                MersenneTwister rng = new MersenneTwister(seed);
                for (int c = 0; c < chains; c++) {
                    Executable chain = new Executable() {
                        @Override
                        public void execute() {
                            double delay = -meanDelay * Math.log(1 - rng.nextDouble());
                            executed[0]++;
                            if (dsolDefault) {
                                sim.scheduleThroughDsol(delay, this);
                            } else {
                                sim.schedule(delay, this);
                            }
                        }
                    };
                    chain.execute();
                }
            }

            @Override
            public void collect(Simulation sim, ReplicationOutput output) {
            }
        }, ReplicationSpec.of(seed, 0, 0, runLength));
        // the first call of each chain ran in construct, not as an event
        return dsolDefault ? executed[0] - chains : out.events();
    }

    /** Runs {@code events} events on a bare PriorityQueue; returns a checksum so the JIT keeps the work. */
    public static double priorityQueue(long events, int chains, long seed) {
        MersenneTwister rng = new MersenneTwister(seed);
        PriorityQueue<Ev> queue = new PriorityQueue<>();
        long seq = 0;
        for (int c = 0; c < chains; c++) {
            queue.add(new Ev(-Math.log(1 - rng.nextDouble()), seq++));
        }
        double now = 0;
        for (long i = 0; i < events; i++) {
            Ev e = queue.poll();
            now = e.time;
            queue.add(new Ev(now - Math.log(1 - rng.nextDouble()), seq++));
        }
        return now;
    }

    private record Ev(double time, long seq) implements Comparable<Ev> {
        @Override
        public int compareTo(Ev o) {
            int c = Double.compare(time, o.time);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }
}
