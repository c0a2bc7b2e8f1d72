package org.hvsim.model.hypervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Tunables are declared by the scheduler that reads them; settings hold the values given. */
class TunableTest {

    @Test
    void aSettingNotGivenHasItsDeclaredDefault() {
        SchedulerSettings s = SchedulerSettings.of(XenCreditScheduler.NAME);
        assertTrue(s.flag(XenCreditScheduler.WAKE_BOOST));
        assertEquals(0.0, s.duration(XenCreditScheduler.RATE_LIMIT));
        assertEquals("per-domain", s.choice(XenCreditScheduler.WEIGHTING));
        assertEquals(0.030, s.duration(RoundRobinVcpuScheduler.QUANTUM));
        assertEquals(EsxScheduler.DEFAULT_SKEW_BOUND, s.duration(EsxScheduler.SKEW_BOUND));
        SchedulerSettings off = s.with(XenCreditScheduler.WAKE_BOOST, false).withSwitchCost(2e-6);
        assertFalse(off.flag(XenCreditScheduler.WAKE_BOOST));
        assertEquals(2e-6, off.switchCost());
    }

    @Test
    void valuesOutsideTheDeclaredRangeOrChoicesAreRefused() {
        SchedulerSettings s = SchedulerSettings.of(RoundRobinVcpuScheduler.NAME);
        assertThrows(IllegalArgumentException.class, () -> s.with(RoundRobinVcpuScheduler.QUANTUM, 0.0));
        assertThrows(IllegalArgumentException.class, () -> s.with(XenCreditScheduler.WEIGHTING, "per-pcpu"));
        assertThrows(IllegalArgumentException.class, () -> s.with(XenCreditScheduler.WAKE_BOOST, "yes"));
        assertThrows(IllegalArgumentException.class,
                () -> Tunable.duration("x", 5, 0, 1, "reason", "meaning", "1 s"));
    }

    @Test
    void theRegistryListsEachSchedulersTunablesOnceAndWhoReadsThem() {
        List<String> keys = HypervisorSchedulers.tunables().stream().map(Tunable::key).toList();
        assertEquals(List.of("quantum", "boost", "rate_limit", "weighting", "skew_bound"), keys);
        assertEquals(List.of(XenCreditScheduler.NAME), HypervisorSchedulers.reading(XenCreditScheduler.WAKE_BOOST));
        assertEquals(List.of(EsxScheduler.NAME), HypervisorSchedulers.reading(EsxScheduler.SKEW_BOUND));
    }

    @Test
    void aWeightingIsNamedAsFilesWriteIt() {
        for (XenCreditScheduler.Weighting w : XenCreditScheduler.Weighting.values()) {
            assertEquals(w, XenCreditScheduler.Weighting.of(w.key()));
            assertTrue(XenCreditScheduler.WEIGHTING.choices().contains(w.key()));
        }
    }
}
