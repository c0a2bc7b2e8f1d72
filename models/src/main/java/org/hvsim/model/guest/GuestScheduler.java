package org.hvsim.model.guest;

import java.util.ArrayList;
import java.util.List;

import org.hvsim.core.engine.Simulation;
import org.hvsim.core.stats.TimeWeighted;

import nl.tudelft.simulation.dsol.formalisms.eventscheduling.SimEventInterface;

/**
 * The guest OS scheduler of one VM: places CPU jobs on the VM's vCPUs. Two-level coupling
 * (docs/schedulers.md): the guest wants {@code min(jobs, vcpus)} vCPUs running; the hypervisor grants
 * {@code running} of them, each getting {@code share} of a pCPU. Between changes every job progresses
 * linearly, so exactly one pending event per guest (the next completion or quantum end) suffices.
 */
public abstract class GuestScheduler {

    protected final Simulation sim;
    protected final int vcpus;
    /** Work per second of a pCPU relative to the reference core. */
    protected final double speed;
    private VcpuDemand hypervisor = (g, o, n) -> g.grant(n, 1.0);

    /** vCPUs the hypervisor currently runs for this guest. */
    protected int running;
    /** Fraction of a pCPU each running vCPU gets. */
    protected double share = 1.0;

    private int demand;
    private double lastAdvance;
    private boolean changing;
    /** True while finished jobs' callbacks run; submissions then wait for {@link #settle}. */
    private boolean inCallbacks;
    /** The next decision while one is scheduled, else null. */
    private SimEventInterface<Double> pending;
    /** The guest's one event, moved rather than cancelled and made anew (the next decision moves often). */
    private SimEventInterface<Double> event;
    private final List<CpuJob> finished = new ArrayList<>();

    private final TimeWeighted[] categoryBusy = new TimeWeighted[CpuCategory.COUNT];
    private final TimeWeighted totalBusy = new TimeWeighted();
    private final TimeWeighted runnableVcpus = new TimeWeighted();

    protected GuestScheduler(Simulation sim, int vcpus, double speed) {
        if (vcpus < 1) {
            throw new IllegalArgumentException("a guest needs at least one vCPU");
        }
        this.sim = sim;
        this.vcpus = vcpus;
        this.speed = speed;
        for (int c = 0; c < categoryBusy.length; c++) {
            categoryBusy[c] = new TimeWeighted();
            sim.onWarmup(categoryBusy[c]);
        }
        sim.onWarmup(totalBusy);
        sim.onWarmup(runnableVcpus);
    }

    public static GuestScheduler create(GuestDiscipline discipline, Simulation sim, int vcpus, double speed,
            double quantum) {
        return switch (discipline) {
            case PS -> new ProcessorSharingGuest(sim, vcpus, speed);
            case FCFS -> new FcfsGuest(sim, vcpus, speed);
            case RR -> new RoundRobinGuest(sim, vcpus, speed, quantum);
        };
    }

    /** Connects the guest to the hypervisor scheduler that grants it vCPUs. */
    public void attach(VcpuDemand hypervisor) {
        this.hypervisor = hypervisor;
    }

    public int vcpus() {
        return vcpus;
    }

    /** vCPUs the guest wants running: one per job, at most its vCPU count. */
    public int demand() {
        return demand;
    }

    /** Adds a CPU job. */
    public final void submit(CpuJob job) {
        advance();
        if (job.remaining <= 0) {
            finished.add(job);
        } else {
            enqueue(job);
        }
        if (inCallbacks) {
            return; // a finished job's callback goes on with its next stage: settle() reports the demand once
        }
        settle();
    }

    /**
     * The hypervisor's decision: {@code running} of the demanded vCPUs run, each with {@code share} of a
     * pCPU (1 when it has a pCPU to itself).
     */
    public final void grant(int running, double share) {
        if (running < 0 || running > demand) {
            throw new IllegalStateException("granted " + running + " vCPUs to a guest demanding " + demand);
        }
        advance();
        this.running = running;
        this.share = share;
        if (!changing) {
            refresh();
        }
    }

    // --- subclass protocol -------------------------------------------------------------------------

    /** Number of jobs present. */
    protected abstract int jobs();

