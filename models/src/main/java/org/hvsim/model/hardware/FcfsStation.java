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
    private final ArrayDeque<Double> waitingTimes = new ArrayDeque<>();
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
            waitingTimes.addLast(serviceTime);
        }
    }

    private void start(Visitor visitor, double serviceTime) {
        busy++;
        busyServers.set(sim.now(), busy);
        sim.schedule(serviceTime, () -> depart(visitor));
    }

    private void depart(Visitor visitor) {
        inSystem.add(sim.now(), -1);
        busy--;
        busyServers.set(sim.now(), busy);
        Visitor next = waiting.pollFirst();
        if (next != null) {
            start(next, waitingTimes.pollFirst());
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
