package org.hvsim.core.engine;

/**
 * A replication that did not reach its end: an exception raised inside an event (the original one is
 * the cause), a simulator that stopped early, or a replication that exceeded its wall-clock limit.
 */
public final class SimulationFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SimulationFailure(String message, Throwable cause) {
        super(message, cause);
    }

    public SimulationFailure(String message) {
        super(message);
    }
}
