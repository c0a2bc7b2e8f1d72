package org.hvsim.core.engine;

import nl.tudelft.simulation.dsol.formalisms.eventscheduling.Executable;
import nl.tudelft.simulation.dsol.formalisms.eventscheduling.SimEventInterface;

/**
 * The engine's event on its event list ({@link EngineEventList}). It orders exactly as DSOL's own events
 * do (time, then priority, then a sequence number in the order events enter the list, as DSOL's creation
 * id is for events created as they are scheduled), on a primitive time. It is not an
 * {@code AbstractSimEvent}: that one boxes its time and draws its id from one JVM-wide atomic counter,
 * a cache line that parallel replications fight over on every event. A cancelled event is taken out of
 * the list at once, since the list knows where each engine event sits in its heap, and an owner that
 * reschedules its event moves it in place ({@link EngineSimulator#move}): an event is still to run
 * exactly while it is in the list.
 */
final class EngineEvent implements SimEventInterface<Double> {
    private static final long serialVersionUID = 1L;

    /** Set by the list when the event enters it (and again when it moves). */
    double time;
    long sequence;
    final transient Executable action;
    /** Its slot in {@link EngineEventList} while it is in the list (still to run), or -1. */
    transient int slot = -1;
    /** Its kind's number in a benchmark's {@link EventCensus}, or -1 (not counted yet, or no census). */
    transient int kind = -1;

    EngineEvent(Executable action) {
        this.action = action;
    }

    @Override
    public void execute() {
        action.execute();
    }

    @Override
    public Double getAbsoluteExecutionTime() {
        return time;
    }

    @Override
    public short getPriority() {
        return NORMAL_PRIORITY;
    }

    @Override
    public long getId() {
        return sequence;
    }

    @Override
    public int compareTo(SimEventInterface<Double> other) {
        if (other instanceof EngineEvent e) {
            int byTime = Double.compare(time, e.time);
            // both NORMAL_PRIORITY: the sequence decides, as DSOL's id does
            return byTime != 0 ? byTime : Long.compare(sequence, e.sequence);
        }
        return SimEventInterface.super.compareTo(other);
    }
}
