package org.hvsim.core.engine;

import nl.tudelft.simulation.dsol.SimRuntimeException;
import nl.tudelft.simulation.dsol.formalisms.eventscheduling.Executable;
import nl.tudelft.simulation.dsol.formalisms.eventscheduling.SimEventInterface;
import nl.tudelft.simulation.dsol.simtime.SimTime;
import nl.tudelft.simulation.dsol.simulators.DevsSimulator;
import nl.tudelft.simulation.dsol.simulators.RunState;
import nl.tudelft.simulation.dsol.simulators.SimulatorInterface;
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
    private final EngineEventList events = new EngineEventList();

    EngineSimulator(String id) {
        super(id);
        setEventList(events);
        // Level OFF: nothing is logged; we surface the exception ourselves.
        setErrorStrategy(ErrorStrategy.WARN_AND_PAUSE, ch.qos.logback.classic.Level.OFF);
    }

    /**
     * DSOL's {@code scheduleEventAbs} less its costs: it builds a trace string of every event even with
     * logging off (three quarters of the bytes a full model allocated), takes the simulator's lock, which
     * the run loop already holds when an event schedules another, and its event executes under a lock of
     * its own. Same list, same order (see {@link EngineEvent}), same check, so every figure is unchanged.
     */
    EngineEvent add(double time, Executable action) {
        checkNotPast(time);
        EngineEvent event = new EngineEvent(action);
        events.add(event, time);
        return event;
    }

    /**
     * The owner's event of {@code action} now at {@code time}: {@code event} itself, moved in the list, when
     * it is this engine's event of that action (pending or not), else a new one after cancelling
     * {@code event}. Same order as cancelling and adding (see {@link EngineEventList#move}), without the
     * second sift or a new object.
     */
    EngineEvent move(SimEventInterface<Double> event, double time, Executable action) {
        if (event instanceof EngineEvent e && e.action == action) {
            checkNotPast(time);
            events.move(e, time);
            return e;
        }
        if (event != null) {
            cancel(event);
        }
        return add(time, action);
    }

    /** See {@link Simulation#rescheduleAt(SimEventInterface, double, Executable, long)}. */
    EngineEvent moveWithSequence(SimEventInterface<Double> event, double time, Executable action,
            long reserved) {
        checkNotPast(time);
        EngineEvent e;
        if (event instanceof EngineEvent ee && ee.action == action) {
            e = ee;
        } else {
            if (event != null) {
                cancel(event);
            }
            e = new EngineEvent(action);
        }
        events.moveWithSequence(e, time, reserved);
        return e;
    }

    long reserveSequence() {
        return events.reserveSequence();
    }

    long runningSequence() {
        return events.runningSequence();
    }

    private void checkNotPast(double time) {
        if (time < now) {
            throw new SimRuntimeException("cannot schedule an event at " + time + " s, before the current time "
                    + now + " s");
        }
    }

    /**
     * Cancels an event of {@link #add}, taking it out of the list, or removes any other from the list; true
     * if it was still to run.
     */
    boolean cancel(SimEventInterface<Double> event) {
        if (event instanceof EngineEvent e) {
            return events.removeEngineEvent(e);
        }
        return cancelEvent(event);
    }

    // --- the clock ---------------------------------------------------------------------------------
    // DSOL keeps the clock as a boxed Double: setting it on every event allocated one (16 of a full
    // model's 76 bytes per event). The engine keeps it as a primitive and boxes it into DSOL's field
    // only when DSOL's own code may read it: its scheduling calls, its getter, and outside the run loop.

    /** The current time; DSOL's {@code simulatorTime} equals it unless {@link #boxStale}. */
    private double now;
    private boolean boxStale;

    /** The current time, unboxed. */
    double now() {
        return now;
    }

    private void syncClock() {
        if (boxStale) {
            super.simulatorTime = now;
            boxStale = false;
        }
    }

    @Override
    public Double getSimulatorTime() {
        syncClock();
        return super.getSimulatorTime();
    }

    // The scheduling calls of DSOL that read its clock field; the other overloads delegate to these.

    @Override
    public SimEventInterface<Double> scheduleEvent(SimEventInterface<Double> event) {
        syncClock();
        return super.scheduleEvent(event);
    }

    @Override
    public SimEventInterface<Double> scheduleEventRel(Double delay, short priority, Executable executable) {
        syncClock();
        return super.scheduleEventRel(delay, priority, executable);
    }

    @Override
    public SimEventInterface<Double> scheduleEventRel(Double delay, short priority, Object target, String method,
            Object[] args) {
        syncClock();
        return super.scheduleEventRel(delay, priority, target, method, args);
    }

    @Override
    public SimEventInterface<Double> scheduleEventNow(short priority, Executable executable) {
        syncClock();
        return super.scheduleEventNow(priority, executable);
    }

    @Override
    public SimEventInterface<Double> scheduleEventNow(short priority, Object target, String method, Object[] args) {
        syncClock();
        return super.scheduleEventNow(priority, target, method, args);
    }

    /** Engine events executed (cancelled ones do not count). */
    long executed;

    @Override
    protected void handleSimulationException(Exception exception) {
        record(exception);
        if (!isStoppingOrStopped()) {
            stop();
        }
    }

    /** Set for a benchmark: it samples the worker thread as it starts and ends. */
    EventCensus census;

    @Override
    public void run() {
        if (census != null) {
            census.sample();
        }
        try {
            loop();
        } catch (Throwable t) { // Errors escape DSOL's catch(Exception) and would kill the worker silently
            record(t);
        }
        if (census != null) {
            census.sample();
        }
    }

    /** Events run per hold of the simulator's lock (a stop from another thread is seen between holds). */
    private static final int EVENTS_PER_LOCK = 256;

    /**
     * DSOL's DevsSimulator.run, event for event, except that the time-change announcement (a timed
     * event built and offered to a synchronized listener map on every new instant, about 5 % of a full
     * model's time) is made only when something listens for it, that the lock is taken once per
     * {@value #EVENTS_PER_LOCK} events instead of once per event, and that times are compared unboxed.
     */
    private void loop() {
        this.runflag = true;
        now = super.simulatorTime;
        boxStale = false;
        try {
            runEvents();
        } finally {
            syncClock();
        }
    }

    private void runEvents() {
        boolean announce = numberOfListeners(SimulatorInterface.TIME_CHANGED_EVENT) > 0;
        while (!isStoppingOrStopped()) {
            synchronized (super.semaphore) {
                // DSOL's end of the run, unboxed once per hold (it changes only between runs)
                double until = this.runUntilTime;
                boolean including = this.runUntilIncluding;
                for (int n = 0; n < EVENTS_PER_LOCK && !isStoppingOrStopped(); n++) {
                    step(announce, until, including);
                }
            }
        }
    }

    /** Runs the first event, or stops at the run's end ({@code until}, run or not as DSOL's flag says). */
    private void step(boolean announce, double until, boolean including) {
        int cmp = events.isEmpty() ? 2 : Double.compare(events.firstTime(), until);
        if ((cmp == 0 && !including) || cmp > 0) {
            this.simulatorTime = SimTime.copy(this.runUntilTime);
            now = this.simulatorTime;
            boxStale = false;
            this.runState = RunState.STOPPING;
            return;
        }
        SimEventInterface<Double> event = events.removeFirst();
        if (event instanceof EngineEvent e) {
            executed++;
            if (census != null) {
                census.ran(e, events.size() + 1);
            }
            double time = e.time;
            if (time != now) {
                now = time;
                boxStale = true;
                if (announce) {
                    syncClock();
                    fireUnverifiedTimedEvent(SimulatorInterface.TIME_CHANGED_EVENT, null, super.simulatorTime);
                }
            }
        } else {
            // one of DSOL's own events (the warm-up): its clock, boxed, before DSOL's code runs
            Double time = event.getAbsoluteExecutionTime();
            syncClock();
            if (announce && time.compareTo(super.simulatorTime) != 0) {
                fireUnverifiedTimedEvent(SimulatorInterface.TIME_CHANGED_EVENT, null, time);
            }
            super.simulatorTime = time;
            now = time;
        }
        try {
            event.execute();
            checkStoppingCondition();
        } catch (Exception exception) {
            handleSimulationException(exception);
        }
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

}
