package org.hvsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The command line as a user meets it: exit codes, messages, outputs, and a clean stdout. */
class CliTest {

    @TempDir
    Path tmp;

    record Outcome(int code, String out, String err) {
    }

    static Outcome hvsim(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.execute(args);
            return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

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
                workload:
                  open: { poisson: { rate: 20 /s } }
                  classes:
                    - name: page
                      phases:
                        - cpu: { exponential: { mean: 10 ms } }
                        - disk: { ops: 1, device: d0 }
            """;

    private Path write(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, text);
        return p;
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
}
