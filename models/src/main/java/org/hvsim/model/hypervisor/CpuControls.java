package org.hvsim.model.hypervisor;

/**
 * A VM's settings for the hypervisor scheduler, in scheduler-neutral units. Each scheduler maps them
 * onto its own vocabulary (Xen weight and cap, ESX shares, reservation and limit, Hyper-V weight,
 * reserve and limit).
 *
 * @param weight      relative weight or shares; 0 means the scheduler's default
 * @param reservation CPU guaranteed to the whole VM, in pCPUs (1.5 = one and a half pCPUs); 0 = none
 * @param limit       CPU the whole VM may use at most, in pCPUs; 0 = no limit
 */
public record CpuControls(int weight, double reservation, double limit) {

    public static final CpuControls DEFAULT = new CpuControls(0, 0, 0);

    public CpuControls {
        if (weight < 0) {
            throw new IllegalArgumentException("weight must be >= 0, got " + weight);
        }
        if (!(reservation >= 0) || !(limit >= 0)) {
            throw new IllegalArgumentException("reservation and limit must be >= 0");
        }
        if (limit > 0 && reservation > limit) {
            throw new IllegalArgumentException("reservation " + reservation + " exceeds limit " + limit);
        }
    }

    public boolean hasLimit() {
        return limit > 0;
    }

    public int weightOr(int schedulerDefault) {
        return weight == 0 ? schedulerDefault : weight;
    }
}
