package org.hvsim.model.hypervisor;

import java.util.Locale;

/** A tunable of {@link SchedulerSettings}, as a scheduler may or may not read it. */
public enum Tunable {
    SWITCH_COST, QUANTUM, BOOST, RATE_LIMIT, SKEW_BOUND, WEIGHTING;

    /** Its name in scenario files. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
