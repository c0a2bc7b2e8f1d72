package org.hvsim.core.engine;

import nl.tudelft.simulation.dsol.formalisms.eventscheduling.AbstractSimEvent;
import nl.tudelft.simulation.dsol.formalisms.eventscheduling.Executable;
import nl.tudelft.simulation.dsol.formalisms.eventscheduling.SimEventInterface;

/**
 * The engine's event on DSOL's event list. It orders exactly as DSOL's own events do (time, then
 * priority, then creation id), on a primitive time, and it is cancelled by a flag: a cancelled event
 * stays in the list and does nothing when its time comes, because removing it from DSOL's binary heap
 * is a linear search (a model reschedules processor-sharing completions millions of times).
 */
final class EngineEvent extends AbstractSimEvent<Double> {
    private static final long serialVersionUID = 1L;

    private final double time;
    private final transient Executable action;
    private final transient EngineSimulator simulator;
    private boolean cancelled;
    private boolean done;

    EngineEvent(double time, Executable action, EngineSimulator simulator) {
        super(time, SimEventInterface.NORMAL_PRIORITY);
        this.time = time;
        this.action = action;
        this.simulator = simulator;
    }

    @Override
    public void execute() {
        if (!cancelled) {
            done = true;
            simulator.executed++;
            action.execute();
        }
    }

    /** True if it was still to run: it will not run now. */
    boolean cancel() {
        if (done || cancelled) {
            return false;
        }
        cancelled = true;
        return true;
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
