/** One replication on DSOL 4.3.2, run synchronously: the {@link org.hvsim.core.engine.Simulation} a model sees (clock, events, random streams, warm-up hook), the runner that surfaces failures and never leaves DSOL's worker thread behind, and the per-replication output. */
package org.hvsim.core.engine;
