package org.hvsim.model.hypervisor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import org.hvsim.core.engine.Simulation;

import nl.tudelft.simulation.dsol.formalisms.eventscheduling.SimEventInterface;

/**
 * Xen's credit scheduler as sched_credit.c of Xen 3.x has it (R6), with exact debits:
 * <ul>
 *   <li>each domain has a weight (default 256) and an optional cap (in % of one pCPU; here the VM's
 *       limit in pCPUs);</li>
 *   <li>every accounting period (30 ms), {@code csched_acct}: the host's credit for the period is shared
 *       among the active domains in proportion to their weights, summed once per domain (Xen 3.x) or once
 *       per active vCPU (Xen 4.1 and later, a setting); a domain's share is held to its peak, one pCPU per
 *       active vCPU (or its cap), and what it cannot use goes to the domains after it (credit_peak,
 *       weight_left, with Xen's lazy reordering of the list); a negative system-wide balance raises the
 *       next period's total; each active vCPU gets its domain's share split evenly;</li>
 *   <li>priorities are recomputed at accounting: credit &ge; 0 is UNDER, below 0 OVER; credit is bounded
 *       below by minus one slice, and a vCPU above one slice is taken off the active list with its
 *       credit reset to 0 (it stops earning until it runs again, and its priority is next set by the
 *       accounting after that);</li>
 *   <li>a vCPU that wakes while UNDER is BOOSTed; BOOST ends at the first 10 ms tick that finds it
 *       running, when it is preempted, or at accounting;</li>
 *   <li>a waking vCPU tickles only its own pCPU, preempting it if its priority is strictly higher
 *       (idle pCPUs pick it up themselves);</li>
 *   <li>a running vCPU yields at the end of its 30 ms slice to a queued vCPU of equal or higher priority;
 *       a pCPU whose best local choice is OVER or nothing steals a better vCPU from another pCPU's queue,
 *       so no pCPU idles while a vCPU waits;</li>
 *   <li>an optional rate limit (later Xen versions: 1 ms) protects a vCPU from preemption for that
 *       long after it starts.</li>
 * </ul>
 * Deviations, on purpose (docs/schedulers.md gives the figures):
 * <ul>
 *   <li>Xen 3.x debits a whole tick from whichever vCPU a tick finds running (sampling); this model
 *       debits the exact time run, as later Xen versions do;</li>
 *   <li>a running vCPU that was credited at the last accounting turns OVER the instant its credit
 *       crosses zero and then yields to a waiting UNDER or BOOST vCPU; Xen 3.x waits for the next
 *       accounting or slice end. Without this the 30 ms grain of non-preemptive slices lets some
 *       vCPUs bank credit past the upper bound and lose it: a 4-vCPU domain beside two 1-vCPU domains
 *       of equal weight on 2 pCPUs then gets 0.40 of the host instead of the third its credit says;</li>
 *   <li>a capped vCPU is parked the instant its credit is spent (Xen parks it at the next accounting),
 *       so that a cap holds within one slice of banked credit.</li>
 * </ul>
 * Only BOOSTed, capped and credited UNDER vCPUs need a decision event between slices; nothing ticks.
 * A slice end is an event only while some vCPU waits: with every run queue empty it would only account
 * the running vCPU and arm the next slice end, so the pCPU keeps the instant of its next slice end
 * instead, and the time it would have accounted is accounted, in the same pieces, when the vCPU is next
 * accounted ({@link #beforeAccount}); the moment a vCPU is left waiting, the pending slice ends become
 * events ({@link #settled}). The same for the decisions that, while nothing waits, can only account the
 * vCPU and change its priority (an uncapped vCPU's credit crossing, an uncredited one's BOOST end): each
 * keeps its instant and a reserved place among simultaneous events, is applied as it would have run when
 * its vCPU is next accounted or its priority read, and becomes the event in its reserved place when a
 * change ends with a vCPU waiting (docs/schedulers.md, "Decisions that are not events").
 */
public final class XenCreditScheduler extends VcpuScheduler {

