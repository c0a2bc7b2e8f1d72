package org.hvsim.core.experiment;

import java.util.function.Supplier;

import org.hvsim.core.engine.ReplicationModel;

/**
 * One arm of an experiment (an architecture, or a swept configuration): a name and a way to build a
 * fresh model for each replication.
 */
public record Treatment(String name, Supplier<ReplicationModel> models) {
}
