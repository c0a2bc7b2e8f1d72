package org.hvsim.scenario.counters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.hvsim.core.engine.ReplicationOutput;
import org.hvsim.core.experiment.Progress;
import org.hvsim.core.result.Metric;
import org.hvsim.scenario.Fixtures;
import org.hvsim.scenario.Scenario;
import org.hvsim.scenario.ScenarioLoader;
import org.hvsim.scenario.ScenarioRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A template built by {@code hvsim profile-vm} from each shipped counter file, included in a scenario
 * on the example host and run on native for one whole day (the profile's period), gives back the
 * file's mean CPU utilization, disk transfers per second and network bytes per second within 5 %.
 * The expected figures are computed here straight from the file's columns (each hour holds the same
 * number of samples, so the plain mean of a column is its average day). One replication suffices: a
 * simulated day holds 130,000 to 270,000 requests, so each rate's relative standard error is about
 * 0.3 %, far inside the tolerance (and the seed is fixed, so the test cannot flake).
 */
class ProfileVmRoundTripTest {

    private static final Path SAMPLES = Path.of("src/test/resources/counters");
    /** The example host (scenarios/examples/shared/host-8core.yaml): 8 cores, d0 with 8 channels of 4 ms, n0 1 Gbit/s. */
    private static final Path HOST = Path.of("examples/shared/host-8core.yaml").toAbsolutePath();
    private static final int HOST_CPUS = 8;
    private static final double DISK_CHANNELS = 8;
    private static final double DISK_SERVICE = 0.004;
    private static final double NIC_BYTES_PER_S = 1e9 / 8;

    @TempDir
    Path tmp;

    /** The measured means a template must reproduce. */
    private record Measured(int vcpus, double cpuUtil, double transfers, double netBytes) {
    }

    @Test
    void perfmonTemplateReproducesTheMeasuredRates() throws Exception {
        Path file = SAMPLES.resolve("perfmon-app01.csv");
        List<String[]> rows = csv(file, ",");
        String h = "\\\\APP01\\";
        String nic = "Network Interface(Intel[R] PRO_1000 MT Network Connection)";
        Measured m = new Measured(2, mean(rows, h + "Processor(_Total)\\% Processor Time", r -> true) / 100,
                mean(rows, h + "PhysicalDisk(_Total)\\Disk Transfers/sec", r -> true),
                mean(rows, h + nic + "\\Bytes Sent/sec", r -> true) + mean(rows, h + nic + "\\Bytes Received/sec", r -> true));
        check(file, "app01", m, "--format", "perfmon", "--memory", "4 GB");
    }

    @Test
    void esxtopTemplateReproducesTheMeasuredRatesOfTheChosenVm() throws Exception {
        Path file = SAMPLES.resolve("esxtop-esx01.csv");
        List<String[]> rows = csv(file, ",");
        String e = "\\\\esx01.example.com\\";
        String port = e + "Network Port(vSwitch0:33554441:app02.eth0)\\";
        Measured m = new Measured(4, mean(rows, e + "Group Cpu(51234:app02)\\% Used", r -> true) / 100 / 4,
                mean(rows, e + "Virtual Disk(app02)\\Commands/sec", r -> true),
                (mean(rows, port + "MBits Transmitted/sec", r -> true) + mean(rows, port + "MBits Received/sec", r -> true))
                        * 1e6 / 8);
        // two disk transfers per request: half the requests, the same rates
        check(file, "app02", m, "--format", "esxtop", "--vm", "app02", "--ops-per-request", "2");
    }

