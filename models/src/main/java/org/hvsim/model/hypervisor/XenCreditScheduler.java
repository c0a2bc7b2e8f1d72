package org.hvsim.model.hypervisor;

import java.util.ArrayDeque;

import org.hvsim.core.engine.Simulation;

/**
 * Xen's credit scheduler (sched_credit.c, Xen 3.x), with the constants of published-measurements R6:
 * <ul>
 *   <li>each domain has a weight (default 256) and an optional cap (in % of one pCPU; here the VM's
 *       limit in pCPUs);</li>
 *   <li>every accounting period (30 ms) the host's CPU for the period is shared out as credit among
 *       the active domains in proportion to weight × active vCPUs, capped, and split among their active
 *       vCPUs; credit is clipped to ± one slice so that nothing is banked for long;</li>
 *   <li>running vCPUs are debited by the time they run (accounted at least every 10 ms tick);</li>
 *   <li>priorities BOOST &gt; UNDER (credit left) &gt; OVER (credit spent); a vCPU that wakes while
 *       UNDER is BOOSTed and preempts a lower-priority vCPU; BOOST ends at its next tick;</li>
 *   <li>a vCPU runs for a 30 ms slice, then yields to a queued vCPU of equal or higher priority;</li>
 *   <li>per-pCPU run queues; a pCPU whose queue has nothing better than OVER steals a better vCPU from
 *       another pCPU's queue, and an idle pCPU steals anything — so no pCPU idles while a vCPU that may
 *       run waits;</li>
 *   <li>a capped domain whose credit is spent is parked until the next accounting;</li>
 *   <li>an optional rate limit (later Xen versions: 1 ms) protects a vCPU from preemption for that
 *       long after it starts.</li>
 * </ul>
 * Deviation, on purpose: Xen 3.x debits a whole tick from whichever vCPU the tick finds running
 * (sampling); this model debits the exact time run, which later Xen versions also do.
 */
public final class XenCreditScheduler extends VcpuScheduler {

    public static final String NAME = "xen-credit";

    /** R6: default weight. */
    public static final int DEFAULT_WEIGHT = 256;
    /** R6: tick. */
    public static final double TICK = 0.010;
    /** R6: slice. */
    public static final double SLICE = 0.030;
    /** R6: accounting period. */
    public static final double ACCOUNTING_PERIOD = 0.030;

    static final int BOOST = 0;
    static final int UNDER = 1;
    static final int OVER = 2;

    private final boolean boost;
    private final double rateLimit;
    /** vCPUs in all run queues together. */
    private int queued;

    /** Per pCPU, one FIFO per priority. */
    private static final class RunQueue {
        @SuppressWarnings("unchecked")
        final ArrayDeque<Vcpu>[] byPriority = new ArrayDeque[] {new ArrayDeque<>(), new ArrayDeque<>(),
                new ArrayDeque<>()};

        Vcpu peek() {
            for (ArrayDeque<Vcpu> q : byPriority) {
                if (!q.isEmpty()) {
                    return q.peekFirst();
                }
            }
            return null;
        }
    }

