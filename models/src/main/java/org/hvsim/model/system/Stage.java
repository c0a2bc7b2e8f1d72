package org.hvsim.model.system;

import org.hvsim.core.random.Sampler;
import org.hvsim.model.hardware.FcfsStation;

/**
 * One step of a request's chain (MODELING-NOTES §4): CPU on the guest's vCPUs (with the share of it
 * that is useful guest work) or service at a device. Its amount is drawn when the request arrives, so a
 * request carries the same demands under every architecture.
 */
final class Stage {
    final FcfsStation station; // null for a CPU stage
    final Sampler amount;
    final double guestFraction;

    private Stage(FcfsStation station, Sampler amount, double guestFraction) {
        this.station = station;
        this.amount = amount;
        this.guestFraction = guestFraction;
    }

    static Stage cpu(Sampler work, double guestFraction) {
        return new Stage(null, work, guestFraction);
    }

    static Stage device(FcfsStation station, Sampler serviceTime) {
        return new Stage(station, serviceTime, 1.0);
    }
}
