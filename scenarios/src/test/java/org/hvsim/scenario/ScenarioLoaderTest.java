package org.hvsim.scenario;

import static org.hvsim.scenario.Fixtures.problems;
import static org.hvsim.scenario.Fixtures.workload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.hvsim.core.random.Distribution;
import org.hvsim.model.workload.Phase;
import org.hvsim.scenario.load.ScenarioException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scenario schema: sweeps, includes, empirical CSV files, profile variants and cross-checks. */
class ScenarioLoaderTest {

    @TempDir
    Path tmp;

    static final String BASE = """
            name: t
            duration: 60 s
            architectures: [native]
            host:
              cpus: 4
              memory: 16 GB
              disks: [ { name: d0, service: { exponential: { mean: 5 ms } } } ]
              nics: [ { name: n0, bandwidth: 1 Gbit/s } ]
            vms:
              - name: web
                count: 2
                memory: 2 GB
            """ + workload("disk: { device: d0 }").indent(4);

    private Path write(String name, String text) throws IOException {
        return Fixtures.write(tmp, name, text);
    }

    @Test
    void aListAndARangeMakeATwoDimensionalGridNamedByScope() throws ScenarioException {
        String text = BASE.replace("count: 2", "count: { from: 1, to: 3, step: 1 }")
                .replace("mean: 10 ms", "mean: [5 ms, 10 ms]");
        Sweep sweep = ScenarioLoader.loadAll("s.yaml", text);
        assertEquals(List.of("web.count", "web/page.phases[0].cpu.exponential.mean"), sweep.parameterNames());
        assertEquals(6, sweep.points().size());
        // The first axis varies slowest.
        assertEquals(Map.of("web.count", "1", "web/page.phases[0].cpu.exponential.mean", "10 ms"),
                sweep.points().get(1).parameters());
        assertEquals(3, sweep.points().get(5).vms().get(0).count());
        Phase.Cpu cpu = (Phase.Cpu) sweep.points().get(5).vms().get(0).workload().classes().get(0).phases().get(0);
        assertEquals(0.010, cpu.demand().mean(), 1e-15);
        assertEquals(List.of("1", "2", "3"), sweep.axes().get(0).values());
    }

    @Test
    void quantityRangesAreFormattedAndFreeOfRoundingNoise() throws ScenarioException {
        Sweep sweep = ScenarioLoader.loadAll("s.yaml",
                BASE.replace("rate: 20 /s", "rate: { from: 0.1 /s, to: 0.3 /s, step: 0.1 /s }"));
        assertEquals(List.of("0.1 /s", "0.2 /s", "0.3 /s"), sweep.axes().get(0).values());
    }

    @Test
    void everySweptValueIsCheckedAndAPointOnlyProblemNamesThePoint() {
        List<String> p = problems(BASE.replace("count: 2", "count: [1, -4, 12]"));
        assertEquals(2, p.size(), p.toString());
        // In document order: the memory check is reported at 'vms' (line 10), the bad value at line 11.
        assertTrue(p.get(1).startsWith("s.yaml:11:16: vms[0].count must be between 1 and 100000, found -4"), p.toString());
        assertTrue(p.get(0).contains("the VMs need 24.00 GB of memory (as configured, before any architecture's "
                + "overhead) but the host has 16.00 GB of RAM: short by 8.00 GB; VMs: web 12 x 2.00 GB"), p.toString());
        assertTrue(p.get(0).endsWith("(at sweep point web.count = 12)"), p.toString());
    }

    @Test
    void badRangesAreExplained() {
        assertTrue(problems(BASE.replace("count: 2", "count: { from: 4, to: 2, step: 1 }")).get(0)
                .contains("vms[0].count.to must not be below from"));
        assertTrue(problems(BASE.replace("count: 2", "count: { from: 1, to: 5 }")).get(0)
                .contains("missing required key 'step' in vms[0].count"));
        assertTrue(problems(BASE.replace("count: 2", "count: { from: 1, to: 100000, step: 1 }")).get(0)
                .contains("at most 1000"));
        assertTrue(problems(BASE.replace("count: 2", "count: []")).get(0).contains("at least one value"));
        assertTrue(problems(BASE.replace("count: 2", "count: [2, 2]")).get(0).contains("appears twice"));
    }

