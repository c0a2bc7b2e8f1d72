package org.hvsim.core.engine;

/** Something that forgets what it observed before the warm-up instant (statistics, counters). */
@FunctionalInterface
public interface Warmup {
    void reset(double now);
}
