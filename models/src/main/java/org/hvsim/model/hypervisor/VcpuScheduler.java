package org.hvsim.model.hypervisor;

import java.util.ArrayList;
import java.util.List;

import org.hvsim.core.engine.Simulation;
import org.hvsim.core.stats.TimeWeighted;
import org.hvsim.model.guest.GuestScheduler;

import nl.tudelft.simulation.dsol.formalisms.eventscheduling.SimEventInterface;

/**
 * The mechanics shared by schedulers that run whole vCPUs on pCPUs (one vCPU per pCPU at a time):
 * halting and waking vCPUs as their guest's demand changes, dispatch with the cost of a world switch
 * between VMs, preemption, per-pCPU timers, and the accounting of CPU consumed. A concrete scheduler
 * decides only the policy: where a waiting vCPU queues, which one a pCPU runs next, and when to preempt.
 *
 * <p>A guest's vCPUs are interchangeable for its work (the guest OS migrates runnable threads to the
 * vCPUs that run), so the guest is told how many of its vCPUs run, not which.
 */
public abstract class VcpuScheduler implements HypervisorScheduler {

    /** Where a vCPU is. */
    protected enum State {
        /** No work in the guest for it: it does not compete. */
        HALTED,
        /** Runnable, in a run queue (or parked by a cap or limit). */
        WAITING,
        /** A pCPU is switching to it; it does no guest work yet. */
        SWITCHING,
        /** On a pCPU. */
        RUNNING
    }

    /**
     * A scheduled client (VM) and its vCPUs, as the mechanics see it; a policy extends it with its own
     * state ({@link #newDomain}).
     */
    protected static class Domain {
        public final CpuClient client;
        public final int index;
        /** Filled by {@link VcpuScheduler#attach} with the policy's vCPUs ({@link #newVcpu}). */
        public final Vcpu[] vcpus;
        /** vCPUs currently running for the guest. */
        int running;
        /** How many of its vCPUs are HALTED. */
        int halted;
        /** By state: its vCPUs in it, as bits by vCPU index (first or last one without a scan). */
        final long[][] members;

        protected Domain(CpuClient client, int index) {
            this.client = client;
            this.index = index;
            this.vcpus = new Vcpu[client.vcpus()];
            int words = (vcpus.length + 63) >>> 6;
            this.members = new long[STATES.length][words];
            // every vCPU starts HALTED
            halted = vcpus.length;
            for (int i = 0; i < vcpus.length; i++) {
                members[State.HALTED.ordinal()][i >>> 6] |= 1L << (i & 63);
            }
        }

        public GuestScheduler guest() {
            return client.guest();
        }

        /** vCPUs not HALTED (runnable: waiting, switching or running). */
        public int nonHalted() {
            return vcpus.length - halted;
        }

        /** Its lowest-index vCPU in state {@code s}, or null. */
        Vcpu firstIn(State s) {
            long[] m = members[s.ordinal()];
            for (int w = 0; w < m.length; w++) {
                if (m[w] != 0) {
                    return vcpus[(w << 6) + Long.numberOfTrailingZeros(m[w])];
                }
            }
            return null;
        }

        /** Its highest-index vCPU in state {@code s}, or null. */
        Vcpu lastIn(State s) {
            long[] m = members[s.ordinal()];
            for (int w = m.length - 1; w >= 0; w--) {
                if (m[w] != 0) {
                    return vcpus[(w << 6) + 63 - Long.numberOfLeadingZeros(m[w])];
                }
            }
            return null;
        }
    }

    private static final State[] STATES = State.values();

    /**
     * One virtual CPU, as the mechanics see it; a policy extends it with its own state
     * ({@link #newVcpu}).
     */
    protected static class Vcpu {
        public final Domain domain;
        public final int index;
        State state = State.HALTED;
        Pcpu pcpu;
        /** The pCPU it last ran on (affinity). */
        public Pcpu last;
        /** When it started running, or when its running time was last accounted. */
        double accountedUntil;
        /** CPU seconds received in total. */
        public double consumed;
        /** Sequence number of the last time it became waiting (woke, was preempted or unparked): FIFO order. */
        public long enqueued;

        protected Vcpu(Domain domain, int index) {
            this.domain = domain;
            this.index = index;
        }

        /** Moves it to state {@code s}, keeping its domain's counts and bits. */
        final void to(State s) {
            State old = state;
            if (old == s) {
                return;
            }
            Domain d = domain;
            long bit = 1L << (index & 63);
            int w = index >>> 6;
            if (old == State.HALTED) {
                d.halted--;
            } else if (s == State.HALTED) {
                d.halted++;
            }
            d.members[old.ordinal()][w] &= ~bit;
            d.members[s.ordinal()][w] |= bit;
            state = s;
        }

