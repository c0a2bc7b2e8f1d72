package org.hvsim.model.hypervisor;

import java.util.Comparator;
import java.util.TreeSet;

import org.hvsim.core.engine.Simulation;

import nl.tudelft.simulation.dsol.formalisms.eventscheduling.SimEventInterface;

/**
 * Proportional-share scheduling with reservations and limits, the family of ESX's and Hyper-V's
 * schedulers: virtual-time fair queueing between vCPUs, where a vCPU's virtual time advances by the
 * CPU it receives divided by its share of its VM's weight; a VM below its reservation in the current
 * period runs before any VM that is not; a VM that has used its limit in the current period is parked
 * until the next one, so a limit is never exceeded over any period.
 *
 * <p>A running vCPU yields at the end of its quantum to a waiting vCPU with less virtual time; a vCPU
 * that wakes with less virtual time than the most advanced running vCPU preempts it. A woken vCPU's
 * virtual time is brought up to the least virtual time in play, so idling banks no credit.
 */
public abstract class ProportionalShareScheduler extends VcpuScheduler {

    private final double quantum;
    private final double period;
    /** CPU seconds of lag a waking vCPU keeps as credit. */
    private final double sleeperCredit;
    /**
     * How much less CPU a waking vCPU must have had than a running one to preempt it (CFS's wake-up
     * granularity); 0 preempts whenever it is behind.
     */
    private final double wakeupGranularity;
    /** Queue order: class, then virtual time, then FIFO (one comparator, no chain of lambdas per comparison). */
    private static final Comparator<PsVcpu> QUEUE_ORDER = (a, b) -> {
        if (a.priority != b.priority) {
            return Integer.compare(a.priority, b.priority);
        }
        int byTime = Double.compare(a.virtualTime, b.virtualTime);
        return byTime != 0 ? byTime : Long.compare(a.enqueued, b.enqueued);
    };
    private final TreeSet<PsVcpu> queue = new TreeSet<>(QUEUE_ORDER);

    /** Queue classes: below reservation first. */
    static final int RESERVED = 0;
    static final int NORMAL = 1;

    /** A waking vCPU keeps one quantum of lag as credit and preempts any vCPU ahead of it. */
    protected ProportionalShareScheduler(String name, Simulation sim, int pcpus, double switchCost, double quantum,
            double period) {
        this(name, sim, pcpus, switchCost, quantum, period, quantum, 0);
    }

    protected ProportionalShareScheduler(String name, Simulation sim, int pcpus, double switchCost, double quantum,
            double period, double sleeperCredit, double wakeupGranularity) {
        super(name, sim, pcpus, switchCost);
        this.quantum = quantum;
        this.period = period;
        this.sleeperCredit = sleeperCredit;
        this.wakeupGranularity = wakeupGranularity;
        this.sliceStart = new double[pcpus];
        this.listedUntimed = new boolean[pcpus];
    }

    /** A vCPU's place in virtual time. */
    protected static class PsVcpu extends Vcpu {
        /** Queue class: {@link #RESERVED} or {@link #NORMAL}. */
        int priority = NORMAL;
        double virtualTime;
        /** Held out of the queue by co-scheduling until its siblings catch up. */
        boolean coStopped;
        /** Its share of its VM's weight, set once the weight is known (read on every accounting). */
        double weight;
        /**
         * Its VM has a reservation or a limit, so its CPU use in the period is counted; no one reads the
         * count of another VM, and skipping it spares a visit to the VM on every accounting.
         */
        boolean budgeted;

        protected PsVcpu(Domain domain, int index) {
            super(domain, index);
        }
    }

    /** A VM's weight and its use of the current period. */
    protected static class PsDomain extends Domain {
        double weight;
        /** It used its limit in this period: its vCPUs wait outside the queue until the next. */
        boolean parked;
        double usedInPeriod;

        protected PsDomain(CpuClient client, int index) {
            super(client, index);
        }
    }

    static PsVcpu ps(Vcpu v) {
        return (PsVcpu) v;
    }

    static PsDomain pd(Domain d) {
        return (PsDomain) d;
    }

    @Override
    protected Domain newDomain(CpuClient client, int index) {
        return new PsDomain(client, index);
    }

    @Override
    protected Vcpu newVcpu(Domain domain, int index) {
        return new PsVcpu(domain, index);
    }

