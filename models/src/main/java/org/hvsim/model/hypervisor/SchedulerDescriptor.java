package org.hvsim.model.hypervisor;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a hypervisor scheduler is, in one place: the name scenario files use, the controls it honours,
 * the largest weight it takes, the tunables it reads and its factory. Registered with
 * {@link HypervisorSchedulers#register}; the loader and the generated docs read it from there.
 *
 * @param maxWeight the largest VM weight (shares) it accepts; the smallest is 1
 * @param tunables  the tunables it reads besides the switch cost, declared by the scheduler itself
 */
public record SchedulerDescriptor(String name, SupportedControls controls, int maxWeight, List<Tunable> tunables,
        Factory factory) {

    /** Builds a scheduler for a host within one replication. */
    @FunctionalInterface
    public interface Factory {
        HypervisorScheduler create(org.hvsim.core.engine.Simulation sim, org.hvsim.model.hardware.HostSpec host,
                SchedulerSettings settings);
    }

    /** The weight bound of a scheduler that states none. */
    public static final int ANY_WEIGHT = 1_000_000;

    public SchedulerDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(controls, "controls");
        Objects.requireNonNull(factory, "factory");
        tunables = List.copyOf(tunables);
        if (maxWeight < 1) {
            throw new IllegalArgumentException(name + ": the largest weight must be at least 1");
        }
    }

    /** A scheduler with no weight bound of its own and no tunables but the switch cost. */
    public static SchedulerDescriptor of(String name, SupportedControls controls, Factory factory) {
        return new SchedulerDescriptor(name, controls, ANY_WEIGHT, List.of(), factory);
    }

    public SchedulerDescriptor withMaxWeight(int max) {
        return new SchedulerDescriptor(name, controls, max, tunables, factory);
    }

    public SchedulerDescriptor reading(Tunable... t) {
        List<Tunable> all = new ArrayList<>(tunables);
        all.addAll(List.of(t));
        return new SchedulerDescriptor(name, controls, maxWeight, all, factory);
    }
}
