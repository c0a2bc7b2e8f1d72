package org.hvsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.hvsim.core.engine.ReplicationOutput;
import org.hvsim.core.experiment.Progress;
import org.hvsim.core.result.Metric;
import org.hvsim.model.workload.Arrivals;
import org.hvsim.model.workload.TraceRecord;
import org.hvsim.model.workload.TraceSource;
import org.hvsim.scenario.load.ScenarioException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `open: { trace }` from a CSV file to figures: exact replay, the Lindley recursion, located problems. */
class TraceWorkloadTest {

    @TempDir
    Path tmp;

    private static String scenario(String trace) {
        return Fixtures.nativeRun("traced", 3, 2, "0 s", "400 s") + """
                host: { cpus: 1, memory: 8 GB, disks: [ { name: d0, latency: 4 ms, bandwidth: 100 MB/s } ], nics: [ { name: n0, bandwidth: 1 Gbit/s } ] }
                """ + Fixtures.oneFcfsVm() + "      open: { trace: %s }\n".formatted(trace);
    }

    /** Arrival times with exponential gaps (mean 10 ms) for {@code n} requests. */
    private static double[] times(int n, long seed) {
        Random g = new Random(seed);
        double[] t = new double[n];
        double now = 0;
        for (int i = 0; i < n; i++) {
            now += -Math.log(1 - g.nextDouble()) * 0.010;
            t[i] = Math.round(now * 1e6) / 1e6; // microseconds, as a trace records them
        }
        return t;
    }

    @Test
    void theReplayReadsEachRowExactly() throws Exception {
        Files.writeString(tmp.resolve("t.csv"), """
                # a request per row
                time,cpu (ms),disk_ops,disk_bytes [KB],net_bytes
                0.5 s,10,0,0,0 B
                1.25 s,2.5,2,16,0 B

                3 s,0,1,4,1500 B
                """);
        Scenario s = ScenarioLoader.load(Fixtures.write(tmp, "t.yaml", scenario("{ file: t.csv, time_scale: 2 }")));
        Arrivals.Trace t = (Arrivals.Trace) s.vms().get(0).workload().arrivals();
        assertEquals(3, t.records());
        assertEquals(3.0, t.lastTime());
        assertEquals("d0", t.disk());
        assertEquals("n0", t.nic());
        assertEquals(3 / 6.0, t.meanRate(), 1e-12, "3 rows over 3 s × 2");
        List<TraceRecord> read = new ArrayList<>();
        try (TraceSource.Reader r = t.source().open()) {
            for (TraceRecord x = r.next(); x != null; x = r.next()) {
                read.add(x);
            }
        }
        assertEquals(List.of(new TraceRecord(0.5, 0.010, 0, 0, 0), new TraceRecord(1.25, 0.0025, 2, 16 * 1024, 0),
                new TraceRecord(3, 0, 1, 4 * 1024, 1500)), read);
        assertTrue(s.vms().get(0).workload().classes().isEmpty());
    }

    /**
     * One vCPU on one pCPU, FCFS in the guest, native, constant service: a single FCFS queue, whose
     * waits the Lindley recursion gives exactly, W(n+1) = max(0, W(n) + S − (A(n+1) − A(n))).
     */
    @Test
    void aConstantServiceOnNativeFcfsGivesTheLindleyRecursionExactly() throws Exception {
        int n = 5_000;
        double[] a = times(n, 11);
        double service = 0.008; // ρ ≈ 0.8
        StringBuilder csv = new StringBuilder("time (s),cpu (ms)\n");
        for (double t : a) {
            csv.append(t).append(",8\n");
        }
        Files.writeString(tmp.resolve("lindley.csv"), csv);
        for (double scale : new double[] {1.0, 1.5}) {
            // time_scale stretches the gaps, demand_scale the service: the same recursion on scaled values
            Scenario s = ScenarioLoader.load(Fixtures.write(tmp, "l.yaml",
                    scenario("{ file: lindley.csv, time_scale: " + scale + ", demand_scale: " + scale + " }")));
            // in departures, D(n) = max(A(n), D(n−1)) + S and W(n) = D(n−1) − A(n) when positive
            double departed = 0;
            double sum = 0;
            double[] responses = new double[n];
            for (int i = 0; i < n; i++) {
                double arrival = a[i] * scale;
                departed = Math.max(arrival, departed) + service * scale;
                double response = departed - arrival;
                sum += response;
                responses[i] = response;
            }
            ReplicationOutput out = ScenarioRunner.runTreatments(s, 1, Progress.NONE).get(0).replications().get(0);
            assertEquals(n, out.get("web", Metric.REQUESTS_COMPLETED.name()), "every traced request completes");
            // exact up to the rounding of instants near 50 s (ulps of 1e-14 s), far below any service time
            assertEquals(sum / n, out.get("web", Metric.RESPONSE_TIME_MEAN.name()), 1e-12,
                    "mean response = mean of the Lindley waits + service, scale " + scale);
            java.util.Arrays.sort(responses);
            // the percentiles come from a histogram of 3 significant digits
            double p95 = responses[(int) Math.ceil(0.95 * n) - 1];
            assertEquals(p95, out.get("web", Metric.RESPONSE_TIME_P95.name()), 1e-3 * p95, "p95, scale " + scale);
        }
    }

