/** The engine's baselines for the benchmark: bare DSOL scheduling and a bare PriorityQueue loop. */
package org.hvsim.core.bench;
