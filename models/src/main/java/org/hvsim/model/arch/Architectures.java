package org.hvsim.model.arch;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.hvsim.model.arch.ControlDomain.Management;
import org.hvsim.model.arch.GuestCosts.PrivilegedCosts;
import org.hvsim.model.hypervisor.EsxScheduler;
import org.hvsim.model.hypervisor.HostOsScheduler;
import org.hvsim.model.hypervisor.HyperVScheduler;
import org.hvsim.model.hypervisor.XenCreditScheduler;

/**
 * The built-in architecture profiles, by name: named products and the generic names that alias them
 * (hosted = vmware-workstation, monolithic = esx-3.0, microkernel = xen-3.0, the products R1 measured).
 * Every value is derived in docs/profiles.md from rows of docs/references.md,
 * or marked there as outside the table (OUT) or as having no published figure (NPF) with its reasoning.
 * I/O costs are the extra CPU over native per disk operation and per network packet, one path for
 * packets the guest sends and one for packets it receives, split by where it runs.
 */
public final class Architectures {

    private static final Map<String, ArchitectureProfile> BUILT_IN = new LinkedHashMap<>();
    private static final double MB = 1024.0 * 1024;
    private static final double US = 1e-6;
    /** Paravirtual devices: the real driver sits behind the channel, in dom0 / the parent partition. */
    private static final IoCosts.Driver PARENT = IoCosts.Driver.CONTROL;
    /** ESX's vmxnet: the real NIC driver is the vmkernel's. */
    private static final IoCosts.Driver VMKERNEL = IoCosts.Driver.HYPERVISOR;

