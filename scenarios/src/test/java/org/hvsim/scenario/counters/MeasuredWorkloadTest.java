package org.hvsim.scenario.counters;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.hvsim.model.workload.Arrivals;
import org.hvsim.model.workload.Phase;
import org.hvsim.model.workload.RateProfile;
import org.hvsim.model.workload.RequestClass;
import org.hvsim.scenario.Fixtures;
import org.hvsim.scenario.Scenario;
import org.hvsim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The template's figures against hand-computed ones, read back through the scenario loader: the
 * request rate per interval, the CPU per request less the model's own I/O CPU, bytes and sizes per
 * request, the read/write mix, blank samples, and the profile's basis (samples vs hours of the day).
 */
class MeasuredWorkloadTest {

    private static final Path HOST = Path.of("examples/shared/host-8core.yaml").toAbsolutePath();

    @TempDir
    Path tmp;

    /** A perfmon file of 2 processors: one row per (time, % processor time, reads/s, writes/s, bytes sent/s, received/s). */
    private Path perfmon(String... rows) throws Exception {
        String d = "\\\\SRV\\PhysicalDisk(_Total)\\";
        String n = "\\\\SRV\\Network Interface(eth)\\";
        StringBuilder text = new StringBuilder("\"(PDH-CSV 4.0) (Coordinated Universal Time)(0)\",\"\\\\SRV\\Processor(0)"
                + "\\% Processor Time\",\"\\\\SRV\\Processor(1)\\% Processor Time\",\"\\\\SRV\\Processor(_Total)\\% Processor "
                + "Time\",\"" + d + "Disk Reads/sec\",\"" + d + "Disk Writes/sec\",\"" + d + "Disk Read Bytes/sec\",\"" + d
                + "Disk Write Bytes/sec\",\"" + n + "Bytes Sent/sec\",\"" + n + "Bytes Received/sec\"\r\n");
        for (String r : rows) {
            String[] c = r.split(";", -1);
            // reads 8 KB each, writes 4 KB each
            String rb = c[2].isBlank() ? " " : Double.toString(Double.parseDouble(c[2]) * 8192);
            String wb = c[3].isBlank() ? " " : Double.toString(Double.parseDouble(c[3]) * 4096);
            text.append(String.join(",", List.of(c[0], c[1], c[1], c[1], c[2], c[3], rb, wb, c[4], c[5]).stream()
                    .map(v -> "\"" + v + "\"").toList())).append("\r\n");
        }
        return Fixtures.write(tmp, "srv.csv", text.toString());
    }

    private Scenario template(Path counters, String... options) throws Exception {
        Path out = tmp.resolve("srv.yaml");
        List<String> args = new java.util.ArrayList<>(List.of("profile-vm", counters.toString(), "--format", "perfmon",
                "--memory", "2 GB", "--out", out.toString()));
        args.addAll(List.of(options));
        Fixtures.Outcome o = Fixtures.hvsim(args.toArray(String[]::new));
        assertEquals(0, o.code(), o.err());
        Path scenario = Fixtures.write(tmp, "s.yaml", "name: s\ninclude: [" + HOST + ", " + out + "]\nduration: 1 h\n"
                + "architectures: [native]\n");
        return ScenarioLoader.load(scenario);
    }