    @Test
    void sarTemplateReproducesTheMeasuredRates() throws Exception {
        Path file = SAMPLES.resolve("sar-db02.csv");
        List<String[]> lines = csv(file, ";");
        List<String[]> cpu = section(lines, "%idle");
        List<String[]> io = section(lines, "bread/s");
        List<String[]> net = section(lines, "rxkB/s");
        double busy = 0;
        int n = 0;
        for (String[] r : cpu.subList(1, cpu.size())) {
            if (r[3].equals("-1")) {
                busy += 100 - Double.parseDouble(r[9]) - Double.parseDouble(r[7]) - Double.parseDouble(r[8]);
                n++;
            }
        }
        // lo is left out, and sar's kB are 1024 bytes
        Measured m = new Measured(4, busy / n / 100, mean(io, "tps", r -> true),
                (mean(net, "rxkB/s", r -> r[3].equals("eth0")) + mean(net, "txkB/s", r -> r[3].equals("eth0"))) * 1024);
        check(file, "db02", m, "--format", "sar", "--ops-per-request", "2");
    }

    private void check(Path file, String vm, Measured m, String... options) throws Exception {
        Path template = tmp.resolve(vm + ".yaml");
        List<String> args = new ArrayList<>(List.of("profile-vm", file.toString(), "--out", template.toString()));
        args.addAll(List.of(options));
        Fixtures.Outcome made = Fixtures.hvsim(args.toArray(String[]::new));
        assertEquals(0, made.code(), made.err());
        Path scenario = Fixtures.write(tmp, "day.yaml", """
                name: measured-day
                include: [%s, %s]
                seed: 7
                replications: 1
                warmup: 0 s
                duration: 24 h
                architectures: [native]
                """.formatted(HOST, template));
        Fixtures.Outcome valid = Fixtures.hvsim("validate", scenario.toString());
        assertEquals(0, valid.code(), valid.err());
        assertTrue(valid.out().contains("valid"), valid.out());
        Scenario s = ScenarioLoader.load(scenario);
        List<ReplicationOutput> reps = ScenarioRunner.runTreatments(s, 2, Progress.NONE).get(0).replications();
        double cpu = 0;
        double transfers = 0;
        double bytes = 0;
        for (ReplicationOutput r : reps) {
            cpu += r.get(vm, Metric.CPU_UTIL.name()) * HOST_CPUS / m.vcpus() / reps.size();
            transfers += r.get(Metric.HOST_SCOPE, Metric.DISK_UTIL.name()) * DISK_CHANNELS / DISK_SERVICE / reps.size();
            bytes += r.get(Metric.HOST_SCOPE, Metric.NIC_UTIL.name()) * NIC_BYTES_PER_S / reps.size();
        }
        assertEquals(m.cpuUtil(), cpu, 0.05 * m.cpuUtil(), "CPU utilization of the VM's " + m.vcpus() + " vCPUs");
        assertEquals(m.transfers(), transfers, 0.05 * m.transfers(), "disk transfers per second");
        assertEquals(m.netBytes(), bytes, 0.05 * m.netBytes(), "network bytes per second");
    }

    /** Lines split into unquoted cells. */
    private static List<String[]> csv(Path file, String separator) throws IOException {
        List<String[]> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String[] cells = line.split(separator, -1);
            for (int i = 0; i < cells.length; i++) {
                cells[i] = cells[i].replace("\"", "").strip();
            }
            out.add(cells);
        }
        return out;
    }

    /** The lines of the sar report whose header has {@code column}, its header first. */
    private static List<String[]> section(List<String[]> lines, String column) {
        List<String[]> out = new ArrayList<>();
        boolean in = false;
        for (String[] l : lines) {
            if (l[0].startsWith("#")) {
                in = List.of(l).contains(column);
                if (in) {
                    out.add(l);
                }
            } else if (in) {
                out.add(l);
            }
        }
        return out;
    }

    /** The plain mean of a column over the rows that pass {@code which}, blank cells left out. */
    private static double mean(List<String[]> rows, String column, Predicate<String[]> which) {
        int c = List.of(rows.get(0)).indexOf(column);
        assertTrue(c >= 0, "no column " + column);
        double sum = 0;
        int n = 0;
        for (String[] r : rows.subList(1, rows.size())) {
            if (which.test(r) && !r[c].isBlank()) {
                sum += Double.parseDouble(r[c]);
                n++;
            }
        }
        return sum / n;
    }
}