    public static final String NAME = "xen-credit";

    /** BOOST a waking UNDER vCPU: on, as in Xen (R6). */
    public static final Tunable WAKE_BOOST = Tunable.flag("boost", true,
            "R6: a waking UNDER vCPU gets BOOST in Xen's credit scheduler", "BOOST waking vCPUs", "false");
    /** Least run time before preemption: none in Xen 3.x (R6). */
    public static final Tunable RATE_LIMIT = Tunable.duration("rate_limit", 0.0, 0, 1,
            "R6: Xen 3.x has none; later versions 1 ms", "least run time before a vCPU may be preempted", "1 ms");
    /** Weights summed per domain (Xen 3.0-4.0, the default) or per active vCPU (Xen 4.1+). */
    public static final Tunable WEIGHTING = Tunable.choice("weighting", List.of("per-domain", "per-vcpu"), "per-domain",
            "R6: Xen 3.0-4.0 csched_acct sums weights once per active domain; per-vCPU weighting arrived in Xen 4.1",
            "whether a domain's weight counts once or once per active vCPU", "per-vcpu");

    /** R6: default weight. */
    public static final int DEFAULT_WEIGHT = 256;
    /** R6: tick. */
    public static final double TICK = 0.010;
    /** R6: slice. */
    public static final double SLICE = 0.030;
    /** R6: accounting period. */
    public static final double ACCOUNTING_PERIOD = 0.030;
    /** Credit below this counts as spent: floating-point residue of exact debits. */
    private static final double EPSILON = 1e-12;

    static final int BOOST = 0;
    static final int UNDER = 1;
    static final int OVER = 2;

    /** How weights are summed in csched_acct. */
    public enum Weighting {
        /** Xen 3.0 to 4.0: once per active domain, whatever its number of vCPUs. */
        PER_DOMAIN,
        /** Xen 4.1 and later ("Make weight per-vcpu"): once per active vCPU. */
        PER_VCPU;

        /** As scenario files write it: "per-domain" or "per-vcpu". */
        public String key() {
            return this == PER_VCPU ? "per-vcpu" : "per-domain";
        }

        /** The weighting a file names. */
        public static Weighting of(String key) {
            return "per-vcpu".equals(key) ? PER_VCPU : PER_DOMAIN;
        }
    }

    private final boolean boost;
    private final double rateLimit;
    private final Weighting weighting;
    /** vCPUs in all run queues together. */
    private int queued;
    /** Active domains in csched_acct's list order (domains whose share was held to their peak move up). */
    private final List<Domain> activeOrder = new ArrayList<>();
    /** Sum of the active vCPUs' credit after the last accounting (csched_priv.credit_balance). */
    private double creditBalance;

    /** Per pCPU, one FIFO per priority. */
    private static final class RunQueue {
        @SuppressWarnings("unchecked")
        final ArrayDeque<XenVcpu>[] byPriority = new ArrayDeque[] {new ArrayDeque<>(), new ArrayDeque<>(),
                new ArrayDeque<>()};

        XenVcpu peek() {
            for (ArrayDeque<XenVcpu> q : byPriority) {
                if (!q.isEmpty()) {
                    return q.peekFirst();
                }
            }
            return null;
        }
    }

    /** A vCPU's credit state. */
    private static final class XenVcpu extends Vcpu {
        double credit;
        int priority = UNDER;
        /** On its domain's active list (it earns credit); csched_vcpu_init puts every new vCPU there. */
        boolean active = true;
        /** It was given credit at the last accounting. */
        boolean credited;
        /** The pCPU whose run queue it waits in, or null. */
        Pcpu queuedOn;

        XenVcpu(Domain domain, int index) {
            super(domain, index);
        }
    }

    private static final class XenDomain extends Domain {
        double weight;

        XenDomain(CpuClient client, int index) {
            super(client, index);
        }
    }

    /**
     * Per priority, bit {@code i} set while pCPU {@code i}'s queue of that priority is not empty: a pCPU
     * finds the best peer queue to steal from without a scan of every pCPU.
     */
    private final PcpuSet[] nonEmpty = new PcpuSet[3];

