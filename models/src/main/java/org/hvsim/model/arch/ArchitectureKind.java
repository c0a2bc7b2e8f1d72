package org.hvsim.model.arch;

/** The structural families the simulator compares. */
public enum ArchitectureKind {
    /** No virtualization: the workload runs on the bare-metal OS. */
    NATIVE,
    /** A VMM running as a process of a full host OS (Virtual Server 2005, VMware Server/Workstation). */
    HOSTED,
    /** A hypervisor with its own drivers (VMware ESX). */
    MONOLITHIC,
    /** A thin hypervisor plus a parent partition holding the drivers (Hyper-V, Xen dom0). */
    MICROKERNEL
}
