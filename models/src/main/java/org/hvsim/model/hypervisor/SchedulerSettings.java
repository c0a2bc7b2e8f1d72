package org.hvsim.model.hypervisor;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The hypervisor scheduler of an architecture and the values of its tunables. A tunable not given
 * here has its declared default; each scheduler reads the ones its descriptor lists.
 *
 * @param name       registered scheduler name
 * @param switchCost pCPU seconds per world switch between VMs, charged as hypervisor time (every
 *                   scheduler has one; its default is the architecture profile's)
 * @param values     tunable key → value given (Double seconds, Boolean or String), in the order given
 */
public record SchedulerSettings(String name, double switchCost, Map<String, Object> values) {

    public SchedulerSettings {
        Objects.requireNonNull(name, "name");
        if (!(switchCost >= 0)) {
            throw new IllegalArgumentException("switch cost must be >= 0, got " + switchCost);
        }
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** A scheduler by name with no switch cost and every tunable at its default. */
    public static SchedulerSettings of(String name) {
        return new SchedulerSettings(name, 0, Map.of());
    }

    /** The value of {@code t}: as given, else its default. */
    public Object value(Tunable t) {
        return values.getOrDefault(t.key(), t.defaultValue());
    }

    /** A duration tunable's value in seconds. */
    public double duration(Tunable t) {
        return (Double) value(t);
    }

    /** A flag tunable's value. */
    public boolean flag(Tunable t) {
        return (Boolean) value(t);
    }

    /** A choice tunable's value. */
    public String choice(Tunable t) {
        return (String) value(t);
    }

    /** These settings with {@code t} set to {@code value}, which must be of its kind and range. */
    public SchedulerSettings with(Tunable t, Object value) {
        if (!t.accepts(value)) {
            throw new IllegalArgumentException(t.key() + " = " + value + " is out of its range");
        }
        Map<String, Object> v = new LinkedHashMap<>(values);
        v.put(t.key(), value);
        return new SchedulerSettings(name, switchCost, v);
    }

    public SchedulerSettings withName(String n) {
        return new SchedulerSettings(n, switchCost, values);
    }

    public SchedulerSettings withSwitchCost(double c) {
        return new SchedulerSettings(name, c, values);
    }
}
