package org.hvsim.model.guest;

/**
 * A burst of CPU work placed on a guest's vCPUs. Work is in seconds on the reference core. The
 * fields other than the constructor's belong to the scheduler that holds the job.
 */
public abstract class CpuJob {
    /** Work still to do, reference-core seconds. */
    double remaining;
    /** Share of this job's CPU time that is useful guest work; the rest is virtualization overhead. */
    double guestFraction = 1.0;
    /** Processor sharing: the virtual time at which this job finishes. */
    double finishTag;
    /** Round robin: CPU seconds left in the current quantum. */
    double quantumLeft;

    /** Prepares the job for a new burst of {@code work} seconds, {@code guestFraction} of it useful. */
    protected final void prepare(double work, double guestFraction) {
        if (!(work >= 0) || Double.isInfinite(work)) {
            throw new IllegalArgumentException("CPU work must be finite and >= 0, got " + work);
        }
        this.remaining = work;
        this.guestFraction = guestFraction;
    }

    /** Called once the burst has received all its work. */
    protected abstract void cpuDone();
}
