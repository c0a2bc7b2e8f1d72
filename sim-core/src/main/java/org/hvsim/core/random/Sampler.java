package org.hvsim.core.random;

/** Draws values of one distribution from one random stream. */
@FunctionalInterface
public interface Sampler {
    double next();
}
