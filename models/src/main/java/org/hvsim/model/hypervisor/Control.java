package org.hvsim.model.hypervisor;

import java.util.Locale;

/** A CPU control of {@link CpuControls}, as a scheduler may or may not honour it. */
public enum Control {
    WEIGHT, RESERVATION, LIMIT;

    /** Its name in scenario files (and in messages). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether {@code c} asks for this control (a non-default value). */
    public boolean requestedBy(CpuControls c) {
        return switch (this) {
            case WEIGHT -> c.weight() > 0;
            case RESERVATION -> c.reservation() > 0;
            case LIMIT -> c.hasLimit();
        };
    }
}
