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
        this.slotVcpu = new PsVcpu[pcpus];
        this.slotClass = new int[pcpus];
        this.candidates = new int[pcpus];
        this.switchingPcpus = new PcpuSet(pcpus);
        this.eagerPcpus = new PcpuSet(pcpus);
        this.indexCheck = checkIndex;
        this.mutation = indexMutation;
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
        /** In the run queue (instead of asking the queue). */
        boolean queued;
        /** Its weight group in the occupancy index. */
        int group;
        /** The pCPU slot it holds in the occupancy index, or -1. */
        int slot = -1;

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
        /** Its reservation in pCPUs and in CPU seconds per period (the same product as computing it each time). */
        double reservation;
        double reservedPerPeriod;

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
        pd(d).reservation = d.client.controls().reservation();
        pd(d).reservedPerPeriod = d.client.controls().reservation() * period;
        for (Vcpu v : d.vcpus) {
            ps(v).weight = pd(d).weight / d.vcpus.length; // the same quotient as computing it each time
            ps(v).budgeted = budgeted;
            ps(v).group = groupOf(ps(v).weight);
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

    private static boolean belowReservation(Domain d) {
        return pd(d).reservation > 0 && pd(d).usedInPeriod < pd(d).reservedPerPeriod;
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
        ps(v).queued = true;
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
        ps(v).queued = false;
    }

    @Override
    protected Vcpu pick(Pcpu p) {
        // The switching set follows the dispatch that comes next: a switch if it has a switch cost and
        // another VM ran last, or if p is being preempted in the middle of a switch (it goes on switching).
        boolean preemptingSwitch = p.switchTarget != null;
        switchingPcpus.set(p.index, false);
        PsVcpu v = queue.pollFirst();
        if (v != null) {
            v.queued = false;
            if (preemptingSwitch || (switchCost > 0 && p.lastDomain != v.domain)) {
                switchingPcpus.set(p.index, true);
            }
        }
        return v;
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
        if (ps(v).queued) {
            queue.remove(v);
            ps(v).queued = false;
            enqueue(v);
        }
    }

    /**
     * Least virtual time among running and waiting vCPUs: where a woken vCPU starts. The running vCPUs of
     * VMs with a reservation or limit are accounted up to now, in pCPU order as the scan did (their VM's
     * use in the period decides its class, read by every comparison that follows); the others are not
     * accounted: the least of them is found in the occupancy index, and only it and its near ties are
     * accounted up to now.
     */
    private double virtualFloor() {
        double floor = Double.POSITIVE_INFINITY;
        if (!queue.isEmpty()) {
            floor = ps(queue.first()).virtualTime;
        }
        double now = sim.now();
        // In pCPU order, as the scan accounted them: a VM's use in the period is summed in the same order.
        for (int i = eagerPcpus.next(0); i >= 0; i = eagerPcpus.next(i + 1)) {
            Vcpu c = pcpus[i].current;
            if (c == null || !ps(c).budgeted) {
                eagerPcpus.set(i, false);
                continue;
            }
            accountUntil(c, now);
        }
        for (int g = 0; g < groups; g++) {
            if (!floorHeaps[g].isEmpty()) {
                floor = groupLeast(g, now, floor);
            }
        }
        return floor == Double.POSITIVE_INFINITY ? 0 : floor;
    }

    @Override
    protected void woke(Vcpu v) {
        // A sleeper keeps at most one quantum of lag (as CFS does), so a vCPU that blinks idle between
        // two requests is not robbed of its share, and a long sleeper banks nothing.
        double floor = virtualFloor();
        if (indexCheck != null) {
            double scanned = scanFloor();
            if (!near(scanned, floor)) {
                indexCheck.accept(String.format(java.util.Locale.ROOT, "%s at %s: floor %s, the scan %s", name(),
                        sim.now(), floor, scanned));
            }
        }
        ps(v).virtualTime = Math.max(ps(v).virtualTime, floor - sleeperCredit / vcpuWeight(v));
        enqueue(v);
        domainChanged(v.domain);
        if (!ps(v).queued) {
            return;
        }
        if (anyIdle()) {
            return; // an idle pCPU takes it
        }
        Pcpu victim = null;
        if (!anyFreeSwitching()) { // else a pCPU whose switch target halted takes it once its switch ends
            victim = indexedVictim(sim.now());
            if (victim != null && !preemptsOnWake(v, victim.occupant())) {
                victim = null;
            }
        }
        if (indexCheck != null) {
            checkVictim(v, victim);
        }
        if (victim != null) {
            preempt(victim);
        }
    }

    // ------------------------------------------------------------------------------------ reference scans

    /**
     * The floor as the scan computed it: the least virtual time now of every running vCPU and the queue's
     * head. Reference for {@link #virtualFloor} (tests and the index check); it only reads, so a run with
     * the check has the figures of a run without.
     */
    private double scanFloor() {
        double floor = Double.POSITIVE_INFINITY;
        if (!queue.isEmpty()) {
            floor = ps(queue.first()).virtualTime;
        }
        double now = sim.now();
        for (Pcpu p : pcpus) {
            Vcpu c = p.current();
            if (c != null && c.state() == State.RUNNING) {
                floor = Math.min(floor, virtualTimeAt(ps(c), now));
            }
        }
        return floor == Double.POSITIVE_INFINITY ? 0 : floor;
    }

    /**
     * A vCPU's virtual time now without accounting it: if running, what accounting it up to now in one
     * piece would make it (the same sum as {@link #accountUntil} and {@link #onRun}).
     */
    private double virtualTimeAt(PsVcpu c, double now) {
        if (c.state() != State.RUNNING || c.pcpu().current() != c) {
            return c.virtualTime;
        }
        double ran = now - c.accountedUntil;
        return ran > 0 ? c.virtualTime + ran / c.weight : c.virtualTime;
    }

    /**
     * Whether the index's answer and the scan's agree up to floating-point accounting: a running vCPU's
     * virtual time is the sum of the pieces it was accounted in, and the index does not account it at
     * every wake-up as the scan did, so the same vCPU's time may differ in its last bits.
     */
    private static boolean near(double a, double b) {
        return Math.abs(a - b) <= ROUNDING * Math.max(Math.abs(a), Math.abs(b)) + 1e-12; // + for values near 0
    }

    /**
     * The pCPU a wake-up of {@code v} preempts as the scan chose it (null: none, or a free pCPU takes it),
     * after an idle pCPU was ruled out, with every running vCPU's virtual time taken as of now (read, not
     * accounted). Reference for the occupancy index.
     */
    private Pcpu scanVictim(Vcpu v) {
        for (Pcpu p : pcpus) {
            if (p.free()) {
                return null; // a pCPU whose switch target halted takes it once its switch ends
            }
        }
        double now = sim.now();
        double margin = wakeupGranularity / vcpuWeight(v);
        int wc = classOf(v);
        Pcpu victim = null;
        double victimTime = 0;
        int victimClass = 0;
        for (Pcpu p : pcpus) {
            Vcpu c = p.occupant();
            if (c == null) {
                continue;
            }
            int cc = classOf(c);
            double t = virtualTimeAt(ps(c), now);
            boolean preempts = wc != cc ? wc < cc : ps(v).virtualTime + margin < t;
            // the victim: the lowest class first, then the most advanced (the first pCPU among equals)
            if (preempts && (victim == null || (victimClass != cc ? victimClass < cc : victimTime < t))) {
                victim = p;
                victimTime = t;
                victimClass = cc;
            }
        }
        return victim;
    }

    private void checkVictim(Vcpu v, Pcpu victim) {
        Pcpu scanned = scanVictim(v);
        CHECKED_SEARCHES.increment();
        if (scanned != null) {
            CHECKED_PREEMPTIONS.increment();
        }
        if (scanned != victim && !nearTie(v, victim, scanned)) {
            indexCheck.accept(String.format(java.util.Locale.ROOT, "%s at %s: waking %s, the index preempts %s, the scan %s",
                    name(), sim.now(), v, victim == null ? "none" : victim.index + ":" + victim.occupant(),
                    scanned == null ? "none" : scanned.index + ":" + scanned.occupant()));
        }
        boolean free = false;
        for (Pcpu p : pcpus) {
            free |= p.free();
        }
        if (free != anyFreeSwitching()) {
            indexCheck.accept(name() + " at " + sim.now() + ": free pCPU " + free + ", the switching set says " + !free);
        }
        if (free) {
            return;
        }
        for (Pcpu p : pcpus) {
            Vcpu o = p.current;
            int s = p.index;
            if (o == null ? !switchingPcpus.get(s) : slotVcpu[s] != o || slotClass[s] != classOf(o)) {
                indexCheck.accept(name() + " at " + sim.now() + ": pCPU " + s + " holds " + p.occupant() + " (class "
                        + classOf(p.occupant()) + "), the index " + slotVcpu[s] + " class " + slotClass[s]
                        + ", switching " + switchingPcpus.get(s));
            }
        }
    }

    /**
     * Whether the index and the scan chose differently only because two virtual times, or a virtual time
     * and the waking vCPU's threshold, lie within floating-point accounting of each other (of one class).
     * Equal times are no excuse: among equals the first pCPU must be chosen.
     */
    private boolean nearTie(Vcpu v, Pcpu a, Pcpu b) {
        double now = sim.now();
        double threshold = ps(v).virtualTime + wakeupGranularity / vcpuWeight(v);
        if (a == null || b == null) {
            Pcpu p = a == null ? b : a;
            Vcpu o = p.occupant();
            return classOf(o) == classOf(v) && near(virtualTimeAt(ps(o), now), threshold);
        }
        Vcpu oa = a.occupant();
        Vcpu ob = b.occupant();
        double ta = virtualTimeAt(ps(oa), now);
        double tb = virtualTimeAt(ps(ob), now);
        return classOf(oa) == classOf(ob) && ta != tb && near(ta, tb);
    }

    // ------------------------------------------------------------------------------------ occupancy index

    /**
     * Debug switch read by each new scheduler: when set, every wake-up also runs the scans the index
     * replaced and reports here any decision that differs (tests).
     */
    static volatile java.util.function.Consumer<String> checkIndex;
    /** A deliberately wrong index, read by each new scheduler (tests: the check must notice). */
    static volatile int indexMutation;
    static final int MUTATION_NONE = 0;
    /** Running vCPUs keyed by virtual time alone, as if the time since their accounting did not count. */
    static final int MUTATION_KEY_WITHOUT_START = 1;
    /** Among equally advanced occupants the highest pCPU is preempted instead of the lowest. */
    static final int MUTATION_TIE_HIGHEST = 2;
    /** Classes fixed when a vCPU is indexed: a reservation used up or a co-stop does not move it. */
    static final int MUTATION_STALE_CLASS = 3;

    /** Checked wake-ups that searched for a victim (no idle pCPU), and of them preemptions (tests). */
    static final java.util.concurrent.atomic.LongAdder CHECKED_SEARCHES = new java.util.concurrent.atomic.LongAdder();
    static final java.util.concurrent.atomic.LongAdder CHECKED_PREEMPTIONS = new java.util.concurrent.atomic.LongAdder();

    private final java.util.function.Consumer<String> indexCheck;
    private final int mutation;

    /** Distinct per-vCPU weights, in order of appearance: a running vCPU's key is kept per weight. */
    private final java.util.Map<Double, Integer> groupByWeight = new java.util.HashMap<>();
    private double[] groupWeight = new double[4];
    private int groups;
    /** Per weight group: running vCPUs by key, least first (the floor). */
    private SlotHeap[] floorHeaps = new SlotHeap[4];
    /** Per class and weight group: running vCPUs by key, most advanced first (the victim). */
    private SlotHeap[][] victimHeaps = new SlotHeap[NORMAL + 1][4];
    /**
     * Per pCPU slot: the running vCPU indexed (or null) and its class when last classed. An entry stays when
     * its vCPU stops, until the pCPU runs another or a query finds it stale.
     */
    private final PsVcpu[] slotVcpu;
    private final int[] slotClass;
    private final int[] candidates;
    /** pCPUs switching to a vCPU (a superset, cleaned as read); vCPUs being switched to are not in the heaps. */
    private final PcpuSet switchingPcpus;
    /** pCPUs that ran a vCPU of a VM with a reservation or limit when last started (a superset). */
    private final PcpuSet eagerPcpus;

    private int groupOf(double weight) {
        Integer g = groupByWeight.get(weight);
        if (g != null) {
            return g;
        }
        if (groups == groupWeight.length) {
            int n = 2 * groups;
            groupWeight = java.util.Arrays.copyOf(groupWeight, n);
            floorHeaps = java.util.Arrays.copyOf(floorHeaps, n);
            victimHeaps[0] = java.util.Arrays.copyOf(victimHeaps[0], n);
            victimHeaps[1] = java.util.Arrays.copyOf(victimHeaps[1], n);
        }
        int n = pcpus.length;
        groupWeight[groups] = weight;
        floorHeaps[groups] = new SlotHeap(n);
        victimHeaps[0][groups] = new SlotHeap(n);
        victimHeaps[1][groups] = new SlotHeap(n);
        groupByWeight.put(weight, groups);
        return groups++;
    }

    /**
     * A running vCPU's key: its virtual time less the time it has been accounted up to, over its weight.
     * Its virtual time now is this plus now over its weight, so while it runs the key does not change
     * (but for rounding) and orders the vCPUs of one weight at every instant.
     */
    private double runKey(PsVcpu v) {
        if (mutation == MUTATION_KEY_WITHOUT_START) {
            return v.virtualTime;
        }
        return v.virtualTime - v.accountedUntil / v.weight;
    }

    /**
     * How far a key may lie from its vCPU's virtual time now less now over its weight: rounding of the
     * pieces it was accounted in since it was keyed (a period's at most), far below this.
     */
    private static double tolerance(double key, double now, double weight) {
        return ROUNDING * (1 + Math.abs(key) + now / weight);
    }

    /**
     * Relative bound on the rounding of a virtual time summed in other pieces: each piece's relative error
     * is about 1e-16, and a period holds at most some thousands of pieces, so 1e-9 is far above it and far
     * below any difference a scheduling decision turns on (a microsecond in a second).
     */
    private static final double ROUNDING = 1e-9;

    /** {@code v} starts running on {@code p}: it takes p's slot, keyed afresh. */
    private void index(Pcpu p, PsVcpu v) {
        int s = p.index;
        if (v.slot >= 0 && v.slot != s) {
            unindexSlot(v.slot); // its entry from where it ran before
        }
        PsVcpu old = slotVcpu[s];
        int c = classOf(v);
        double k = runKey(v);
        if (old != null && old.group == v.group) {
            // the slot's entries move in place (one sift each)
            old.slot = -1;
            floorHeaps[v.group].put(s, k);
            if (slotClass[s] == c) {
                victimHeaps[c][v.group].put(s, -k);
            } else {
                victimHeaps[slotClass[s]][v.group].remove(s);
                victimHeaps[c][v.group].add(s, -k);
            }
        } else {
            unindexSlot(s);
            floorHeaps[v.group].add(s, k);
            victimHeaps[c][v.group].add(s, -k);
        }
        slotVcpu[s] = v;
        slotClass[s] = c;
        v.slot = s;
    }

    private void unindexSlot(int s) {
        PsVcpu v = slotVcpu[s];
        if (v == null) {
            return;
        }
        floorHeaps[v.group].remove(s);
        victimHeaps[slotClass[s]][v.group].remove(s);
        slotVcpu[s] = null;
        v.slot = -1;
    }

    /** Whether a slot's entry still describes its pCPU (entries of vCPUs that stopped leave lazily). */
    private boolean valid(int s) {
        return pcpus[s].current == slotVcpu[s];
    }

    /**
     * The class of the domain's vCPUs may have changed (its reservation used up, a co-stop begun or ended):
     * their entries move to their class's heaps. A subclass whose {@link #favoured} changes calls this.
     */
    protected final void classesChanged(Domain d) {
        if (mutation == MUTATION_STALE_CLASS) {
            return;
        }
        for (Vcpu x : d.vcpus) {
            PsVcpu v = ps(x);
            int s = v.slot;
            if (s < 0) {
                continue;
            }
            int c = classOf(v);
            int old = slotClass[s];
            if (c == old) {
                continue;
            }
            slotClass[s] = c;
            double k = floorHeaps[v.group].key(s);
            victimHeaps[old][v.group].remove(s);
            victimHeaps[c][v.group].add(s, -k);
        }
    }

    /** Indexes every pCPU's occupant afresh (each period: keys from the accounting just done, classes anew). */
    private void rebuildIndex() {
        for (Pcpu p : pcpus) {
            unindexSlot(p.index);
            if (p.current != null) {
                index(p, ps(p.current));
            }
        }
    }

    /** Collects a heap's entries up to {@code limit} into {@link #candidates}, dropping stale ones; how many (0 if it was empty). */
    private int collectValid(SlotHeap h, double now, int group) {
        while (!h.isEmpty()) {
            double top = h.topKey();
            double limit = top + tolerance(top, now, groupWeight[group]);
            int n = h.collect(limit, candidates);
            int kept = 0;
            for (int i = 0; i < n; i++) {
                if (valid(candidates[i])) {
                    candidates[kept++] = candidates[i];
                } else {
                    unindexSlot(candidates[i]);
                }
            }
            if (kept == n) {
                return n;
            }
            // stale entries left: the least key may have changed, look again
        }
        return 0;
    }

    /** Least virtual time now of a weight group's running vCPUs, against {@code floor}: they and near ties accounted. */
    private double groupLeast(int g, double now, double floor) {
        int n = collectValid(floorHeaps[g], now, g);
        for (int i = 0; i < n; i++) {
            Vcpu c = slotVcpu[candidates[i]];
            accountUntil(c, now);
            floor = Math.min(floor, ps(c).virtualTime);
        }
        return floor;
    }

    /**
     * The occupant the scan would have chosen to preempt if the woken vCPU preempts any: the most advanced
     * of the highest class (lowest pCPU among equals). Every pCPU has an occupant.
     */
    private Pcpu indexedVictim(double now) {
        for (int c = NORMAL; c >= RESERVED; c--) {
            int best = -1;
            double bestTime = 0;
            for (int g = 0; g < groups; g++) {
                SlotHeap h = victimHeaps[c][g];
                if (h.isEmpty()) {
                    continue;
                }
                int n = collectValid(h, now, g);
                for (int i = 0; i < n; i++) {
                    int s = candidates[i];
                    PsVcpu o = slotVcpu[s];
                    accountUntil(o, now);
                    double t = o.virtualTime;
                    if (best < 0 || t > bestTime || (t == bestTime && tieGoesTo(s, best))) {
                        best = s;
                        bestTime = t;
                    }
                }
            }
            // vCPUs being switched to (few at a time): their virtual time is fixed, their class read now
            for (int s = switchingPcpus.next(0); s >= 0; s = switchingPcpus.next(s + 1)) {
                Pcpu p = pcpus[s];
                Vcpu o = p.current == null ? p.occupant() : null;
                if (o == null || classOf(o) != c) {
                    continue;
                }
                double t = ps(o).virtualTime;
                if (best < 0 || t > bestTime || (t == bestTime && tieGoesTo(s, best))) {
                    best = s;
                    bestTime = t;
                }
            }
            if (best >= 0) {
                return pcpus[best];
            }
        }
        return null;
    }

    private boolean tieGoesTo(int s, int best) {
        return mutation == MUTATION_TIE_HIGHEST ? s > best : s < best;
    }

    /** Whether a pCPU is switching to a vCPU that halted meanwhile (it picks when its switch ends). */
    private boolean anyFreeSwitching() {
        for (int i = switchingPcpus.next(0); i >= 0; i = switchingPcpus.next(i + 1)) {
            Pcpu p = pcpus[i];
            if (p.switchTarget == null) {
                switchingPcpus.set(i, false);
            } else if (p.free()) {
                return true;
            }
        }
        return false;
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
            PsDomain d = pd(v.domain);
            boolean below = d.usedInPeriod < d.reservedPerPeriod;
            d.usedInPeriod += ran;
            if (d.reservation > 0 && below != d.usedInPeriod < d.reservedPerPeriod) {
                classesChanged(d); // it has used its reservation up
            }
        }
    }

    @Override
    protected void onStart(Pcpu p, Vcpu v) {
        index(p, ps(v));
        switchingPcpus.set(p.index, false);
        if (ps(v).budgeted) {
            eagerPcpus.set(p.index, true);
        }
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
        if (pd(d).reservation <= 0) {
            return;
        }
        if (belowReservation(d)) {
            armBudget(reservationEvents, d, pd(d).reservedPerPeriod, this::reservationUsed);
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
        if (pd(d).reservedPerPeriod - pd(d).usedInPeriod > 1e-12) {
            armReservation(d); // a vCPU stopped meanwhile: the rest of the reservation takes longer
            return;
        }
        pd(d).usedInPeriod = Math.max(pd(d).usedInPeriod, pd(d).reservedPerPeriod);
        classesChanged(d);
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
            afterChange();
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
                ps(v).queued = false;
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
                    ps(v).queued = false;
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
        rebuildIndex(); // virtual times and classes changed; keys afresh from the accounting above
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
        afterChange();
    }

    /**
     * The proportional-share books beside the mechanics': the queued flags against the queue, each running
     * vCPU's slot and class in the occupancy index, every switching pCPU in the switching set, the cached
     * reservation per period.
     */
    @Override
    void checkPolicyBooks() {
        for (Domain d : domains) {
            require(pd(d).reservedPerPeriod == d.client.controls().reservation() * period,
                    d.client.name() + ": cached reservation per period");
            for (Vcpu x : d.vcpus) {
                PsVcpu v = ps(x);
                require(v.queued == queue.contains(v), v + " queued " + v.queued);
            }
        }
        for (Pcpu p : pcpus) {
            Vcpu c = p.current;
            if (c != null) {
                require(slotVcpu[p.index] == c && ps(c).slot == p.index, "pCPU " + p.index + " runs " + c
                        + ", the index holds " + slotVcpu[p.index]);
                require(mutation == MUTATION_STALE_CLASS || slotClass[p.index] == classOf(c),
                        "pCPU " + p.index + ": " + c + " indexed in class " + slotClass[p.index]);
            } else if (p.switchTarget != null) {
                require(switchingPcpus.get(p.index), "pCPU " + p.index + " switches outside the switching set");
            }
        }
    }
}
