package org.hvsim.model.arch;

/**
 * The partition or OS that holds the drivers and the management stack: the parent partition of a
 * microkernel hypervisor (Hyper-V, Xen dom0), the host OS of a hosted VMM, or the service console of
 * a monolithic hypervisor. It is scheduled like a VM (its vCPUs compete for pCPUs with the guests'),
 * so its own load and the I/O work it does for the guests queue behind each other.
 *
 * @param role          "parent", "host-os" or "service-console", for reports
 * @param vcpus         its virtual processors; 0 means one per pCPU of the host (the products' default)
 * @param weight        its weight in the hypervisor scheduler's units (0: the scheduler's default)
 * @param reservation   CPU guaranteed to it, in pCPUs (ESX reserves 8 % of a pCPU for the console)
 * @param limit         CPU it may use at most, in pCPUs; 0 = no limit
 * @param memory        bytes of host memory it occupies
 * @param backgroundLoad its own services' CPU, in pCPUs (0.05 = 5 % of one pCPU), as Poisson bursts
 * @param backgroundBurst mean CPU seconds of one background burst
 * @param management    the management agents it runs
 * @param patchRebootsPerYear host reboots a year for its patches (R3; used by the faults model)
 * @param tools         heavy management tools while they run (a GUI console, a backup agent): an agent
 *                      like {@code management}, charged to management too
 */
public record ControlDomain(String role, int vcpus, int weight, double reservation, double limit, double memory,
        double backgroundLoad, double backgroundBurst, Management management, double patchRebootsPerYear,
        Management tools) {

    /** A control domain without a limit and without heavy tools running. */
    public ControlDomain(String role, int vcpus, int weight, double reservation, double memory,
            double backgroundLoad, double backgroundBurst, Management management, double patchRebootsPerYear) {
        this(role, vcpus, weight, reservation, 0, memory, backgroundLoad, backgroundBurst, management,
                patchRebootsPerYear, Management.NONE);
    }

    /** A control domain with no reservation and no patch-reboot figure. */
    public ControlDomain(String role, int vcpus, int weight, double memory, double backgroundLoad,
            double backgroundBurst, Management management) {
        this(role, vcpus, weight, 0, memory, backgroundLoad, backgroundBurst, management, 0);
    }

    /**
     * Mean CPU burst of a background service: 5 ms, chosen (no published figure) as a short OS service
     * activation (timers, logging, monitoring), well below the schedulers' slices so that it interleaves.
     */
    public static final double BACKGROUND_BURST = 0.005;

    public ControlDomain {
        if (vcpus < 0) {
            throw new IllegalArgumentException("a control domain's vCPUs must be >= 0 (0: one per pCPU)");
        }
        if (management == null || tools == null) {
            throw new IllegalArgumentException("management and tools must be given (Management.NONE for none)");
        }
        if (!(backgroundLoad >= 0) || !(backgroundBurst > 0) || !(memory >= 0) || weight < 0 || !(reservation >= 0)
                || !(patchRebootsPerYear >= 0)) {
            throw new IllegalArgumentException("control domain parameters out of range");
        }
        if (!(limit >= 0) || limit > 0 && reservation > limit) {
            throw new IllegalArgumentException("control domain limit " + limit + " must be >= 0 and not below its "
                    + "reservation " + reservation);
        }
        if (vcpus > 0 && reservation > vcpus) {
            throw new IllegalArgumentException("control domain reservation " + reservation + " exceeds its "
                    + vcpus + " vCPUs");
        }
        if (vcpus > 0 && backgroundLoad > vcpus) {
            throw new IllegalArgumentException("background load " + backgroundLoad + " exceeds the control domain's "
                    + vcpus + " vCPUs");
        }
    }

    /**
     * Management agents: every {@code period} they wake and do {@code base + perVm × n} seconds of CPU
     * work, n being the number of VM instances on the host (docs/profiles.md, "agents").
     */
    public record Management(double period, double base, double perVm) {
        public static final Management NONE = new Management(1, 0, 0);

        public Management {
            if (!(period > 0) || !(base >= 0) || !(perVm >= 0)) {
                throw new IllegalArgumentException("management parameters out of range");
            }
        }

        /** CPU seconds per wake-up for {@code vms} instances. */
        public double work(int vms) {
            return base + perVm * vms;
        }

        public boolean active() {
            return base > 0 || perVm > 0;
        }
    }

    /** Its vCPUs on a host of {@code pcpus}. */
    public int vcpusOn(int pcpus) {
        return vcpus == 0 ? pcpus : vcpus;
    }

    public ControlDomain withVcpus(int v) {
        return new ControlDomain(role, v, weight, reservation, limit, memory, backgroundLoad, backgroundBurst,
                management, patchRebootsPerYear, tools);
    }

    public ControlDomain withWeight(int w) {
        return new ControlDomain(role, vcpus, w, reservation, limit, memory, backgroundLoad, backgroundBurst,
                management, patchRebootsPerYear, tools);
    }

    /** Sets its reservation and limit together (each is checked against the other). */
    public ControlDomain withCpu(double newReservation, double newLimit) {
        return new ControlDomain(role, vcpus, weight, newReservation, newLimit, memory, backgroundLoad,
                backgroundBurst, management, patchRebootsPerYear, tools);
    }

    public ControlDomain withManagement(Management m) {
        return new ControlDomain(role, vcpus, weight, reservation, limit, memory, backgroundLoad, backgroundBurst, m,
                patchRebootsPerYear, tools);
    }

    public ControlDomain withMemory(double bytes) {
        return new ControlDomain(role, vcpus, weight, reservation, limit, bytes, backgroundLoad, backgroundBurst,
                management, patchRebootsPerYear, tools);
    }

    public ControlDomain withTools(Management t) {
        return new ControlDomain(role, vcpus, weight, reservation, limit, memory, backgroundLoad, backgroundBurst,
                management, patchRebootsPerYear, t);
    }

    public ControlDomain withBackgroundLoad(double load) {
        return new ControlDomain(role, vcpus, weight, reservation, limit, memory, load, backgroundBurst, management,
                patchRebootsPerYear, tools);
    }
}
