package org.hvsim.model.workload;

/**
 * Where a trace's records come from, read in order as the simulation advances (a file is never held
 * whole). Each {@link #open()} starts again from the first record, so every VM instance and every
 * replication replays the same trace.
 */
public interface TraceSource {

    /** What the trace is called in messages (its file). */
    String name();

    /** A new reading from the first record. */
    Reader open();

    /** Records one at a time; the times increase. */
    interface Reader extends AutoCloseable {

        /** The next record, or null after the last. */
        TraceRecord next();

        @Override
        void close();
    }
}