    /** The VM's weight (shares) when its controls give none. */
    protected abstract double defaultWeight(Domain d);

    @Override
    protected void configure(Domain d) {
        int w = d.client.controls().weight();
        pd(d).weight = w > 0 ? w : defaultWeight(d);
        boolean budgeted = d.client.controls().reservation() > 0 || limited(d);
        for (Vcpu v : d.vcpus) {
            ps(v).weight = pd(d).weight / d.vcpus.length; // the same quotient as computing it each time
            ps(v).budgeted = budgeted;
        }
        if (d.client.controls().reservation() > d.vcpus.length) {
            throw new IllegalArgumentException(d.client.name() + ": reservation of "
                    + d.client.controls().reservation() + " pCPUs exceeds its " + d.vcpus.length + " vCPUs");
        }
    }

    @Override
    protected void started() {
        // Admission control: reservations must fit in the host.
        double reserved = 0;
        for (Domain d : domains) {
            reserved += d.client.controls().reservation();
        }
        if (reserved > pcpuCount() + 1e-9) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "%s: reservations add up to %.2f pCPUs but the host has %d; admission control refuses them",
                    name(), reserved, pcpuCount()));
        }
        sim.schedule(period, this::newPeriod);
    }

    private static double vcpuWeight(Vcpu v) {
        return ps(v).weight;
    }

    private boolean belowReservation(Domain d) {
        double r = d.client.controls().reservation();
        return r > 0 && pd(d).usedInPeriod < r * period;
    }

    private boolean limited(Domain d) {
        return d.client.controls().hasLimit();
    }

    // ------------------------------------------------------------------------------------ queue

    @Override
    protected void enqueue(Vcpu v) {
        if (pd(v.domain).parked || ps(v).coStopped) {
            return;
        }
        ps(v).priority = classOf(v);
        queue.add(ps(v));
        if (queue.size() == 1 && !untimed.isEmpty()) {
            armQuantumEnds();
        }
    }

    // A quantum end matters only when something waits (with an empty queue the running vCPU would just
    // go on): a vCPU that starts with an empty queue runs without a timer, and its quantum ends, at its
    // start plus whole quanta, are armed the moment something is queued.

    /** When each pCPU's vCPU started its run: its quantum ends fall at this plus whole quanta. */
    private final double[] sliceStart;
    /** pCPUs that may be running without a quantum timer, each at most once. */
    private final java.util.ArrayDeque<Pcpu> untimed = new java.util.ArrayDeque<>();
    private final boolean[] listedUntimed;

    private void runUntimed(Pcpu p) {
        if (!listedUntimed[p.index]) {
            listedUntimed[p.index] = true;
            untimed.add(p);
        }
    }

    private void armQuantumEnds() {
        double now = sim.now();
        while (!untimed.isEmpty()) {
            Pcpu p = untimed.poll();
            listedUntimed[p.index] = false;
            if (p.current() != null && p.timer == null) {
                double start = sliceStart[p.index];
                double k = Math.max(1, Math.ceil((now - start) / quantum - 1e-9));
                setTimer(p, start + k * quantum);
            }
        }
    }

    @Override
    protected void dequeue(Vcpu v) {
        queue.remove(v);
    }

    @Override
    protected Vcpu pick(Pcpu p) {
        return queue.pollFirst();
    }

    @Override
    protected boolean hasWaiting() {
        return !queue.isEmpty();
    }

    /** Hook: a vCPU that should run before the others regardless of virtual time (co-start). */
    protected boolean favoured(Vcpu v) {
        return false;
    }

    /** Takes a waiting vCPU out of the queue and puts it back, after its class may have changed. */
    protected final void reposition(Vcpu v) {
        if (queue.remove(v)) {
            enqueue(v);
        }
    }

    /** Least virtual time among running and waiting vCPUs: where a woken vCPU starts. */
    private double virtualFloor() {
        double floor = Double.POSITIVE_INFINITY;
        if (!queue.isEmpty()) {
            floor = ps(queue.first()).virtualTime;
        }
        double now = sim.now();
        for (Pcpu p : pcpus) {
            Vcpu c = p.current();
            if (c != null && c.state() == State.RUNNING) {
                // account(c), with the clock read once for all of them
                beforeAccount(c);
                accountUntil(c, now);
                floor = Math.min(floor, ps(c).virtualTime);
            }
        }
        return floor == Double.POSITIVE_INFINITY ? 0 : floor;
    }

    @Override
    protected void woke(Vcpu v) {
        // A sleeper keeps at most one quantum of lag (as CFS does), so a vCPU that blinks idle between
        // two requests is not robbed of its share, and a long sleeper banks nothing.
        ps(v).virtualTime = Math.max(ps(v).virtualTime, virtualFloor() - sleeperCredit / vcpuWeight(v));
        enqueue(v);
        domainChanged(v.domain);
        if (!queue.contains(v)) {
            return;
        }
        if (anyIdle()) {
            return; // an idle pCPU takes it
        }
        for (Pcpu p : pcpus) {
            if (p.free()) {
                return; // a pCPU whose switch target halted takes it once its switch ends
            }
        }
        Pcpu victim = null;
        for (Pcpu p : pcpus) {
            Vcpu c = p.occupant();
            if (c != null && preemptsOnWake(v, c) && (victim == null || outranks(victim.occupant(), c))) {
                victim = p;
            }
        }
        if (victim != null) {
            preempt(victim);
        }
    }

    private boolean preemptsOnWake(Vcpu a, Vcpu b) {
        return outranks(a, b, wakeupGranularity / vcpuWeight(a));
    }

    /** Whether waiting {@code a} should run before running {@code b}. */
    private boolean outranks(Vcpu a, Vcpu b) {
        return outranks(a, b, 0);
    }

    /** Reservation class first; within a class, {@code a} must be more than {@code margin} behind in virtual time. */
    private boolean outranks(Vcpu a, Vcpu b, double margin) {
        int pa = classOf(a);
        int pb = classOf(b);
        if (pa != pb) {
            return pa < pb;
        }
        return ps(a).virtualTime + margin < ps(b).virtualTime;
    }

    private int classOf(Vcpu v) {
        return belowReservation(v.domain) || favoured(v) ? RESERVED : NORMAL;
    }

    // ------------------------------------------------------------------------------------ running

    @Override
    protected void onRun(Vcpu v, double ran) {
        ps(v).virtualTime += ran / vcpuWeight(v);
        if (ps(v).budgeted) {
            pd(v.domain).usedInPeriod += ran;
        }
    }

    @Override
    protected void onStart(Pcpu p, Vcpu v) {
        sliceStart[p.index] = sim.now();
        if (queue.isEmpty()) {
            runUntimed(p);
        } else {
            setTimer(p, sim.now() + quantum);
        }
        domainChanged(v.domain);
    }

    @Override
    protected void onTimer(Pcpu p) {
        Vcpu v = p.current();
        if (v == null) {
            return;
        }
        account(v);
        Vcpu next = queue.isEmpty() ? null : queue.first();
        if (next != null && outranks(next, v)) {
            preempt(p);
        } else if (next == null) {
            sliceStart[p.index] = sim.now();
            runUntimed(p);
        } else {
            setTimer(p, sim.now() + quantum);
        }
    }

    /** Re-arms the domain's limit and reservation timers (and whatever else a subclass tracks) after a change. */
    protected void domainChanged(Domain d) {
        armLimit(d);
        armReservation(d);
    }

    // ------------------------------------------------------------------------------------ reservations

    private final java.util.Map<Domain, SimEventInterface<Double>> reservationEvents = new java.util.HashMap<>();

    /**
     * A VM below its reservation runs before every VM that is not; the instant its running vCPUs use the
     * reservation up, it competes by virtual time like the others (a guaranteed minimum, not a quantum's
     * worth more). One event per reserved VM while it runs.
     */
    private void armReservation(Domain d) {
        if (d.client.controls().reservation() <= 0) {
            return;
        }
        if (belowReservation(d)) {
            armBudget(reservationEvents, d, d.client.controls().reservation() * period, this::reservationUsed);
        } else {
            SimEventInterface<Double> old = reservationEvents.remove(d);
            if (old != null) {
                sim.cancel(old);
            }
        }
    }

    private void reservationUsed(Domain d) {
        for (Vcpu v : d.vcpus) {
            account(v);
        }
        if (d.client.controls().reservation() * period - pd(d).usedInPeriod > 1e-12) {
            armReservation(d); // a vCPU stopped meanwhile: the rest of the reservation takes longer
            return;
        }
        pd(d).usedInPeriod = Math.max(pd(d).usedInPeriod, d.client.controls().reservation() * period);
        // Its waiting vCPUs drop to the normal class; its running ones yield to anyone who now outranks them.
        for (Vcpu v : d.vcpus) {
            if (v.state() == State.WAITING) {
                reposition(v);
            }
        }
        for (Vcpu v : d.vcpus) {
            Pcpu p = v.pcpu();
            if (v.state() == State.RUNNING && p != null && !queue.isEmpty() && outranks(queue.first(), v)) {
                preempt(p);
            }
        }
    }

    // ------------------------------------------------------------------------------------ limits

    private final java.util.Map<Domain, SimEventInterface<Double>> limitEvents = new java.util.HashMap<>();

    private void armLimit(Domain d) {
        if (limited(d)) {
            armBudget(limitEvents, d, pd(d).parked ? 0 : d.client.controls().limit() * period, this::hitLimit);
        }
    }

    /**
     * (Re)schedules the instant the domain's running vCPUs will have used {@code budget} CPU seconds in
     * this period (nothing when none runs or the budget is 0); {@code spent} is called then.
     */
    private void armBudget(java.util.Map<Domain, SimEventInterface<Double>> events, Domain d, double budget,
            java.util.function.Consumer<Domain> spent) {
        SimEventInterface<Double> old = events.remove(d);
        if (old != null) {
            sim.cancel(old);
        }
        int running = 0;
        for (Vcpu v : d.vcpus) {
            if (v.state() == State.RUNNING) {
                account(v);
                running++;
            }
        }
        if (running == 0 || budget <= 0) {
            return;
        }
        events.put(d, sim.schedule(Math.max(0, (budget - pd(d).usedInPeriod) / running), () -> {
            events.remove(d);
            spent.accept(d);
        }));
    }

    private void hitLimit(Domain d) {
        for (Vcpu v : d.vcpus) {
            account(v);
        }
        if (pd(d).usedInPeriod < d.client.controls().limit() * period - 1e-12) {
            armLimit(d);
            return;
        }
        // Park the whole VM at once: first take its waiting vCPUs out of the queue, so that a pCPU freed
        // below cannot pick a sibling; a vCPU still being switched to is refused by mayStart.
        pd(d).parked = true;
        java.util.List<Pcpu> running = new java.util.ArrayList<>();
        for (Vcpu v : d.vcpus) {
            if (v.state() == State.WAITING) {
                queue.remove(v);
            } else if (v.state() == State.RUNNING) {
                running.add(v.pcpu());
            }
        }
        for (Pcpu p : running) {
            park(p);
        }
    }

    @Override
    protected boolean mayStart(Vcpu v) {
        return !pd(v.domain).parked && !ps(v).coStopped;
    }

    @Override
    protected void requeue(Vcpu v) {
        enqueue(v);
        domainChanged(v.domain);
    }

    private void newPeriod() {
        for (Domain d : domains) {
            for (Vcpu v : d.vcpus) {
                account(v);
            }
        }
        for (Domain d : domains) {
            pd(d).usedInPeriod = 0;
            pd(d).parked = false;
        }
        double floor = virtualFloor();
        // Reservation classes change with the new period: rebuild the queue.
        java.util.List<Vcpu> waiting = new java.util.ArrayList<>();
        for (Domain d : domains) {
            for (Vcpu v : d.vcpus) {
                if (v.state() == State.WAITING && !ps(v).coStopped) {
                    queue.remove(v);
                    waiting.add(v);
                }
            }
        }
        // Time run under a reservation advances virtual time like any other, so a reserved VM that runs
        // beyond its share leads the others; bound its lead to one quantum, so that it does not starve
        // later for CPU that its reservation already paid for. Other VMs keep their history.
        for (Domain d : domains) {
            if (d.client.controls().reservation() <= 0) {
                continue;
            }
            for (Vcpu v : d.vcpus) {
                ps(v).virtualTime = Math.min(ps(v).virtualTime, floor + quantum / vcpuWeight(v));
            }
        }
        for (Vcpu v : waiting) {
            enqueue(v);
        }
        kickIdle();
        for (Pcpu p : pcpus) {
            Vcpu c = p.occupant();
            if (c != null && !queue.isEmpty() && outranks(queue.first(), c)) {
                preempt(p);
            }
        }
        for (Domain d : domains) {
            armLimit(d);
            armReservation(d);
        }
        sim.schedule(period, this::newPeriod);
    }
}
