package org.hvsim.cli;

import static org.hvsim.scenario.Fixtures.hvsim;
import static org.hvsim.scenario.Fixtures.workload;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.hvsim.scenario.Fixtures;
import org.hvsim.scenario.Fixtures.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The command line as a user meets it: exit codes, messages, outputs, and a clean stdout. */
class CliTest {

    @TempDir
    Path tmp;

    static final String SMALL = """
            name: small
            seed: 3
            replications: 3
            warmup: 5 s
            duration: 60 s
            architectures: [native, hosted]
            host:
              cpus: 2
              memory: 8 GB
              disks: [ { name: d0, service: { exponential: { mean: 5 ms } } } ]
            vms:
              - name: web
                count: 2
                vcpus: 1
                memory: 1 GB
            """ + workload("disk: { ops: 1, device: d0 }").indent(4);

    private Path write(String name, String text) throws IOException {
        return Fixtures.write(tmp, name, text);
    }

    @Test
    void aMisspeltKeyIsReportedWithFileLineColumnAndTheNearestKeyAndExitCode2() throws IOException {
        Path bad = write("bad.yaml", SMALL.replace("    vcpus: 1", "    vpcus: 1"));
        Outcome o = hvsim("validate", bad.toString());
        assertEquals(Main.BAD_INPUT, o.code());
        assertTrue(o.err().contains(bad + ":14:5: unknown key 'vpcus' in vms[0] — did you mean 'vcpus'?"), o.err());
        assertFalse(o.err().contains("Exception"), o.err());
        assertFalse(o.err().contains("\tat "), "no stack trace: " + o.err());
        assertEquals("", o.out());
    }

    @Test
    void everyProblemInAFileIsReportedAtOnce() throws IOException {
        String text = SMALL.replace("cpus: 2", "cpus: 0").replace("device: d0", "device: d9")
                .replace("rate: 20 /s", "rate: 20");
        Outcome o = hvsim("validate", write("three.yaml", text).toString());
        assertEquals(Main.BAD_INPUT, o.code());
        assertTrue(o.err().contains("cpus must be between 1 and 4096"), o.err());
        assertTrue(o.err().contains("no disk named 'd9'"), o.err());
        assertTrue(o.err().contains("expected a rate"), o.err());
        assertTrue(o.err().contains("3 problems found"), o.err());
    }