        public State state() {
            return state;
        }

        public Pcpu pcpu() {
            return pcpu;
        }

        @Override
        public String toString() {
            return domain.client.name() + ".v" + index + "[" + state + "]";
        }
    }

    private final String name;
    protected final Simulation sim;
    protected final Pcpu[] pcpus;
    protected final List<Domain> domains = new ArrayList<>();
    /** pCPU seconds a world switch between two VMs takes. */
    protected final double switchCost;
    private final TimeWeighted switching = new TimeWeighted();
    /** pCPUs running a vCPU or switching to one; the rest are idle. */
    private final TimeWeighted busyPcpus = new TimeWeighted();
    private long enqueueSequence;
    /** Nesting depth of {@link #demandChanged}'s hooks and picks, and its scratch arrays by depth. */
    private int depth;
    private Vcpu[][] haltedScratch = new Vcpu[4][];
    private Pcpu[][] pickScratch = new Pcpu[4][];
    /** The idle pCPUs ({@link Pcpu#idle}), to find one without a scan. */
    private final PcpuSet idle;

    /**
     * @param name       the registered name of the scheduler
     * @param switchCost pCPU seconds a world switch between two VMs takes (hypervisor time)
     */
    protected VcpuScheduler(String name, Simulation sim, int pcpus, double switchCost) {
        if (!(switchCost >= 0)) {
            throw new IllegalArgumentException("switch cost must be >= 0");
        }
        this.name = name;
        this.sim = sim;
        this.switchCost = switchCost;
        this.pcpus = new Pcpu[pcpus];
        this.idle = new PcpuSet(pcpus);
        for (int i = 0; i < pcpus; i++) {
            Pcpu p = new Pcpu(i);
            p.timerAction = () -> {
                p.timer = null;
                onTimer(p);
                afterChange();
            };
            p.switchEnd = () -> {
                switchDone(p);
                afterChange();
            };
            this.pcpus[i] = p;
            idleChanged(p);
        }
        sim.onWarmup(switching);
        sim.onWarmup(busyPcpus);
    }

    @Override
    public void attach(List<CpuClient> clients) {
        for (CpuClient c : clients) {
            Domain d = newDomain(c, domains.size());
            for (int i = 0; i < d.vcpus.length; i++) {
                d.vcpus[i] = newVcpu(d, i);
            }
            domains.add(d);
            c.guest().attach((g, oldDemand, newDemand) -> demandChanged(d, newDemand));
            configure(d);
        }
        started();
    }

    /** Hook: the policy's domain type. */
    protected Domain newDomain(CpuClient client, int index) {
        return new Domain(client, index);
    }

    /** Hook: the policy's vCPU type. */
    protected Vcpu newVcpu(Domain domain, int index) {
        return new Vcpu(domain, index);
    }

    /** Hook: reads a domain's controls into its policy state. */
    protected void configure(Domain d) {
    }

