package org.hvsim.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.hvsim.scenario.counters.CounterFiles;
import org.hvsim.scenario.counters.CounterSeries;
import org.hvsim.scenario.counters.MeasuredWorkload;
import org.hvsim.scenario.load.Problems;
import org.hvsim.scenario.load.Quantity;
import org.hvsim.scenario.load.UnitException;
import org.hvsim.scenario.load.Units;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Writes a VM template (a scenario fragment for {@code include}) from a monitoring tool's CSV export:
 * a workload that reproduces the measured CPU, disk and network rates over the day
 * (docs/profile-vm.md).
 */
@Command(name = "profile-vm", mixinStandardHelpOptions = true,
        description = {"Build a VM template from measured counters: perfmon / relog CSV, esxtop -b, or sar through sadf -d.",
                "The template (YAML for a scenario's include) has a workload whose request rate follows the measured "
                        + "day and whose requests reproduce the measured CPU, disk and network rates (docs/profile-vm.md).",
                "Problems in the file are reported as file:line:column: message, exit code 2, nothing written."})
final class ProfileVmCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "The counter file (CSV).")
    Path file;

    @Option(names = "--format", required = true, paramLabel = "perfmon|esxtop|sar",
            description = "The tool that wrote FILE: perfmon (PDH-CSV from Performance Monitor or relog), esxtop "
                    + "(batch mode), sar (sadf -d output; one file with the -u, -b or -d, -n DEV and -r reports).")
    CounterFiles.Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the template here (default: stdout).")
    Path out;

    @Option(names = "--vm", paramLabel = "NAME", description = "esxtop: the VM (Group Cpu name) when the file holds several.")
    String vm;

    @Option(names = "--name", paramLabel = "NAME", description = "The VM template's name (default: the server's or VM's).")
    String name;

    @Option(names = "--vcpus", paramLabel = "N", description = "Processors of the measured server, when the file does not show them.")
    Integer vcpus;

    @Option(names = "--memory", paramLabel = "SIZE", description = "Memory per VM, e.g. '4 GB', when the file does not show it.")
    String memory;

    @Option(names = "--ops-per-request", paramLabel = "K", defaultValue = "1",
            description = "Disk transfers per request (default ${DEFAULT-VALUE}): the request rate is the transfer rate / K.")
    int opsPerRequest;

    @Option(names = "--request-rate", paramLabel = "RATE",
            description = "Mean requests per second, e.g. '20 /s', for a file without disk counters.")
    String requestRate;

    @Option(names = "--profile", paramLabel = "auto|hourly|samples", defaultValue = "auto",
            description = "The rate's daily profile: the mean of each hour of day (hourly), the samples' own "
                    + "intervals (samples), or hourly when every hour is measured (auto, the default).")
    MeasuredWorkload.ProfileShape profile;

    @Option(names = "--disk", paramLabel = "NAME", defaultValue = "d0", description = "The host's disk for the transfers (default ${DEFAULT-VALUE}).")
    String disk;

    @Option(names = "--nic", paramLabel = "NAME", defaultValue = "n0", description = "The host's NIC for the bytes (default ${DEFAULT-VALUE}).")
    String nic;

    @Option(names = "--mtu", paramLabel = "BYTES", defaultValue = "1500",
            description = "The host NIC's MTU, for the per-packet CPU left out of the CPU demand (default ${DEFAULT-VALUE}).")
    int mtu;

    @Override
    public Integer call() throws IOException {
        Double memoryBytes = null;
        Double rate = null;
        try {
            memoryBytes = memory == null ? null : Units.parse(Quantity.SIZE, memory, false);
            rate = requestRate == null ? null : Units.parse(Quantity.RATE, requestRate, false);
        } catch (UnitException e) {
            return refuse((memoryBytes == null && memory != null ? "--memory: " : "--request-rate: ") + e.getMessage());
        }
        if (vcpus != null && (vcpus < 1 || vcpus > 512)) {
            return refuse("--vcpus: expected 1 to 512 (a VM's vCPUs), found " + vcpus);
        }
        if (memoryBytes != null && !(memoryBytes > 0) || rate != null && !(rate > 0)) {
            return refuse(memoryBytes != null && !(memoryBytes > 0) ? "--memory must be positive" : "--request-rate must be positive");
        }
        if (opsPerRequest < 1 || opsPerRequest > 1_000_000) {
            return refuse("--ops-per-request: expected 1 to 1000000, found " + opsPerRequest);
        }
        if (mtu < 64 || mtu > 65536) {
            return refuse("--mtu: expected 64 to 65536 bytes, found " + mtu);
        }
        if (name != null && !name.matches("[A-Za-z0-9._-]+") || "host".equals(name)) {
            return refuse("--name: letters, digits, '.', '_' and '-' only, and not 'host'; found '" + name + "'");
        }
        if (!Files.isRegularFile(file)) {
            return refuse(file + ": file not found" + (Files.isDirectory(file) ? " (it is a directory)" : ""));
        }
        Problems problems = new Problems();
        Optional<CounterSeries> series = CounterFiles.read(file, format, vm, vcpus, problems);
        String text = series.isEmpty() ? null : MeasuredWorkload.template(series.get(), new MeasuredWorkload.Options(name,
                memoryBytes, opsPerRequest, rate, profile, disk, nic, mtu), problems);
        if (problems.hasAny() || text == null) {
            problems.list().forEach(System.err::println);
            int n = problems.size();
            System.err.println("hvsim: " + n + (n == 1 ? " problem" : " problems") + " found; nothing was written");
            return Main.BAD_INPUT;
        }
        if (out == null) {
            System.out.print(text);
            return Main.OK;
        }
        write(out, text);
        System.err.println("hvsim profile-vm: wrote " + out + " (" + series.get().samples().size() + " samples of "
                + format.name().toLowerCase(Locale.ROOT) + ")");
        return Main.OK;
    }

    /** Writes beside the target and moves it in whole, so an interrupted write leaves no half file. */
    private static void write(Path target, String text) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        Files.createDirectories(abs.getParent());
        Path staging = Files.createTempFile(abs.getParent(), "." + abs.getFileName() + ".", ".partial");
        try {
            Files.writeString(staging, text, StandardCharsets.UTF_8);
            Files.move(staging, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(staging);
        }
    }

    private static int refuse(String why) {
        System.err.println("hvsim profile-vm: " + why);
        return Main.BAD_INPUT;
    }
}
