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
 * The registry of hypervisor schedulers by the name scenario files use: one {@link SchedulerDescriptor}
 * each (its controls, weight range, tunables and factory), so that a new scheduler is its class plus
 * one line here.
 */
public final class HypervisorSchedulers {

    private static final Map<String, SchedulerDescriptor> REGISTERED = new LinkedHashMap<>();

    static {
        register(SchedulerDescriptor.of(ProcessorSharingScheduler.NAME, SupportedControls.NONE,
                (sim, h, s) -> new ProcessorSharingScheduler(sim, h.pcpus())));
        register(SchedulerDescriptor.of(FcfsVcpuScheduler.NAME, SupportedControls.NONE,
                (sim, h, s) -> new FcfsVcpuScheduler(sim, h.pcpus(), s.switchCost())));
        register(SchedulerDescriptor.of(RoundRobinVcpuScheduler.NAME, SupportedControls.NONE,
                (sim, h, s) -> new RoundRobinVcpuScheduler(sim, h.pcpus(), s.switchCost(),
                        s.duration(RoundRobinVcpuScheduler.QUANTUM))).reading(RoundRobinVcpuScheduler.QUANTUM));
        register(SchedulerDescriptor.of(XenCreditScheduler.NAME, SupportedControls.of(WEIGHT, LIMIT).called(LIMIT, "cap"),
                (sim, h, s) -> new XenCreditScheduler(sim, h.pcpus(), s.switchCost(), s.flag(XenCreditScheduler.WAKE_BOOST),
                        s.duration(XenCreditScheduler.RATE_LIMIT), XenCreditScheduler.Weighting.of(
                                s.choice(XenCreditScheduler.WEIGHTING))))
                .withMaxWeight(65535).reading(XenCreditScheduler.WAKE_BOOST, XenCreditScheduler.RATE_LIMIT,
                        XenCreditScheduler.WEIGHTING));
        register(SchedulerDescriptor.of(EsxScheduler.NAME,
                SupportedControls.of(WEIGHT, RESERVATION, LIMIT).called(WEIGHT, "shares"),
                (sim, h, s) -> new EsxScheduler(sim, h.pcpus(), s.switchCost(), s.duration(EsxScheduler.SKEW_BOUND)))
                .reading(EsxScheduler.SKEW_BOUND));
        register(SchedulerDescriptor.of(HyperVScheduler.NAME,
                SupportedControls.of(WEIGHT, RESERVATION, LIMIT).called(RESERVATION, "reserve"),
                (sim, h, s) -> new HyperVScheduler(sim, h.pcpus(), s.switchCost())).withMaxWeight(10000));
        register(SchedulerDescriptor.of(HostOsScheduler.NAME, SupportedControls.of(WEIGHT, RESERVATION, LIMIT),
                (sim, h, s) -> new HostOsScheduler(sim, h.pcpus(), s.switchCost())).withMaxWeight(10000));
        register(SchedulerDescriptor.of(HostOsScheduler.NATIVE_NAME, SupportedControls.of(WEIGHT, RESERVATION, LIMIT),
                (sim, h, s) -> HostOsScheduler.nativeOs(sim, h.pcpus(), s.switchCost())).withMaxWeight(10000));
    }

    private HypervisorSchedulers() {
    }

    /** Registers a scheduler by its descriptor (the controls it lacks are refused, not ignored). */
    public static void register(SchedulerDescriptor d) {
        REGISTERED.put(d.name(), d);
    }

    /** Takes a scheduler out again (tests that register a variant to compare with). */
    static void unregister(String name) {
        REGISTERED.remove(name);
    }

    public static Set<String> names() {
        return Collections.unmodifiableSet(REGISTERED.keySet());
    }

    /** The named scheduler's descriptor; empty if no scheduler has that name. */
    public static Optional<SchedulerDescriptor> descriptor(String name) {
        return Optional.ofNullable(REGISTERED.get(name));
    }

    /** The controls the named scheduler honours; empty if no scheduler has that name. */
    public static Optional<SupportedControls> controls(String name) {
        return descriptor(name).map(SchedulerDescriptor::controls);
    }

    /** The registered schedulers that honour {@code c}, in registration order. */
    public static List<String> supporting(Control c) {
        return REGISTERED.values().stream().filter(d -> d.controls().supports(c)).map(SchedulerDescriptor::name)
                .toList();
    }

    /** The registered schedulers that read {@code t}, in registration order. */
    public static List<String> reading(Tunable t) {
        return REGISTERED.values().stream().filter(d -> d.tunables().contains(t)).map(SchedulerDescriptor::name)
                .toList();
    }

    /** Every registered scheduler's tunables, once each (by key), in registration order. */
    public static List<Tunable> tunables() {
        Map<String, Tunable> byKey = new LinkedHashMap<>();
        for (SchedulerDescriptor d : REGISTERED.values()) {
            for (Tunable t : d.tunables()) {
                Tunable known = byKey.putIfAbsent(t.key(), t);
                if (known != null && !known.equals(t)) {
                    throw new IllegalStateException("two schedulers declare tunable '" + t.key() + "' differently");
                }
            }
        }
        return List.copyOf(byKey.values());
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
        SchedulerDescriptor d = REGISTERED.get(settings.name());
        if (d == null) {
            throw new IllegalArgumentException("unknown hypervisor scheduler '" + settings.name() + "'; known: "
                    + names());
        }
        return d.factory().create(sim, host, settings);
    }
}
