package org.hvsim.model.hypervisor;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.hvsim.core.engine.Simulation;
import org.hvsim.model.hardware.HostSpec;

/** The registry of hypervisor schedulers by the name scenario files use. */
public final class HypervisorSchedulers {

    /** Builds a scheduler for a host within one replication. */
    @FunctionalInterface
    public interface Factory {
        HypervisorScheduler create(Simulation sim, HostSpec host, SchedulerSettings settings);
    }

    private static final Map<String, Factory> FACTORIES = new LinkedHashMap<>();

    static {
        register(ProcessorSharingScheduler.NAME, (sim, h, s) -> new ProcessorSharingScheduler(sim, h.pcpus()));
        register(FcfsVcpuScheduler.NAME, (sim, h, s) -> new FcfsVcpuScheduler(sim, h.pcpus(), s.switchCost()));
        register(RoundRobinVcpuScheduler.NAME,
                (sim, h, s) -> new RoundRobinVcpuScheduler(sim, h.pcpus(), s.switchCost(), s.quantum()));
        register(XenCreditScheduler.NAME,
                (sim, h, s) -> new XenCreditScheduler(sim, h.pcpus(), s.switchCost(), s.boost(), s.rateLimit(),
                        s.weighting()));
        register(EsxScheduler.NAME, (sim, h, s) -> new EsxScheduler(sim, h.pcpus(), s.switchCost(), s.skewBound()));
        register(HyperVScheduler.NAME, (sim, h, s) -> new HyperVScheduler(sim, h.pcpus(), s.switchCost()));
        register(HostOsScheduler.NAME, (sim, h, s) -> new HostOsScheduler(sim, h.pcpus(), s.switchCost()));
    }

    private HypervisorSchedulers() {
    }

    public static void register(String name, Factory factory) {
        FACTORIES.put(name, factory);
    }

    public static Set<String> names() {
        return Collections.unmodifiableSet(FACTORIES.keySet());
    }

    public static HypervisorScheduler create(SchedulerSettings settings, Simulation sim, HostSpec host) {
        Factory f = FACTORIES.get(settings.name());
        if (f == null) {
            throw new IllegalArgumentException("unknown hypervisor scheduler '" + settings.name() + "'; known: "
                    + names());
        }
        return f.create(sim, host, settings);
    }
}
