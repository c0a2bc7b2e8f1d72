package org.hvsim.model.system;

import org.hvsim.model.guest.CpuCategory;
import org.hvsim.model.guest.CpuJob;
import org.hvsim.model.hardware.FcfsStation;

/** A request walking its chain of stages; it is its own CPU job and its own device visitor. */
final class Request extends CpuJob implements FcfsStation.Visitor {
    private final VmInstance vm;
    final ClassPlan plan;
    final double arrival;
    private final double[] amounts;
    private final Runnable onComplete;
    private int stage;
    /** The life of its VM it was sent in ({@link VmInstance#life}); a failure starts a new one. */
    int life;
    /** When the current I/O operation's path began, or NaN outside one. */
    private double ioStarted = Double.NaN;
    /** When the current control-domain stage was submitted, or NaN. */
    private double controlSubmitted = Double.NaN;

    Request(VmInstance vm, ClassPlan plan, double arrival, Runnable onComplete) {
        this.vm = vm;
        this.plan = plan;
        this.arrival = arrival;
        this.onComplete = onComplete;
        this.life = vm.life;
        Stage[] stages = plan.stages;
        this.amounts = new double[stages.length];
        for (int i = 0; i < stages.length; i++) {
            amounts[i] = stages[i].amount().next();
        }
    }

    void start() {
        stage = 0;
        dispatch();
    }

    /** Goes on from the stage it reached (held by a failure, or sent again from the first stage). */
    void dispatch() {
        if (life != vm.life && vm.stopsStale(this)) {
            return;
        }
        Stage[] stages = plan.stages;
        if (stage == stages.length) {
            vm.completed(this);
            if (onComplete != null) {
                onComplete.run();
            }
            return;
        }
        Stage s = stages[stage];
        if (s instanceof Stage.DeviceStage d && d.optional() && amounts[stage] == 0) {
            stage++;
            dispatch();
            return;
        }
        if (s.ioStart()) {
            ioStarted = vm.now();
        }
        if (s instanceof Stage.CpuStage c) {
            prepare(amounts[stage], c.guestFraction(), c.primary(), c.secondary(), c.tertiaryFraction(), c.tertiary());
            vm.guest.submit(this);
        } else if (s instanceof Stage.ControlDomainStage c) {
            if (vm.heldForControl(this)) {
                return;
            }
            prepare(amounts[stage], 1.0, CpuCategory.PARENT, CpuCategory.PARENT);
            controlSubmitted = vm.now();
            c.target().submit(this);
        } else if (s instanceof Stage.DeviceStage d) {
            d.station().arrive(this, amounts[stage]);
        }
    }

    /** From the first stage again: a retry after its VM came back. */
    void restart() {
        stage = 0;
        ioStarted = Double.NaN;
        controlSubmitted = Double.NaN;
    }

    /** Whether a closed workload's user waits for it. */
    boolean closedLoop() {
        return onComplete != null;
    }

    /** It will not complete: a closed workload's user goes back to thinking. */
    void abandon() {
        if (onComplete != null) {
            onComplete.run();
        }
    }

    @Override
    protected void cpuDone() {
        if (!Double.isNaN(controlSubmitted)) {
            vm.controlStageDone(vm.now() - controlSubmitted, amounts[stage]);
            controlSubmitted = Double.NaN;
        }
        stage++;
        dispatch();
    }

    @Override
    public void serviced(FcfsStation station) {
        if (!Double.isNaN(ioStarted)) {
            vm.ioDone(vm.now() - ioStarted);
            ioStarted = Double.NaN;
        }
        stage++;
        dispatch();
    }
}
