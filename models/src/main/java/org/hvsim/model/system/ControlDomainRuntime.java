package org.hvsim.model.system;

import org.apache.commons.math3.random.RandomGenerator;
import org.hvsim.core.engine.Simulation;
import org.hvsim.core.random.Distribution;
import org.hvsim.core.random.Sampler;
import org.hvsim.model.arch.ControlDomain;
import org.hvsim.model.guest.CpuCategory;
import org.hvsim.model.guest.CpuJob;
import org.hvsim.model.guest.GuestDiscipline;
import org.hvsim.model.guest.GuestScheduler;
import org.hvsim.model.hypervisor.CpuClient;
import org.hvsim.model.hypervisor.CpuControls;

/**
 * A control domain in a running replication: its OS scheduler (processor sharing over its vCPUs), its
 * background services as Poisson bursts of CPU, and its management agents waking every period. I/O
 * stages of the guests are submitted to {@link #guest()} by the requests themselves.
 */
final class ControlDomainRuntime {

    private final Simulation sim;
    private final ControlDomain spec;
    private final GuestScheduler guest;

    /** A piece of the control domain's own work; it has nothing to do when done. */
    private static final class ServiceJob extends CpuJob {
        ServiceJob(double work, CpuCategory category) {
            prepare(work, 1.0, category, category);
        }

        @Override
        protected void cpuDone() {
        }
    }

    ControlDomainRuntime(Simulation sim, ControlDomain spec, int pcpus, double speed, CpuControls controls) {
        this.sim = sim;
        this.spec = spec;
        this.controls = controls;
        this.guest = GuestScheduler.create(GuestDiscipline.PS, sim, spec.vcpusOn(pcpus), speed, 0.1);
    }

    private final CpuControls controls;
    /** Out (crashed, rebooting or patched): its services and agents skip their work, still drawing it. */
    boolean out;

    GuestScheduler guest() {
        return guest;
    }

    CpuClient client() {
        return new CpuClient(spec.role(), guest, controls);
    }

    /** Starts background services and management agents; {@code vms} is the number of VM instances. */
    void start(int vms) {
        if (spec.backgroundLoad() > 0) {
            double rate = spec.backgroundLoad() / spec.backgroundBurst();
            Sampler gap = new Distribution.Exponential(1 / rate).sampler(sim.random().stream("control/background"));
            Sampler burst = new Distribution.Exponential(spec.backgroundBurst())
                    .sampler(sim.random().stream("control/background/burst"));
            background(gap, burst);
        }
        agent(spec.management(), "control/management", vms);
        agent(spec.tools(), "control/tools", vms);
    }

    /** Starts an agent at a random phase of its period, the same under every architecture. */
    private void agent(ControlDomain.Management m, String stream, int vms) {
        if (m.active()) {
            RandomGenerator phase = sim.random().stream(stream);
            double work = m.work(vms);
            sim.schedule(phase.nextDouble() * m.period(), () -> manage(m.period(), work));
        }
    }

    private void background(Sampler gap, Sampler burst) {
        sim.schedule(gap.next(), () -> {
            double work = burst.next();
            if (!out) {
                guest.submit(new ServiceJob(work, CpuCategory.PARENT));
            }
            background(gap, burst);
        });
    }

    private void manage(double period, double work) {
        if (!out) {
            guest.submit(new ServiceJob(work, CpuCategory.MANAGEMENT));
        }
        sim.schedule(period, () -> manage(period, work));
    }
}