    /** Run queues and pending decision events, by pCPU index. */
    private final RunQueue[] runQueues;
    private final SimEventInterface<Double>[] decisions;
    /** Each pCPU's decision event, moved rather than cancelled and made anew. */
    private final SimEventInterface<Double>[] decisionEvents;
    /** The decision event's action, one object per pCPU: no allocation per dispatch. */
    private final nl.tudelft.simulation.dsol.formalisms.eventscheduling.Executable[] decide;

    public XenCreditScheduler(Simulation sim, int pcpus, double switchCost, boolean boost, double rateLimit) {
        this(sim, pcpus, switchCost, boost, rateLimit, Weighting.PER_DOMAIN);
    }

    /**
     * pCPUs whose running vCPU's slice end is not an event (nothing waits): its instant is in
     * {@link #sliceEnd}.
     */
    private final PcpuSet sliceEndPending;
    /** By pCPU, while in {@link #sliceEndPending}: the instant of the next slice end. */
    private final double[] sliceEnd;

    /** Every slice end an event (the straightforward version, kept to test the lazy one against). */
    private final boolean eagerSliceEnds;

    public XenCreditScheduler(Simulation sim, int pcpus, double switchCost, boolean boost, double rateLimit,
            Weighting weighting) {
        this(sim, pcpus, switchCost, boost, rateLimit, weighting, false);
    }

    XenCreditScheduler(Simulation sim, int pcpus, double switchCost, boolean boost, double rateLimit,
            Weighting weighting, boolean eagerSliceEnds) {
        this(sim, pcpus, switchCost, boost, rateLimit, weighting, eagerSliceEnds, false);
    }

    XenCreditScheduler(Simulation sim, int pcpus, double switchCost, boolean boost, double rateLimit,
            Weighting weighting, boolean eagerSliceEnds, boolean eagerDecisions) {
        super(NAME, sim, pcpus, switchCost);
        this.eagerSliceEnds = eagerSliceEnds;
        this.sliceEndPending = new PcpuSet(pcpus);
        this.sliceEnd = new double[pcpus];
        this.boost = boost;
        this.rateLimit = rateLimit;
        this.weighting = weighting;
        for (int prio = 0; prio < nonEmpty.length; prio++) {
            nonEmpty[prio] = new PcpuSet(pcpus);
        }
        this.runQueues = new RunQueue[pcpus];
        for (int i = 0; i < pcpus; i++) {
            runQueues[i] = new RunQueue();
        }
        @SuppressWarnings("unchecked")
        SimEventInterface<Double>[] events = new SimEventInterface[pcpus];
        this.decisions = events;
        this.decisionEvents = events.clone();
        this.decide = new nl.tudelft.simulation.dsol.formalisms.eventscheduling.Executable[pcpus];
        for (Pcpu p : this.pcpus) {
            decide[p.index] = () -> {
                decide(p);
                afterChange();
            };
        }
        this.eagerDecisions = eagerDecisions;
        this.decisionPending = new PcpuSet(pcpus);
        this.decisionAt = new double[pcpus];
        this.decisionSequence = new long[pcpus];
    }

    /**
     * pCPUs whose decision event is deferred (no change has ended with a vCPU waiting since it was armed):
     * its instant is in {@link #decisionAt}, its place among simultaneous events, reserved when it was
     * armed, in {@link #decisionSequence}.
     */
    private final PcpuSet decisionPending;
    private final double[] decisionAt;
    private final long[] decisionSequence;
    /** Every decision an event (the straightforward version, kept to test the deferred one against). */
    private final boolean eagerDecisions;
    /**
     * Deferred decisions that, applied late, armed another one (a case the deferral rules leave out and
     * floating point should never produce): that one's place among simultaneous events is not the exact
     * one. Tests check it stays 0.
     */
    static final java.util.concurrent.atomic.AtomicLong inexactDecisions = new java.util.concurrent.atomic.AtomicLong();