    @Test
    void aShortFileGivesItsSamplesAsStepsWithTheCpuLessTheModelsOwnIoCpu() throws Exception {
        // blank first row (a PDH rate needs two samples), then 15-min intervals; the third row's disk is blank
        Scenario s = template(perfmon(
                "11/30/2026 08:00:00.000; ; ; ; ; ",
                "11/30/2026 08:15:00.000;50;6;4;15000;3000",
                "11/30/2026 08:30:00.000;40; ; ;15000;3000",
                "11/30/2026 08:45:00.000;25;3;2;15000;3000"));
        var vm = s.vms().get(0);
        assertEquals(2, vm.vcpus(), "the Processor(N) instances");
        assertEquals(2.0 * (1 << 30), vm.memory(), 1);
        RateProfile p = assertInstanceOf(Arrivals.Varying.class, vm.workload().arrivals()).profile();
        // points at the starts of the kept intervals (08:00, and 08:30 for the row ending 08:45); the blank row's
        // interval keeps the rate before it; the period is the span, 08:00 to 08:45
        assertArrayEquals(new double[] {0, 1800}, p.times(), 1e-9);
        assertArrayEquals(new double[] {10, 5}, p.rates(), 1e-9);
        assertEquals(2700, p.period(), 1e-9);
        // mean request rate over the profile: (10 × 1800 + 5 × 900) / 2700 = 8.3333 /s
        double rate = p.integral(0, 2700) / 2700;
        assertEquals(25.0 / 3, rate, 1e-9);
        // busy CPU time-weighted over its three samples: (1.0 + 0.8 + 0.5) / 3 cores; sent 15000 B/s, received 3000 B/s
        double cores = (1.0 + 0.8 + 0.5) / 3;
        double sent = 15000 / rate;
        double received = 3000 / rate;
        int packetsSent = (int) Math.ceil(sent / 1500);
        int packetsReceived = (int) Math.ceil(received / 1500);
        double cpu = cores / rate - 15e-6 - packetsSent * 6.64e-6 - packetsReceived * 7.35e-6;
        List<RequestClass> classes = vm.workload().classes();
        assertEquals(List.of("read", "write"), classes.stream().map(RequestClass::name).toList());
        // reads and writes averaged over the profile's holds: 6 and 4 for 30 min, 3 and 2 for 15 min
        double reads = (6 * 1800 + 3 * 900) / 2700.0;
        double writes = (4 * 1800 + 2 * 900) / 2700.0;
        assertEquals(reads / (reads + writes), classes.get(0).weight(), 1e-5);
        for (RequestClass c : classes) {
            List<Phase> phases = c.phases();
            assertEquals(4, phases.size(), c.name());
            Phase.Net in = assertInstanceOf(Phase.Net.class, phases.get(0));
            assertEquals(Phase.Direction.RECEIVE, in.direction());
            assertEquals(received, in.bytes(), 1);
            assertEquals(cpu, assertInstanceOf(Phase.Cpu.class, phases.get(1)).demand().mean(), cpu * 1e-5);
            Phase.Disk disk = assertInstanceOf(Phase.Disk.class, phases.get(2));
            assertEquals(1, disk.ops());
            assertEquals(c.name().equals("read") ? 8192 : 4096, disk.size(), 1);
            assertEquals(c.name().equals("write"), disk.write());
            assertEquals(sent, assertInstanceOf(Phase.Net.class, phases.get(3)).bytes(), 1);
        }
    }

    @Test
    void aWholeDayGivesTheMeanOfEachHourRepeatedDaily() throws Exception {
        List<String> list = new java.util.ArrayList<>();
        list.add("11/30/2026 00:00:00.000; ; ; ; ; ");
        for (int q = 1; q <= 96; q++) {
            int h = (q - 1) / 4;
            // transfers 2 + h per second, the hour's two halves at ± 1 around it
            double t = 2 + h + (q % 2 == 0 ? 1 : -1);
            list.add(String.format("%s;%s;%s;%s;%s;%s", stamp(q), 10 + h, t / 2, t / 2, 1000, 0));
        }
        Scenario s = template(perfmon(list.toArray(String[]::new)), "--ops-per-request", "2");
        RateProfile p = ((Arrivals.Varying) s.vms().get(0).workload().arrivals()).profile();
        assertEquals(24, p.times().length);
        assertEquals(86400, p.period(), 1e-9);
        for (int h = 0; h < 24; h++) {
            assertEquals(h * 3600.0, p.times()[h], 1e-9);
            assertEquals((2 + h) / 2.0, p.rates()[h], 1e-9, "hour " + h + ": its mean transfer rate over 2 ops per request");
        }
        var c = s.vms().get(0).workload().classes().get(0);
        assertEquals(2, ((Phase.Disk) c.phases().get(1)).ops());
        assertTrue(c.phases().stream().noneMatch(ph -> ph instanceof Phase.Net n && n.direction() == Phase.Direction.RECEIVE),
                "nothing received: no receive phase");
    }

    private static String stamp(int quarter) {
        java.time.LocalDateTime t = java.time.LocalDateTime.of(2026, 11, 30, 0, 0).plusMinutes(15L * quarter);
        return t.format(java.time.format.DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss.SSS"));
    }
}