    @Test
    void loadWithoutSweepsRefusesASweepClearly() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioLoader.load("s.yaml", BASE.replace("count: 2", "count: [1, 2]")));
        assertTrue(e.getMessage().contains("hvsim run"), e.getMessage());
    }

    @Test
    void anIncludedHostIsMergedUnderTheFilesOwnValues() throws IOException, ScenarioException {
        write("shared/host.yaml", """
                host:
                  cpus: 8
                  memory: 64 GB
                  disks: [ { name: d0, channels: 4, service: "4 ms" } ]
                  nics: [ { name: n0, bandwidth: 10 Gbit/s } ]
                """);
        String text = BASE.replaceAll("(?s)host:.*?vms:", "include: shared/host.yaml\nhost:\n  memory: 32 GB\nvms:");
        Scenario s = ScenarioLoader.load(write("s.yaml", text));
        assertEquals(8, s.host().pcpus());
        assertEquals(32.0 * (1 << 30), s.host().memory());
        assertEquals(4, s.host().disks().get(0).channels());
        assertTrue(s.sources().get("host.cpus").contains("host.yaml:2:"), s.sources().toString());
    }

    @Test
    void aMistakeInAnIncludedFileIsReportedThereAndMissingOrCyclicIncludesAreProblems() throws IOException {
        write("bad-host.yaml", "host:\n  cpus: 8\n  memroy: 4 GB\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(write("s.yaml",
                "include: bad-host.yaml\n" + BASE.replaceAll("(?s)host:.*?vms:", "vms:"))));
        assertTrue(e.getMessage().contains("bad-host.yaml:3:3: unknown key 'memroy' in host — did you mean 'memory'?"),
                e.getMessage());

        e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(write("m.yaml", "include: nowhere.yaml\n" + BASE)));
        assertTrue(e.getMessage().contains("m.yaml:1:10: include: file '" + tmp.resolve("nowhere.yaml") + "' not found"),
                e.getMessage());

        write("a.yaml", "include: b.yaml\n");
        write("b.yaml", "include: a.yaml\n");
        e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(write("c.yaml", "include: a.yaml\n" + BASE)));
        assertTrue(e.getMessage().contains("includes itself"), e.getMessage());
    }

    @Test
    void anEmpiricalDistributionReadsACsvColumnAndNamesTheCsvLineOfABadValue() throws IOException, ScenarioException {
        write("times.csv", "# measured on the test rig\nrequest,latency\n1,4 ms\n2,6 ms\n3,8 ms\n");
        String text = BASE.replace("{ exponential: { mean: 10 ms } }", "{ empirical: { file: times.csv, column: latency } }");
        Scenario s = ScenarioLoader.load(write("s.yaml", text));
        Phase.Cpu cpu = (Phase.Cpu) s.vms().get(0).workload().classes().get(0).phases().get(0);
        Distribution.Empirical d = assertInstanceOf(Distribution.Empirical.class, cpu.demand());
        assertEquals(List.of(0.004, 0.006, 0.008), d.values());

        write("bare.csv", "4.5\n6\n");
        Scenario bare = ScenarioLoader.load(write("b.yaml",
                BASE.replace("{ exponential: { mean: 10 ms } }", "{ empirical: { file: bare.csv, unit: ms } }")));
        assertEquals(0.00525, bare.vms().get(0).workload().classes().get(0).phases().get(0) instanceof Phase.Cpu c
                ? c.demand().mean() : 0, 1e-15);

        write("bad.csv", "latency\n4 ms\nfast\n-3 ms\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(write("x.yaml",
                BASE.replace("{ exponential: { mean: 10 ms } }", "{ empirical: { file: bad.csv, column: latncy } }"))));
        assertTrue(e.getMessage().contains("bad.csv:1:1: no column named 'latncy' — did you mean 'latency'?"),
                e.getMessage());
        e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(write("y.yaml",
                BASE.replace("{ exponential: { mean: 10 ms } }", "{ empirical: { file: bad.csv } }"))));
        assertTrue(e.getMessage().contains("bad.csv:3:1: expected a duration"), e.getMessage());
        assertTrue(e.getMessage().contains("bad.csv:4:1: a duration cannot be negative"), e.getMessage());
    }

    @Test
    void aVariantMayBuildOnAnEarlierVariant() throws ScenarioException {
        Scenario s = ScenarioLoader.load("s.yaml", BASE.replace("architectures: [native]", """
                architectures:
                  - { base: hosted, name: hosted-io, net_packet_cpu: 10 us }
                  - { base: hosted-io, name: hosted-io-cpu, cpu_factor: 1.1 }"""));
        assertEquals(10e-6, s.architectures().get(1).netPacketCpu(), 1e-18);
        assertEquals(1.1, s.architectures().get(1).cpuFactor());
        assertTrue(s.sources().get("architectures[1].disk_op_cpu").startsWith("profile hosted-io: NPF"),
                s.sources().toString());
    }

    @Test
    void crossChecksNameTheNumbers() {
        assertTrue(problems(BASE.replace("count: 2", "count: 9")).get(0)
                .contains("need 18.00 GB of memory (as configured, before any architecture's overhead) but the host "
                        + "has 16.00 GB of RAM: short by 2.00 GB; VMs: web 9 x 2.00 GB"));
        assertTrue(problems(BASE.replace("device: d0 }", "device: n0 }")).get(0)
                .contains("no disk named 'n0' on the host ('n0' is a NIC; use a net phase)"));
        assertTrue(problems(BASE.replace("duration: 60 s", "duration: 60 s\nwarmup: 2 min")).get(0)
                .contains("warmup (2 min) must be shorter than duration (1 min)"));
    }

    @Test
    void theMemoryCheckIsMadeEvenWhenTheVmHasOtherMistakes() {
        List<String> p = problems(BASE.replace("count: 2", "count: 9").replace("device: d0 }", "device: d9 }"));
        assertEquals(2, p.size(), p.toString());
        assertTrue(p.get(0).contains("need 18.00 GB of memory (as configured"), p.toString());
        assertTrue(p.get(1).contains("no disk named 'd9'"), p.toString());
        // ... but not on a stand-in value: a count that could not be read says nothing about memory.
        assertEquals(1, problems(BASE.replace("count: 2", "count: lots")).size());
    }

    @Test
    void everyValueHasASource() throws ScenarioException {
        Scenario s = ScenarioLoader.load("s.yaml", BASE);
        assertEquals("s.yaml:11:12", s.sources().get("vms[0].count"));
        assertTrue(s.sources().get("vms[0].vcpus").startsWith("default: "), s.sources().toString());
        assertTrue(s.sources().get("host.nics[0].mtu").contains("IEEE 802.3"));
        assertTrue(s.sources().get("architectures[0].cpu_factor").startsWith("profile native: "));
    }

    // ------------------------------------------------------------------ short forms of distributions

    @Test
    void aOneParameterFamilyTakesItsParameterAsAPlainValue() throws Exception {
        Scenario s = ScenarioLoader.load("s.yaml", BASE
                .replace("service: { exponential: { mean: 5 ms } }", "service: { exponential: 5 ms }")
                .replace("- cpu: { exponential: { mean: 10 ms } }", "- cpu: { constant: 1.5 s }"));
        Distribution service = s.host().disk("d0").orElseThrow().service();
        assertInstanceOf(Distribution.Exponential.class, service);
        assertEquals(0.005, service.mean(), 1e-15);
        Phase.Cpu cpu = (Phase.Cpu) s.vms().get(0).workload().classes().get(0).phases().get(0);
        assertInstanceOf(Distribution.Constant.class, cpu.demand());
        assertEquals(1.5, cpu.demand().mean(), 1e-15);
        // The resolved tree and the sources are those of the long form.
        Scenario longForm = ScenarioLoader.load("s.yaml", BASE
                .replace("- cpu: { exponential: { mean: 10 ms } }", "- cpu: { constant: { value: 1.5 s } }"));
        assertEquals(longForm.resolved(), s.resolved());
        assertTrue(s.sources().containsKey("host.disks[0].service.exponential.mean"), s.sources().toString());
    }

    @Test
    void theShortFormTakesASweep() throws Exception {
        Sweep sweep = ScenarioLoader.loadAll("s.yaml", BASE.replace("- cpu: { exponential: { mean: 10 ms } }",
                "- cpu: { exponential: [10 ms, 20 ms] }"));
        assertEquals(2, sweep.points().size());
        assertEquals("vms[0].workload.classes[0].phases[0].cpu.exponential.mean", sweep.axes().get(0).path());
    }

    @Test
    void aWrongFormNamesTheFormsThatAreRight() {
        List<String> p = problems(BASE.replace("- cpu: { exponential: { mean: 10 ms } }", "- cpu: { uniform: 5 ms }"));
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).contains("vms[0].workload.classes[0].phases[0].cpu.uniform: expected "
                + "{ uniform: { min: 2 ms, max: 8 ms } } (uniform has no short form: it takes min and max), found"),
                p.get(0));
        List<String> q = problems(BASE.replace("- cpu: { exponential: { mean: 10 ms } }", "- cpu: { exponential: 5 ms, uniform: 2 ms }"));
        assertTrue(q.get(0).contains("a one-parameter family with its parameter such as { exponential: 5 ms }"),
                q.toString());
        List<String> u = problems(BASE.replace("- cpu: { exponential: { mean: 10 ms } }", "- cpu: { exponential: 5 }"));
        assertTrue(u.get(0).contains("phases[0].cpu.exponential.mean"), u.toString());
    }
}