    /** The accounting event's action, one object. */
    private final nl.tudelft.simulation.dsol.formalisms.eventscheduling.Executable accountingAction = () -> {
        accounting();
        if (checkingBooks) {
            checkBooks();
        }
    };

    private RunQueue rq(Pcpu p) {
        return runQueues[p.index];
    }

    /** Brings {@link #nonEmpty} up to date for {@code p}'s queue of {@code priority}. */
    private void queueChanged(Pcpu p, int priority) {
        nonEmpty[priority].set(p.index, !rq(p).byPriority[priority].isEmpty());
    }

    /** The lowest-index pCPU other than {@code p} whose queue of {@code priority} is not empty, or -1. */
    private int firstNonEmptyExcept(int priority, Pcpu p) {
        return nonEmpty[priority].firstExcept(p.index);
    }

    private static XenVcpu x(Vcpu v) {
        return (XenVcpu) v;
    }

    @Override
    protected Domain newDomain(CpuClient client, int index) {
        return new XenDomain(client, index);
    }

    @Override
    protected Vcpu newVcpu(Domain domain, int index) {
        return new XenVcpu(domain, index);
    }

    @Override
    protected void configure(Domain d) {
        ((XenDomain) d).weight = d.client.controls().weightOr(DEFAULT_WEIGHT);
        activeOrder.add(d);
    }

    @Override
    protected void started() {
        sim.schedule(ACCOUNTING_PERIOD, accountingAction);
    }

    private static boolean capped(Domain d) {
        return d.client.controls().hasLimit();
    }

    /** A capped vCPU whose credit is spent may not run until accounting gives it more. */
    private static boolean capSpent(XenVcpu v) {
        return capped(v.domain) && v.credit <= EPSILON;
    }

    // ------------------------------------------------------------------------------- queues

    @Override
    protected void enqueue(Vcpu vcpu) {
        XenVcpu v = x(vcpu);
        if (capSpent(v)) {
            return; // parked until the next accounting
        }
        // Before it first runs, a vCPU's pCPU is spread by domain and vCPU index (csched_cpu_pick places
        // the vCPUs of an SMP domain on different pCPUs).
        Pcpu home = v.last != null ? v.last : pcpus[(v.domain.index + v.index) % pcpus.length];
        rq(home).byPriority[v.priority].addLast(v);
        queueChanged(home, v.priority);
        v.queuedOn = home;
        queued++;
    }

    @Override
    protected void dequeue(Vcpu vcpu) {
        XenVcpu v = x(vcpu);
        if (v.queuedOn != null && rq(v.queuedOn).byPriority[v.priority].remove(v)) {
            queueChanged(v.queuedOn, v.priority);
            queued--;
        }
        v.queuedOn = null;
    }

    @Override
    protected boolean hasWaiting() {
        return queued > 0;
    }

    @Override
    protected Vcpu pick(Pcpu p) {
        if (queued == 0) {
            return null;
        }
        XenVcpu best = bestWaitingFor(p);
        if (best == null) {
            return null;
        }
        rq(best.queuedOn).byPriority[best.priority].pollFirst();
        queueChanged(best.queuedOn, best.priority);
        best.queuedOn = null;
        queued--;
        return best;
    }

    /**
     * What {@link #pick} would choose for {@code p}, without taking it: the head of its own queue, or,
     * when that is OVER or nothing, a better head of a peer's queue (csched_load_balance).
     */
    private XenVcpu bestWaitingFor(Pcpu p) {
        XenVcpu best = rq(p).peek();
        if (best == null || best.priority == OVER) {
            // What a scan of the peers in index order finds: the first whose head has the best priority
            // of all peers' heads (a queue's head is its best non-empty priority class), if better.
            int worst = best == null ? OVER : OVER - 1;
            for (int prio = BOOST; prio <= worst; prio++) {
                int q = firstNonEmptyExcept(prio, p);
                if (q >= 0) {
                    return rq(pcpus[q]).byPriority[prio].peekFirst();
                }
            }
        }
        return best;
    }

