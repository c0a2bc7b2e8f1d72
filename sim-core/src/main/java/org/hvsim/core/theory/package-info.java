/** Analytic queueing results (M/M/1, M/M/c, M/G/1, processor sharing, exact MVA) that the simulator is validated against. */
package org.hvsim.core.theory;
