package org.hvsim.model.arch;

import java.util.Objects;

/**
 * Where an I/O's CPU work runs, per disk operation or per network packet (docs/profiles.md, "I/O chains"). The
 * native OS's own work for the I/O (its stack and its device driver, {@link NativeIoWork}) is charged
 * in every architecture; these are the extras over native, by location: on the guest's vCPU as
 * virtualization (front end, emulation), in the hypervisor on the same pCPU (a driver in the hypervisor,
 * the channel signal, interrupt injection), and in the control domain's vCPUs (back end and real driver
 * in a parent partition or host OS), which must be scheduled there: a busy control domain delays every
 * guest's I/O. {@code driver} says where the real device driver runs, and with it the native driver's
 * share of the work: in the guest when the guest drives the device itself (native, or an emulated
 * device), in the hypervisor (ESX's vmkernel behind a paravirtual device), or in the control domain
 * (Xen's netback/blkback, Hyper-V's VSP, each in front of the real driver).
 *
 * @param guest      CPU seconds on the guest's vCPU, charged as virtualization
 * @param hypervisor CPU seconds in the hypervisor on the guest's pCPU
 * @param control    CPU seconds in the control domain, charged to it
 * @param driver     where the native driver's share of the work runs
 */
public record IoCosts(double guest, double hypervisor, double control, Driver driver) {

    /** Where the real device driver runs. */
    public enum Driver {
        /** The guest drives the device itself: bare metal, or an emulated device. */
        GUEST,
        /** In the hypervisor, on the guest's pCPU (ESX's vmkernel). */
        HYPERVISOR,
        /** In the control domain (dom0, the parent partition). */
        CONTROL
    }

    public static final IoCosts NONE = new IoCosts(0, 0, 0);

    public IoCosts {
        if (!(guest >= 0) || !(hypervisor >= 0) || !(control >= 0)) {
            throw new IllegalArgumentException("I/O CPU costs must be >= 0");
        }
        Objects.requireNonNull(driver, "driver");
    }

    /** A path whose guest drives the device itself. */
    public IoCosts(double guest, double hypervisor, double control) {
        this(guest, hypervisor, control, Driver.GUEST);
    }

    public IoCosts withDriver(Driver d) {
        return new IoCosts(guest, hypervisor, control, d);
    }

    public IoCosts withGuest(double g) {
        return new IoCosts(g, hypervisor, control, driver);
    }
}
