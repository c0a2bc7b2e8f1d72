package org.hvsim.core.engine;

import nl.tudelft.simulation.dsol.SimRuntimeException;
import nl.tudelft.simulation.dsol.eventlists.EventListPriorityQueue;
import nl.tudelft.simulation.dsol.formalisms.eventscheduling.Executable;
import nl.tudelft.simulation.dsol.formalisms.eventscheduling.LambdaSimEvent;
import nl.tudelft.simulation.dsol.formalisms.eventscheduling.SimEventInterface;
import nl.tudelft.simulation.dsol.simulators.DevsSimulator;
import nl.tudelft.simulation.dsol.simulators.ErrorStrategy;

/**
 * DSOL's DevsSimulator with the failure handling a batch run needs (DSOL-NOTES pitfalls 2 and 1):
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

    /**
     * DSOL's {@code scheduleEventAbs} less its two costs: it builds a trace string of every event even
     * with logging off (three quarters of the bytes a full model allocated), and takes the simulator's
     * lock, which the run loop already holds when an event schedules another. Same event type, same
     * list, same check, so the order of events, and every figure, is unchanged.
     */
    SimEventInterface<Double> add(double time, Executable action) {
        if (time < simulatorTime) {
            throw new SimRuntimeException("cannot schedule an event at " + time + " s, before the current time "
                    + simulatorTime + " s");
        }
        LambdaSimEvent<Double> event = new LambdaSimEvent<>(time, SimEventInterface.NORMAL_PRIORITY, action);
        eventList.add(event);
        return event;
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