    static {
        ArchitectureProfile nativeProfile = new ArchitectureProfile("native", ArchitectureKind.NATIVE, GuestCosts.NATIVE,
                GuestCosts.NATIVE, HostOsScheduler.NATIVE_NAME, 0, null, MemoryFootprint.NONE,
                ordered("scheduler", "definition: the OS's fair-share scheduler with its wake-up preference at "
                        + "CFS's 6 ms grain (native-os), no switch cost beyond the guests' own demands",
                        "cpu_factor", "definition: the baseline (R1.a native = 1.00)",
                        "privileged", "definition: native costs are the baseline (R1.b, R1.c, R1.d)",
                        "disk_op_cpu", "definition: no virtualization path",
                        "net_packet_cpu", "definition: no virtualization path",
                        "sync_write", "definition: the guest's write reaches the disk as it is",
                        "control", "definition: no control domain",
                        "memory", "definition: no hypervisor"));
        register(nativeProfile);

        // Binary translation (VMware's VMM, R1 VMware WS 3.2): R1.a 0.98; R1.b/d/c extras over native;
        // a page-table update 10.3 us (R1.b fork/exec/sh and R1.d mmap: 7.85 x Xen's, their mean VMware/Xen
        // extra ratio; docs/profiles.md "Page-table updates").
        PrivilegedCosts bt = new PrivilegedCosts(0.28 * US, 10.98 * US, 17.33 * US, 10.3 * US);
        // First-generation hardware assist from R4's HW/BT ratios applied to R1's BT extras: page fault 2.0 x BT
        // (R4 kernel build), page-table update 3.25 x BT = 33.5 us (R4 forkwait); context switch 56.3 us NPF.
        PrivilegedCosts hw = new PrivilegedCosts(0, 22.0 * US, 56.3 * US, 33.5 * US);
        // The hosted path (world switch into the host OS, host driver): R1.e MTU 500 TX 33 / RX 17 us per
        // packet; the host's VMNet part 9.3 us per packet either way (R9: 22.7 us per event at 733 MHz x the
        // NPF speed 0.41), the rest in the VMM (hypervisor). Disk 60 us (NPF), 29 VMM + 31 host.
        IoCosts hostedDisk = new IoCosts(0, 29 * US, 31 * US);
        IoCosts hostedSend = new IoCosts(0, 23.7 * US, 9.3 * US);
        IoCosts hostedReceive = new IoCosts(0, 7.7 * US, 9.3 * US);
        // A guest's synchronous write becomes a synchronous write of the host's virtual-disk file: one more
        // random access of the same disk, 4.65 ms (R1.a OSDB-OLTP VMware 0.12; docs/profiles.md "I/O chains" 2.3).
        double hostedSyncWrite = 4.65e-3;
        // A hosted VMM's guest, with or without VMware Tools: binary translation (R1.a 0.98) and the hosted path.
        GuestCosts hostedGuest = new GuestCosts(1 / 0.98, hostedDisk, hostedSend, hostedReceive, bt, hostedSyncWrite);
        // An emulated device in a user-space process of another OS (Xen HVM's qemu-dm, Hyper-V's vmwp.exe):
        // the hosted path's shape and costs (NPF), with hardware assist.
        GuestCosts hwEmulated = new GuestCosts(1.0, hostedDisk, hostedSend, hostedReceive, hw, hostedSyncWrite);

        ArchitectureProfile workstation = hosted("vmware-workstation", hostedGuest,
                new ControlDomain("host-os", 0, 0, 0, 96 * MB, 0.005, ControlDomain.BACKGROUND_BURST,
                        new Management(10, 1e-3, 0.2e-3), 6),
                new MemoryFootprint(0, 16 * MB, 0),
                sources("the host OS's fair-share scheduler runs the VMM processes",
                        "R1.a SPEC INT2000, VMware Workstation 0.98 of native",
                        "R1.b null call, R1.d page fault, R1.c context switch: VMware WS - native; page-table "
                                + "update 10.3 us (R1.b fork/exec/sh, R1.d mmap: 7.85 x Xen's)",
                        "NPF: ~8 register traps + 2 world switches + host file/block path, 60 us",
                        "R1.e ttcp MTU 500: TX 33 us, RX 17 us extra per packet; host part 9.3 us (R9 22.7 us "
                                + "per event x NPF speed 0.41); R5 Sugerman 5-6x",
                        "NPF: two world switches and a host process switch (R1.c 0.77 us)",
                        "R1.a OSDB-OLTP VMware 0.12: a host-side synchronous write, 4.65 ms per guest sync write",
                        "host memory 96 MB (OUT: VMware Workstation 3.0 manual); services NPF",
                        "16 MB per VM (OUT: VMware Workstation 3.0 manual)"));
        register(workstation);
        register(workstation.withName("hosted"));

        register(hosted("virtual-server-2005", hostedGuest,
                new ControlDomain("host-os", 0, 0, 0, 512 * MB, 0.01, ControlDomain.BACKGROUND_BURST,
                        new Management(5, 5e-3, 2e-3), 12),
                new MemoryFootprint(0, 32 * MB, 0),
                sources("R6: Virtual Server 2005 weight 1-10000 (default 100)",
                        "NPF: R1 VMware WS used as a proxy (hosted, software VMM)",
                        "NPF: R1 VMware WS extras as a proxy",
                        "NPF: the hosted path, as vmware-workstation",
                        "proxy from R1.e / R5 Sugerman / R9, as vmware-workstation",
                        "NPF: as vmware-workstation",
                        "NPF: R1.a OSDB-OLTP VMware WS (4.65 ms) as a proxy",
                        "Windows Server 2003 host 512 MB (OUT: Microsoft KB 903748); rest NPF",
                        "R5: 32 MB per VM on top of its configured RAM")));

        ArchitectureProfile esx = new ArchitectureProfile("esx-3.0", ArchitectureKind.MONOLITHIC,
                // vmxnet (VMware Tools) for the enlightened guest, vlance emulation otherwise; disk in the vmkernel.
                new GuestCosts(1 / 0.98, new IoCosts(0, 12.5 * US, 0), new IoCosts(0, 0.8 * US, 0, VMKERNEL),
                        new IoCosts(0, 0.9 * US, 0, VMKERNEL), bt, 0),
                new GuestCosts(1 / 0.98, new IoCosts(0, 12.5 * US, 0), new IoCosts(0, 6.1 * US, 0),
                        new IoCosts(0, 5.9 * US, 0), bt, 0),
                EsxScheduler.NAME, 2 * US,
                new ControlDomain("service-console", 1, 2000, 0.08, 272 * MB, 0.01, ControlDomain.BACKGROUND_BURST,
                        new Management(20, 20e-3, 5e-3), 4),
                new MemoryFootprint(50 * MB, 54 * MB, 32 * MB),
                sources("R6: ESX proportional share with relaxed co-scheduling",
                        "R1.a VMware 0.98 (same binary-translation VMM); R5 ESX 3 % average as a check",
                        "R1.b/d/c VMware - native: in-VMM costs, no host OS involved; page-table update 10.3 us "
                                + "(R1.b fork/exec/sh, R1.d mmap)",
                        "NPF: doorbell trap + vmkernel storage stack + driver, 12.5 us",
                        "NPF: vmxnet = Xen's ring cost without the dom0 switch (TX 0.8, RX 0.9 us); vlance TX 6.1, RX 5.9 us",
                        "NPF: as Xen (R1.c Xen 1.97 us)",
                        "definition: the vmkernel issues the guest's write as it is (no host file system)",
                        "service console 272 MB, 2000 shares, 8 % reserved (OUT: VMware guides); agents NPF",
                        "vmkernel 50 MB, per VM 54 MB + 32 MB/GB (OUT: VMware guides)"));
        register(esx);
        register(esx.withName("monolithic"));

        // Xen paravirtual guest: R1.e TX 1.11 / RX 1.21 us extra per packet, R1.d 2.2 us per file operation;
        // a page-table update (a hypercall) 1.31 us, as a page fault (R1.b fork/exec/sh fit their counts on it).
        ArchitectureProfile xen = new ArchitectureProfile("xen-3.0", ArchitectureKind.MICROKERNEL,
                new GuestCosts(1.0, new IoCosts(0.8 * US, 0.6 * US, 0.8 * US, PARENT),
                        new IoCosts(0.35 * US, 0.36 * US, 0.40 * US, PARENT),
                        new IoCosts(0.30 * US, 0.46 * US, 0.45 * US, PARENT),
                        new PrivilegedCosts(0.01 * US, 1.31 * US, 1.20 * US, 1.31 * US), 0),
                hwEmulated,
                XenCreditScheduler.NAME, 2 * US,
                new ControlDomain("parent", 0, 256, 0, 512 * MB, 0.005, ControlDomain.BACKGROUND_BURST,
                        new Management(5, 2e-3, 0.5e-3), 6),
                new MemoryFootprint(64 * MB, 20e3, 0),
                sources("R6: Xen's credit scheduler (Xen 3.0, the product R1 measured)",
                        "R1.a SPEC INT2000, Xen 1.00 of native",
                        "R1.b null call, R1.d page fault, R1.c context switch: Xen - native; page-table update "
                                + "1.31 us (as a page fault); HVM guests: R4 hardware-assist ratios (page-table "
                                + "update 33.5 us from R4 forkwait; context switch 56.3 us NPF)",
                        "R1.d 10K create 68.2 - 66.0 us (stand-in), split front end / event / back end",
                        "R1.e ttcp MTU 500: TX 1.11, RX 1.21 us extra per packet",
                        "NPF: a domain switch ~ R1.c Xen 2p/0K 1.97 us",
                        "definition for PV (blkback issues the write as it is); HVM's qemu-dm: NPF, the hosted "
                                + "4.65 ms (R1.a OSDB-OLTP VMware)",
                        "dom0 512 MB (OUT: XenServer guide range 200-752 MB), one vCPU per pCPU, weight 256 (R6)",
                        "Xen 64 MB (OUT: Xen 3.0 interface guide bound); 20 kB per domain (R1.f)"));
        register(xen);
        register(xen.withName("microkernel"));

        // Hyper-V (Windows Server 2008): R2 guest 88-91 % of native; pass-through disk 6-8 %.
        GuestCosts hypervEnlightened = new GuestCosts(1 / 0.895, new IoCosts(0.4 * US, 0.25 * US, 0.4 * US, PARENT),
                new IoCosts(0.1 * US, 0.25 * US, 1.15 * US, PARENT), new IoCosts(0.1 * US, 0.25 * US, 1.45 * US, PARENT),
                PrivilegedCosts.NONE, 0);
        GuestCosts hypervEmulated = hwEmulated.withCpuFactor(1 / 0.895);
        Map<String, String> hypervSources = sources("R6: Hyper-V weight 1-10000 (default 100), reserve and limit %",
                "R2: a guest sees 88-91 % of native -> 1/0.895",
                "R2's aggregate is in cpu_factor; emulated guests: R4 hardware-assist ratios (page-table "
                        + "update 33.5 us from R4 forkwait; context switch 56.3 us NPF)",
                "R2: pass-through disk 6-8 % -> 1.05 us per operation over a 15 us native path",
                "NPF: VMBus channel + a copy in the parent's virtual switch, TX 1.5, RX 1.8 us",
                "NPF: as Xen (R1.c Xen 1.97 us)",
                "definition for pass-through (the VSP issues the write as it is); emulated devices (vmwp.exe): "
                        + "NPF, the hosted 4.65 ms (R1.a OSDB-OLTP VMware)",
                "parent 512 MB core / 1 GB full (OUT: Windows Server 2008 requirements); "
                        + "reboots R3 (Core 67 % fewer); background CPU and agents NPF",
                "R2: hypervisor 300 MB; 32 MB for a VM's first GB + 8 MB per further GB");
        MemoryFootprint hypervMemory = new MemoryFootprint(300 * MB, 32 * MB, 8 * MB);
        register(new ArchitectureProfile("hyperv-2008-core", ArchitectureKind.MICROKERNEL, hypervEnlightened,
                hypervEmulated, HyperVScheduler.NAME, 2 * US,
                new ControlDomain("parent", 0, 100, 0, 512 * MB, 0.005, ControlDomain.BACKGROUND_BURST,
                        new Management(5, 5e-3, 1e-3), 4),
                hypervMemory, hypervSources));
        register(new ArchitectureProfile("hyperv-2008-full", ArchitectureKind.MICROKERNEL, hypervEnlightened,
                hypervEmulated, HyperVScheduler.NAME, 2 * US,
                new ControlDomain("parent", 0, 100, 0, 1024 * MB, 0.01, ControlDomain.BACKGROUND_BURST,
                        new Management(5, 5e-3, 1e-3), 12),
                hypervMemory, hypervSources));
    }