    @Override
    protected void woke(Vcpu vcpu) {
        XenVcpu v = x(vcpu);
        if (boost && v.priority == UNDER && !capSpent(v)) {
            v.priority = BOOST;
        }
        enqueue(v);
        tickle(v);
    }

    @Override
    protected void requeue(Vcpu vcpu) {
        XenVcpu v = x(vcpu);
        if (v.priority == BOOST) {
            v.priority = UNDER;
        }
        enqueue(v);
    }

    /**
     * __runq_tickle of Xen 3.x: a queued vCPU preempts its own pCPU if its priority is strictly higher
     * than what that pCPU runs (or is switching to). Idle pCPUs are kicked by the caller and steal it.
     */
    private void tickle(XenVcpu v) {
        if (v.state() != State.WAITING || v.queuedOn == null) {
            return; // parked, or already taken
        }
        Pcpu home = v.queuedOn;
        if (decisionPending.get(home.index)) {
            catchUpDecision(home); // its priority is read now
        }
        Vcpu cur = home.occupant();
        if (cur != null && v.priority < x(cur).priority) {
            preemptRespectingRateLimit(home);
        }
    }

    private void preemptRespectingRateLimit(Pcpu p) {
        double ran = occupiedFor(p);
        if (rateLimit > 0 && p.current() != null && ran < rateLimit) {
            sliceEndPending.set(p.index, false); // the deferred preemption replaces the slice end
            setTimer(p, sim.now() + rateLimit - ran);
        } else {
            preempt(p);
        }
    }

    @Override
    protected boolean mayStart(Vcpu v) {
        return !capSpent(x(v));
    }

    // ------------------------------------------------------------------------------- running

    @Override
    protected void onStart(Pcpu p, Vcpu v) {
        armSliceEnd(p, sim.now() + SLICE);
        armDecision(p, x(v));
    }

    /** The running vCPU's slice ends at {@code at}: an event if some vCPU waits, else just the instant. */
    private void armSliceEnd(Pcpu p, double at) {
        if (queued > 0 || eagerSliceEnds) {
            sliceEndPending.set(p.index, false);
            setTimer(p, at);
        } else {
            cancelTimer(p);
            sliceEnd[p.index] = at;
            sliceEndPending.set(p.index, true);
        }
    }

    /**
     * Applies the slice ends of {@code p} that passed without an event, up to now: each one accounted its
     * vCPU and armed the next, one slice later (what {@link #onTimer} does when nothing waits). Leaves the
     * next slice end, after now, in {@link #sliceEnd}. A slice end at this very instant counts as run
     * before the current event, as its timer would have been when it was armed before that event was
     * scheduled (the usual tie: a vCPU dispatched by an accounting has its slice end on the next one).
     */
    private void catchUpSliceEnds(Pcpu p, Vcpu v) {
        catchUpSliceEnds(p, v, sim.now());
    }

    /** As {@link #catchUpSliceEnds(Pcpu, Vcpu)} up to {@code now} (a deferred decision's instant). */
    private void catchUpSliceEnds(Pcpu p, Vcpu v, double now) {
        double at = sliceEnd[p.index];
        while (at <= now) {
            accountUntil(v, at);
            at = at + SLICE;
        }
        sliceEnd[p.index] = at;
    }

    @Override
    protected void beforeAccount(Vcpu v) {
        Pcpu p = v.pcpu();
        if (p != null && p.current() == v) {
            if (decisionPending.get(p.index)) {
                catchUpDecision(p);
            }
            if (sliceEndPending.get(p.index)) {
                catchUpSliceEnds(p, v);
            }
        }
    }

    /** Some vCPU waits: every running vCPU's next slice end becomes an event (it may now preempt). */
    @Override
    protected void settled() {
        if (queued == 0) {
            return;
        }
        if (decisionPending.next(0) >= 0) {
            materializeDecisions();
        }
        for (int i = sliceEndPending.next(0); i >= 0; i = sliceEndPending.next(i + 1)) {
            sliceEndPending.set(i, false);
            Pcpu p = pcpus[i];
            Vcpu v = p.current();
            if (v != null) {
                catchUpSliceEnds(p, v);
                setTimer(p, sliceEnd[i]);
            }
        }
    }

