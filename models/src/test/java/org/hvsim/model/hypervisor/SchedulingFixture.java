package org.hvsim.model.hypervisor;

import java.util.ArrayList;
import java.util.List;

import org.hvsim.core.engine.ReplicationOutput;
import org.hvsim.core.engine.ReplicationRunner;
import org.hvsim.core.engine.ReplicationSpec;
import org.hvsim.core.random.Distribution;
import org.hvsim.model.arch.Architectures;
import org.hvsim.model.guest.GuestDiscipline;
import org.hvsim.model.system.VmSpec;
import org.hvsim.model.hardware.HostSpec;
import org.hvsim.model.system.HostModel;
import org.hvsim.model.system.Metrics;
import org.hvsim.model.system.SystemSpec;
import org.hvsim.model.workload.Arrivals;
import org.hvsim.model.workload.Phase;
import org.hvsim.model.workload.RequestClass;
import org.hvsim.model.workload.Workload;

/** Builds small native-profile hosts with chosen VMs and hypervisor scheduler, and runs them. */
final class SchedulingFixture {
    private final List<VmSpec> vms = new ArrayList<>();
    private final int pcpus;

    SchedulingFixture(int pcpus) {
        this.pcpus = pcpus;
    }

    /**
     * A CPU hog: two users per vCPU with no think time and exponential demands (so that completions
     * never coincide) keep each of its vCPUs busy without a pause.
     */
    SchedulingFixture hog(String name, int vcpus, CpuControls controls) {
        Workload w = new Workload(new Arrivals.Closed(2 * vcpus, new Distribution.Constant(0)),
                List.of(new RequestClass("burn", 1, List.of(new Phase.Cpu(new Distribution.Exponential(0.05))))));
        vms.add(new VmSpec(name, 1, vcpus, 1L << 30, true, GuestDiscipline.PS, 0.1, w, controls));
        return this;
    }

    /** Poisson requests of exponential CPU demand on a 1-vCPU VM. */
    SchedulingFixture open(String name, double rate, double meanDemand, CpuControls controls) {
        Workload w = new Workload(Arrivals.Open.poisson(rate), List.of(new RequestClass("req", 1,
                List.of(new Phase.Cpu(new Distribution.Exponential(meanDemand))))));
        vms.add(new VmSpec(name, 1, 1, 1L << 30, true, GuestDiscipline.FCFS, 0.1, w, controls));
        return this;
    }

    /** Poisson requests made of the given phases on a 1-vCPU VM with a PS guest. */
    SchedulingFixture open(String name, double rate, List<Phase> phases, CpuControls controls) {
        Workload w = new Workload(Arrivals.Open.poisson(rate), List.of(new RequestClass("req", 1, phases)));
        vms.add(new VmSpec(name, 1, 1, 1L << 30, true, GuestDiscipline.PS, 0.1, w, controls));
        return this;
    }

    SystemSpec system(SchedulerSettings scheduler) {
        HostSpec host = new HostSpec(pcpus, 1.0, 64L << 30, List.of(), List.of());
        return new SystemSpec(host, vms, Architectures.byName("native").orElseThrow()).withScheduler(scheduler);
    }

    ReplicationOutput run(SchedulerSettings scheduler, double warmup, double length, int replication) {
        return ReplicationRunner.run(new HostModel(system(scheduler)),
                new ReplicationSpec(11, replication, warmup, length, 30));
    }

    /** A VM template's share of the host's CPU. */
    static double share(ReplicationOutput out, String vm) {
        return out.get(vm, Metrics.CPU_UTIL);
    }

    static CpuControls weight(int w) {
        return new CpuControls(w, 0, 0);
    }
}
