package org.hvsim.core.engine;

import nl.tudelft.simulation.dsol.formalisms.eventscheduling.AbstractSimEvent;
import nl.tudelft.simulation.dsol.formalisms.eventscheduling.Executable;
import nl.tudelft.simulation.dsol.formalisms.eventscheduling.SimEventInterface;

/**
 * The engine's event on its event list ({@link EngineEventList}). It orders exactly as DSOL's own events
 * do (time, then priority, then creation id), on a primitive time. A cancelled event is taken out of the
 * list at once, since the list knows where each engine event sits in its heap (a model reschedules
 * processor-sharing completions millions of times): an event is still to run exactly while it is in it.
 */
final class EngineEvent extends AbstractSimEvent<Double> {
    private static final long serialVersionUID = 1L;

    private final double time;
    private final transient Executable action;
    /** Its slot in {@link EngineEventList} while it is in the list (still to run), or -1. */
    transient int slot = -1;

    EngineEvent(double time, Executable action) {
        super(time, SimEventInterface.NORMAL_PRIORITY);
        this.time = time;
        this.action = action;
    }

    @Override
    public void execute() {
        action.execute();
    }

    double time() {
        return time;
    }

    @Override
    public int compareTo(SimEventInterface<Double> other) {
        if (other instanceof EngineEvent e) {
            int byTime = Double.compare(time, e.time);
            // both NORMAL_PRIORITY: the creation id decides, as in DSOL
            return byTime != 0 ? byTime : Long.compare(id, e.id);
        }
        return super.compareTo(other);
    }
}
