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
    /** A device stage whose drawn amount is 0 is skipped instead of queueing (e.g. no page-in). */
    final boolean skipWhenZero;

    private Stage(FcfsStation station, Sampler amount, double guestFraction, boolean skipWhenZero) {
        this.station = station;
        this.amount = amount;
        this.guestFraction = guestFraction;
        this.skipWhenZero = skipWhenZero;
    }

    static Stage cpu(Sampler work, double guestFraction) {
        return new Stage(null, work, guestFraction, false);
    }

    static Stage device(FcfsStation station, Sampler serviceTime) {
        return new Stage(station, serviceTime, 1.0, false);
    }

    /** A device visit that may not happen: skipped when the drawn service time is 0. */
    static Stage optionalDevice(FcfsStation station, Sampler serviceTime) {
        return new Stage(station, serviceTime, 1.0, true);
    }
}
