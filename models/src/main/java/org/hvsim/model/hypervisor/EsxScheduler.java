package org.hvsim.model.hypervisor;

import org.hvsim.core.engine.Simulation;
import org.hvsim.core.stats.TimeWeighted;
import org.hvsim.model.guest.GuestScheduler;

import nl.tudelft.simulation.dsol.formalisms.eventscheduling.Executable;
import nl.tudelft.simulation.dsol.formalisms.eventscheduling.SimEventInterface;

/**
 * VMware ESX's proportional-share scheduler (R6): shares (normal = 1000 per vCPU; high 2×, low ½),
 * reservation and limit, admission control on reservations, and relaxed co-scheduling of SMP VMs
 * (ESX 3 and later): a VM's vCPUs may drift apart, but when a running vCPU gets more than the skew
 * bound ahead of a sibling that is runnable and waiting, it is co-stopped until the laggard has caught
 * up to half the bound; meanwhile the laggards run first (co-start). A halted (idle) vCPU accumulates
 * no skew.
 */
public final class EsxScheduler extends ProportionalShareScheduler {

    public static final String NAME = "esx-proportional";

    /** R6: normal shares per vCPU. */
    public static final int SHARES_PER_VCPU = 1000;
    /**
     * Scheduling quantum: 50 ms (VMware, "The CPU Scheduler in VMware vSphere 5.1", 2013). Not in the
     * reference table; see docs/profiles.md.
     */
    public static final double QUANTUM = 0.050;
    /** Period over which reservations and limits are enforced: chosen as two quanta (no published figure). */
    public static final double PERIOD = 0.100;
    /**
     * Default skew bound: "a few milliseconds" (VMware, "The CPU Scheduler in VMware ESX 4", 2009);
     * 3 ms chosen.
     */
    public static final double DEFAULT_SKEW_BOUND = 0.003;

    /** Relaxed co-scheduling's bound on a vCPU's lead over a waiting sibling. */
    public static final Tunable SKEW_BOUND = Tunable.duration("skew_bound", DEFAULT_SKEW_BOUND, 1e-6, 1,
            "\"a few milliseconds\" (VMware, The CPU Scheduler in VMware ESX 4, 2009)",
            "largest lead of a vCPU over a waiting sibling", "5 ms");

    private final double skewBound;

    public EsxScheduler(Simulation sim, int pcpus, double switchCost, double skewBound) {
        super(NAME, sim, pcpus, switchCost, QUANTUM, PERIOD);
        if (!(skewBound > 0)) {
            throw new IllegalArgumentException("skew bound must be positive");
        }
        this.skewBound = skewBound;
        // the figure covers the measured interval only
        sim.onWarmup(now -> {
            for (Domain d : domains) {
                ((EsxDomain) d).skewSeen = false;
            }
        });
    }

    /** Relaxed co-scheduling: how far a vCPU has progressed, for the skew between siblings. */
    private static final class EsxVcpu extends PsVcpu {
        /** Added to its consumed time so that idling accumulates no skew. */
        double progressOffset;

        EsxVcpu(Domain domain, int index) {
            super(domain, index);
        }
    }

    private static final class EsxDomain extends PsDomain {
        /** Its co-stopped vCPUs over time. */
        final TimeWeighted coStopped = new TimeWeighted();
        /** The largest skew seen since the warm-up, valid once {@link #skewSeen}. */
        double maxSkew;
        boolean skewSeen;
        /** Its next skew check while one is armed, else null. */
        SimEventInterface<Double> skewTimer;
        /** Waiting in {@link #pending} for its co-scheduling pass. */
        boolean pending;
        /** The skew check's action, made once. */
        final Executable check;

        EsxDomain(CpuClient client, int index, EsxScheduler scheduler) {
            super(client, index);
            check = () -> {
                skewTimer = null;
                scheduler.coschedule(this);
                scheduler.afterChange();
            };
        }
    }

    @Override
    protected Domain newDomain(CpuClient client, int index) {
        EsxDomain d = new EsxDomain(client, index, this);
        sim.onWarmup(d.coStopped);
        return d;
    }

    @Override
    protected Vcpu newVcpu(Domain domain, int index) {
        return new EsxVcpu(domain, index);
    }

    @Override
    public double coStopArea(GuestScheduler guest, double now) {
        for (Domain d : domains) {
            if (d.guest() == guest) {
                return ((EsxDomain) d).coStopped.area(now);
            }
        }
        return 0;
    }

    @Override
    protected double defaultWeight(Domain d) {
        return SHARES_PER_VCPU * d.vcpus.length;
    }

    @Override
    public double maxSkew(GuestScheduler guest) {
        for (Domain d : domains) {
            if (d.guest() == guest) {
                EsxDomain e = (EsxDomain) d;
                return e.skewSeen ? e.maxSkew : 0.0;
            }
        }
        return 0;
    }

    private double progress(Vcpu v) {
        account(v);
        return v.consumed + ((EsxVcpu) v).progressOffset;
    }

