package org.hvsim.model.system;

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

    Request(VmInstance vm, ClassPlan plan, double arrival, Runnable onComplete) {
        this.vm = vm;
        this.plan = plan;
        this.arrival = arrival;
        this.onComplete = onComplete;
        Stage[] stages = plan.stages;
        this.amounts = new double[stages.length];
        for (int i = 0; i < stages.length; i++) {
            amounts[i] = stages[i].amount.next();
        }
    }

    void start() {
        stage = 0;
        dispatch();
    }

    private void dispatch() {
        Stage[] stages = plan.stages;
        if (stage == stages.length) {
            vm.completed(this);
            if (onComplete != null) {
                onComplete.run();
            }
            return;
        }
        Stage s = stages[stage];
        if (s.skipWhenZero && amounts[stage] == 0) {
            stage++;
            dispatch();
            return;
        }
        if (s.station == null) {
            prepare(amounts[stage], s.guestFraction, s.primary, s.secondary);
            (s.target == null ? vm.guest : s.target).submit(this);
        } else {
            s.station.arrive(this, amounts[stage]);
        }
    }

    @Override
    protected void cpuDone() {
        stage++;
        dispatch();
    }

    @Override
    public void serviced(FcfsStation station) {
        stage++;
        dispatch();
    }
}
