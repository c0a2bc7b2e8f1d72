package org.hvsim.model.system;

import java.util.function.Consumer;

import org.hvsim.core.engine.Simulation;
import org.hvsim.model.workload.Arrivals;
import org.hvsim.model.workload.TraceRecord;
import org.hvsim.model.workload.TraceSource;

/**
 * Replays a trace for one VM instance: one record read ahead and one pending arrival event at a time,
 * so a trace of any length costs the memory of one record. At the end of the trace it starts again
 * {@code repeat} seconds after the previous pass began, or stops when there is no repeat.
 */
final class TraceReplay {
    private final Simulation sim;
    private final Arrivals.Trace trace;
    private final Consumer<TraceRecord> arrive;
    private TraceSource.Reader reader;
    /** When the current pass began (k·repeat). */
    private double passStart;
    /** The next arrival, scaled and placed in simulated time. */
    private TraceRecord pending;
    private final nl.tudelft.simulation.dsol.formalisms.eventscheduling.Executable arrival = this::arrival;

    /** @param arrive called at each record's (scaled) instant with the scaled record */
    TraceReplay(Simulation sim, Arrivals.Trace trace, Consumer<TraceRecord> arrive) {
        this.sim = sim;
        this.trace = trace;
        this.arrive = arrive;
    }

    void start() {
        reader = trace.source().open();
        scheduleNext();
    }

    private void arrival() {
        TraceRecord r = pending;
        scheduleNext(); // read ahead first: the arrival may not see a half-read trace
        arrive.accept(r);
    }

    private void scheduleNext() {
        TraceRecord r = reader.next();
        if (r == null && trace.repeat() > 0) {
            reader.close();
            reader = trace.source().open();
            passStart += trace.repeat();
            r = reader.next();
        }
        if (r == null) {
            stop();
            return;
        }
        double at = passStart + r.time() * trace.timeScale();
        if (at >= sim.endTime()) {
            stop();
            return;
        }
        pending = r.scaled(at, trace.demandScale());
        sim.scheduleAt(at, arrival);
    }

    private void stop() {
        reader.close();
        pending = null;
    }
}
