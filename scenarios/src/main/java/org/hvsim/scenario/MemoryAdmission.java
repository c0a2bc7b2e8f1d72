package org.hvsim.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;


/**
 * Whether the VMs fit in the host's memory. For now the test is the configured memory alone
 * (count × memory summed over templates against the host's RAM); the full memory model with
 * hypervisor, parent-partition and per-VM overheads arrives with the hardware issue and replaces this
 * one check.
 */
final class MemoryAdmission {

    private MemoryAdmission() {
    }

    /** What one VM template asks for: {@code count} instances of {@code memory} bytes. */
    record Demand(String name, int count, double memory) {
    }

    /** Why the VMs do not fit in {@code hostMemory} bytes, naming the numbers; empty if they fit. */
    static Optional<String> refusal(double hostMemory, List<Demand> vms) {
        if (vms.isEmpty()) {
            return Optional.empty();
        }
        double total = 0;
        List<String> parts = new ArrayList<>();
        for (Demand vm : vms) {
            total += vm.count() * vm.memory();
            parts.add(vm.count() + " × " + Formats.size(vm.memory()) + " (" + vm.name() + ")");
        }
        if (total <= hostMemory) {
            return Optional.empty();
        }
        String sum = String.join(" + ", parts) + (parts.size() > 1 || vms.get(0).count() > 1
                ? " = " + Formats.size(total) : "");
        return Optional.of("the VMs do not fit in the host's memory: " + sum + " configured, but host.memory is "
                + Formats.size(hostMemory) + "; give the host more memory or the VMs less");
    }
}
