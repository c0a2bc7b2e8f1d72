package org.hvsim.model.fault;

import java.util.Objects;

import org.hvsim.core.random.Distribution;

/**
 * One entry of a scenario's {@code faults}: a component failing at random (alternating times to failure
 * and to repair, an alternating renewal process) or once at a scripted instant.
 *
 * @param name          names its random streams ("fault/NAME/…"), the same under every architecture
 * @param vm            the VM template of a guest fault, else null
 * @param host          in a cluster, the host whose hypervisor, control domain or hardware fails (0 on one host)
 * @param timeToFailure null for a scripted fault
 * @param at            scripted: the failure instant from the start of the run (warm-up included); else NaN
 * @param repair        scripted: how long the component stays down; else NaN
 */
public record FaultSpec(String name, Component component, String vm, int host, Distribution timeToFailure,
        Distribution timeToRepair, double at, double repair) {

    public FaultSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(component, "component");
        if (component == Component.GUEST && vm == null) {
            throw new IllegalArgumentException("a guest fault names its VM");
        }
        if (timeToFailure == null && (Double.isNaN(at) || Double.isNaN(repair))) {
            throw new IllegalArgumentException("a fault is random (time_to_failure, time_to_repair) or scripted (at, repair)");
        }
        if (timeToFailure != null && timeToRepair == null) {
            throw new IllegalArgumentException("a random fault needs time_to_repair");
        }
    }

    public static FaultSpec random(String name, Component c, String vm, int host, Distribution ttf, Distribution ttr) {
        return new FaultSpec(name, c, vm, host, ttf, ttr, Double.NaN, Double.NaN);
    }

    public static FaultSpec scripted(String name, Component c, String vm, int host, double at, double repair) {
        return new FaultSpec(name, c, vm, host, null, null, at, repair);
    }

    public boolean scripted() {
        return timeToFailure == null;
    }
}