    @Override
    protected boolean favoured(Vcpu v) {
        // Co-start: the laggards of a VM with co-stopped vCPUs go first.
        for (Vcpu s : v.domain.vcpus) {
            if (ps(s).coStopped) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected void woke(Vcpu v) {
        if (v.domain.vcpus.length > 1) {
            // An idle vCPU accumulates no skew: it wakes level with its most advanced sibling.
            double lead = Double.NEGATIVE_INFINITY;
            for (Vcpu s : v.domain.vcpus) {
                if (s != v && s.state() != State.HALTED) {
                    lead = Math.max(lead, progress(s));
                }
            }
            if (lead > Double.NEGATIVE_INFINITY) {
                ((EsxVcpu) v).progressOffset = lead - v.consumed;
            }
        }
        super.woke(v);
    }

    @Override
    protected void halted(Vcpu v) {
        if (ps(v).coStopped) {
            setCoStopped(v, false);
        }
        coschedule(v.domain);
    }

    @Override
    protected void domainChanged(Domain d) {
        super.domainChanged(d);
        coschedule(d);
    }

    private void setCoStopped(Vcpu v, boolean stopped) {
        ps(v).coStopped = stopped;
        ((EsxDomain) v.domain).coStopped.add(sim.now(), stopped ? 1 : -1);
        classesChanged(v.domain); // co-start: its siblings' class follows its co-stops
    }

    private boolean inCoschedule;
    /** SMP VMs waiting for their pass, first come first served, each once (its {@code pending} flag). */
    private final java.util.ArrayDeque<EsxDomain> pending = new java.util.ArrayDeque<>();

    /**
     * Enforces the skew bound for one SMP VM and arms the next check. Parking and releasing vCPUs lets
     * pCPUs pick again, which can call back here for this or another VM; such calls are queued and
     * handled in turn.
     */
    private void coschedule(Domain d) {
        if (d.vcpus.length < 2) {
            return;
        }
        EsxDomain e = (EsxDomain) d;
        if (!e.pending) {
            e.pending = true;
            pending.addLast(e);
        }
        if (inCoschedule) {
            return;
        }
        inCoschedule = true;
        try {
            int passes = 0;
            while (!pending.isEmpty()) {
                EsxDomain next = pending.pollFirst();
                next.pending = false;
                coschedulePass(next);
                if (++passes > 10_000) {
                    throw new IllegalStateException("co-scheduling does not settle");
                }
            }
        } finally {
            inCoschedule = false;
        }
    }

    private void coschedulePass(EsxDomain d) {
        SimEventInterface<Double> old = d.skewTimer;
        d.skewTimer = null;
        if (old != null) {
            sim.cancel(old);
        }
        // The slowest vCPU that has work but is not on a pCPU (waiting or co-stopped): the laggard.
        double laggard = Double.POSITIVE_INFINITY;
        for (Vcpu s : d.vcpus) {
            if ((s.state() == State.WAITING || s.state() == State.SWITCHING) && !pd(d).parked) {
                laggard = Math.min(laggard, progress(s));
            }
        }
        double next = Double.POSITIVE_INFINITY;
        // Running leaders that reach the bound ahead of the laggard stop.
        for (Vcpu s : d.vcpus) {
            if (s.state() == State.RUNNING && laggard < Double.POSITIVE_INFINITY) {
                double skew = progress(s) - laggard;
                d.maxSkew = d.skewSeen ? Math.max(d.maxSkew, skew) : skew;
                d.skewSeen = true;
                if (skew >= skewBound - 1e-12) {
                    setCoStopped(s, true);
                    park(s.pcpu());
                } else {
                    next = Math.min(next, skewBound - skew);
                }
            }
        }
        // A co-stopped vCPU resumes once it is no more than half the bound ahead of the slowest sibling
        // with work (co-stopped ones included, so the slowest of several co-stopped vCPUs always resumes).
        double slowest = Double.POSITIVE_INFINITY;
        for (Vcpu s : d.vcpus) {
            if (s.state() != State.HALTED) {
                slowest = Math.min(slowest, progress(s));
            }
        }
        boolean released = false;
        for (Vcpu c : d.vcpus) {
            if (!ps(c).coStopped) {
                continue;
            }
            double lead = progress(c) - slowest;
            if (lead <= skewBound / 2 + 1e-9) {
                setCoStopped(c, false);
                unpark(c);
                released = true;
            } else {
                // If the slowest sibling is running, it catches up at rate 1.
                for (Vcpu s : d.vcpus) {
                    if (s.state() == State.RUNNING && progress(s) == slowest) {
                        next = Math.min(next, lead - skewBound / 2);
                    }
                }
            }
        }
        for (Vcpu s : d.vcpus) {
            if (s.state() == State.WAITING && !ps(s).coStopped) {
                reposition(s); // co-start class may have changed
            }
        }
        if (released) {
            kickIdle();
        }
        if (next < Double.POSITIVE_INFINITY) {
            d.skewTimer = sim.schedule(Math.max(1e-9, next), d.check);
        }
    }
}
