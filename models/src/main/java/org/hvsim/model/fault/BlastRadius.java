package org.hvsim.model.fault;

import org.hvsim.model.arch.ArchitectureKind;

/** What a crash of the control domain takes with it (the architecture's {@code control.on_crash}). */
public enum BlastRadius {
    /** Every VM goes down with the host and boots again after the repair. */
    HOST_REBOOT,
    /** The VMs keep running, but every I/O through the control domain waits until it returns. */
    IO_STALL,
    /** Only management is lost; the VMs are untouched. */
    MANAGEMENT_ONLY;

    /**
     * The default per family (docs/method.md): a hosted VMM's VMs are processes of the host OS; Hyper-V's
     * root partition and Xen's dom0 are required by the hypervisor, so their crash restarts the host; ESX's
     * service console only runs management.
     */
    public static BlastRadius defaultFor(ArchitectureKind kind) {
        return kind == ArchitectureKind.MONOLITHIC ? MANAGEMENT_ONLY : HOST_REBOOT;
    }

    /** The scenario key's spelling. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
