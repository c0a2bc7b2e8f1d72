package org.hvsim.core.engine;

import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** A replication model made of two lambdas, for tests. */
public final class LambdaModel implements ReplicationModel {
    private final Consumer<Simulation> construct;
    private final BiConsumer<Simulation, ReplicationOutput> collect;

    public LambdaModel(Consumer<Simulation> construct, BiConsumer<Simulation, ReplicationOutput> collect) {
        this.construct = construct;
        this.collect = collect;
    }

    public static LambdaModel of(Consumer<Simulation> construct) {
        return new LambdaModel(construct, (s, o) -> { });
    }

    @Override
    public void construct(Simulation simulation) {
        construct.accept(simulation);
    }

    @Override
    public void collect(Simulation simulation, ReplicationOutput output) {
        collect.accept(simulation, output);
    }
}
