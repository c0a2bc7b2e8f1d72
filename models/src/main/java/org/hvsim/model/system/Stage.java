package org.hvsim.model.system;

import org.hvsim.core.random.Sampler;
import org.hvsim.model.guest.CpuCategory;
import org.hvsim.model.guest.GuestScheduler;
import org.hvsim.model.hardware.FcfsStation;

/**
 * One step of a request's chain (docs/architecture.md): CPU on the request's own VM, CPU in the control
 * domain, or service at a device. Its amount is drawn when the request arrives, so a request carries the
 * same demands under every architecture. {@code ioStart} marks the first stage of one I/O operation's
 * path: its latency is measured from there to the end of the device's service.
 */
sealed interface Stage {

    Sampler amount();

    boolean ioStart();

    /** The same stage, marked as the first of an I/O operation's path. */
    Stage startingIo();

    /**
     * CPU on the request's VM: {@code guestFraction} of it {@code primary}, {@code tertiaryFraction}
     * {@code tertiary} (an I/O path's hypervisor part run in the same burst, see StagePlanner), the rest
     * {@code secondary}.
     */
    record CpuStage(Sampler amount, double guestFraction, CpuCategory primary, CpuCategory secondary,
            double tertiaryFraction, CpuCategory tertiary, boolean ioStart) implements Stage {

        CpuStage(Sampler amount, double guestFraction, CpuCategory primary, CpuCategory secondary, boolean ioStart) {
            this(amount, guestFraction, primary, secondary, 0, CpuCategory.HYPERVISOR, ioStart);
        }

        /** Guest work, the rest ({@code 1 - guestFraction}) virtualization. */
        static CpuStage guest(Sampler work, double guestFraction) {
            return new CpuStage(work, guestFraction, CpuCategory.GUEST, CpuCategory.VIRTUALIZATION, false);
        }

        @Override
        public CpuStage startingIo() {
            return new CpuStage(amount, guestFraction, primary, secondary, tertiaryFraction, tertiary, true);
        }
    }

    /** CPU in the control domain (dom0, the parent partition), all of it counted as its work. */
    record ControlDomainStage(GuestScheduler target, Sampler amount, boolean ioStart) implements Stage {

        @Override
        public ControlDomainStage startingIo() {
            return new ControlDomainStage(target, amount, true);
        }
    }

    /**
     * Service at a device. An optional visit (page-ins) is skipped, instead of queueing, when its drawn
     * service time is 0.
     */
    record DeviceStage(FcfsStation station, Sampler amount, boolean optional, boolean ioStart) implements Stage {

        static DeviceStage of(FcfsStation station, Sampler serviceTime) {
            return new DeviceStage(station, serviceTime, false, false);
        }

        @Override
        public DeviceStage startingIo() {
            return new DeviceStage(station, amount, optional, true);
        }
    }
}
