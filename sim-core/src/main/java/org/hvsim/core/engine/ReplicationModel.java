package org.hvsim.core.engine;

/**
 * A model that one replication runs. A fresh instance is used for every replication, so all
 * per-replication state lives in the instance and is created in {@link #construct}.
 */
public interface ReplicationModel {

    /**
     * Builds entities and statistics and schedules the first events. Called on the simulator's
     * thread when the replication is initialized (DSOL's {@code constructModel}).
     */
    void construct(Simulation simulation);

    /**
     * Reports the figures of this replication. Called once, after the last event at or before the
     * end time has run; {@code simulation.now()} equals the end time.
     */
    void collect(Simulation simulation, ReplicationOutput output);
}
