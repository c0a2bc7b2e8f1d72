package org.hvsim.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.HdrHistogram.DoubleHistogram;
import org.apache.commons.math3.random.RandomGenerator;
import org.hvsim.core.engine.LambdaModel;
import org.hvsim.core.engine.ReplicationOutput;
import org.hvsim.core.engine.SimulationFailure;
import org.hvsim.core.result.Estimate;
import org.hvsim.core.stats.ConfidenceInterval;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class ExperimentTest {

    private static List<Treatment> queues(boolean serialized) {
        List<Treatment> out = new ArrayList<>();
        for (double lambda : new double[] {0.5, 0.8}) {
            java.util.function.Supplier<org.hvsim.core.engine.ReplicationModel> models = () -> new Mm1Model(lambda, 1.0);
            out.add(new Treatment("rho=" + lambda, serialized ? SerializedConstruction.wrap(models) : models));
        }
        return out;
    }

    private static void assertBitIdentical(List<TreatmentResult> a, List<TreatmentResult> b) {
        assertEquals(a.size(), b.size());
        for (int t = 0; t < a.size(); t++) {
            TreatmentResult x = a.get(t);
            TreatmentResult y = b.get(t);
            assertEquals(x.name(), y.name());
            assertEquals(new ArrayList<>(x.estimates().keySet()), new ArrayList<>(y.estimates().keySet()),
                    "figure order");
            for (Map.Entry<ReplicationOutput.Key, Estimate> e : x.estimates().entrySet()) {
                Estimate other = y.estimates().get(e.getKey());
                assertEquals(e.getValue(), other, x.name() + " " + e.getKey());
            }
            for (int r = 0; r < x.replications().size(); r++) {
                assertEquals(x.replications().get(r).values(), y.replications().get(r).values(), "replication " + r);
                assertEquals(x.replications().get(r).events(), y.replications().get(r).events());
            }
            assertEquals(x.events(), y.events());
            for (Map.Entry<ReplicationOutput.Key, DoubleHistogram> e : x.pooled().entrySet()) {
                DoubleHistogram h = y.pooled().get(e.getKey());
                assertEquals(e.getValue().getTotalCount(), h.getTotalCount());
                assertEquals(e.getValue().getMean(), h.getMean(), 0.0);
                assertEquals(e.getValue().getValueAtPercentile(99), h.getValueAtPercentile(99), 0.0);
            }
        }
    }

    @Test
    void resultsAreBitIdenticalWithOneAndFourThreads() {
        ExperimentSpec spec = new ExperimentSpec(2024, 8, 50, 1000, 1, 60);
        List<TreatmentResult> serial = Experiment.run(queues(true), spec, Progress.NONE);
        List<TreatmentResult> parallel = Experiment.run(queues(true), spec.withThreads(4), Progress.NONE);
        assertBitIdentical(serial, parallel);
        // and the numbers are those of an M/M/1 queue, so the comparison is not between two empty results
        assertEquals(2.0, serial.get(0).estimate("q", "response_time_mean").mean(), 0.3);
        assertEquals(5.0, serial.get(1).estimate("q", "response_time_mean").mean(), 1.5);
        // about 2 events per customer: 8 replications x 1000 s x 0.5/s x 2
        assertEquals(8000, serial.get(0).events(), 800);
    }

    @Test
    void resultsAreBitIdenticalWithOneAndFourThreadsWithoutAWorkaround() {
        ExperimentSpec spec = new ExperimentSpec(2024, 40, 5, 50, 1, 60);
        List<TreatmentResult> serial = Experiment.run(queues(false), spec, Progress.NONE);
        for (int i = 0; i < 3; i++) {
            assertBitIdentical(serial, Experiment.run(queues(false), spec.withThreads(4), Progress.NONE));
        }
    }

    /** Records the first five draws of stream "shared"; the noisy variant draws elsewhere first. */
    private static Treatment drawing(String name, boolean noisy) {
        return new Treatment(name, () -> {
            double[] d = new double[5];
            return new LambdaModel(sim -> {
                if (noisy) {
                    RandomGenerator noise = sim.random().stream("noise");
                    for (int i = 0; i < 3; i++) {
                        sim.schedule(noise.nextDouble(), () -> noise.nextGaussian());
                    }
                }
                sim.schedule(noisy ? 2.0 : 1.0, () -> {
                    RandomGenerator shared = sim.random().stream("shared");
                    for (int i = 0; i < d.length; i++) {
                        d[i] = shared.nextDouble();
                    }
                });
            }, (sim, out) -> {
                for (int i = 0; i < d.length; i++) {
                    out.put("m", "d" + i, d[i]);
                }
            });
        });
    }

    @Test
    void commonRandomNumbersAcrossTreatmentsButNotAcrossReplications() {
        int reps = 4;
        ExperimentSpec spec = new ExperimentSpec(77, reps, 0, 10, 1, 60);
        List<TreatmentResult> res = Experiment.run(List.of(drawing("plain", false), drawing("noisy", true)), spec,
                Progress.NONE);
        List<ReplicationOutput> a = res.get(0).replications();
        List<ReplicationOutput> b = res.get(1).replications();
        assertEquals(reps, a.size());
        for (int r = 0; r < reps; r++) {
            assertEquals(a.get(r).values(), b.get(r).values(), "replication " + r + " draws differ across treatments");
            for (int q = r + 1; q < reps; q++) {
                assertNotEquals(a.get(r).get("m", "d0"), a.get(q).get("m", "d0"),
                        "replications " + r + " and " + q + " share draws");
            }
        }
        // another scenario seed gives other draws
        List<TreatmentResult> other = Experiment.run(List.of(drawing("plain", false)),
                new ExperimentSpec(78, reps, 0, 10, 1, 60), Progress.NONE);
        assertNotEquals(a.get(0).get("m", "d0"), other.get(0).replications().get(0).get("m", "d0"));
    }

    @Test
    void estimatesAreStudentTIntervalsOverReplications() {
        ExperimentSpec spec = new ExperimentSpec(5, 6, 20, 400, 1, 60);
        TreatmentResult r = Experiment.run(queues(false).subList(0, 1), spec, Progress.NONE).get(0);
        double[] values = r.replications().stream().mapToDouble(o -> o.get("q", "response_time_mean")).toArray();
        assertEquals(6, values.length);
        assertEquals(ConfidenceInterval.studentT(values, 0.95), r.estimate("q", "response_time_mean"));
        long pooled = r.pooled().get(new ReplicationOutput.Key("q", "response_time")).getTotalCount();
        long sum = 0;
        for (ReplicationOutput o : r.replications()) {
            sum += o.distributions().get(new ReplicationOutput.Key("q", "response_time")).getTotalCount();
        }
        assertEquals(sum, pooled, "pooled distribution must hold every replication's observations");
    }

    @Test
    void aggregateLeavesNaNOutOfTheIntervalAndCountsIt() {
        List<ReplicationOutput> outs = new ArrayList<>();
        double[] v = {1.0, 2.0, Double.NaN, 4.0};
        for (double x : v) {
            ReplicationOutput o = new ReplicationOutput();
            o.put("s", "m", x);
            outs.add(o);
        }
        ReplicationOutput missing = new ReplicationOutput();
        missing.put("s", "other", 1.0);
        outs.add(missing);
        TreatmentResult r = Experiment.aggregate("t", outs);
        assertEquals(ConfidenceInterval.studentT(new double[] {1, 2, 4}, 0.95).withNanReplications(1),
                r.estimate("s", "m"));
        assertEquals(3, r.estimate("s", "m").replications());
        assertEquals(1, r.estimate("s", "m").nanReplications(), "the NaN replication is counted");
        assertEquals(1, r.estimate("s", "other").replications());
        assertEquals(0, r.estimate("s", "other").nanReplications(), "a figure not reported is not a NaN");
        assertTrue(Double.isNaN(r.estimate("s", "other").ciLow()));
    }

    @Test
    void aFigureNaNInEveryReplicationHasNoValueAndSaysHowMany() {
        List<ReplicationOutput> outs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ReplicationOutput o = new ReplicationOutput();
            o.put("s", "m", Double.NaN);
            outs.add(o);
        }
        Estimate e = Experiment.aggregate("t", outs).estimate("s", "m");
        assertTrue(Double.isNaN(e.mean()));
        assertEquals(0, e.replications());
        assertEquals(3, e.nanReplications());
    }

    @Test
    void aFailingReplicationFailsTheExperimentNamingTheTreatment() {
        IllegalStateException boom = new IllegalStateException("boom");
        Treatment bad = new Treatment("bad-arm", () -> LambdaModel.of(sim -> sim.schedule(1.0, () -> {
            throw boom;
        })));
        SimulationFailure f = assertThrows(SimulationFailure.class, () -> Experiment.run(
                List.of(queues(false).get(0), bad), new ExperimentSpec(1, 2, 0, 10, 1, 60), Progress.NONE));
        assertTrue(f.getMessage().startsWith("bad-arm"), f.getMessage());
        assertSame(boom, f.getCause());
    }

    @Test
    void progressIsToldOncePerReplication() {
        AtomicInteger calls = new AtomicInteger();
        int[] last = new int[2];
        Experiment.run(queues(false), new ExperimentSpec(3, 3, 0, 20, 1, 60), (done, total, nanos) -> {
            calls.incrementAndGet();
            last[0] = done;
            last[1] = total;
        });
        assertEquals(6, calls.get());
        assertEquals(6, last[0]);
        assertEquals(6, last[1]);
    }
}
