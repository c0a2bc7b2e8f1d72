package org.hvsim.model.hypervisor;

import static org.hvsim.model.hypervisor.Control.LIMIT;
import static org.hvsim.model.hypervisor.Control.RESERVATION;
import static org.hvsim.model.hypervisor.Control.WEIGHT;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.hvsim.core.engine.Simulation;
import org.hvsim.model.hardware.HostSpec;

/**
 * The registry of hypervisor schedulers by the name scenario files use, each with the controls it
 * honours (declared here, beside its factory, so that one line says what a scheduler is and does).
 */
public final class HypervisorSchedulers {

    /** Builds a scheduler for a host within one replication. */
    @FunctionalInterface
    public interface Factory {
        HypervisorScheduler create(Simulation sim, HostSpec host, SchedulerSettings settings);
    }

    private record Registration(SupportedControls controls, Factory factory) {
    }

    private static final Map<String, Registration> REGISTERED = new LinkedHashMap<>();

    static {
        register(ProcessorSharingScheduler.NAME, SupportedControls.NONE,
                (sim, h, s) -> new ProcessorSharingScheduler(sim, h.pcpus()));
        register(FcfsVcpuScheduler.NAME, SupportedControls.NONE,
                (sim, h, s) -> new FcfsVcpuScheduler(sim, h.pcpus(), s.switchCost()));
        register(RoundRobinVcpuScheduler.NAME, SupportedControls.NONE,
                (sim, h, s) -> new RoundRobinVcpuScheduler(sim, h.pcpus(), s.switchCost(), s.quantum()));
        register(XenCreditScheduler.NAME, SupportedControls.of(WEIGHT, LIMIT).called(LIMIT, "cap"),
                (sim, h, s) -> new XenCreditScheduler(sim, h.pcpus(), s.switchCost(), s.boost(), s.rateLimit(),
                        s.weighting()));
        register(EsxScheduler.NAME, SupportedControls.of(WEIGHT, RESERVATION, LIMIT).called(WEIGHT, "shares"),
                (sim, h, s) -> new EsxScheduler(sim, h.pcpus(), s.switchCost(), s.skewBound()));
        register(HyperVScheduler.NAME, SupportedControls.of(WEIGHT, RESERVATION, LIMIT).called(RESERVATION, "reserve"),
                (sim, h, s) -> new HyperVScheduler(sim, h.pcpus(), s.switchCost()));
        register(HostOsScheduler.NAME, SupportedControls.of(WEIGHT, RESERVATION, LIMIT),
                (sim, h, s) -> new HostOsScheduler(sim, h.pcpus(), s.switchCost()));
        register(HostOsScheduler.NATIVE_NAME, SupportedControls.of(WEIGHT, RESERVATION, LIMIT),
                (sim, h, s) -> HostOsScheduler.nativeOs(sim, h.pcpus(), s.switchCost()));
    }

    private HypervisorSchedulers() {
    }

    /** Registers a scheduler with the controls it honours (the others are refused, not ignored). */
    public static void register(String name, SupportedControls controls, Factory factory) {
        REGISTERED.put(name, new Registration(controls, factory));
    }

    public static Set<String> names() {
        return Collections.unmodifiableSet(REGISTERED.keySet());
    }

    /** The controls the named scheduler honours; empty if no scheduler has that name. */
    public static Optional<SupportedControls> controls(String name) {
        return Optional.ofNullable(REGISTERED.get(name)).map(Registration::controls);
    }

    /** The registered schedulers that honour {@code c}, in registration order. */
    public static List<String> supporting(Control c) {
        return REGISTERED.entrySet().stream().filter(e -> e.getValue().controls().supports(c)).map(Map.Entry::getKey)
                .toList();
    }

    /**
     * Why {@code client}'s controls cannot be run under the named scheduler (a control it would
     * ignore), if they cannot; an unknown scheduler is {@link #create}'s to refuse.
     */
    public static Optional<String> refusal(String scheduler, String client, CpuControls controls) {
        SupportedControls s = controls(scheduler).orElse(null);
        if (s == null || s.unsupportedIn(controls).isEmpty()) {
            return Optional.empty();
        }
        List<String> keys = s.unsupportedIn(controls).stream().map(Control::key).toList();
        return Optional.of(client + ": " + scheduler + " has no " + String.join(" or ", keys) + "; " + s.describe());
    }

    public static HypervisorScheduler create(SchedulerSettings settings, Simulation sim, HostSpec host) {
        Registration r = REGISTERED.get(settings.name());
        if (r == null) {
            throw new IllegalArgumentException("unknown hypervisor scheduler '" + settings.name() + "'; known: "
                    + names());
        }
        return r.factory().create(sim, host, settings);
    }
}
