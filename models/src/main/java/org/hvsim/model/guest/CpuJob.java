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
    /** Share of this job's CPU time charged to {@link #tertiary} (0 for most jobs), taken from the secondary's. */
    double tertiaryFraction;
    CpuCategory tertiary = CpuCategory.HYPERVISOR;
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
        this.tertiaryFraction = 0;
    }

    /**
     * Prepares a burst of three parts charged side by side: {@code fraction} to {@code primary},
     * {@code tertiaryFraction} to {@code tertiary} and the rest to {@code secondary}.
     */
    protected final void prepare(double work, double fraction, CpuCategory primary, CpuCategory secondary,
            double tertiaryFraction, CpuCategory tertiary) {
        prepare(work, fraction, primary, secondary);
        if (tertiaryFraction != 0 && !(tertiaryFraction > 0 && fraction + tertiaryFraction <= 1 + 1e-12)) {
            throw new IllegalArgumentException("category fractions " + fraction + " and " + tertiaryFraction
                    + " must be >= 0 and sum to at most 1");
        }
        this.tertiaryFraction = tertiaryFraction;
        this.tertiary = tertiary;
    }

    /** Adds this job's per-category shares, times {@code weight}, into {@code levels} from {@code offset}. */
    final void addShares(double[] levels, int offset, double weight) {
        levels[offset + primary.ordinal()] += weight * guestFraction;
        if (tertiaryFraction == 0) {
            levels[offset + secondary.ordinal()] += weight * (1 - guestFraction);
        } else {
            levels[offset + secondary.ordinal()] += weight * (1 - guestFraction - tertiaryFraction);
            levels[offset + tertiary.ordinal()] += weight * tertiaryFraction;
        }
    }

    /** Called once the burst has received all its work. */
    protected abstract void cpuDone();
}
