package org.hvsim.model.fault;

import java.util.List;
import java.util.Map;

/**
 * A scenario's faults and how they play out.
 *
 * @param boot         seconds a VM takes to boot once what it runs on is back
 * @param inFlight     what becomes of the requests in a VM that goes down
 * @param horizon      seconds of failure history for the availability run alone; 0 for none
 * @param patchReboots planned reboots of the control domain; {@link PatchReboots#NONE} for none
 * @param onCrash      per architecture name, a blast radius the file gives (else the family's default)
 * @param cluster      several hosts with failover, or null for one host
 */
public record FaultPlan(List<FaultSpec> faults, double boot, InFlight inFlight, double horizon,
        PatchReboots patchReboots, Map<String, BlastRadius> onCrash, ClusterSpec cluster) {

    public static final FaultPlan NONE = new FaultPlan(List.of(), 0, InFlight.LOST, 0, PatchReboots.NONE, Map.of(),
            null);

    public FaultPlan {
        faults = List.copyOf(faults);
        // in insertion order (Map.copyOf's order changes from one JVM run to the next)
        onCrash = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(onCrash));
    }

    /** False when nothing can fail: the model then runs exactly as without faults. */
    public boolean active() {
        return !faults.isEmpty() || patchReboots.active();
    }

    /**
     * Planned reboots of the control domain for its patches, at the profile's yearly rate
     * ({@code control.patchRebootsPerYear}, R3), evenly spaced from a random phase, each taking
     * {@code duration}; the VMs boot after it.
     */
    public record PatchReboots(boolean on, double duration) {
        public static final PatchReboots NONE = new PatchReboots(false, 0);

        public boolean active() {
            return on;
        }
    }
}
