package org.hvsim.scenario.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.hvsim.model.arch.ArchitectureProfile;
import org.hvsim.model.arch.Architectures;
import org.hvsim.report.capacity.CapacityResults;
import org.hvsim.scenario.Fixtures;
import org.hvsim.scenario.Scenario;
import org.hvsim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The capacity search on models whose answer is known: memory admission (exact from the host's RAM and
 * the profiles' footprints) and an open processor-sharing host (queueing theory).
 */
class CapacityStudyTest {

    private static final double MB = 1024.0 * 1024;
    private static final List<String> LOG = new ArrayList<>();

    private static CapacityResults run(String yaml) throws Exception {
        Scenario s = ScenarioLoader.load("cap.yaml", yaml);
        return CapacityStudy.run(s, 2, LOG::add);
    }

    private static CapacityResults.Entry entry(CapacityResults r, String architecture) {
        return r.entries().stream().filter(e -> e.architecture().equals(architecture)).findFirst().orElseThrow();
    }

    /** Light web VMs of 1 GB on a 64 GB host: memory binds long before the SLA. */
    static final String MEMORY_BOUND = """
            name: memory-bound
            seed: 7
            replications: 3
            warmup: 1 s
            duration: 10 s
            architectures: [xen-3.0, hyperv-2008-core, hyperv-2008-full]
            sla: { metric: response_time_p95, scope: web, max: 1 s }
            capacity: { template: web, from: 1, to: 256 }
            host: { cpus: 8, memory: 64 GB }
            vms:
              - name: web
                memory: 1 GB
            """ + Fixtures.openWorkload("1 /s", "1 ms").indent(4);

    /** The count memory admits: the host's RAM less the architecture's own, over a VM plus its overhead. */
    private static int memoryAnswer(String architecture) {
        ArchitectureProfile a = Architectures.byName(architecture).orElseThrow();
        double free = 64 * 1024 * MB - a.fixedMemory();
        return (int) Math.floor(free / (1024 * MB + a.perVmMemory(1024 * MB)));
    }

    @Test
    void aMemoryBoundCountFollowsExactlyFromTheHostsMemoryAndTheProfilesFootprints() throws Exception {
        CapacityResults r = run(MEMORY_BOUND);
        for (String a : List.of("xen-3.0", "hyperv-2008-core", "hyperv-2008-full")) {
            CapacityResults.Entry e = entry(r, a);
            assertEquals(memoryAnswer(a), e.maxVms(), a + ": " + e.note());
            assertEquals(CapacityResults.MEMORY, e.binding(), a);
            assertTrue(e.certain(), a);
            assertTrue(e.evaluations() <= 20, a + ": " + e.evaluations() + " evaluations");
        }
        // xen: 64 GB - 576 MB over 1 GB + 20 kB; Hyper-V: 300 MB + the parent's, 32 MB per 1 GB VM
        assertEquals(63, entry(r, "xen-3.0").maxVms());
        assertEquals(61, entry(r, "hyperv-2008-core").maxVms());
        assertEquals(60, entry(r, "hyperv-2008-full").maxVms());
        // Server Core (512 MB parent) never carries fewer than Full (1 GB parent) when memory binds
        assertTrue(entry(r, "hyperv-2008-core").maxVms() >= entry(r, "hyperv-2008-full").maxVms());
    }

    /**
     * N VMs of one vCPU, Poisson arrivals at λ and exponential demands of mean S, on one pCPU shared by
     * processor sharing without switch costs: a work-conserving discipline that ignores demands, so the
     * number of requests on the host is that of an M/M/1 queue at ρ = NλS, and by symmetry and Little's
     * law each VM's mean response time is S / (1 − NλS). With λ = 10/s, S = 10 ms and a 40 ms SLA on the
     * mean, N ≤ (1 − S/R) / (λS) = 7.5: 7 VMs (33 ms), not 8 (50 ms).
     */
    static String processorSharing(int cpus, String max) {
        return """
                name: ps-host
                seed: 11
                replications: 4
                warmup: 10 s
                duration: 100 s
                architectures: [native]
                scheduler: { name: processor-sharing, switch_cost: 0 s }
                sla: { metric: response_time_mean, scope: web, max: %s }
                capacity: { template: web, from: 1, to: 256, max_replications: 8 }
                host: { cpus: %d, memory: 512 GB }
                vms:
                  - name: web
                    memory: 1 GB
                """.formatted(max, cpus) + Fixtures.openWorkload("10 /s", "10 ms").indent(4);
    }

    @Test
    void aCpuBoundCountFollowsFromQueueingTheoryAndMorePcpusNeverLowerIt() throws Exception {
        double lambda = 10;
        double s = 0.010;
        double sla = 0.040;
        int expected = (int) Math.floor((1 - s / sla) / (lambda * s));
        assertEquals(7, expected);
        CapacityResults.Entry one = entry(run(processorSharing(1, "40 ms")), "native");
        assertEquals(expected, one.maxVms(), one.note());
        assertTrue(one.certain(), one.note());
        assertEquals("sla:response_time_mean", one.binding(), one.note());
        assertTrue(one.evaluations() <= 20, one.evaluations() + " evaluations for 1..256");
        // the curve's figure at the answer agrees with S / (1 - NλS)
        CapacityResults.Point at = one.curve().stream().filter(p -> p.count() == expected).findFirst().orElseThrow();
        double truth = s / (1 - expected * lambda * s);
        assertTrue(at.figure().ciLow() <= truth * 1.05 && at.figure().ciHigh() >= truth * 0.95,
                "mean response at " + expected + ": " + at.figure() + " vs " + truth);

        CapacityResults.Entry two = entry(run(processorSharing(2, "40 ms")), "native");
        assertTrue(two.maxVms() >= one.maxVms(), two.maxVms() + " VMs on 2 pCPUs vs " + one.maxVms() + " on 1");
        assertTrue(two.maxVms() >= 2 * expected - 1, two.note());
    }

    /**
     * The same CPU-bound host under Xen and under a Xen variant whose dom0 management agents take
     * 5 ms of CPU every 10 ms plus 0.5 ms per VM: the heavier stack never carries more VMs.
     */
    @Test
    void aHeavierManagementStackNeverRaisesCapacity() throws Exception {
        String text = processorSharing(1, "40 ms").replace("architectures: [native]",
                "architectures: [xen-3.0, { base: xen-3.0, name: heavy, control: { management: "
                        + "{ period: 10 ms, base: 5 ms, per_vm: 500 us } } }]")
                .replace("scheduler: { name: processor-sharing, switch_cost: 0 s }\n", "");
        CapacityResults r = run(text);
        CapacityResults.Entry light = entry(r, "xen-3.0");
        CapacityResults.Entry heavy = entry(r, "heavy");
        assertTrue(heavy.maxVms() <= light.maxVms(), heavy.maxVms() + " VMs under the heavy stack, "
                + light.maxVms() + " under Xen's own: " + heavy.note());
        assertTrue(heavy.maxVms() < light.maxVms(), "5 ms in every 10 ms of one pCPU must cost VMs: " + heavy.note());
    }

    /**
     * With a lax SLA and 50 % CPU headroom on one pCPU, each VM at 10 /s × 10 ms = 10 % busy: four VMs
     * leave 60 % free, five exactly 50 % (random, so refused or uncertain), six 40 %. The answer is
     * bound by the CPU and at most 5.
     */
    @Test
    void aCpuHeadroomBindsAsCpu() throws Exception {
        String text = processorSharing(1, "10 s").replace("max_replications: 8 }",
                "max_replications: 8, cpu_headroom: 50 % }");
        CapacityResults.Entry e = entry(run(text), "native");
        assertEquals("cpu", e.binding(), e.note());
        assertTrue(e.maxVms() >= 4 && e.maxVms() <= 5, e.maxVms() + ": " + e.note());
    }

    @Test
    void anSlaUnmetAtOneVmSaysSoInsteadOfReportingZeroSilently() throws Exception {
        // one VM alone has a mean response of S / (1 - λS) = 11.1 ms, above 5 ms
        CapacityResults.Entry e = entry(run(processorSharing(1, "5 ms")), "native");
        assertEquals(0, e.maxVms());
        assertEquals(1, e.evaluations());
        assertTrue(e.certain());
        assertEquals("sla:response_time_mean", e.binding());
        assertTrue(e.note().contains("not met even at 1 web VM"), e.note());
    }

    @Test
    void badCapacityKeysAreReportedAtTheirFileLineAndColumn() {
        String text = MEMORY_BOUND.replace("capacity: { template: web, from: 1, to: 256 }",
                "capacity:\n  template: wbe\n  form: 1\n  to: 0");
        List<String> problems = Fixtures.problems(text);
        String all = String.join("\n", problems);
        assertTrue(all.contains("s.yaml:9:13: capacity.template: no VM named 'wbe' (VMs: web)"), all);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("s.yaml:10:3:") && p.contains("from")), all);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("s.yaml:11:7:")), all);
    }

    @Test
    void theCommandWritesCapacityCsvMetricsAndTheReport(@TempDir Path tmp) throws Exception {
        Path f = Fixtures.write(tmp, "m.yaml", MEMORY_BOUND.replace("[xen-3.0, hyperv-2008-core, hyperv-2008-full]",
                "[hyperv-2008-core]").replace("to: 256", "to: 40"));
        Fixtures.Outcome o = Fixtures.hvsim("capacity", f.toString(), "--out", tmp.resolve("out").toString(),
                "--format", "csv");
        assertEquals(0, o.code(), o.err());
        String csv = "architecture,max_vms_per_host,binding_constraint,certain,evaluations\n"
                + "hyperv-2008-core,40,range,true,";
        assertTrue(o.out().startsWith(csv), o.out());
        assertEquals(o.out(), Files.readString(tmp.resolve("out/capacity.csv")));
        assertTrue(Files.readString(tmp.resolve("out/metrics.csv"))
                .contains("hyperv-2008-core,host,max_vms_per_host,40.0,,,"));
        String html = Files.readString(tmp.resolve("out/report.html"));
        assertTrue(html.contains("capacity-vms-per-host") && html.contains("capacity-curve"), "charts in the report");
        assertTrue(o.err().contains("hvsim capacity: hyperv-2008-core: 40 x web: holds"), o.err());

        Fixtures.Outcome none = Fixtures.hvsim("capacity", Fixtures.write(tmp, "n.yaml",
                MEMORY_BOUND.replace("capacity: { template: web, from: 1, to: 256 }\n", "")).toString());
        assertEquals(2, none.code());
        assertTrue(none.err().contains("n.yaml:1:1: no capacity section"), none.err());
    }
}