    private Architectures() {
    }

    private static void register(ArchitectureProfile p) {
        BUILT_IN.put(p.name(), p);
    }

    /** A hosted VMM: its VMs are processes of the host OS, whose scheduler runs them; a world switch is 10 us. */
    private static ArchitectureProfile hosted(String name, GuestCosts guest, ControlDomain host, MemoryFootprint memory,
            Map<String, String> sources) {
        return new ArchitectureProfile(name, ArchitectureKind.HOSTED, guest, guest, HostOsScheduler.NAME, 10 * US, host,
                memory, sources);
    }

    /** Where each parameter of a virtualized profile comes from: every profile names all nine, in this order. */
    private static Map<String, String> sources(String scheduler, String cpuFactor, String privileged, String diskOpCpu,
            String netPacketCpu, String switchCost, String syncWrite, String control, String memory) {
        return ordered("scheduler", scheduler, "cpu_factor", cpuFactor, "privileged", privileged,
                "disk_op_cpu", diskOpCpu, "net_packet_cpu", netPacketCpu, "switch_cost", switchCost,
                "sync_write", syncWrite, "control", control, "memory", memory);
    }

    /** Key, value, key, value... in that order (Map.of's order changes from one JVM run to the next). */
    private static Map<String, String> ordered(String... keysAndValues) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    public static Optional<ArchitectureProfile> byName(String name) {
        return Optional.ofNullable(BUILT_IN.get(name));
    }

    public static Set<String> names() {
        return Collections.unmodifiableSet(BUILT_IN.keySet());
    }
}
