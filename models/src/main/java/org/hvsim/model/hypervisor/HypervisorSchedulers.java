package org.hvsim.model.hypervisor;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.hvsim.model.hardware.HostSpec;

/** The registry of hypervisor schedulers by the name scenario files use. */
public final class HypervisorSchedulers {

    private static final Map<String, Function<HostSpec, HypervisorScheduler>> FACTORIES = new LinkedHashMap<>();

    static {
        register(ProcessorSharingScheduler.NAME, h -> new ProcessorSharingScheduler(h.pcpus()));
    }

    private HypervisorSchedulers() {
    }

    public static void register(String name, Function<HostSpec, HypervisorScheduler> factory) {
        FACTORIES.put(name, factory);
    }

    public static Set<String> names() {
        return Collections.unmodifiableSet(FACTORIES.keySet());
    }

    public static HypervisorScheduler create(String name, HostSpec host) {
        Function<HostSpec, HypervisorScheduler> f = FACTORIES.get(name);
        if (f == null) {
            throw new IllegalArgumentException("unknown hypervisor scheduler '" + name + "'; known: " + names());
        }
        return f.apply(host);
    }
}
