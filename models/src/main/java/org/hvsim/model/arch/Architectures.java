package org.hvsim.model.arch;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.hvsim.model.hypervisor.EsxScheduler;
import org.hvsim.model.hypervisor.HostOsScheduler;
import org.hvsim.model.hypervisor.ProcessorSharingScheduler;
import org.hvsim.model.hypervisor.XenCreditScheduler;

/**
 * The built-in architecture profiles, by name. Every value cites its row in
 * shared/reference/published-measurements.md; docs/profiles.md explains the derivations.
 */
public final class Architectures {

    private static final Map<String, ArchitectureProfile> BUILT_IN = new LinkedHashMap<>();

    static {
        register(new ArchitectureProfile("native", ArchitectureKind.NATIVE, 1.0, 0, 0,
                ProcessorSharingScheduler.NAME,
                Map.of("scheduler", "definition: an ideal, overhead-free OS scheduler",
                        "cpu_factor", "definition: the baseline (R1.a native = 1.00)",
                        "disk_op_cpu", "definition: no virtualization path",
                        "net_packet_cpu", "definition: no virtualization path")));
        // Hosted: VMware Workstation 3.2 on Linux (R1). SPEC INT2000 at 0.98 of native (R1.a).
        // ttcp TX at MTU 1500 is CPU-bound at 291 Mb/s = 41 us per 1500-byte packet, native reaches line
        // rate (897 Mb/s, at most 13.4 us per packet): at least 28 us extra per packet (R1.e).
        // 10K file create 85.6 us vs 66.0 native: 20 us extra per file-system operation (R1.d).
        register(new ArchitectureProfile("hosted", ArchitectureKind.HOSTED, 1 / 0.98, 20e-6, 28e-6,
                HostOsScheduler.NAME,
                Map.of("scheduler", "the host OS's fair-share scheduler runs the VMM processes (DESIGN.md)",
                        "cpu_factor", "R1.a SPEC INT2000, VMware Workstation 0.98 of native",
                        "disk_op_cpu", "R1.d 10K create, 85.6 - 66.0 us",
                        "net_packet_cpu", "R1.e ttcp TX MTU 1500: 1500 B / 291 Mb/s - 1500 B / 897 Mb/s")));
        // Monolithic: ESX 3.0.1, 3 % average slowdown vs native (R5). No per-operation figure is
        // published; an in-hypervisor driver path is taken to cost what Xen's measured path costs (R1.d, R1.e).
        register(new ArchitectureProfile("monolithic", ArchitectureKind.MONOLITHIC, 1.03, 2.2e-6, 1.1e-6,
                EsxScheduler.NAME,
                Map.of("scheduler", "R6: ESX proportional share with relaxed co-scheduling",
                        "cpu_factor", "R5 VMware 2007: ESX 3.0.1 average slowdown 3 %",
                        "disk_op_cpu", "no published figure; taken equal to Xen's R1.d 10K create difference",
                        "net_packet_cpu", "no published figure; taken equal to Xen's R1.e MTU 500 TX difference")));
        // Microkernel: Xen 3.0 with a paravirtualized guest (R1). SPEC INT2000 1.00 (R1.a).
        // ttcp TX MTU 500: native 602 Mb/s = 6.64 us per packet, Xen 516 Mb/s = 7.75 us: 1.1 us extra (R1.e).
        // 10K create 68.2 vs 66.0 us: 2.2 us extra (R1.d).
        register(new ArchitectureProfile("microkernel", ArchitectureKind.MICROKERNEL, 1.0, 2.2e-6, 1.1e-6,
                XenCreditScheduler.NAME,
                Map.of("scheduler", "R6: Xen's credit scheduler (Xen 3.0, the product R1 measured)",
                        "cpu_factor", "R1.a SPEC INT2000, Xen 1.00 of native",
                        "disk_op_cpu", "R1.d 10K create, 68.2 - 66.0 us",
                        "net_packet_cpu", "R1.e ttcp TX MTU 500: 500 B / 516 Mb/s - 500 B / 602 Mb/s")));
    }

    private Architectures() {
    }

    private static void register(ArchitectureProfile p) {
        BUILT_IN.put(p.name(), p);
    }

    public static Optional<ArchitectureProfile> byName(String name) {
        return Optional.ofNullable(BUILT_IN.get(name));
    }

    public static Set<String> names() {
        return Collections.unmodifiableSet(BUILT_IN.keySet());
    }
}
