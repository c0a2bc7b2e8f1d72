package org.hvsim.model.guest;

/**
 * A burst of CPU work placed on a guest's vCPUs. Work is in seconds on the reference core. The
 * fields other than the constructor's belong to the scheduler that holds the job.
 */
public abstract class CpuJob {
    /** Work still to do, reference-core seconds. */
    double remaining;
    /** Share of this job's CPU time charged to {@link #primary}; the rest goes to {@link #secondary}. */
    double guestFraction = 1.0;
    CpuCategory primary = CpuCategory.GUEST;
    CpuCategory secondary = CpuCategory.VIRTUALIZATION;
    /** Processor sharing: the virtual time at which this job finishes. */
    double finishTag;
    /** Round robin: CPU seconds left in the current quantum. */
    double quantumLeft;

    /**
     * Prepares the job for a new burst of {@code work} seconds, {@code guestFraction} of it useful guest
     * work and the rest virtualization overhead.
     */
    protected final void prepare(double work, double guestFraction) {
        prepare(work, guestFraction, CpuCategory.GUEST, CpuCategory.VIRTUALIZATION);
    }

    /** Prepares a burst whose CPU time is {@code fraction} {@code primary} and the rest {@code secondary}. */
    protected final void prepare(double work, double fraction, CpuCategory primary, CpuCategory secondary) {
        if (!(work >= 0) || Double.isInfinite(work)) {
            throw new IllegalArgumentException("CPU work must be finite and >= 0, got " + work);
        }
        this.remaining = work;
        this.guestFraction = fraction;
        this.primary = primary;
        this.secondary = secondary;
    }

    /** Adds this job's per-category shares, times {@code weight}, into {@code levels} from {@code offset}. */
    final void addShares(double[] levels, int offset, double weight) {
        levels[offset + primary.ordinal()] += weight * guestFraction;
        levels[offset + secondary.ordinal()] += weight * (1 - guestFraction);
    }

    /** Called once the burst has received all its work. */
    protected abstract void cpuDone();
}