    public XenCreditScheduler(Simulation sim, int pcpus, double switchCost, boolean boost, double rateLimit) {
        super(sim, pcpus, switchCost);
        this.boost = boost;
        this.rateLimit = rateLimit;
        for (Pcpu p : this.pcpus) {
            p.queue = new RunQueue();
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    private static RunQueue rq(Pcpu p) {
        return (RunQueue) p.queue;
    }

    @Override
    protected void configure(Domain d) {
        d.weight = d.client.controls().weightOr(DEFAULT_WEIGHT);
        for (Vcpu v : d.vcpus) {
            v.priority = UNDER;
        }
    }

    @Override
    protected void started() {
        sim.schedule(ACCOUNTING_PERIOD, this::accounting);
    }

    private boolean capped(Domain d) {
        return d.client.controls().hasLimit();
    }

    // ------------------------------------------------------------------------------- queues

    @Override
    protected void enqueue(Vcpu v) {
        if (v.domain.parked && capped(v.domain) && v.credit < 0) {
            return; // parked until the next accounting
        }
        Pcpu home = v.last != null ? v.last : pcpus[v.domain.index % pcpus.length];
        rq(home).byPriority[v.priority].addLast(v);
        v.queuedOn = home;
        queued++;
    }

    @Override
    protected void dequeue(Vcpu v) {
        if (v.queuedOn != null && rq(v.queuedOn).byPriority[v.priority].remove(v)) {
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
        Vcpu local = rq(p).peek();
        Vcpu best = local;
        Pcpu from = p;
        // Steal from peers when the local choice is OVER or nothing (csched_load_balance).
        if (best == null || best.priority == OVER) {
            for (Pcpu q : pcpus) {
                if (q == p) {
                    continue;
                }
                Vcpu c = rq(q).peek();
                if (c != null && (best == null || c.priority < best.priority)) {
                    best = c;
                    from = q;
                }
            }
        }
        if (best == null) {
            return null;
        }
        rq(from).byPriority[best.priority].pollFirst();
        best.queuedOn = null;
        queued--;
        return best;
    }

    @Override
    protected void woke(Vcpu v) {
        if (boost && v.priority == UNDER) {
            v.priority = BOOST;
        }
        enqueue(v);
        tickle(v);
    }

    @Override
    protected void requeue(Vcpu v) {
        if (v.priority == BOOST) {
            v.priority = UNDER;
        }
        enqueue(v);
    }

    /** A queued vCPU may preempt a lower-priority running one: first on its own pCPU, else anywhere. */
    private void tickle(Vcpu v) {
        if (v.state() != State.WAITING || v.queuedOn == null) {
            return; // parked, or already taken
        }
        for (Pcpu p : pcpus) {
            if (p.idle()) {
                return; // an idle pCPU will take it
            }
        }
        Pcpu target = null;
        Pcpu home = v.queuedOn;
        if (home.current() != null && home.current().priority > v.priority) {
            target = home;
        } else {
            for (Pcpu p : pcpus) {
                if (p.current() != null && p.current().priority > v.priority
                        && (target == null || p.current().priority > target.current().priority)) {
                    target = p;
                }
            }
        }
        if (target != null) {
            preemptRespectingRateLimit(target);
        }
    }

    private void preemptRespectingRateLimit(Pcpu p) {
        double ran = runningFor(p.current());
        if (rateLimit > 0 && ran < rateLimit) {
            setTimer(p, sim.now() + rateLimit - ran);
        } else {
            preempt(p);
        }
    }

    @Override
    protected boolean mayStart(Vcpu v) {
        return !(capped(v.domain) && v.domain.parked && v.credit < 0);
    }

    // ------------------------------------------------------------------------------- running

    @Override
    protected void onStart(Pcpu p, Vcpu v) {
        setTimer(p, sim.now() + SLICE);
        armTick(p);
    }

    private void armTick(Pcpu p) {
        if (p.tick == null) {
            double next = (Math.floor(sim.now() / TICK + 1e-9) + 1) * TICK;
            p.tick = sim.scheduleAt(next, () -> tick(p));
        }
    }

    private void tick(Pcpu p) {
        p.tick = null;
        Vcpu v = p.current();
        if (v == null) {
            return; // idle pCPUs do not tick
        }
        account(v);
        if (v.priority == BOOST) {
            v.priority = UNDER; // BOOST lasts until the first tick that finds the vCPU running
        }
        updatePriority(v);
        armTick(p);
        if (capped(v.domain) && v.credit < 0) {
            v.domain.parked = true;
            park(p);
            return;
        }
        Vcpu waiting = bestWaitingFor(p);
        if (waiting != null && waiting.priority < v.priority) {
            preemptRespectingRateLimit(p);
        }
    }

    @Override
    protected void onRun(Vcpu v, double ran) {
        v.credit -= ran;
        v.virtualTime += ran;
    }

    /**
     * A vCPU earns credit if it competes now or ran during the period (Xen keeps vCPUs on its active
     * list while they are debited), so a mostly-halted I/O vCPU still earns its share.
     */
    private static boolean isActive(Vcpu v) {
        return v.state() != State.HALTED || v.virtualTime > 0;
    }

    private static int active(Domain d) {
        int n = 0;
        for (Vcpu v : d.vcpus) {
            if (isActive(v)) {
                n++;
            }
        }
        return n;
    }

    private void updatePriority(Vcpu v) {
        if (v.priority != BOOST) {
            v.priority = v.credit > 0 ? UNDER : OVER;
        }
    }

    /** Slice end (or a deferred preemption after the rate limit). */
    @Override
    protected void onTimer(Pcpu p) {
        Vcpu v = p.current();
        if (v == null) {
            return;
        }
        account(v);
        updatePriority(v);
        Vcpu waiting = bestWaitingFor(p);
        if (waiting != null && waiting.priority <= v.priority) {
            preempt(p);
        } else {
            setTimer(p, sim.now() + SLICE);
        }
    }

    /** What {@link #pick} would choose for {@code p}, without taking it. */
    private Vcpu bestWaitingFor(Pcpu p) {
        Vcpu best = rq(p).peek();
        if (best == null || best.priority == OVER) {
            for (Pcpu q : pcpus) {
                Vcpu c = q == p ? null : rq(q).peek();
                if (c != null && (best == null || c.priority < best.priority)) {
                    best = c;
                }
            }
        }
        return best;
    }

    // ------------------------------------------------------------------------------- accounting

    private void accounting() {
        double period = ACCOUNTING_PERIOD;
        double total = pcpus.length * period;
        double weightTotal = 0;
        for (Domain d : domains) {
            for (Vcpu v : d.vcpus) {
                account(v);
            }
            weightTotal += d.weight * active(d);
        }
        for (Domain d : domains) {
            int active = active(d);
            if (active == 0 || weightTotal == 0) {
                continue;
            }
            double fair = total * d.weight * active / weightTotal;
            if (capped(d)) {
                fair = Math.min(fair, d.client.controls().limit() * period);
            }
            double perVcpu = fair / active;
            for (Vcpu v : d.vcpus) {
                if (isActive(v)) {
                    v.credit = Math.max(-SLICE, Math.min(SLICE, v.credit + perVcpu));
                }
            }
        }
        for (Domain d : domains) {
            for (Vcpu v : d.vcpus) {
                v.virtualTime = 0; // CPU received in the period now starting
            }
        }
        // New priorities; a capped domain with spent credit stays parked; the others' queued vCPUs move
        // to their new class and parked ones come back.
        for (Domain d : domains) {
            d.parked = false;
            if (capped(d)) {
                for (Vcpu v : d.vcpus) {
                    if (v.credit < 0 && v.state() != State.HALTED) {
                        d.parked = true;
                    }
                }
            }
            for (Vcpu v : d.vcpus) {
                if (v.state() == State.WAITING) {
                    dequeue(v);
                    updatePriority(v);
                    enqueue(v); // refuses while parked
                } else {
                    updatePriority(v);
                }
            }
        }
        kickIdle();
        for (Pcpu p : pcpus) {
            Vcpu v = p.current();
            if (v == null) {
                continue;
            }
            if (capped(v.domain) && v.credit < 0) {
                park(p);
                continue;
            }
            Vcpu waiting = bestWaitingFor(p);
            if (waiting != null && waiting.priority < v.priority) {
                preemptRespectingRateLimit(p);
            }
        }
        sim.schedule(period, this::accounting);
    }
}
