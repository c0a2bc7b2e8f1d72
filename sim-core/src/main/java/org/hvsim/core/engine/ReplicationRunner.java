package org.hvsim.core.engine;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.djutils.event.Event;
import org.djutils.event.EventListener;
import org.djutils.event.EventProducer;
import org.djutils.event.reference.ReferenceType;
import org.djutils.logger.CategoryLogger;
import org.hvsim.core.random.RandomStreams;

import nl.tudelft.simulation.dsol.experiment.Replication;
import nl.tudelft.simulation.dsol.experiment.SingleReplication;
import nl.tudelft.simulation.dsol.model.AbstractDsolModel;
import nl.tudelft.simulation.dsol.simulators.DevsSimulatorInterface;
import nl.tudelft.simulation.dsol.simulators.ReplicationState;
import nl.tudelft.simulation.dsol.simulators.SimulatorInterface;

/**
 * Runs one replication of a model on DSOL synchronously: returns its output or throws
 * {@link SimulationFailure} carrying the original exception. Never hangs (a wall-clock limit
 * applies) and releases DSOL's non-daemon worker thread, with one exception Java cannot help: a single
 * event that never returns keeps its thread until the process exits (the command line exits).
 */
public final class ReplicationRunner {

    /** DSOL ids are JVM-global: every simulator and replication gets a fresh one. */
    private static final AtomicLong IDS = new AtomicLong();

    static {
        silenceDsolLogging();
    }

    /**
     * DSOL logs to stdout with stack traces; the tool's stdout is for data only. Every new
     * simulator's SimLogger re-registers DSOL's category at the default level, so this runs again after
     * each simulator is built (under this class's lock, which any code building a DSOL simulator of its
     * own must hold too, as the benchmark's stock baseline does).
     */
    public static void silenceDsolLogging() {
        CategoryLogger.setLogLevelAll(ch.qos.logback.classic.Level.OFF);
        CategoryLogger.setLogLevel(CategoryLogger.CAT_ALWAYS, ch.qos.logback.classic.Level.OFF);
        org.slf4j.Logger root = org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (root instanceof ch.qos.logback.classic.Logger logback) {
            logback.setLevel(ch.qos.logback.classic.Level.OFF);
        }
    }

    private ReplicationRunner() {
    }

    public static ReplicationOutput run(ReplicationModel model, ReplicationSpec spec) {
        return run(model, spec, null);
    }

