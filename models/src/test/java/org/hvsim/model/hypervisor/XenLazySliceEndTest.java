package org.hvsim.model.hypervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.hvsim.core.engine.ReplicationOutput;
import org.hvsim.core.random.Distribution;
import org.hvsim.model.system.Metrics;
import org.hvsim.model.workload.Phase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Xen's slice ends are events only while some vCPU waits (MODELING-NOTES §3); the time they would have
 * accounted is accounted in the same pieces later. Tested against the straightforward version, where
 * every slice end is an event. Where no slice end falls on the same instant as another event that can
 * change a run queue, every figure is the same to the last bit; on a saturated host such ties occur (a
 * vCPU dispatched by an accounting has its slice end on the next accounting), the two versions may order
 * them differently, and the figures agree within noise.
 */
class XenLazySliceEndTest {

    private static final String EAGER = "xen-credit-eager-slices";
    /** Every decision (BOOST end, credit crossing) an event, slice ends as in xen-credit. */
    private static final String EAGER_DECISIONS = "xen-credit-eager-decisions";

    @BeforeAll
    static void registerEagerVariant() {
        HypervisorSchedulers.register(SchedulerDescriptor.of(EAGER, SupportedControls.of(Control.WEIGHT, Control.LIMIT),
                (sim, h, s) -> new XenCreditScheduler(sim, h.pcpus(), s.switchCost(), true, s.duration(
                        XenCreditScheduler.RATE_LIMIT), XenCreditScheduler.Weighting.PER_DOMAIN, true))
                .reading(XenCreditScheduler.RATE_LIMIT));
        HypervisorSchedulers.register(SchedulerDescriptor.of(EAGER_DECISIONS,
                SupportedControls.of(Control.WEIGHT, Control.LIMIT),
                (sim, h, s) -> new XenCreditScheduler(sim, h.pcpus(), s.switchCost(), s.flag(XenCreditScheduler.WAKE_BOOST),
                        s.duration(XenCreditScheduler.RATE_LIMIT), XenCreditScheduler.Weighting.PER_DOMAIN, false, true))
                .reading(XenCreditScheduler.RATE_LIMIT).reading(XenCreditScheduler.WAKE_BOOST));
    }

    /** The registry is global: other tests count its schedulers. */
    @AfterAll
    static void unregisterEagerVariant() {
        HypervisorSchedulers.unregister(EAGER);
        HypervisorSchedulers.unregister(EAGER_DECISIONS);
    }

    private static final List<Phase> BURST = List.of(new Phase.Cpu(new Distribution.Exponential(0.04)));

    /** Bursts that outlast slices and a capped VM on 6 pCPUs: queues fill now and then. */
    private static SchedulingFixture moderate() {
        return new SchedulingFixture(6).open("a", 12, BURST, SchedulingFixture.weight(256))
                .open("b", 12, BURST, SchedulingFixture.weight(512))
                .open("c", 20, 0.02, new CpuControls(256, 0, 0.5))
                .open("d", 8, 0.05, SchedulingFixture.weight(128));
    }

    /** The same beside a 2-vCPU hog on 3 pCPUs: queues are seldom empty. */
    private static SchedulingFixture saturated() {
        return new SchedulingFixture(3).hog("hog", 2, SchedulingFixture.weight(256))
                .open("a", 15, BURST, SchedulingFixture.weight(256))
                .open("b", 15, BURST, SchedulingFixture.weight(512))
                .open("c", 20, 0.02, new CpuControls(256, 0, 0.5))
                .open("d", 10, 0.05, SchedulingFixture.weight(128));
    }

    private static SchedulerSettings eager(double switchCost) {
        return SchedulerSettings.of(EAGER).withSwitchCost(switchCost);
    }

    private static SchedulerSettings lazy(double switchCost) {
        return SchedulerSettings.of(XenCreditScheduler.NAME).withSwitchCost(switchCost);
    }

    @Test
    void lazySliceEndsGiveTheSameFiguresBitForBit() {
        for (int rep = 0; rep < 3; rep++) {
            double switchCost = rep == 0 ? 0 : 2e-6; // without world switches, and with xen-3.0's
            ReplicationOutput e = moderate().run(eager(switchCost), 5, 120, rep);
            ReplicationOutput l = moderate().run(lazy(switchCost), 5, 120, rep);
            Map<ReplicationOutput.Key, Double> ev = e.values();
            assertEquals(ev.keySet(), l.values().keySet());
            for (var k : ev.keySet()) {
                assertEquals(ev.get(k), l.values().get(k), 0.0, k + " in replication " + rep);
            }
            assertTrue(l.events() < e.events(), "lazy " + l.events() + " vs eager " + e.events());
        }
    }