    private List<String> problems(String csv) throws Exception {
        Files.writeString(tmp.resolve("bad.csv"), csv);
        Path file = Fixtures.write(tmp, "b.yaml", scenario("{ file: bad.csv }"));
        try {
            ScenarioLoader.load(file);
        } catch (ScenarioException e) {
            return e.problems().stream().map(Object::toString).toList();
        }
        throw new AssertionError("no problem found in " + csv);
    }

    @Test
    void badCellsMissingColumnsAndTimesGoingBackAreLocatedInTheFile() throws Exception {
        String bad = tmp.resolve("bad.csv").toString();
        List<String> cell = problems("time,cpu\n0 s,2 ms\n1 s,fast\n");
        assertTrue(cell.stream().anyMatch(m -> m.startsWith(bad + ":3:5:") && m.contains("cpu")), cell.toString());
        List<String> missing = problems("when,cpu\n0 s,2 ms\n");
        assertTrue(missing.stream().anyMatch(m -> m.startsWith(bad + ":1:1:") && m.contains("'when'")
                && m.contains("time")), missing.toString());
        List<String> noTime = problems("cpu\n2 ms\n");
        assertTrue(noTime.stream().anyMatch(m -> m.startsWith(bad + ":1:1:") && m.contains("no column named 'time'")),
                noTime.toString());
        List<String> back = problems("time,cpu\n0 s,2 ms\n2 s,2 ms\n2 s,1 ms\n1 s,1 ms\n");
        assertTrue(back.stream().anyMatch(m -> m.startsWith(bad + ":4:1:") && m.contains("must increase")), back.toString());
        List<String> unit = problems("time (furlongs),cpu\n0,2 ms\n");
        assertTrue(unit.stream().anyMatch(m -> m.startsWith(bad + ":1:1:") && m.contains("furlongs")), unit.toString());
        List<String> ops = problems("time,disk_ops,disk_bytes\n0 s,1.5,4 KB\n1 s,0,4 KB\n");
        assertTrue(ops.stream().anyMatch(m -> m.startsWith(bad + ":2:5:") && m.contains("whole number")), ops.toString());
        assertTrue(ops.stream().anyMatch(m -> m.startsWith(bad + ":3:7:") && m.contains("give disk_ops")), ops.toString());
        List<String> width = problems("time,cpu\n0 s\n");
        assertTrue(width.stream().anyMatch(m -> m.startsWith(bad + ":2:1:") && m.contains("columns")), width.toString());
    }

    @Test
    void theCommandLineSaysWhereAndExitsWith2() throws Exception {
        Files.writeString(tmp.resolve("bad.csv"), "time,cpu\n0 s,2 ms\n1 s,-3 ms\n");
        Path file = Fixtures.write(tmp, "b.yaml", scenario("{ file: bad.csv }"));
        Fixtures.Outcome o = Fixtures.hvsim("validate", file.toString());
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("bad.csv:3:5"), o.err());
    }

    @Test
    void aTraceTakesNoClassesAndItsRepeatMustGoBeyondItsLastRow() throws Exception {
        Files.writeString(tmp.resolve("t.csv"), "time,cpu\n0 s,2 ms\n10 s,2 ms\n");
        List<String> p = Fixtures.problems(scenario("{ file: t.csv }") + "      classes: [ { name: a, phases: [ { cpu: { constant: 1 ms } } ] } ]\n");
        assertTrue(p.stream().anyMatch(m -> m.startsWith("s.yaml:") && m.contains("classes: a trace's rows carry the demands")), p.toString());
        Path file = Fixtures.write(tmp, "r.yaml", scenario("{ file: t.csv, repeat: 15 s, time_scale: 2 }"));
        List<String> r = new ArrayList<>();
        try {
            ScenarioLoader.load(file);
        } catch (ScenarioException e) {
            r.addAll(e.problems().stream().map(Object::toString).toList());
        }
        assertTrue(r.stream().anyMatch(m -> m.contains("repeat") && m.contains("beyond the last row")), r.toString());
    }
}
