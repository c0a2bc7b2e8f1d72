package org.hvsim.core.bench;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.math3.random.MersenneTwister;
import org.djutils.event.EventProducer;
import org.djutils.event.reference.ReferenceType;
import org.hvsim.core.engine.ReplicationRunner;

import nl.tudelft.simulation.dsol.eventlists.EventListInterface;
import nl.tudelft.simulation.dsol.eventlists.EventListPriorityQueue;
import nl.tudelft.simulation.dsol.eventlists.RedBlackTree;
import nl.tudelft.simulation.dsol.experiment.Replication;
import nl.tudelft.simulation.dsol.experiment.SingleReplication;
import nl.tudelft.simulation.dsol.formalisms.eventscheduling.Executable;
import nl.tudelft.simulation.dsol.model.AbstractDsolModel;
import nl.tudelft.simulation.dsol.simulators.DevsSimulator;
import nl.tudelft.simulation.dsol.simulators.DevsSimulatorInterface;
import nl.tudelft.simulation.dsol.simulators.ErrorStrategy;

/**
 * Bare DSOL 4.3.2 as shipped, for the benchmark's "bare DSOL" ratio: a stock {@code DevsSimulator} with its
 * own run loop (a lock per event, a time-changed event per new instant), events scheduled with
 * {@code scheduleEventRel} (a lock and a trace string per call), and one of DSOL's own event lists. None of
 * the engine's replacements (its list, its loop, its unboxed clock) is used: this is what hvsim's engine ran
 * on when issue 13 measured "0.66x bare DSOL" (a {@code DevsSimulator} on {@code EventListPriorityQueue}).
 */
public final class StockDsol {

    /** DSOL's event lists the baseline can run on. */
    public enum EventList {
        /** {@code EventListPriorityQueue}: what hvsim's engine used until it had its own list. */
        PRIORITY_QUEUE,
        /** {@code RedBlackTree}: {@code DevsSimulator}'s default. */
        RED_BLACK_TREE
    }

    private static final AtomicLong IDS = new AtomicLong();

    private StockDsol() {
    }

    /** Events a run executed and the wall seconds from its start to the end of its replication. */
    public record Run(long events, double seconds) {
        public double eventsPerSecond() {
            return events / seconds;
        }
    }

    /** Events per second of {@link #run}. */
    public static double eventsPerSecond(long events, int chains, long seed, EventList list) {
        return run(events, chains, seed, list).eventsPerSecond();
    }

    /**
     * Runs about {@code events} events of {@code chains} self-rescheduling chains (exponential delays of
     * mean 1 s, one random stream in event order, as {@link EngineBaseline} draws them) on stock DSOL;
     * building the model is not timed.
     */
    public static Run run(long events, int chains, long seed, EventList list) {
        if (events < 1 || chains < 1) {
            throw new IllegalArgumentException("events and chains must be positive");
        }
        long id = IDS.incrementAndGet();
        DevsSimulator<Double> simulator;
        SingleReplication<Double> replication;
        double runLength = (double) events / chains;
        // DSOL's logger registry and naming context are global and not thread-safe (see ReplicationRunner).
        synchronized (ReplicationRunner.class) {
            simulator = new DevsSimulator<>("hvsim-stock-" + id);
            ReplicationRunner.silenceDsolLogging();
            replication = new SingleReplication<>("hvsim-stock-rep-" + id, 0.0, 0.0, runLength);
        }
        EventListInterface<Double> eventList = list == EventList.PRIORITY_QUEUE ? new EventListPriorityQueue<>()
                : new RedBlackTree<>();
        simulator.setEventList(eventList);
        simulator.setErrorStrategy(ErrorStrategy.WARN_AND_PAUSE, ch.qos.logback.classic.Level.OFF);
        long[] executed = new long[1];
        CountDownLatch done = new CountDownLatch(1);
        simulator.addListener(event -> done.countDown(), Replication.END_REPLICATION_EVENT,
                EventProducer.LAST_POSITION, ReferenceType.STRONG);
        try {
            simulator.initialize(new Chains(simulator, chains, seed, executed), replication);
            long t0 = System.nanoTime();
            simulator.start();
            if (!done.await(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("stock DSOL baseline did not finish in 10 minutes");
            }
            return new Run(executed[0], (System.nanoTime() - t0) / 1e9);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            if (simulator.isStartingOrRunning()) {
                simulator.stop();
            }
            simulator.cleanUp();
            synchronized (ReplicationRunner.class) {
                replication.removeFromContext();
            }
        }
    }

    /** The model: {@code chains} events, each rescheduling itself through DSOL's {@code scheduleEventRel}. */
    private static final class Chains extends AbstractDsolModel<Double, DevsSimulatorInterface<Double>> {
        private static final long serialVersionUID = 1L;
        private final int chains;
        private final long seed;
        private final long[] executed;

        Chains(DevsSimulatorInterface<Double> simulator, int chains, long seed, long[] executed) {
            super(simulator);
            this.chains = chains;
            this.seed = seed;
            this.executed = executed;
        }

        @Override
        public void constructModel() {
            MersenneTwister rng = new MersenneTwister(seed);
            DevsSimulatorInterface<Double> sim = getSimulator();
            for (int c = 0; c < chains; c++) {
                Executable chain = new Executable() {
                    @Override
                    public void execute() {
                        executed[0]++;
                        sim.scheduleEventRel(-Math.log(1 - rng.nextDouble()), this);
                    }
                };
                sim.scheduleEventRel(-Math.log(1 - rng.nextDouble()), chain);
            }
        }
    }
}
