package org.hvsim.model.system;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.hvsim.model.arch.ArchitectureProfile;

/**
 * Does the VM set fit in the host's memory? What the VMs need is their configured memory plus the
 * architecture's per-VM overhead; what the host offers is its RAM less the hypervisor's and the
 * parent's or host OS's own footprint (see {@link org.hvsim.model.arch.ArchitectureProfile}).
 *
 * <p>Footprints are never negative, so VMs whose configured memory alone exceeds the host's RAM fit
 * under no architecture: {@link #refusal(double, List)} says so before any architecture is known.
 */
public final class MemoryAdmission {

    private MemoryAdmission() {
    }

    /** What one VM template asks for: {@code count} instances of {@code memory} configured bytes. */
    public record Demand(String name, int count, double memory) {
    }

    /** Bytes the VMs need, overheads included. */
    public static double needed(SystemSpec s) {
        return needed(s.architecture(), demands(s));
    }

    /** Bytes available to VMs. */
    public static double available(SystemSpec s) {
        return s.host().memory() - s.architecture().fixedMemory();
    }

    /** Fraction of the VMs' memory that cannot be resident (0 when they fit). */
    public static double overcommitFraction(SystemSpec s) {
        double need = needed(s);
        double have = Math.max(0, available(s));
        return need <= have ? 0 : (need - have) / need;
    }

    /** Why the VM set does not fit, unless overcommit is allowed; empty when admitted. */
    public static Optional<String> refusal(SystemSpec s) {
        return s.memory().overcommit() ? Optional.empty()
                : refusal(s.host().memory(), s.architecture(), demands(s));
    }

    /** Why {@code vms} do not fit in {@code hostMemory} bytes of RAM by their configured memory alone. */
    public static Optional<String> refusal(double hostMemory, List<Demand> vms) {
        return refusal(hostMemory, null, vms);
    }

    /** As {@link #refusal(SystemSpec)}; with a null {@code architecture}, without any footprint. */
    private static Optional<String> refusal(double hostMemory, ArchitectureProfile architecture, List<Demand> vms) {
        double need = needed(architecture, vms);
        double have = architecture == null ? hostMemory : hostMemory - architecture.fixedMemory();
        if (need <= have) {
            return Optional.empty();
        }
        StringBuilder b = new StringBuilder();
        if (architecture == null) {
            b.append(String.format(Locale.ROOT, "the VMs need %s of memory (as configured, before any "
                    + "architecture's overhead) but the host has %s of RAM", gb(need), gb(have)));
        } else {
            b.append(String.format(Locale.ROOT, "the VMs need %s of memory but the host has %s for them under %s "
                    + "(%s RAM - %s for the hypervisor and %s)", gb(need), gb(have), architecture.name(),
                    gb(hostMemory), gb(architecture.fixedMemory()), "its parent/host OS"));
        }
        b.append(": short by ").append(gb(need - have));
        b.append("; VMs: ");
        String sep = "";
        for (Demand vm : vms) {
            b.append(sep).append(architecture == null
                    ? String.format(Locale.ROOT, "%s %d x %s", vm.name(), vm.count(), gb(vm.memory()))
                    : String.format(Locale.ROOT, "%s %d x (%s + %s overhead)", vm.name(), vm.count(),
                            gb(vm.memory()), gb(architecture.perVmMemory(vm.memory()))));
            sep = ", ";
        }
        b.append(". Reduce VMs or memory, or allow overcommit.");
        return Optional.of(b.toString());
    }

    private static List<Demand> demands(SystemSpec s) {
        return s.vms().stream().map(vm -> new Demand(vm.name(), vm.count(), vm.memory())).toList();
    }

    private static double needed(ArchitectureProfile architecture, List<Demand> vms) {
        double n = 0;
        for (Demand vm : vms) {
            n += vm.count() * (vm.memory() + (architecture == null ? 0 : architecture.perVmMemory(vm.memory())));
        }
        return n;
    }

    static String gb(double bytes) {
        return String.format(Locale.ROOT, "%.2f GB", bytes / (1024.0 * 1024 * 1024));
    }
}
