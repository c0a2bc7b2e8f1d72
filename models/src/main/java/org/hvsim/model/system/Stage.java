package org.hvsim.model.system;

import org.hvsim.core.random.Sampler;
import org.hvsim.model.guest.CpuCategory;
import org.hvsim.model.guest.GuestScheduler;
import org.hvsim.model.hardware.FcfsStation;

/**
 * One step of a request's chain (MODELING-NOTES §4): CPU on the guest's vCPUs (with the share of it
 * that is useful guest work) or service at a device. Its amount is drawn when the request arrives, so a
 * request carries the same demands under every architecture.
 */
final class Stage {
    final FcfsStation station; // null for a CPU stage
    /** Where a CPU stage runs: null for the request's own VM, else e.g. the control domain. */
    final GuestScheduler target;
    final Sampler amount;
    final double guestFraction;
    final CpuCategory primary;
    final CpuCategory secondary;
    /** A device stage whose drawn amount is 0 is skipped instead of queueing (e.g. no page-in). */
    final boolean skipWhenZero;
    /** The first stage of one I/O operation's path: its latency is measured from here to the device's end. */
    boolean ioStart;

    private Stage(FcfsStation station, GuestScheduler target, Sampler amount, double fraction, CpuCategory primary,
            CpuCategory secondary, boolean skipWhenZero) {
        this.station = station;
        this.target = target;
        this.amount = amount;
        this.guestFraction = fraction;
        this.primary = primary;
        this.secondary = secondary;
        this.skipWhenZero = skipWhenZero;
    }

    /** CPU on the request's VM: {@code guestFraction} guest work, the rest virtualization. */
    static Stage cpu(Sampler work, double guestFraction) {
        return new Stage(null, null, work, guestFraction, CpuCategory.GUEST, CpuCategory.VIRTUALIZATION, false);
    }

    /** CPU on {@code target} (null: the request's VM), {@code fraction} of it {@code primary}, the rest {@code secondary}. */
    static Stage cpuOn(GuestScheduler target, Sampler work, double fraction, CpuCategory primary,
            CpuCategory secondary) {
        return new Stage(null, target, work, fraction, primary, secondary, false);
    }

    static Stage device(FcfsStation station, Sampler serviceTime) {
        return new Stage(station, null, serviceTime, 1.0, CpuCategory.GUEST, CpuCategory.GUEST, false);
    }

    /** A device visit that may not happen: skipped when the drawn service time is 0. */
    static Stage optionalDevice(FcfsStation station, Sampler serviceTime) {
        return new Stage(station, null, serviceTime, 1.0, CpuCategory.GUEST, CpuCategory.GUEST, true);
    }
}
