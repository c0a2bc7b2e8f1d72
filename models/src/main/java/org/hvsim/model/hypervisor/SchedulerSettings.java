package org.hvsim.model.hypervisor;

import java.util.Objects;

/**
 * The hypervisor scheduler of an architecture and its tunables. Each scheduler reads the ones it has.
 *
 * @param name       registered scheduler name
 * @param switchCost pCPU seconds per world switch between VMs, charged as hypervisor time
 * @param quantum    round-robin quantum (round-robin) in seconds
 * @param boost      Xen credit: BOOST a waking UNDER vCPU
 * @param rateLimit  Xen credit: minimum run time before preemption, seconds (0: none, as in Xen 3.x)
 * @param skewBound  ESX relaxed co-scheduling: largest lead of a vCPU over a waiting sibling, seconds
 * @param weighting  Xen credit: weights summed per domain (Xen 3.x) or per active vCPU (Xen 4.1+)
 */
public record SchedulerSettings(String name, double switchCost, double quantum, boolean boost, double rateLimit,
        double skewBound, XenCreditScheduler.Weighting weighting) {

    /** Round-robin quantum default: Xen credit's 30 ms slice (R6), so the reference is comparable. */
    public static final double DEFAULT_QUANTUM = 0.030;
    /** Xen credit BOOST default: on, as in Xen (R6). */
    public static final boolean DEFAULT_BOOST = true;
    /** Xen credit rate limit default: none, as in Xen 3.x (R6). */
    public static final double DEFAULT_RATE_LIMIT = 0;
    /** ESX co-scheduling skew bound default. */
    public static final double DEFAULT_SKEW_BOUND = EsxScheduler.DEFAULT_SKEW_BOUND;
    /** Xen credit weighting default: per domain, as in Xen 3.0-4.0 (R6). */
    public static final XenCreditScheduler.Weighting DEFAULT_WEIGHTING = XenCreditScheduler.Weighting.PER_DOMAIN;

    public SchedulerSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(weighting, "weighting");
        if (!(switchCost >= 0) || !(quantum > 0) || !(rateLimit >= 0) || !(skewBound > 0)) {
            throw new IllegalArgumentException("scheduler settings out of range: " + switchCost + ", " + quantum
                    + ", " + rateLimit);
        }
    }

    /** A scheduler by name with no switch cost and the defaults. */
    public static SchedulerSettings of(String name) {
        return new SchedulerSettings(name, 0, DEFAULT_QUANTUM, DEFAULT_BOOST, DEFAULT_RATE_LIMIT, DEFAULT_SKEW_BOUND,
                DEFAULT_WEIGHTING);
    }

    public SchedulerSettings withName(String n) {
        return new SchedulerSettings(n, switchCost, quantum, boost, rateLimit, skewBound, weighting);
    }

    public SchedulerSettings withSwitchCost(double c) {
        return new SchedulerSettings(name, c, quantum, boost, rateLimit, skewBound, weighting);
    }

    public SchedulerSettings withBoost(boolean b) {
        return new SchedulerSettings(name, switchCost, quantum, b, rateLimit, skewBound, weighting);
    }

    public SchedulerSettings withSkewBound(double b) {
        return new SchedulerSettings(name, switchCost, quantum, boost, rateLimit, b, weighting);
    }

    public SchedulerSettings withWeighting(XenCreditScheduler.Weighting w) {
        return new SchedulerSettings(name, switchCost, quantum, boost, rateLimit, skewBound, w);
    }
}
