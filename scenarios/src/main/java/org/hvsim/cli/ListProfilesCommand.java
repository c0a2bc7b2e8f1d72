package org.hvsim.cli;

import java.util.concurrent.Callable;

import org.hvsim.model.arch.ArchitectureProfile;
import org.hvsim.model.arch.Architectures;

import picocli.CommandLine.Command;

/** Prints the built-in architecture profiles and where their values come from. */
@Command(name = "list-profiles", mixinStandardHelpOptions = true,
        description = "List the built-in architecture profiles with their parameters and sources.")
final class ListProfilesCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        for (String name : Architectures.names()) {
            ArchitectureProfile p = Architectures.byName(name).orElseThrow();
            System.out.printf("%s (%s), scheduler %s, world switch %s%n", p.name(),
                    p.kind().name().toLowerCase(java.util.Locale.ROOT), p.scheduler(), us(p.switchCost()));
            for (boolean enlightened : new boolean[] {true, false}) {
                var c = p.costs(enlightened);
                System.out.printf("  %-11s cpu_factor %s; per disk op guest/hypervisor/control %s/%s/%s, "
                        + "sync write +%s; per packet sent %s/%s/%s, received %s/%s/%s; "
                        + "syscall/page fault/context switch/page-table update +%s/+%s/+%s/+%s%n",
                        enlightened ? "enlightened" : "emulated", fmt(c.cpuFactor()), us(c.disk().guest()),
                        us(c.disk().hypervisor()), us(c.disk().control()), ms(c.syncWrite()), us(c.net().guest()),
                        us(c.net().hypervisor()), us(c.net().control()), us(c.netReceive().guest()),
                        us(c.netReceive().hypervisor()), us(c.netReceive().control()), us(c.privileged().syscall()),
                        us(c.privileged().pageFault()), us(c.privileged().contextSwitch()),
                        us(c.privileged().pageTableUpdate()));
            }
            if (p.hasControlDomain()) {
                var d = p.control();
                System.out.printf("  %s: vCPUs %s, weight %s, %.0f MB, background %.1f %% of a pCPU, agents every %s s "
                        + "(%s + %s per VM), %.0f patch reboots/year%n", d.role(), d.vcpus() == 0 ? "one per pCPU"
                        : Integer.toString(d.vcpus()), d.weight() == 0 ? "default" : Integer.toString(d.weight()),
                        d.memory() / 1048576, d.backgroundLoad() * 100, fmt(d.management().period()),
                        us(d.management().base()), us(d.management().perVm()), d.patchRebootsPerYear());
            }
            System.out.printf("  memory: hypervisor %.0f MB, per VM %.0f MB + %.0f MB per further GB%n",
                    p.memory().hypervisor() / 1048576, p.memory().perVmFixed() / 1048576,
                    p.memory().perVmPerGb() / 1048576);
            for (String k : java.util.List.of("cpu_factor", "privileged", "disk_op_cpu", "net_packet_cpu", "control",
                    "memory")) {
                System.out.printf("    %-15s %s%n", k, p.source(k));
            }
        }
        return Main.OK;
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.4f", v);
    }

    private static String ms(double seconds) {
        return String.format(java.util.Locale.ROOT, "%.2f ms", seconds * 1e3);
    }

    private static String us(double seconds) {
        return String.format(java.util.Locale.ROOT, "%.1f us", seconds * 1e6);
    }
}
