package org.hvsim.core.experiment;

/** Told after each replication finishes; called from worker threads, one call at a time. */
@FunctionalInterface
public interface Progress {
    void replicationDone(int done, int total, long elapsedNanos);

    Progress NONE = (d, t, e) -> { };
}
