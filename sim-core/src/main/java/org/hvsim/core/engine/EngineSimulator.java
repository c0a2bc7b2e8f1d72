package org.hvsim.core.engine;

import nl.tudelft.simulation.dsol.eventlists.EventListPriorityQueue;
import nl.tudelft.simulation.dsol.simulators.DevsSimulator;
import nl.tudelft.simulation.dsol.simulators.ErrorStrategy;

/**
 * DSOL's DevsSimulator with the failure handling a batch run needs (docs/method.md, "Engine"):
 * the first exception or error raised inside an event is kept and stops the run, instead of being
 * logged while the simulator pauses forever; an {@link Error} no longer kills the worker thread
 * before STOP_EVENT is fired.
 */
final class EngineSimulator extends DevsSimulator<Double> {
    private static final long serialVersionUID = 1L;

    private volatile Throwable failure;
    private volatile int pendingAtEnd;

    EngineSimulator(String id) {
        super(id);
        setEventList(new EventListPriorityQueue<>());
        // Level OFF: nothing is logged; we surface the exception ourselves.
        setErrorStrategy(ErrorStrategy.WARN_AND_PAUSE, ch.qos.logback.classic.Level.OFF);
    }

    @Override
    protected void handleSimulationException(Exception exception) {
        record(exception);
        if (!isStoppingOrStopped()) {
            stop();
        }
    }

    @Override
    public void run() {
        try {
            super.run();
        } catch (Throwable t) { // Errors escape DSOL's catch(Exception) and would kill the worker silently
            record(t);
        }
    }

    @Override
    public void endReplication() {
        // DSOL clears the event list here; remember what was left for the event count.
        pendingAtEnd = getEventList().size();
        super.endReplication();
    }

    private void record(Throwable t) {
        if (failure == null) {
            failure = unwrap(t);
        }
    }

    /**
     * DSOL wraps lambda exceptions in SimRuntimeException, and exceptions from listeners of its
     * reflective events (the warm-up) in InvocationTargetException; report the model's own exception.
     */
    private static Throwable unwrap(Throwable t) {
        Throwable cur = t;
        while ((cur instanceof nl.tudelft.simulation.dsol.SimRuntimeException
                || cur instanceof java.lang.reflect.InvocationTargetException) && cur.getCause() != null
                && cur.getCause() != cur) {
            cur = cur.getCause();
        }
        return cur;
    }

    Throwable failure() {
        return failure;
    }

    int pendingAtEnd() {
        return pendingAtEnd;
    }
}
