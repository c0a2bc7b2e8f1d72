package org.hvsim.model.system;

import java.util.Locale;
import java.util.Optional;


/**
 * Does the VM set fit in the host's memory? What the VMs need is their configured memory plus the
 * architecture's per-VM overhead; what the host offers is its RAM less the hypervisor's and the
 * parent's or host OS's own footprint (see {@link org.hvsim.model.arch.ArchitectureProfile}).
 */
public final class MemoryAdmission {

    private MemoryAdmission() {
    }

    /** Bytes the VMs need, overheads included. */
    public static double needed(SystemSpec s) {
        double n = 0;
        for (VmSpec vm : s.vms()) {
            n += vm.count() * (vm.memory() + s.architecture().perVmMemory(vm.memory()));
        }
        return n;
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
        double need = needed(s);
        double have = available(s);
        if (need <= have || s.memory().overcommit()) {
            return Optional.empty();
        }
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "the VMs need %s of memory but the host has %s for them under %s "
                + "(%s RAM - %s for the hypervisor and %s)", gb(need), gb(have), s.architecture().name(),
                gb(s.host().memory()), gb(s.architecture().fixedMemory()), "its parent/host OS"));
        b.append(": short by ").append(gb(need - have));
        b.append("; VMs: ");
        String sep = "";
        for (VmSpec vm : s.vms()) {
            b.append(sep).append(String.format(Locale.ROOT, "%s %d x (%s + %s overhead)", vm.name(), vm.count(),
                    gb(vm.memory()), gb(s.architecture().perVmMemory(vm.memory()))));
            sep = ", ";
        }
        b.append(". Reduce VMs or memory, or allow overcommit.");
        return Optional.of(b.toString());
    }

    static String gb(double bytes) {
        return String.format(Locale.ROOT, "%.2f GB", bytes / (1024.0 * 1024 * 1024));
    }
}
