package org.hvsim.core.experiment;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.hvsim.core.engine.ReplicationModel;
import org.hvsim.core.engine.ReplicationOutput;
import org.hvsim.core.engine.Simulation;

/**
 * Test-only workaround for the simulator-construction race (see
 * ReplicationRunnerTest#concurrentReplicationsAllSucceedWithUniqueIds): Experiment asks the supplier for a
 * model just before ReplicationRunner builds the simulator, and construct() runs right after, on the same
 * thread; holding a permit in between serializes DSOL's SimLogger set-up while events still run in
 * parallel. Remove once ReplicationRunner serializes simulator construction itself.
 */
final class SerializedConstruction implements ReplicationModel {
    private static final Semaphore PERMIT = new Semaphore(1);
    private final ReplicationModel inner;
    private boolean released;

    private SerializedConstruction(ReplicationModel inner) {
        this.inner = inner;
    }

    static Supplier<ReplicationModel> wrap(Supplier<? extends ReplicationModel> models) {
        return () -> {
            try {
                if (!PERMIT.tryAcquire(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("construction permit never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return new SerializedConstruction(models.get());
        };
    }

    @Override
    public void construct(Simulation simulation) {
        if (!released) {
            released = true;
            PERMIT.release();
        }
        inner.construct(simulation);
    }

    @Override
    public void collect(Simulation simulation, ReplicationOutput output) {
        inner.collect(simulation, output);
    }
}
