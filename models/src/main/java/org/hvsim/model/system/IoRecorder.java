package org.hvsim.model.system;

import org.hvsim.core.engine.Simulation;
import org.hvsim.core.stats.Tally;

/**
 * I/O latencies of a VM template (from the start of an operation's CPU path to the end of its device
 * service) and the queueing delay its I/O back-end work met in the control domain (time there beyond
 * its CPU demand at full speed).
 */
final class IoRecorder {
    final Tally io = new Tally();
    final Tally controlDelay = new Tally();
    final double speed;

    IoRecorder(Simulation sim, double speed) {
        this.speed = speed;
        sim.onWarmup(io);
        sim.onWarmup(controlDelay);
    }
}