    /** Hook: all domains are attached; start periodic activity. */
    protected void started() {
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public double overheadArea(double now) {
        return switching.area(now);
    }

    @Override
    public double busyArea(double now) {
        return busyPcpus.area(now);
    }

    // ------------------------------------------------------------------------------------ policy

    /** Puts a waiting vCPU into a run queue. */
    protected abstract void enqueue(Vcpu v);

    /** Takes a waiting vCPU out of its run queue (it halts or is parked). */
    protected abstract void dequeue(Vcpu v);

    /** Removes and returns the vCPU that {@code p} runs next, or null to idle. */
    protected abstract Vcpu pick(Pcpu p);

    /** A vCPU woke up (its guest has work for it). Default: queue it; idle pCPUs are then kicked. */
    protected void woke(Vcpu v) {
        enqueue(v);
    }

    /** A vCPU was preempted. Default: queue it like a wake-up. */
    protected void requeue(Vcpu v) {
        enqueue(v);
    }

    /** {@code v} starts running on {@code p}; set timers here. */
    protected void onStart(Pcpu p, Vcpu v) {
    }

    /** {@code v} received {@code ran} seconds of CPU (called when it stops and when accounted). */
    protected void onRun(Vcpu v, double ran) {
    }

    /** The pCPU's timer fired. */
    protected void onTimer(Pcpu p) {
    }

    /**
     * Hook: {@code v}, running, is about to be accounted up to now (or asked how long it has run); a policy
     * that skipped timer events applies here what they would have accounted ({@link #accountUntil}).
     */
    protected void beforeAccount(Vcpu v) {
    }

    /**
     * Hook: the end of a change from outside (a guest's demand, a world switch's end, a timer): the
     * scheduler's state is settled until the next event, so a policy can arm here the timers that the
     * state now needs.
     */
    protected void settled() {
    }

    // ------------------------------------------------------------------------------------ mechanics

    private void demandChanged(Domain d, int demand) {
        changeDemand(d, demand);
        afterChange();
    }

    /** Ends a change from outside: {@link #settled}, then the books' check if tests asked for it. */
    protected final void afterChange() {
        settled();
        if (checkingBooks) {
            checkBooks();
        }
    }

    /** Tests set it to have {@link #checkBooks} run after every change from outside, in every scheduler. */
    static volatile boolean checkingBooks;
    /** How many times {@link #checkBooks} passed (tests check that it ran). */
    static final java.util.concurrent.atomic.AtomicLong booksChecked = new java.util.concurrent.atomic.AtomicLong();

    /**
     * Recomputes from scratch what the mechanics keep incrementally (each domain's counts and bits by
     * state, its running count, the idle pCPUs, who is on which pCPU) and throws if they disagree; then
     * the policy's own books ({@link #checkPolicyBooks}).
     */
    final void checkBooks() {
        for (Domain d : domains) {
            int[] counts = new int[STATES.length];
            long[][] bits = new long[STATES.length][d.members[0].length];
            for (Vcpu v : d.vcpus) {
                counts[v.state.ordinal()]++;
                bits[v.state.ordinal()][v.index >>> 6] |= 1L << (v.index & 63);
                switch (v.state) {
                    case RUNNING -> require(v.pcpu != null && v.pcpu.current == v, v + " runs on no pCPU");
                    case SWITCHING -> require(v.pcpu != null && v.pcpu.switchTarget == v && v.pcpu.current == null,
                            v + " switches on no pCPU");
                    default -> require(v.pcpu == null, v + " holds " + v.pcpu);
                }
            }
            require(counts[State.HALTED.ordinal()] == d.halted,
                    d.client.name() + ": " + d.halted + " vCPUs counted HALTED, " + counts[State.HALTED.ordinal()] + " are");
            for (State st : STATES) {
                require(java.util.Arrays.equals(bits[st.ordinal()], d.members[st.ordinal()]),
                        d.client.name() + ": wrong bits for " + st);
            }
            require(d.running == counts[State.RUNNING.ordinal()],
                    d.client.name() + ": running " + d.running + ", " + counts[State.RUNNING.ordinal()] + " are");
        }
        for (Pcpu p : pcpus) {
            require(idle.get(p.index) == p.idle(), "pCPU " + p.index + " idle bit wrong");
            require(p.current == null || p.current.state == State.RUNNING && p.current.pcpu == p,
                    "pCPU " + p.index + " runs " + p.current);
            require(p.current == null || p.switchTarget == null, "pCPU " + p.index + " runs and switches");
        }
        checkPolicyBooks();
        booksChecked.incrementAndGet();
    }

    /** Hook: the policy checks its own incremental state the same way ({@link #checkBooks}). */
    void checkPolicyBooks() {
    }

    static void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("scheduler books: " + what);
        }
    }

    private void changeDemand(Domain d, int demand) {
        int active = d.nonHalted();
        while (active < demand) {
            Vcpu v = d.firstIn(State.HALTED);
            v.to(State.WAITING);
            v.enqueued = ++enqueueSequence;
            woke(v);
            active++;
        }
        if (active > demand) {
            // Take every surplus vCPU off first, and only then let the freed pCPUs pick: a pCPU must not
            // pick a vCPU of this domain that is about to halt.
            Vcpu[] halted = scratchVcpus(active - demand);
            Pcpu[] toPick = scratchPcpus(active - demand);
            int nh = 0;
            int np = 0;
            while (active > demand) {
                Vcpu v = d.lastIn(State.WAITING);
                if (v == null) {
                    v = d.lastIn(State.SWITCHING);
                }
                if (v == null) {
                    v = d.lastIn(State.RUNNING);
                }
                Pcpu p = halt(v);
                if (p != null) {
                    toPick[np++] = p;
                }
                halted[nh++] = v;
                active--;
            }
            // The hooks and the picks below may change demand of other domains, not this loop's: a
            // scratch pair per nesting depth, reused, so no allocation per halt.
            depth++;
            try {
                for (int i = 0; i < nh; i++) {
                    halted(halted[i]);
                }
                for (int i = 0; i < np; i++) {
                    reschedule(toPick[i]);
                }
            } finally {
                depth--;
                java.util.Arrays.fill(halted, 0, nh, null);
                java.util.Arrays.fill(toPick, 0, np, null);
            }
        }
        kickIdle();
    }

    private Vcpu[] scratchVcpus(int n) {
        if (depth >= haltedScratch.length) {
            haltedScratch = java.util.Arrays.copyOf(haltedScratch, 2 * haltedScratch.length);
            pickScratch = java.util.Arrays.copyOf(pickScratch, 2 * pickScratch.length);
        }
        Vcpu[] a = haltedScratch[depth];
        if (a == null || a.length < n) {
            a = new Vcpu[Math.max(n, 4)];
            haltedScratch[depth] = a;
        }
        return a;
    }

    private Pcpu[] scratchPcpus(int n) {
        Pcpu[] a = pickScratch[depth];
        if (a == null || a.length < n) {
            a = new Pcpu[Math.max(n, 4)];
            pickScratch[depth] = a;
        }
        return a;
    }

    /** Brings {@link #idle} up to date for {@code p} after its current or switch target changed. */
    private void idleChanged(Pcpu p) {
        idle.set(p.index, p.idle());
    }

    /** Halts a vCPU; returns the pCPU it freed, which the caller must let pick, or null. */
    private Pcpu halt(Vcpu v) {
        switch (v.state) {
            case WAITING -> {
                dequeue(v);
                v.to(State.HALTED);
                return null;
            }
            case SWITCHING -> {
                // The pCPU finishes the switch, then picks again; the vCPU no longer belongs to it.
                v.to(State.HALTED);
                v.pcpu = null;
                return null;
            }
            case RUNNING -> {
                Pcpu p = v.pcpu;
                stopRunning(p, v);
                v.to(State.HALTED);
                return p;
            }
            default -> throw new IllegalStateException("halting " + v);
        }
    }

    /** Hook: a vCPU halted (its guest ran out of work for it). */
    protected void halted(Vcpu v) {
    }

    /** Marks a vCPU freshly queued (for FIFO order). */
    protected final long nextSequence() {
        return ++enqueueSequence;
    }

    /**
     * Whether some vCPU waits in a run queue (a pCPU could pick it). Schedulers that can tell cheaply
     * override it, so that kicking idle pCPUs costs nothing when there is nothing to pick.
     */
    protected boolean hasWaiting() {
        return true;
    }

    /** Whether some pCPU is idle (neither running a vCPU nor switching to one). */
    protected final boolean anyIdle() {
        return idle.next(0) >= 0;
    }

    /** Every idle pCPU looks for work, until nothing waits. */
    protected final void kickIdle() {
        if (!hasWaiting()) {
            return;
        }
        // In index order, as a scan of every pCPU would visit the idle ones (a pick may change others).
        for (int i = idle.next(0); i >= 0; i = idle.next(i + 1)) {
            reschedule(pcpus[i]);
            if (!hasWaiting()) {
                return;
            }
        }
    }

    /** An idle pCPU picks its next vCPU; a busy one is left alone. */
    protected final void reschedule(Pcpu p) {
        if (!p.idle()) {
            return;
        }
        Vcpu next = pick(p);
        if (next == null) {
            cancelTimer(p);
            return;
        }
        dispatch(p, next);
    }

    private void dispatch(Pcpu p, Vcpu v) {
        if (v.state != State.WAITING) {
            throw new IllegalStateException("dispatching " + v);
        }
        busyPcpus.add(sim.now(), 1);
        if (switchCost > 0 && p.lastDomain != v.domain) {
            v.to(State.SWITCHING);
            v.pcpu = p;
            p.switchTarget = v;
            idleChanged(p);
            switching.add(sim.now(), 1);
            // the pCPU's one switch-end event, moved: no event object per switch
            p.switchEvent = sim.rescheduleAt(p.switchEvent, sim.now() + switchCost, p.switchEnd);
        } else {
            startRunning(p, v);
        }
    }

    private void switchDone(Pcpu p) {
        switching.add(sim.now(), -1);
        Vcpu v = p.switchTarget;
        p.switchTarget = null;
        idleChanged(p);
        p.lastDomain = v.domain;
        // The vCPU may have halted during the switch, and even woken and been taken by another pCPU.
        if (v.state == State.SWITCHING && v.pcpu == p) {
            if (mayStart(v)) {
                startRunning(p, v);
                return;
            }
            v.to(State.WAITING); // parked meanwhile (limit, co-stop): it stays out of the queues
            v.pcpu = null;
        }
        busyPcpus.add(sim.now(), -1);
        reschedule(p);
    }

    /** Hook: whether a vCPU whose switch just ended may run (false if parked meanwhile). */
    protected boolean mayStart(Vcpu v) {
        return true;
    }

    private void startRunning(Pcpu p, Vcpu v) {
        v.to(State.RUNNING);
        v.pcpu = p;
        v.last = p;
        v.accountedUntil = sim.now();
        p.current = v;
        idleChanged(p);
        p.lastDomain = v.domain;
        Domain d = v.domain;
        d.running++;
        grant(d);
        onStart(p, v);
    }

    private void stopRunning(Pcpu p, Vcpu v) {
        account(v);
        busyPcpus.add(sim.now(), -1);
        p.current = null;
        idleChanged(p);
        v.pcpu = null;
        cancelTimer(p);
        Domain d = v.domain;
        d.running--;
        grant(d);
    }

    /**
     * Tells the guest how many of its vCPUs run. While its demand drops by several vCPUs at once the
     * count passes through values above the new demand; the guest only ever sees at most its demand.
     */
    private static void grant(Domain d) {
        d.guest().grant(Math.min(d.running, d.guest().demand()), 1.0);
    }

    /** Brings a running vCPU's consumed time (and the policy's view of it) up to now. */
    protected final void account(Vcpu v) {
        if (v.state != State.RUNNING) {
            return;
        }
        beforeAccount(v);
        accountUntil(v, sim.now());
    }

    /**
     * Accounts a running vCPU's time up to {@code t} (now, or an instant a skipped timer would have
     * accounted at: the same sums in the same order, so the same floating-point figures).
     */
    protected final void accountUntil(Vcpu v, double t) {
        double ran = t - v.accountedUntil;
        v.accountedUntil = t;
        if (ran > 0) {
            v.consumed += ran;
            onRun(v, ran);
        }
    }

    /** Seconds {@code v} has been running since it was last dispatched or accounted. */
    protected final double runningFor(Vcpu v) {
        if (v.state != State.RUNNING) {
            return 0;
        }
        beforeAccount(v);
        return sim.now() - v.accountedUntil;
    }

    /**
     * Takes the vCPU off {@code p}, queues it again, and lets {@code p} pick. A pCPU in the middle of a
     * world switch can be preempted too: the vCPU it was switching to goes back to the queue and the
     * switch, already paid for, ends on the vCPU picked instead.
     */
    protected final void preempt(Pcpu p) {
        Vcpu v = p.current;
        if (v == null) {
            Vcpu target = p.occupant();
            if (target == null) {
                return; // nothing to preempt: it picks when its switch ends
            }
            target.to(State.WAITING);
            target.pcpu = null;
            target.enqueued = nextSequence();
            requeue(target);
            Vcpu next = pick(p);
            if (next != null && next.state == State.WAITING) {
                next.to(State.SWITCHING);
                next.pcpu = p;
                p.switchTarget = next;
                idleChanged(p);
            }
            return;
        }
        stopRunning(p, v);
        v.to(State.WAITING);
        v.enqueued = nextSequence();
        requeue(v);
        reschedule(p);
    }

    /** Seconds since {@code p}'s vCPU started running, or 0 while it switches or idles. */
    protected final double occupiedFor(Pcpu p) {
        return p.current != null ? runningFor(p.current) : 0;
    }

    /**
     * Takes the running vCPU off {@code p} without queueing it (parked by a cap or limit, or
     * co-stopped); it stays WAITING outside any queue until {@link #unpark} is called.
     */
    protected final void park(Pcpu p) {
        Vcpu v = p.current;
        stopRunning(p, v);
        v.to(State.WAITING);
        reschedule(p);
    }

    /** Puts a parked vCPU back into the run queues. */
    protected final void unpark(Vcpu v) {
        if (v.state == State.WAITING) {
            v.enqueued = nextSequence();
            enqueue(v);
        }
    }

    protected final void setTimer(Pcpu p, double at) {
        p.timer = sim.rescheduleAt(p.timerEvent, Math.max(at, sim.now()), p.timerAction);
        p.timerEvent = p.timer;
    }

    protected final void cancelTimer(Pcpu p) {
        if (p.timer != null) {
            sim.cancel(p.timer);
            p.timer = null;
        }
    }

    protected final int pcpuCount() {
        return pcpus.length;
    }
}
