package org.hvsim.model.arch;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The parameters that make an architecture cost what it costs:
 * <ul>
 *   <li>{@code cpuFactor}: CPU time per unit of native CPU demand (binary translation, VM exits);</li>
 *   <li>{@code disk}, {@code net}: the CPU an I/O costs besides the guest's own driver, per disk
 *       operation and per network packet, split by where it runs: the guest's vCPU, the hypervisor, or
 *       the control domain ({@link IoCosts});</li>
 *   <li>{@code control}: the parent partition, host OS or service console, scheduled like a VM, with
 *       its own load and management agents; null when there is none (native);</li>
 *   <li>the hypervisor scheduler, by registered name.</li>
 * </ul>
 *
 * @param sources parameter name → where its value comes from (row of published-measurements.md)
 */
public record ArchitectureProfile(String name, ArchitectureKind kind, double cpuFactor, IoCosts disk, IoCosts net,
        String scheduler, ControlDomain control, Map<String, String> sources) {

    public ArchitectureProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(disk, "disk");
        Objects.requireNonNull(net, "net");
        if (!(cpuFactor >= 1) || Double.isInfinite(cpuFactor)) {
            throw new IllegalArgumentException(name + ": cpu factor must be >= 1, got " + cpuFactor);
        }
        if ((disk.control() > 0 || net.control() > 0) && control == null) {
            throw new IllegalArgumentException(name + ": I/O work in a control domain needs a control domain");
        }
        sources = Map.copyOf(sources);
    }

    /** A first-order profile: per-I/O costs on the guest's vCPU only, no control domain. */
    public ArchitectureProfile(String name, ArchitectureKind kind, double cpuFactor, double diskOpCpu,
            double netPacketCpu, String scheduler, Map<String, String> sources) {
        this(name, kind, cpuFactor, new IoCosts(diskOpCpu, 0, 0), new IoCosts(netPacketCpu, 0, 0), scheduler, null,
                sources);
    }

    /** Extra CPU seconds per disk operation on the guest's vCPU. */
    public double diskOpCpu() {
        return disk.guest();
    }

    /** Extra CPU seconds per network packet on the guest's vCPU. */
    public double netPacketCpu() {
        return net.guest();
    }

    public boolean hasControlDomain() {
        return control != null;
    }

    public ArchitectureProfile withName(String newName) {
        return new ArchitectureProfile(newName, kind, cpuFactor, disk, net, scheduler, control, sources);
    }

    public ArchitectureProfile withCpuFactor(double v) {
        return new ArchitectureProfile(name, kind, v, disk, net, scheduler, control, override("cpu_factor"));
    }

    public ArchitectureProfile withDiskOpCpu(double v) {
        return withDisk(new IoCosts(v, disk.hypervisor(), disk.control()));
    }

    public ArchitectureProfile withNetPacketCpu(double v) {
        return withNet(new IoCosts(v, net.hypervisor(), net.control()));
    }

    public ArchitectureProfile withDisk(IoCosts d) {
        return new ArchitectureProfile(name, kind, cpuFactor, d, net, scheduler, control, override("disk_op_cpu"));
    }

    public ArchitectureProfile withNet(IoCosts n) {
        return new ArchitectureProfile(name, kind, cpuFactor, disk, n, scheduler, control, override("net_packet_cpu"));
    }

    public ArchitectureProfile withScheduler(String v) {
        return new ArchitectureProfile(name, kind, cpuFactor, disk, net, v, control, override("scheduler"));
    }

    public ArchitectureProfile withControl(ControlDomain c) {
        return new ArchitectureProfile(name, kind, cpuFactor, disk, net, scheduler, c, override("control"));
    }

    private Map<String, String> override(String key) {
        Map<String, String> m = new HashMap<>(sources);
        m.put(key, "scenario file");
        return m;
    }

    /** Bytes of host memory the architecture itself takes (its control domain's; the hypervisor's later). */
    public double fixedMemory() {
        return control == null ? 0 : control.memory();
    }

    /** Bytes of overhead per VM of {@code vmMemory} configured bytes (0 in the first-order profiles). */
    public double perVmMemory(double vmMemory) {
        return 0;
    }

    /** Where a parameter's value comes from. */
    public String source(String parameter) {
        return sources.getOrDefault(parameter, "built-in default");
    }
}