    /**
     * The next instant a running vCPU's state can change without a scheduling event: the tick that ends
     * its BOOST, or the moment a capped vCPU spends its credit. Nothing else needs a tick.
     */
    private void armDecision(Pcpu p, XenVcpu v) {
        armDecision(p, v, sim.now());
    }

    /**
     * As {@link #armDecision(Pcpu, XenVcpu)} at {@code now} (a deferred decision's instant when it is
     * applied late). The decision is deferred rather than an event when, applied while nothing waits, it
     * can only account the vCPU and change its priority: an uncapped vCPU's credit crossing zero (it turns
     * OVER; then nothing more is armed), or the tick that ends an uncredited vCPU's BOOST (then nothing
     * more either). Its place among simultaneous events is reserved now, as the event's sequence would
     * be, so the counter of sequence numbers moves exactly as with the event; if the change in progress
     * ends with a vCPU waiting, it becomes the event at once ({@link #settled}).
     */
    private void armDecision(Pcpu p, XenVcpu v, double now) {
        double at = Double.POSITIVE_INFINITY;
        if (v.priority == BOOST) {
            at = (Math.floor(now / TICK + 1e-9) + 1) * TICK;
        }
        if (capped(v.domain)) {
            at = Math.min(at, now + Math.max(0, v.credit));
        } else if (v.priority == UNDER && v.credited) {
            at = Math.min(at, now + Math.max(0, v.credit) + 1e-9); // just past the crossing: credit 0 is UNDER
        }
        int i = p.index;
        if (at == Double.POSITIVE_INFINITY) {
            decisionPending.set(i, false);
            if (decisions[i] != null) {
                sim.cancel(decisions[i]);
                decisions[i] = null;
            }
        } else if (!eagerDecisions && !capped(v.domain) && !(v.priority == BOOST && v.credited)) {
            if (decisions[i] != null) {
                sim.cancel(decisions[i]); // as a move takes it out: the reserved number replaces its place
                decisions[i] = null;
            }
            if (applyingLate) {
                inexactDecisions.incrementAndGet(); // armed by a decision applied late: its place is now, not then
            }
            decisionAt[i] = at;
            decisionSequence[i] = sim.reserveSequence();
            decisionPending.set(i, true);
        } else {
            decisionPending.set(i, false);
            decisions[i] = sim.rescheduleAt(decisionEvents[i], at, decide[i]);
            decisionEvents[i] = decisions[i];
        }
    }

    /** Whether {@code p}'s deferred decision would have run by now, before the event running now. */
    private boolean decisionDue(int i) {
        double at = decisionAt[i];
        double now = sim.now();
        return at < now || at == now && decisionSequence[i] < sim.runningSequence();
    }

    /**
     * Applies {@code p}'s deferred decision if it would have run by now: what {@link #decide} does at its
     * instant while nothing waits (account the vCPU up to then, end its BOOST at a tick, turn it OVER past
     * its credit; nothing to preempt for, and it is uncapped).
     */
    private void catchUpDecision(Pcpu p) {
        int i = p.index;
        while (decisionPending.get(i) && decisionDue(i)) {
            decisionPending.set(i, false);
            double t = decisionAt[i];
            XenVcpu v = x(p.current());
            if (v == null) {
                continue; // its vCPU stopped and the pCPU idles or switches: the event would do nothing
            }
            if (sliceEndPending.get(i)) {
                catchUpSliceEnds(p, v, t);
            }
            accountUntil(v, t);
            double ticks = t / TICK;
            if (v.priority == BOOST && Math.abs(ticks - Math.rint(ticks)) < 1e-6) {
                v.priority = UNDER;
            }
            if (v.priority == UNDER && v.credited && v.credit < -EPSILON) {
                v.priority = OVER;
            }
            applyingLate = true;
            try {
                armDecision(p, v, t);
            } finally {
                applyingLate = false;
            }
        }
    }

