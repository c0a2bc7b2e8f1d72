package org.hvsim.model.system;

import static org.hvsim.model.system.Systems.cpu;
import static org.hvsim.model.system.Systems.open;
import static org.hvsim.model.system.Systems.vm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.hvsim.core.engine.ReplicationModel;
import org.hvsim.core.engine.ReplicationOutput;
import org.hvsim.core.engine.Simulation;
import org.hvsim.core.experiment.Experiment;
import org.hvsim.core.experiment.ExperimentSpec;
import org.hvsim.core.experiment.Progress;
import org.hvsim.core.experiment.Treatment;
import org.hvsim.core.experiment.TreatmentResult;
import org.hvsim.core.random.Distribution;
import org.hvsim.model.arch.Architectures;
import org.hvsim.model.guest.GuestDiscipline;
import org.hvsim.model.hardware.DiskSpec;
import org.hvsim.model.hardware.HostSpec;
import org.hvsim.model.workload.Phase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** HostModel results depend on the seed only: not on the thread count, not on earlier runs. */
@Timeout(120)
class DeterminismTest {

    /**
     * Serializes simulator construction (test-only workaround for the DSOL SimLogger race documented in
     * sim-core's ReplicationRunnerTest): the permit is taken when Experiment asks for a model, just before
     * ReplicationRunner builds the simulator, and given back when construct() starts, on the same thread.
     */
    private static final class Serialized implements ReplicationModel {
        static final Semaphore PERMIT = new Semaphore(1);
        final ReplicationModel inner;

        Serialized(ReplicationModel inner) {
            this.inner = inner;
        }

        @Override
        public void construct(Simulation simulation) {
            PERMIT.release();
            inner.construct(simulation);
        }

        @Override
        public void collect(Simulation simulation, ReplicationOutput output) {
            inner.collect(simulation, output);
        }
    }

    private static List<Treatment> treatments() {
        HostSpec host = Systems.host(2, List.of(DiskSpec.ofService("d0", new Distribution.Exponential(0.005))),
                List.of());
        List<VmSpec> vms = List.of(
                vm("web", 3, 1, GuestDiscipline.RR, open(2, cpu(new Distribution.LogNormal(0.15, 1.0)),
                        new Phase.Disk(1, 4096, false, "d0"))),
                vm("db", 1, 2, GuestDiscipline.PS, open(3, cpu(Distribution.HyperExponential.balanced(0.1, 2)))));
        List<Treatment> out = new ArrayList<>();
        for (String arch : List.of("native", "hosted", "monolithic")) {
            SystemSpec spec = new SystemSpec(host, vms, Architectures.byName(arch).orElseThrow());
            out.add(new Treatment(arch, () -> {
                try {
                    if (!Serialized.PERMIT.tryAcquire(30, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("construction permit never released");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                return new Serialized(new HostModel(spec));
            }));
        }
        return out;
    }

    private static List<TreatmentResult> run(long seed, int threads) {
        return Experiment.run(treatments(), new ExperimentSpec(seed, 4, 20, 300, threads, 120), Progress.NONE);
    }

    @Test
    void sameSeedSameNumbersWhateverTheThreadCount() {
        List<TreatmentResult> serial = run(808, 1);
        List<TreatmentResult> parallel = run(808, 2);
        List<TreatmentResult> again = run(808, 1);
        for (int t = 0; t < serial.size(); t++) {
            assertEquals(serial.get(t).estimates(), parallel.get(t).estimates(), serial.get(t).name() + " 1 vs 2 threads");
            assertEquals(serial.get(t).estimates(), again.get(t).estimates(), serial.get(t).name() + " run twice");
            for (int r = 0; r < 4; r++) {
                assertEquals(serial.get(t).replications().get(r).values(), parallel.get(t).replications().get(r).values());
                assertEquals(serial.get(t).replications().get(r).events(), parallel.get(t).replications().get(r).events());
            }
        }
        List<TreatmentResult> otherSeed = run(809, 1);
        assertNotEquals(serial.get(0).estimate("web", Metrics.RESPONSE_TIME_MEAN),
                otherSeed.get(0).estimate("web", Metrics.RESPONSE_TIME_MEAN));
    }
}
