package org.hvsim.model.system;

import java.util.List;

import org.hvsim.core.engine.ReplicationOutput;

/** The host's CPU breakdown: every pCPU-second is charged to exactly one of these, so they add up to 1. */
public final class CpuBreakdown {

    public static final List<String> CATEGORIES = List.of(Metrics.CPU_UTIL_GUEST, Metrics.CPU_UTIL_VIRTUALIZATION,
            Metrics.CPU_UTIL_HYPERVISOR, Metrics.CPU_UTIL_PARENT, Metrics.CPU_UTIL_MANAGEMENT, Metrics.CPU_UTIL_IDLE);

    private CpuBreakdown() {
    }

    /** The host's categories of one replication, added up. */
    public static double sum(ReplicationOutput o) {
        double s = 0;
        for (String m : CATEGORIES) {
            s += o.get(Metrics.HOST, m);
        }
        return s;
    }
}