    /** While {@link #catchUpDecision} arms what a late decision arms. */
    private boolean applyingLate;

    @Override
    void checkPolicyBooks() {
        int n = 0;
        for (Pcpu p : pcpus) {
            RunQueue q = rq(p);
            for (int prio = 0; prio < q.byPriority.length; prio++) {
                require(nonEmpty[prio].get(p.index) == !q.byPriority[prio].isEmpty(),
                        "pCPU " + p.index + " non-empty bit of priority " + prio);
                for (XenVcpu v : q.byPriority[prio]) {
                    require(v.queuedOn == p && v.priority == prio && v.state() == State.WAITING,
                            v + " misplaced in pCPU " + p.index + "'s queue " + prio);
                    n++;
                }
            }
            require(!(decisionPending.get(p.index) && decisions[p.index] != null),
                    "pCPU " + p.index + " has a deferred and a scheduled decision");
            require(!decisionPending.get(p.index) || queued == 0,
                    "pCPU " + p.index + " defers a decision while a vCPU waits");
        }
        require(n == queued, queued + " vCPUs counted queued, " + n + " are");
    }

    /**
     * A change ends with a vCPU waiting in a run queue, so a decision could now preempt (or, run as an
     * event, make its pCPU's slice ends events): every deferred decision becomes the event it would have
     * been, in its reserved place (or, if it would have run already, is applied as it would have run; a
     * deferred one is still pending only if every change since it was armed ended with nothing waiting).
     * Within a change a vCPU may wait and be taken again: no decision runs meanwhile, and the priority
     * a wake-up's tickle reads is brought up to date first.
     */
    private void materializeDecisions() {
        for (int i = decisionPending.next(0); i >= 0; i = decisionPending.next(i + 1)) {
            catchUpDecision(pcpus[i]);
            if (decisionPending.get(i)) {
                decisionPending.set(i, false);
                decisions[i] = sim.rescheduleAt(decisionEvents[i], decisionAt[i], decide[i], decisionSequence[i]);
                decisionEvents[i] = decisions[i];
            }
        }
    }

    private void decide(Pcpu p) {
        decisions[p.index] = null;
        XenVcpu v = x(p.current());
        if (v == null) {
            return;
        }
        account(v);
        double ticks = sim.now() / TICK;
        if (v.priority == BOOST && Math.abs(ticks - Math.rint(ticks)) < 1e-6) {
            v.priority = UNDER; // the first tick that finds a BOOSTed vCPU running ends its BOOST
        }
        if (capSpent(v)) {
            park(p);
            return;
        }
        if (v.priority == UNDER && v.credited && v.credit < -EPSILON) {
            v.priority = OVER;
            XenVcpu w = bestWaitingFor(p);
            if (w != null && w.priority < OVER) {
                preempt(p);
                return;
            }
        }
        armDecision(p, v);
    }

    @Override
    protected void onRun(Vcpu vcpu, double ran) {
        XenVcpu v = x(vcpu);
        v.credit -= ran;
        v.active = true; // a vCPU that runs goes back on the active list (csched_vcpu_acct)
    }

    /** Slice end (or a deferred preemption after the rate limit). */
    @Override
    protected void onTimer(Pcpu p) {
        XenVcpu v = x(p.current());
        if (v == null) {
            return;
        }
        account(v);
        XenVcpu waiting = bestWaitingFor(p);
        if (waiting != null && waiting.priority <= v.priority) {
            preempt(p);
        } else {
            armSliceEnd(p, sim.now() + SLICE);
        }
    }

    // ------------------------------------------------------------------------------- accounting

    private int activeVcpus(Domain d) {
        int n = 0;
        for (Vcpu v : d.vcpus) {
            if (x(v).active) {
                n++;
            }
        }
        return n;
    }

