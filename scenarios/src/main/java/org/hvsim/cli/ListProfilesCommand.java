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
            System.out.printf("%s (%s)%n", p.name(), p.kind().name().toLowerCase(java.util.Locale.ROOT));
            System.out.printf("  cpu_factor     %-10s %s%n", fmt(p.cpuFactor()), p.source("cpu_factor"));
            System.out.printf("  disk_op_cpu    %-10s %s%n", us(p.diskOpCpu()), p.source("disk_op_cpu"));
            System.out.printf("  net_packet_cpu %-10s %s%n", us(p.netPacketCpu()), p.source("net_packet_cpu"));
            System.out.printf("  scheduler      %s%n", p.scheduler());
        }
        return Main.OK;
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.4f", v);
    }

    private static String us(double seconds) {
        return String.format(java.util.Locale.ROOT, "%.1f us", seconds * 1e6);
    }
}
