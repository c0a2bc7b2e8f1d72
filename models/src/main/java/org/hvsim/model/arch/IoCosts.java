package org.hvsim.model.arch;

/**
 * Where an I/O's CPU work runs besides the guest's own driver, per disk operation or per network
 * packet (MODELING-NOTES §4): on the guest's vCPU as virtualization (front end, emulation),
 * in the hypervisor on the same pCPU (a driver in the hypervisor, the channel signal, interrupt
 * injection), and in the control domain's vCPUs (back end and real driver in a parent partition or
 * host OS), which must be scheduled there: a busy control domain delays every guest's I/O.
 *
 * @param guest      CPU seconds on the guest's vCPU, charged as virtualization
 * @param hypervisor CPU seconds in the hypervisor on the guest's pCPU
 * @param control    CPU seconds in the control domain, charged to it
 */
public record IoCosts(double guest, double hypervisor, double control) {

    public static final IoCosts NONE = new IoCosts(0, 0, 0);

    public IoCosts {
        if (!(guest >= 0) || !(hypervisor >= 0) || !(control >= 0)) {
            throw new IllegalArgumentException("I/O CPU costs must be >= 0");
        }
    }

    public double total() {
        return guest + hypervisor + control;
    }
}
