package org.hvsim.model.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hvsim.model.arch.ControlDomain;
import org.hvsim.model.hypervisor.CpuControls;
import org.hvsim.model.hypervisor.HypervisorSchedulers;

/**
 * Whether a system's scheduler honours every CPU control its VMs and control domain ask for: a control
 * it would ignore (a reservation under Xen credit) is refused rather than silently dropped.
 */
public final class SchedulerControls {

    private SchedulerControls() {
    }

    /** The control domain's controls, as its scheduler client gets them. */
    public static CpuControls of(ControlDomain c) {
        return new CpuControls(c.weight(), c.reservation(), c.limit());
    }

    /** Why the spec's scheduler cannot run its controls, if it cannot. */
    public static Optional<String> refusal(SystemSpec spec) {
        String scheduler = spec.scheduler().name();
        List<String> why = new ArrayList<>();
        if (spec.architecture().hasControlDomain()) {
            ControlDomain c = spec.architecture().control();
            HypervisorSchedulers.refusal(scheduler, "the " + c.role(), of(c)).ifPresent(why::add);
        }
        for (VmSpec vm : spec.vms()) {
            HypervisorSchedulers.refusal(scheduler, "VM " + vm.name(), vm.cpu()).ifPresent(why::add);
        }
        return why.isEmpty() ? Optional.empty()
                : Optional.of("architecture " + spec.architecture().name() + ": " + String.join(". ", why));
    }
}
