package org.hvsim.model.arch;

import java.util.Map;
import java.util.Objects;

/**
 * The parameters that make an architecture cost what it costs, mechanistically:
 * <ul>
 *   <li>per guest kind ({@link GuestCosts}, enlightened or emulated): a multiplier on CPU demand, the CPU
 *       of the disk and network paths split by where it runs (the guest's vCPU, the hypervisor, the
 *       control domain), and the extra CPU of privileged operations;</li>
 *   <li>{@code control}: the parent partition, host OS or service console, scheduled like a VM, with
 *       its services and management agents; null when there is none (native);</li>
 *   <li>{@code memory}: the hypervisor's footprint and the per-VM overhead (the control domain's
 *       memory is its own);</li>
 *   <li>the hypervisor scheduler, by registered name.</li>
 * </ul>
 *
 * @param switchCost pCPU seconds of a world switch between two VMs (the scheduler's default for it)
 * @param sources parameter name → where its value comes from (a row of docs/references.md)
 */
public record ArchitectureProfile(String name, ArchitectureKind kind, GuestCosts enlightened, GuestCosts emulated,
        String scheduler, double switchCost, ControlDomain control, MemoryFootprint memory,
        Map<String, String> sources) {

    public ArchitectureProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(enlightened, "enlightened");
        Objects.requireNonNull(emulated, "emulated");
        Objects.requireNonNull(memory, "memory");
        if (!(switchCost >= 0)) {
            throw new IllegalArgumentException(name + ": switch cost must be >= 0");
        }
        for (GuestCosts g : new GuestCosts[] {enlightened, emulated}) {
            if ((g.disk().control() > 0 || g.net().control() > 0 || g.netReceive().control() > 0
                    || g.disk().driver() == IoCosts.Driver.CONTROL || g.net().driver() == IoCosts.Driver.CONTROL
                    || g.netReceive().driver() == IoCosts.Driver.CONTROL) && control == null) {
                throw new IllegalArgumentException(name + ": I/O work in a control domain needs a control domain");
            }
        }
        // in insertion order (Map.copyOf's order changes from one JVM run to the next)
        sources = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sources));
    }

    /** The costs of a guest with ({@code true}) or without paravirtual drivers. */
    public GuestCosts costs(boolean enlightenedGuest) {
        return enlightenedGuest ? enlightened : emulated;
    }

    /** The enlightened guest's CPU factor. */
    public double cpuFactor() {
        return enlightened.cpuFactor();
    }

    /** The enlightened guest's disk path. */
    public IoCosts disk() {
        return enlightened.disk();
    }

    /** The enlightened guest's network path. */
    public IoCosts net() {
        return enlightened.net();
    }

    /** Extra CPU seconds per disk operation on an enlightened guest's vCPU. */
    public double diskOpCpu() {
        return enlightened.disk().guest();
    }

    /** Extra CPU seconds per network packet on an enlightened guest's vCPU. */
    public double netPacketCpu() {
        return enlightened.net().guest();
    }

    public boolean hasControlDomain() {
        return control != null;
    }

    private ArchitectureProfile with(GuestCosts e, GuestCosts m, String s, ControlDomain c, MemoryFootprint mem,
            String changed) {
        Map<String, String> src = sources;
        if (changed != null) {
            src = new java.util.LinkedHashMap<>(sources);
            src.put(changed, "scenario file");
        }
        return new ArchitectureProfile(name, kind, e, m, s, switchCost, c, mem, src);
    }

    public ArchitectureProfile withName(String newName) {
        return new ArchitectureProfile(newName, kind, enlightened, emulated, scheduler, switchCost, control, memory,
                sources);
    }

    /** Sets the CPU factor of both guest kinds. */
    public ArchitectureProfile withCpuFactor(double v) {
        return with(enlightened.withCpuFactor(v), emulated.withCpuFactor(v), scheduler, control, memory, "cpu_factor");
    }

    /** Sets the per-operation disk CPU on the guest's vCPU, for both guest kinds. */
    public ArchitectureProfile withDiskOpCpu(double v) {
        return with(enlightened.withDisk(enlightened.disk().withGuest(v)), emulated.withDisk(emulated.disk().withGuest(v)),
                scheduler,
                control, memory, "disk_op_cpu");
    }

    /** Sets the per-packet network CPU on the guest's vCPU, for both guest kinds and both directions. */
    public ArchitectureProfile withNetPacketCpu(double v) {
        return with(guestNetCpu(enlightened, v), guestNetCpu(emulated, v), scheduler, control, memory, "net_packet_cpu");
    }

    private static GuestCosts guestNetCpu(GuestCosts g, double v) {
        return g.withNet(g.net().withGuest(v)).withNetReceive(g.netReceive().withGuest(v));
    }

    /** Sets the disk path's costs of both guest kinds; each keeps where its driver runs. */
    public ArchitectureProfile withDisk(IoCosts d) {
        return with(enlightened.withDisk(d.withDriver(enlightened.disk().driver())),
                emulated.withDisk(d.withDriver(emulated.disk().driver())), scheduler, control, memory, "disk_path");
    }

    /** Sets the network path of both guest kinds, both directions. */
    public ArchitectureProfile withNet(IoCosts n) {
        return with(enlightened.withNet(n.withDriver(enlightened.net().driver())),
                emulated.withNet(n.withDriver(emulated.net().driver())), scheduler, control, memory, "net_path");
    }

    /** Sets the receive network path of both guest kinds (after {@link #withNet}, which sets both). */
    public ArchitectureProfile withNetReceive(IoCosts n) {
        return with(enlightened.withNetReceive(n.withDriver(enlightened.netReceive().driver())),
                emulated.withNetReceive(n.withDriver(emulated.netReceive().driver())), scheduler, control, memory,
                "net_receive_path");
    }

    /** Sets the host-side synchronous-write extra of both guest kinds. */
    public ArchitectureProfile withSyncWrite(double seconds) {
        return with(enlightened.withSyncWrite(seconds), emulated.withSyncWrite(seconds), scheduler, control, memory,
                "sync_write");
    }

    public ArchitectureProfile withScheduler(String v) {
        return with(enlightened, emulated, v, control, memory, "scheduler");
    }

    public ArchitectureProfile withControl(ControlDomain c) {
        return with(enlightened, emulated, scheduler, c, memory, "control");
    }

    public ArchitectureProfile withMemory(MemoryFootprint m) {
        return with(enlightened, emulated, scheduler, control, m, "memory");
    }

    /** Bytes of host memory the architecture itself takes: the hypervisor's and the control domain's. */
    public double fixedMemory() {
        return memory.hypervisor() + (control == null ? 0 : control.memory());
    }

    /** Bytes of overhead per VM of {@code vmMemory} configured bytes. */
    public double perVmMemory(double vmMemory) {
        return memory.perVm(vmMemory);
    }

    /** Where a parameter's value comes from. */
    public String source(String parameter) {
        return sources.getOrDefault(parameter, "built-in default");
    }
}