    /** As {@link #run(ReplicationModel, ReplicationSpec)}, counting events and allocation in {@code census}. */
    public static ReplicationOutput run(ReplicationModel model, ReplicationSpec spec, EventCensus census) {
        long id = IDS.incrementAndGet();
        EngineSimulator simulator;
        // DSOL's SimLogger re-registers a global log category in three separate steps when a simulator
        // is built; two threads building simulators at once can interleave them and fail with a
        // NullPointerException inside djutils' CategoryLogger. DSOL's global naming context has the same
        // problem for replications. Every touch of DSOL's global state holds this class's lock.
        synchronized (ReplicationRunner.class) {
            simulator = new EngineSimulator("hvsim-sim-" + id);
            silenceDsolLogging();
        }
        RandomStreams streams = new RandomStreams(spec.seed(), spec.index());
        Simulation simulation = new Simulation(simulator, streams, spec.index(), spec.warmup(), spec.runLength());
        simulation.countEvents(census);
        CountDownLatch done = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        ReplicationState[] endState = new ReplicationState[1];

        EventListener listener = new EventListener() {
            private static final long serialVersionUID = 1L;

            @Override
            public void notify(Event event) {
                if (event.getType().equals(Replication.WARMUP_EVENT)) {
                    simulation.fireWarmup();
                } else if (event.getType().equals(Replication.END_REPLICATION_EVENT)) {
                    done.countDown();
                } else if (event.getType().equals(SimulatorInterface.STOP_EVENT)) {
                    stopped.countDown();
                    // A normal end fires STOP then END_REPLICATION; anything else that stops is a failure.
                    ReplicationState state = simulator.getReplicationState();
                    if (state != ReplicationState.ENDING && state != ReplicationState.ENDED) {
                        endState[0] = state;
                        done.countDown();
                    }
                }
            }
        };
        // LAST_POSITION and STRONG references (weak listeners can be collected mid-run).
        simulator.addListener(listener, Replication.WARMUP_EVENT, EventProducer.LAST_POSITION, ReferenceType.STRONG);
        simulator.addListener(listener, Replication.END_REPLICATION_EVENT, EventProducer.LAST_POSITION,
                ReferenceType.STRONG);
        simulator.addListener(listener, SimulatorInterface.STOP_EVENT, EventProducer.LAST_POSITION,
                ReferenceType.STRONG);

        SingleReplication<Double> replication = null;
        try {
            // DSOL's naming context (a global registry) is not thread-safe either.
            synchronized (ReplicationRunner.class) {
                replication = new SingleReplication<>("hvsim-rep-" + id, 0.0, spec.warmup(), spec.runLength());
            }
            DsolAdapter adapter = new DsolAdapter(simulator, model, simulation);
            try {
                simulator.initialize(adapter, replication);
            } catch (RuntimeException | Error e) {
                Throwable cause = adapter.constructionFailure != null ? adapter.constructionFailure : e;
                throw new SimulationFailure("model construction failed: " + cause, cause);
            }
            simulator.start();
            boolean finished = done.await((long) Math.ceil(spec.wallTimeout() * 1000), TimeUnit.MILLISECONDS);
            Throwable failure = simulator.failure();
            if (failure != null) {
                throw new SimulationFailure("replication " + spec.index() + " failed at t=" + simulator.now()
                        + " s: " + failure, failure);
            }
            if (!finished) {
                throw new SimulationFailure("replication " + spec.index() + " did not finish within "
                        + spec.wallTimeout() + " s of wall-clock time (simulated time reached "
                        + simulator.now() + " s)");
            }
            if (endState[0] != null) {
                throw new SimulationFailure("replication " + spec.index() + " stopped before its end at t="
                        + simulator.now() + " s");
            }
            if (census != null) {
                census.finish();
            }
            ReplicationOutput output = new ReplicationOutput();
            model.collect(simulation, output);
            output.setEvents(simulator.executed);
            return output;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SimulationFailure("interrupted while waiting for replication " + spec.index(), e);
        } finally {
            // The worker thread is not a daemon: always release it, or the JVM cannot exit.
            if (simulator.isStartingOrRunning()) {
                try {
                    simulator.stop();
                    // Let the worker finish firing STOP_EVENT before cleanUp removes the listeners it is
                    // iterating (otherwise DSOL logs a NullPointerException from the worker).
                    stopped.await(2, TimeUnit.SECONDS);
                } catch (RuntimeException ignored) {
                    // already stopping
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            simulator.cleanUp();
            if (replication != null) {
                synchronized (ReplicationRunner.class) {
                    replication.removeFromContext();
                }
            }
        }
    }

    /** DSOL's model type; the model is built in constructModel, when DSOL initializes the replication. */
    private static final class DsolAdapter extends AbstractDsolModel<Double, DevsSimulatorInterface<Double>> {
        private static final long serialVersionUID = 1L;
        private final transient ReplicationModel model;
        private final transient Simulation simulation;
        private transient Throwable constructionFailure;

        DsolAdapter(DevsSimulatorInterface<Double> simulator, ReplicationModel model, Simulation simulation) {
            super(simulator);
            this.model = model;
            this.simulation = simulation;
        }

        @Override
        public void constructModel() {
            try {
                model.construct(simulation);
            } catch (RuntimeException | Error e) {
                constructionFailure = e;
                throw e;
            }
        }
    }
}