    @Test
    void aBadFileLeavesNothingBehindAndAnExistingReportUntouched() throws IOException {
        Path outDir = tmp.resolve("report");
        Outcome first = hvsim("run", write("bad.yaml", "name: x\nduration: ten\n").toString(), "--out",
                outDir.toString(), "--quiet");
        assertEquals(Main.BAD_INPUT, first.code());
        assertFalse(Files.exists(outDir), "nothing is written for a bad file");

        Files.createDirectories(outDir);
        Files.writeString(outDir.resolve("metrics.csv"), "previous");
        hvsim("run", write("bad2.yaml", "name: x\n").toString(), "--out", outDir.toString(), "--quiet");
        assertEquals("previous", Files.readString(outDir.resolve("metrics.csv")));
        try (Stream<Path> s = Files.list(tmp)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().contains(".partial-")), "no staging left");
        }
    }

    @Test
    void runWritesTheContractOutputsAndKeepsStdoutClean() throws IOException {
        Path outDir = tmp.resolve("out");
        Outcome o = hvsim("run", write("small.yaml", SMALL).toString(), "--out", outDir.toString());
        assertEquals(Main.OK, o.code(), o.err());
        assertEquals("", o.out(), "stdout is for data only");
        assertTrue(o.err().contains("report written to"), o.err());

        List<String> csv = Files.readAllLines(outDir.resolve("metrics.csv"));
        assertEquals("architecture,scope,metric,mean,ci_low,ci_high,replications", csv.get(0));
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("hosted,web,response_time_mean,")));
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("native,host,cpu_util_idle,")));

        JsonNode json = new ObjectMapper().readTree(outDir.resolve("results.json").toFile());
        assertEquals(3, json.get("seed").asInt());
        assertEquals("5 s", json.get("scenario").get("warmup").asText());
        assertTrue(json.get("figures").size() > 20);

        String html = Files.readString(outDir.resolve("report.html"));
        assertTrue(html.contains("data:image/png;base64,"));
        try (Stream<Path> charts = Files.list(outDir.resolve("charts"))) {
            List<Path> pngs = charts.filter(p -> p.toString().endsWith(".png")).toList();
            assertFalse(pngs.isEmpty());
            for (Path png : pngs) {
                assertTrue(ImageIO.read(png.toFile()).getWidth() > 100, png.toString());
            }
        }
    }

    @Test
    void resultsAreBitIdenticalForOneAndTwoThreads() throws IOException {
        Path file = write("small.yaml", SMALL);
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        assertEquals(0, hvsim("run", file.toString(), "--out", a.toString(), "--threads", "1", "--quiet").code());
        assertEquals(0, hvsim("run", file.toString(), "--out", b.toString(), "--threads", "2", "--quiet").code());
        assertEquals(Files.readString(a.resolve("metrics.csv")), Files.readString(b.resolve("metrics.csv")));
    }

    @Test
    void seedAndReplicationsCanBeOverriddenFromTheCommandLine() throws IOException {
        Path out = tmp.resolve("o");
        assertEquals(0, hvsim("run", write("s.yaml", SMALL).toString(), "--out", out.toString(), "--seed", "99",
                "--replications", "2", "--quiet").code());
        JsonNode json = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        assertEquals(99, json.get("seed").asInt());
        assertTrue(Files.readAllLines(out.resolve("metrics.csv")).get(1).endsWith(",2"));
    }

    @Test
    void listProfilesShowsBothNetworkDirectionsSyncWritesAndPageTableUpdates() {
        Outcome o = hvsim("list-profiles");
        assertEquals(0, o.code(), o.err());
        String vmware = o.out().lines().dropWhile(l -> !l.startsWith("vmware-workstation ")).skip(1).findFirst()
                .orElseThrow();
        // R1.e: 33 us extra per packet sent (R9: 9.3 us of it in the host), 17 us per packet received
        assertTrue(vmware.contains("per packet sent 0.0 us/23.7 us/9.3 us, received 0.0 us/7.7 us/9.3 us"), vmware);
        assertTrue(vmware.contains("sync write +4.65 ms"), vmware);
        assertTrue(vmware.contains("/+10.3 us"), "page-table update (R1.b, R1.d): " + vmware);
    }

    @Test
    void benchPrintsOneFigurePerLine() {
        Outcome o = hvsim("bench", "--events", "20000", "--rounds", "1");
        assertEquals(0, o.code(), o.err());
        for (String key : List.of("model_events_per_s=", "dsol_events_per_s=", "model_vs_dsol=", "peak_heap_mb=")) {
            assertTrue(o.out().lines().anyMatch(l -> l.startsWith(key) && l.length() > key.length()), o.out());
        }
    }

    @Test
    void usageErrorsExitWith2AndHelpWith0() {
        assertEquals(2, hvsim("run", "--replications", "many").code());
        assertEquals(2, hvsim("no-such-command").code());
        assertEquals(0, hvsim("--help").code());
        assertEquals(0, hvsim("run", "--help").code());
    }

    @Test
    void theBuiltInScenarioAndEveryExampleValidate() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("examples"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                Outcome o = hvsim("validate", f.toString());
                assertEquals(0, o.code(), f + ": " + o.err());
            }
        }
    }

    static final String SWEEP = SMALL.replace("architectures: [native, hosted]", "architectures: [native]")
            .replace("replications: 3", "replications: 2").replace("duration: 60 s", "duration: 20 s")
            .replace("count: 2", "count: [1, 2]").replace("rate: 20 /s", "rate: { from: 10 /s, to: 20 /s, step: 10 /s }");

    @Test
    void aTwoDimensionalSweepRunsTheWholeGridAndCarriesTheSweptValues() throws IOException {
        Path out = tmp.resolve("sweep");
        Outcome o = hvsim("run", write("sweep.yaml", SWEEP).toString(), "--out", out.toString(), "--format", "json");
        assertEquals(Main.OK, o.code(), o.err());
        assertTrue(o.err().contains("sweep of 2 × 2 = 4 points (web.count, web.workload.open.poisson.rate)"), o.err());
        JsonNode stdout = new ObjectMapper().readTree(o.out());
        JsonNode file = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        assertEquals(file, stdout, "--format json prints what results.json holds");
        assertEquals("[\"10 /s\",\"20 /s\"]", file.get("scenario").get("sweep").get("web.workload.open.poisson.rate")
                .toString());
        long rows = Files.readAllLines(out.resolve("metrics.csv")).size() - 1;
        long perPoint = file.get("figures").size() / 4;
        assertEquals(4 * perPoint, rows, "every point of the grid is in the results");
    }

    @Test
    void formatCsvPrintsMetricsCsvToStdout() throws IOException {
        Path out = tmp.resolve("csv");
        Outcome o = hvsim("run", write("s.yaml", SMALL).toString(), "--out", out.toString(), "--format", "csv",
                "--quiet", "--replications", "2");
        assertEquals(Main.OK, o.code(), o.err());
        assertEquals("", o.err(), "--quiet leaves stderr empty");
        assertEquals(Files.readString(out.resolve("metrics.csv")), o.out());
    }

    @Test
    void explainShowsEveryDefaultWithItsSource() throws IOException {
        Path f = write("s.yaml", SMALL);
        Outcome o = hvsim("explain", f.toString());
        assertEquals(Main.OK, o.code(), o.err());
        assertTrue(o.out().lines().anyMatch(l -> l.matches(" +vcpus: 1 +# " + java.util.regex.Pattern.quote(f + ":14:12"))),
                o.out());
        assertTrue(o.out().lines().anyMatch(l -> l.matches(" +guest_scheduler: ps +# default: a time-sharing OS.*")),
                o.out());
        assertTrue(o.out().lines().anyMatch(l -> l.matches(" +cpu_factor: 1.0204.* +# profile hosted: R1.a .*")),
                o.out());
        assertTrue(o.out().lines().anyMatch(l -> l.matches(" +mtu: .*") || l.contains("warmup: 5 s")), o.out());
    }

    @Test
    void compareReportsPairedDifferencesWithTheirIntervalsAndWhatPairingBuys() throws IOException {
        Path f = write("s.yaml", SMALL);
        Outcome o = hvsim("compare", f.toString(), "--a", "native", "--b", "hosted", "--quiet");
        assertEquals(Main.OK, o.code(), o.err());
        assertTrue(o.out().lines().anyMatch(l -> l.startsWith("host") && l.contains("cpu_util_virtualization")
                && l.endsWith("significant")), o.out());
        assertTrue(o.out().contains("Pairing (common random numbers) made the 95 % intervals"), o.out());

        Outcome csv = hvsim("compare", f.toString(), "--format", "csv", "--quiet", "--out", tmp.resolve("c").toString());
        assertEquals(Main.OK, csv.code(), csv.err());
        assertEquals(String.join(",", CompareCommand.COLUMNS), csv.out().lines().findFirst().orElse(""));
        assertEquals(csv.out(), Files.readString(tmp.resolve("c").resolve("comparison.csv")));

        Outcome bad = hvsim("compare", f.toString(), "--b", "hostd");
        assertEquals(Main.BAD_INPUT, bad.code());
        assertTrue(bad.err().contains("unknown architecture 'hostd' — did you mean 'hosted'?"), bad.err());
    }

    @Test
    void everyCommandHasHelpCapacityIsAnnouncedAndCompletionIsGenerated() {
        for (String command : List.of("run", "validate", "explain", "compare", "capacity", "bench", "list-profiles",
                "completion")) {
            Outcome o = hvsim(command, "--help");
            assertEquals(0, o.code(), command);
            assertTrue(o.out().contains("Usage: hvsim " + command), command + ": " + o.out());
        }
        Outcome capacity = hvsim("capacity", "x.yaml");
        assertEquals(Main.BAD_INPUT, capacity.code(), capacity.err());
        Outcome completion = hvsim("completion");
        assertEquals(0, completion.code());
        assertTrue(completion.out().contains("compare") && completion.out().contains("complete -F"), completion.out());
    }

    @Test
    void helpTextsAreValidFormatStringsAndPrintNoPicocliWarning() {
        // picocli formats every description line and, when one is not a valid format, prints a warning
        // and the raw text: check each line formats, and that the help a user sees has no warning.
        picocli.CommandLine cl = Main.commandLine();
        List<picocli.CommandLine> commands = new java.util.ArrayList<>(List.of(cl));
        commands.addAll(cl.getSubcommands().values());
        for (picocli.CommandLine c : commands) {
            List<String> lines = new java.util.ArrayList<>(List.of(c.getCommandSpec().usageMessage().description()));
            c.getCommandSpec().options().forEach(o -> lines.addAll(List.of(o.description())));
            for (String line : lines) {
                String text = line.replace("${COMPLETION-CANDIDATES}", "x");
                assertDoesNotThrow(() -> String.format(text), c.getCommandName() + ": " + line);
            }
            Outcome o = c == cl ? hvsim("--help") : hvsim(c.getCommandName(), "--help");
            assertFalse((o.out() + o.err()).contains("WARN"), c.getCommandName() + ": " + o.out() + o.err());
            assertFalse((o.out() + o.err()).contains("Could not format"), c.getCommandName() + ": " + o.err());
        }
        assertTrue(hvsim("compare", "--help").out().contains("its mean, 95 % interval"),
                "the escaped percent sign is shown as one");
    }

    /** A class so rare that some replications complete none of it: its response times are NaN there. */
    static final String RARE = """
            name: rare
            seed: 5
            replications: 6
            warmup: 1 s
            duration: 20 s
            architectures: [native]
            host: { cpus: 1, memory: 4 GB }
            vms:
              - name: web
                vcpus: 1
                memory: 1 GB
                workload:
                  open: { poisson: { rate: 10 /s } }
                  classes:
                    - { name: page, weight: 1, phases: [ { cpu: { exponential: { mean: 1 ms } } } ] }
                    - { name: rare, weight: 0.005, phases: [ { cpu: { exponential: { mean: 1 ms } } } ] }
            """;

    @Test
    void replicationsLeftOutAsNaNAreCountedInResultsJsonAndSaidOnStderrEvenWhenQuiet() throws IOException {
        Path out = tmp.resolve("rare");
        Outcome o = hvsim("run", write("rare.yaml", RARE).toString(), "--out", out.toString(), "--quiet");
        assertEquals(Main.OK, o.code(), o.err());
        JsonNode mean = null;
        for (JsonNode f : new ObjectMapper().readTree(out.resolve("results.json").toFile()).get("figures")) {
            if (f.get("scope").asText().equals("web/rare") && f.get("metric").asText().equals("response_time_mean")) {
                mean = f;
            }
        }
        assertTrue(mean != null, "web/rare is reported");
        int nan = mean.get("nan_replications").asInt();
        assertTrue(nan > 0 && nan < 6, "some, not all, replications saw no rare request: " + mean);
        assertEquals(6 - nan, mean.get("replications").asInt(), mean.toString());
        assertTrue(o.err().contains("hvsim: note: response_time_mean of web/rare under native: " + nan
                + " of 6 replications gave no value (NaN)"), o.err());
        assertFalse(o.err().contains(" of web/page "), "figures every replication gave are not mentioned: " + o.err());
    }

    /** Two M/M/1 VMs on one host, a pCPU each: hot offered 1.5 x its capacity, calm at utilization 0.5. */
    static final String SATURATED = """
            name: saturated
            seed: 9
            replications: 3
            warmup: 5 s
            duration: 60 s
            architectures: [native, xen-3.0]
            host: { cpus: 4, memory: 16 GB }
            vms:
            """ + mm1("hot", 150) + mm1("calm", 50);

    /** A one-vCPU FCFS VM with Poisson arrivals and exponential 10 ms of CPU per request: an M/M/1 queue. */
    private static String mm1(String name, int ratePerSecond) {
        return """
                  - name: %s
                    vcpus: 1
                    memory: 1 GB
                    guest_scheduler: fcfs
                    workload:
                      open: { poisson: { rate: %d /s } }
                      classes: [ { name: req, phases: [ { cpu: { exponential: { mean: 10 ms } } } ] } ]
                """.formatted(name, ratePerSecond);
    }

    @Test
    void aSaturatedVmIsWarnedAboutOnStderrAndMarkedInResultsJsonAndTheReport() throws IOException {
        Path out = tmp.resolve("sat");
        Outcome o = hvsim("run", write("sat.yaml", SATURATED).toString(), "--out", out.toString(), "--quiet");
        assertEquals(Main.OK, o.code(), o.err());
        List<String> warnings = o.err().lines().filter(l -> l.contains("unstable")).toList();
        assertEquals(2, warnings.size(), "hot, under each architecture: " + o.err());
        for (String arch : List.of("native", "xen-3.0")) {
            assertTrue(warnings.stream().anyMatch(l -> l.startsWith("hvsim: warning: hot under " + arch
                    + " is unstable: ") && l.contains("req/s offered")), o.err());
        }
        assertFalse(o.err().contains("calm"), "the stable VM beside it is not named: " + o.err());

        JsonNode root = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        assertEquals(2, root.get("unstable").size(), root.get("unstable").toString());
        for (JsonNode u : root.get("unstable")) {
            assertEquals("hot", u.get("scope").asText());
            assertEquals(150, u.get("arrival_rate").asDouble(), 150 * 0.05);
            assertTrue(u.get("throughput").asDouble() < 105, u.toString());
        }
        int hot = 0;
        for (JsonNode f : root.get("figures")) {
            boolean expected = f.get("scope").asText().equals("hot");
            assertEquals(expected, f.get("unstable").asBoolean(), f.toString());
            hot += expected ? 1 : 0;
        }
        assertTrue(hot > 10, "every figure of hot is marked");
        List<String> csv = Files.readAllLines(out.resolve("metrics.csv"));
        assertEquals("architecture,scope,metric,mean,ci_low,ci_high,replications", csv.get(0), "columns unchanged");
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("native,calm,arrival_rate,")), "arrival_rate is a row");

        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("<div class=\"warning\" id=\"unstable\">"), "a visible warning");
        assertTrue(html.contains("<li>hot under xen-3.0: "), "naming the VM and the architecture");
        assertTrue(html.contains("<td>hot <span class=\"unstable\""), "hot's rows are marked");
        assertFalse(html.contains("<td>calm <span class=\"unstable\""), "calm's are not");
    }

    @Test
    void validateNamesTheGridOfASweep() throws IOException {
        Outcome o = hvsim("validate", write("sweep.yaml", SWEEP).toString());
        assertEquals(Main.OK, o.code(), o.err());
        assertTrue(o.out().contains("sweep of 2 × 2 = 4 points"), o.out());
    }
}