    @Test
    void onASaturatedHostTheFiguresAgreeWithinNoise() {
        SchedulerSettings withLimit = lazy(2e-6).with(XenCreditScheduler.RATE_LIMIT, 0.001);
        SchedulerSettings eagerWithLimit = eager(2e-6).with(XenCreditScheduler.RATE_LIMIT, 0.001);
        for (SchedulerSettings[] pair : new SchedulerSettings[][] {{eager(2e-6), lazy(2e-6)},
                {eagerWithLimit, withLimit}}) {
            ReplicationOutput e = saturated().run(pair[0], 10, 310, 0);
            ReplicationOutput l = saturated().run(pair[1], 10, 310, 0);
            for (String vm : List.of("hog", "a", "b", "c", "d")) {
                assertEquals(SchedulingFixture.share(e, vm), SchedulingFixture.share(l, vm), 0.01, vm + " share");
                double re = e.get(vm, Metrics.RESPONSE_TIME_MEAN);
                double rl = l.get(vm, Metrics.RESPONSE_TIME_MEAN);
                // NaN in both: a VM the saturated host cannot keep up with has no stable response time
                assertTrue(Double.isNaN(re) && Double.isNaN(rl) || Math.abs(re - rl) <= 0.03 * re,
                        vm + " response time " + re + " vs " + rl);
            }
            assertTrue(l.events() < e.events(), "lazy " + l.events() + " vs eager " + e.events());
        }
    }

    /**
     * Decisions deferred while nothing waits (BOOST ends, credit crossings), made events in their reserved
     * place when a change ends with a vCPU waiting, against every decision an event: the same figures to
     * the last bit on saturated hosts with several vCPUs per VM, BOOSTed I/O-bound VMs beside hogs, caps,
     * weights and a rate limit.
     */
    @Test
    void deferredDecisionsGiveTheSameFiguresBitForBitOnASaturatedHost() {
        SchedulingFixture boost = new SchedulingFixture(4).hog("hog", 3, SchedulingFixture.weight(256))
                .hog("hog2", 2, SchedulingFixture.weight(512))
                .open("io", 40, 0.001, SchedulingFixture.weight(256))
                .open("io2", 80, 0.0005, SchedulingFixture.weight(128))
                .open("capped", 20, 0.02, new CpuControls(256, 0, 0.5))
                .open("burst", 15, BURST, SchedulingFixture.weight(512));
        SchedulingFixture light = new SchedulingFixture(6).hog("hog", 2, SchedulingFixture.weight(256))
                .open("io", 40, 0.001, SchedulingFixture.weight(256))
                .open("io2", 30, 0.002, SchedulingFixture.weight(64))
                .open("burst", 5, BURST, SchedulingFixture.weight(512));
        long inexact = XenCreditScheduler.inexactDecisions.get();
        int compared = 0;
        long lazyEvents = 0;
        long eagerEvents = 0;
        for (SchedulingFixture f : List.of(saturated(), boost, moderate(), light)) {
            for (double switchCost : new double[] {0, 2e-6}) {
                for (double rateLimit : new double[] {0, 0.001}) {
                    SchedulerSettings e = SchedulerSettings.of(EAGER_DECISIONS).withSwitchCost(switchCost)
                            .with(XenCreditScheduler.RATE_LIMIT, rateLimit);
                    SchedulerSettings l = lazy(switchCost).with(XenCreditScheduler.RATE_LIMIT, rateLimit);
                    ReplicationOutput eo = f.run(e, 5, 125, 1);
                    ReplicationOutput lo = f.run(l, 5, 125, 1);
                    Map<ReplicationOutput.Key, Double> ev = eo.values();
                    assertEquals(ev.keySet(), lo.values().keySet());
                    for (var k : ev.keySet()) {
                        assertEquals(ev.get(k), lo.values().get(k), 0.0, k + " switch " + switchCost + " limit " + rateLimit);
                    }
                    // where queues are never empty nothing is deferred
                    assertTrue(lo.events() <= eo.events(), "lazy " + lo.events() + " vs eager " + eo.events());
                    lazyEvents += lo.events();
                    eagerEvents += eo.events();
                    compared++;
                }
            }
        }
        assertEquals(16, compared);
        assertTrue(lazyEvents < 0.95 * eagerEvents, "lazy " + lazyEvents + " vs eager " + eagerEvents + " events");
        assertEquals(inexact, XenCreditScheduler.inexactDecisions.get(), "decisions armed late");
    }
}