    protected abstract void enqueue(CpuJob job);

    /** Moves every job's progress forward by {@code dt} seconds at the current grant. */
    protected abstract void progress(double dt);

    /** Seconds until the next completion or other decision at the current grant; +∞ if none. */
    protected abstract double untilNextEvent();

    /** Removes finished jobs (adding them to {@code done}) and rotates expired quanta. */
    protected abstract void collect(List<CpuJob> done);

    /**
     * pCPU-fractions in use now: {@code out[0]} the total, {@code out[1 + c]} the part charged to
     * category {@code c} (the array comes zeroed).
     */
    protected abstract void busy(double[] out);

    // --- mechanics -----------------------------------------------------------------------------------

    private void advance() {
        double now = sim.now();
        double dt = now - lastAdvance;
        if (dt > 0 && running > 0) {
            progress(dt);
        }
        lastAdvance = now;
    }

    private void changed() {
        int d = Math.min(jobs(), vcpus);
        changing = true;
        try {
            if (d != demand) {
                int old = demand;
                demand = d;
                runnableVcpus.set(sim.now(), d);
                if (running > d) {
                    running = d; // a vCPU whose work ran out halts at once
                }
                hypervisor.demandChanged(this, old, d);
            }
        } finally {
            changing = false;
        }
        refresh();
    }

    private final double[] busyNow = new double[1 + CpuCategory.COUNT];

    private void refresh() {
        double now = sim.now();
        java.util.Arrays.fill(busyNow, 0);
        busy(busyNow);
        totalBusy.set(now, busyNow[0]);
        for (int c = 0; c < categoryBusy.length; c++) {
            categoryBusy[c].set(now, busyNow[1 + c]);
        }
        double dt = running > 0 ? untilNextEvent() : Double.POSITIVE_INFINITY;
        if (dt < Double.POSITIVE_INFINITY) {
            double at = now + Math.max(0, dt);
            if (pending != null && Math.abs(pending.getAbsoluteExecutionTime() - at) <= 4 * Math.ulp(at)) {
                return; // the next decision has not moved (e.g. an arrival behind a busy vCPU)
            }
            pending = sim.rescheduleAt(event, at, onEvent);
            event = pending;
        } else if (pending != null) {
            sim.cancel(pending);
            pending = null;
        }
    }

    private final nl.tudelft.simulation.dsol.formalisms.eventscheduling.Executable onEvent = this::onEvent;

    private void onEvent() {
        pending = null;
        advance();
        collect(finished);
        settle();
    }

    /**
     * Runs the finished jobs' callbacks, then tells the hypervisor the demand. In this order a request
     * that goes on with its next CPU stage here never shows the hypervisor a dip in demand: its vCPU does
     * not halt between back-to-back stages (a real guest thread just continues).
     */
    private void settle() {
        inCallbacks = true;
        try {
            while (!finished.isEmpty()) {
                CpuJob j = finished.remove(finished.size() - 1);
                j.cpuDone();
            }
        } finally {
            inCallbacks = false;
        }
        changed();
    }

    /**
     * True when something {@code seconds} away is due now: the remainder is floating-point residue at
     * the current clock (scheduling it would not advance time and would loop).
     */
    protected final boolean dueWithin(double seconds) {
        return seconds <= 1e-12 + 8 * Math.ulp(sim.now());
    }

    /** Rate at which one job on a running vCPU progresses, reference seconds per second. */
    protected final double vcpuRate() {
        return share * speed;
    }

    // --- statistics since warm-up ------------------------------------------------------------------

    /** pCPU-seconds this guest used since the warm-up, all categories. */
    public double busyArea(double now) {
        return totalBusy.area(now);
    }

    /** pCPU-seconds of useful guest work since the warm-up. */
    public double guestArea(double now) {
        return categoryArea(CpuCategory.GUEST, now);
    }

    /** pCPU-seconds charged to {@code category} since the warm-up. */
    public double categoryArea(CpuCategory category, double now) {
        return categoryBusy[category.ordinal()].area(now);
    }

    /** vCPU-seconds during which vCPUs were runnable (wanted a pCPU) since the warm-up. */
    public double runnableArea(double now) {
        return runnableVcpus.area(now);
    }
}