    private double weightOf(Domain d, int active) {
        double weight = ((XenDomain) d).weight;
        return weighting == Weighting.PER_DOMAIN ? weight : weight * active;
    }

    /** csched_acct: share the period's credit, recompute priorities, park and unpark capped vCPUs. */
    private void accounting() {
        double period = ACCOUNTING_PERIOD;
        for (Domain d : domains) {
            for (Vcpu v : d.vcpus) {
                account(v);
            }
        }
        double weightTotal = 0;
        for (Domain d : activeOrder) {
            int active = activeVcpus(d);
            if (active > 0) {
                weightTotal += weightOf(d, active);
            }
        }
        double creditTotal = pcpus.length * period;
        if (creditBalance < 0) {
            creditTotal -= creditBalance; // converge a negative balance towards 0
        }
        double weightLeft = weightTotal;
        double balance = 0;
        boolean extra = false;
        List<Domain> order = List.copyOf(activeOrder);
        for (Domain d : order) {
            int active = activeVcpus(d);
            if (active == 0 || weightTotal == 0) {
                continue;
            }
            double w = weightOf(d, active);
            weightLeft -= w;
            double peak = active * period;
            if (creditBalance < 0) {
                peak += -creditBalance * w / weightTotal;
            }
            if (capped(d)) {
                peak = Math.min(peak, d.client.controls().limit() * period);
            }
            double fair = creditTotal * w / weightTotal;
            if (fair < peak) {
                extra = true;
            } else {
                if (weightLeft > 1e-12) {
                    creditTotal += (fair - peak) * weightTotal / weightLeft; // the others share what it cannot use
                }
                if (extra) {
                    activeOrder.remove(d); // lazily keep domains with spare credit at the head of the list
                    activeOrder.add(0, d);
                }
                fair = peak;
            }
            double perVcpu = fair / active;
            for (Vcpu vcpu : d.vcpus) {
                XenVcpu v = x(vcpu);
                v.credited = v.active;
                if (!v.active) {
                    continue;
                }
                v.credit += perVcpu;
                // Accounting sets every active vCPU's priority from its credit, ending any BOOST.
                if (v.credit < -EPSILON) {
                    v.credit = Math.max(v.credit, -SLICE);
                    setPriority(v, OVER);
                } else {
                    setPriority(v, UNDER);
                    if (v.credit > SLICE + EPSILON) {
                        v.active = false; // it stops earning until it runs again
                        v.credited = false;
                        v.credit = 0;
                    }
                }
                balance += v.credit;
            }
        }
        creditBalance = balance;
        // Capped vCPUs with credit again come back; idle pCPUs pick them up.
        for (Domain d : domains) {
            if (!capped(d)) {
                continue;
            }
            for (Vcpu vcpu : d.vcpus) {
                XenVcpu v = x(vcpu);
                if (v.state() == State.WAITING && v.queuedOn == null && v.pcpu() == null && !capSpent(v)) {
                    unpark(v);
                }
            }
        }
        kickIdle();
        for (Pcpu p : pcpus) {
            XenVcpu v = x(p.current());
            if (v == null) {
                continue;
            }
            XenVcpu waiting = bestWaitingFor(p);
            if (waiting != null && waiting.priority < v.priority) {
                preemptRespectingRateLimit(p); // an OVER vCPU yields to one that accounting made UNDER
            } else {
                armDecision(p, v);
            }
        }
        if (queued > 0 && decisionPending.next(0) >= 0) {
            materializeDecisions();
        }
        sim.schedule(period, accountingAction);
    }

    /** Changes a vCPU's priority, moving it to its new class if it is queued (csched_runq_sort). */
    private void setPriority(XenVcpu v, int priority) {
        if (v.priority == priority) {
            return;
        }
        Pcpu on = v.queuedOn;
        if (on != null) {
            rq(on).byPriority[v.priority].remove(v);
            queueChanged(on, v.priority);
            v.priority = priority;
            rq(on).byPriority[priority].addLast(v);
            queueChanged(on, priority);
        } else {
            v.priority = priority;
        }
    }
}
