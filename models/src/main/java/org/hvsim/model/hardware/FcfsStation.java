package org.hvsim.model.hardware;

import java.util.ArrayDeque;

import org.hvsim.core.engine.Simulation;
import org.hvsim.core.stats.TimeWeighted;

/**
 * A first-come first-served station with {@code servers} identical servers (a disk, a NIC). The
 * service time comes with each visit, drawn by the visitor, so that the same request carries the same
 * demand under every architecture (common random numbers).
 */
public final class FcfsStation {

    /** Told when a visit's service ends. */
    public interface Visitor {
        void serviced(FcfsStation station);
    }

    private final String name;
    private final int servers;
    private final Simulation sim;
    private final ArrayDeque<Visitor> waiting = new ArrayDeque<>();
    /** The waiting visits' service times, a ring in the order of {@link #waiting} (no boxing). */
    private double[] waitingTimes = new double[16];
    private int timesHead;
    private int timesSize;
    /** Departure events not in use: one object per visit in service, reused (no closure per visit). */
    private final ArrayDeque<Departure> spare = new ArrayDeque<>();

    /** The end of one visit's service. */
    private final class Departure implements nl.tudelft.simulation.dsol.formalisms.eventscheduling.Executable {
        Visitor visitor;

        @Override
        public void execute() {
            Visitor v = visitor;
            visitor = null;
            spare.push(this);
            depart(v);
        }
    }
    private int busy;
    private final TimeWeighted busyServers = new TimeWeighted();
    private final TimeWeighted inSystem = new TimeWeighted();

    public FcfsStation(String name, int servers, Simulation sim) {
        this.name = name;
        this.servers = servers;
        this.sim = sim;
        sim.onWarmup(busyServers);
        sim.onWarmup(inSystem);
    }

    public String name() {
        return name;
    }

    /** Queues a visit needing {@code serviceTime} seconds of one server. */
    public void arrive(Visitor visitor, double serviceTime) {
        inSystem.add(sim.now(), 1);
        if (busy < servers) {
            start(visitor, serviceTime);
        } else {
            waiting.addLast(visitor);
            if (timesSize == waitingTimes.length) {
                double[] grown = new double[2 * waitingTimes.length];
                for (int i = 0; i < timesSize; i++) {
                    grown[i] = waitingTimes[(timesHead + i) % waitingTimes.length];
                }
                waitingTimes = grown;
                timesHead = 0;
            }
            waitingTimes[(timesHead + timesSize) % waitingTimes.length] = serviceTime;
            timesSize++;
        }
    }

    private void start(Visitor visitor, double serviceTime) {
        busy++;
        busyServers.set(sim.now(), busy);
        Departure d = spare.poll();
        if (d == null) {
            d = new Departure();
        }
        d.visitor = visitor;
        sim.schedule(serviceTime, d);
    }

    private void depart(Visitor visitor) {
        inSystem.add(sim.now(), -1);
        busy--;
        busyServers.set(sim.now(), busy);
        Visitor next = waiting.pollFirst();
        if (next != null) {
            double serviceTime = waitingTimes[timesHead];
            timesHead = (timesHead + 1) % waitingTimes.length;
            timesSize--;
            start(next, serviceTime);
        }
        visitor.serviced(this);
    }

    /** Busy fraction of the station's servers since the warm-up. */
    public double utilization(double now) {
        return busyServers.mean(now) / servers;
    }

    /** Server-seconds of service given since the warm-up. */
    public double busyArea(double now) {
        return busyServers.area(now);
    }

    /** Integral of the number present (waiting or in service) since the warm-up. */
    public double inSystemArea(double now) {
        return inSystem.area(now);
    }

    public int servers() {
        return servers;
    }
}
