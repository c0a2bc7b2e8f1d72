package org.hvsim.model.hypervisor;

import nl.tudelft.simulation.dsol.formalisms.eventscheduling.SimEventInterface;

/** One physical CPU. */
final class Pcpu {
    public final int index;
    VcpuScheduler.Vcpu current;
    VcpuScheduler.Vcpu switchTarget;
    VcpuScheduler.Domain lastDomain;
    /** The pending timer, or null. */
    SimEventInterface<Double> timer;
    /** The pCPU's one timer event, moved rather than cancelled and made anew. */
    SimEventInterface<Double> timerEvent;
    /** The timer's action, one object per pCPU. */
    nl.tudelft.simulation.dsol.formalisms.eventscheduling.Executable timerAction;
    /** The end of a world switch, one object per pCPU. */
    nl.tudelft.simulation.dsol.formalisms.eventscheduling.Executable switchEnd;
    /** The pCPU's one switch-end event, moved rather than made anew (a switch never overlaps another). */
    SimEventInterface<Double> switchEvent;

    Pcpu(int index) {
        this.index = index;
    }

    public VcpuScheduler.Vcpu current() {
        return current;
    }

    public boolean idle() {
        return current == null && switchTarget == null;
    }

    /**
     * The vCPU this pCPU runs or is switching to; null when idle or when the vCPU it was switching to
     * halted meanwhile (it picks again when the switch ends).
     */
    public VcpuScheduler.Vcpu occupant() {
        if (current != null) {
            return current;
        }
        VcpuScheduler.Vcpu t = switchTarget;
        return t != null && t.state == VcpuScheduler.State.SWITCHING && t.pcpu == this ? t : null;
    }

    /** Whether it has no vCPU to run and will pick one now or at the end of its switch. */
    public boolean free() {
        return occupant() == null;
    }
}
