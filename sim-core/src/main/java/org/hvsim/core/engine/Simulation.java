package org.hvsim.core.engine;

import java.util.ArrayList;
import java.util.List;

import org.hvsim.core.random.RandomStreams;

import nl.tudelft.simulation.dsol.formalisms.eventscheduling.Executable;
import nl.tudelft.simulation.dsol.formalisms.eventscheduling.SimEventInterface;

/**
 * What a model sees of the simulator during one replication: the clock, event scheduling, random
 * streams and the warm-up hook. Time is in seconds.
 */
public final class Simulation {

    private final EngineSimulator simulator;
    private final RandomStreams random;
    private final double warmup;
    private final int replication;
    private final double endTime;
    private final List<Warmup> warmupListeners = new ArrayList<>();
    private EventCensus census;

    Simulation(EngineSimulator simulator, RandomStreams random, int replication, double warmup,
            double endTime) {
        this.simulator = simulator;
        this.replication = replication;
        this.random = random;
        this.warmup = warmup;
        this.endTime = endTime;
    }

    /** Current simulated time in seconds. */
    public double now() {
        return simulator.now();
    }

    /** Schedules {@code action} after {@code delay} seconds (0 means now, after events already due now). */
    public SimEventInterface<Double> schedule(double delay, Executable action) {
        EngineEvent e = simulator.add(simulator.now() + delay, action);
        if (census != null) {
            census.count(e);
        }
        return e;
    }

    /** Schedules {@code action} at absolute time {@code time}, which must not lie in the past. */
    public SimEventInterface<Double> scheduleAt(double time, Executable action) {
        EngineEvent e = simulator.add(time, action);
        if (census != null) {
            census.count(e);
        }
        return e;
    }

    /**
     * Reschedules the caller's own event of {@code action} (the handle it got back last time, pending, run
     * or cancelled, or null) at absolute time {@code time}, and returns the handle to keep. Exactly as
     * cancelling {@code event} and scheduling {@code action} anew (same order among simultaneous events),
     * but the event moves in the list and is reused: the handle must not be shared.
     */
    public SimEventInterface<Double> rescheduleAt(SimEventInterface<Double> event, double time, Executable action) {
        EngineEvent e = simulator.move(event, time, action);
        if (census != null) {
            census.count(e);
        }
        return e;
    }

    /**
     * The place in the order of simultaneous events that an event scheduled now would take, without
     * scheduling one: a model that defers an event it may never need keeps the number and, if it needs
     * the event after all, schedules it with {@link #rescheduleAt(SimEventInterface, double, Executable,
     * long)} in exactly the place it would have had. The events scheduled meanwhile keep their order.
     */
    public long reserveSequence() {
        return simulator.reserveSequence();
    }

    /**
     * The place of the event running now among simultaneous events: an event deferred with a reserved
     * number {@code s} at the current time would have run before this one iff {@code s} is smaller.
     */
    public long runningSequence() {
        return simulator.runningSequence();
    }

    /**
     * As {@link #rescheduleAt(SimEventInterface, double, Executable)}, but the event takes the place among
     * simultaneous events of one scheduled when {@code reserved} was reserved ({@link #reserveSequence}).
     */
    public SimEventInterface<Double> rescheduleAt(SimEventInterface<Double> event, double time, Executable action,
            long reserved) {
        EngineEvent e = simulator.moveWithSequence(event, time, action, reserved);
        if (census != null) {
            census.count(e);
        }
        return e;
    }

    /**
     * Schedules through DSOL's own {@code scheduleEventRel} (its lock and per-event trace string), for the
     * benchmark that compares the engine's path with DSOL's default one; models use {@link #schedule}.
     */
    public SimEventInterface<Double> scheduleThroughDsol(double delay, Executable action) {
        return simulator.scheduleEventRel(delay, action);
    }

    /** Removes a pending event; a no-op for null or an event that already ran. */
    public void cancel(SimEventInterface<Double> event) {
        if (event != null) {
            simulator.cancel(event);
        }
    }

    /** Index of this replication, 0-based (e.g. to record time series in the first one only). */
    public int replicationIndex() {
        return replication;
    }

    public RandomStreams random() {
        return random;
    }

    /** The warm-up instant in seconds. */
    public double warmupTime() {
        return warmup;
    }

    /** The end of the replication in seconds. */
    public double endTime() {
        return endTime;
    }

    /** Registers a statistic or counter to reset at the warm-up instant. */
    public void onWarmup(Warmup listener) {
        warmupListeners.add(listener);
    }

    void fireWarmup() {
        double now = now();
        for (Warmup w : warmupListeners) {
            w.reset(now);
        }
    }

    void countEvents(EventCensus c) {
        census = c;
        simulator.census = c;
    }



}
