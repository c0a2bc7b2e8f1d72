package org.hvsim.model.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.hvsim.core.engine.ReplicationOutput;
import org.hvsim.core.engine.ReplicationRunner;
import org.hvsim.core.engine.ReplicationSpec;
import org.hvsim.core.random.Distribution;
import org.hvsim.model.arch.Architectures;
import org.hvsim.model.guest.GuestDiscipline;
import org.hvsim.model.hardware.DiskSpec;
import org.hvsim.model.hardware.HostSpec;
import org.hvsim.model.workload.Arrivals;
import org.hvsim.model.workload.Phase;
import org.hvsim.model.workload.RequestClass;
import org.hvsim.model.workload.Workload;
import org.junit.jupiter.api.Test;

/** A VM set that does not fit is refused with the numbers; overcommit, when allowed, costs paging. */
class MemoryAdmissionTest {

    private static final double GB = 1024.0 * 1024 * 1024;

    private static SystemSpec system(int count, double vmMemory) {
        HostSpec host = new HostSpec(4, 1.0, 16 * GB,
                List.of(DiskSpec.ofService("d0", new Distribution.Exponential(0.005))), List.of());
        Workload w = new Workload(Arrivals.Open.poisson(10), List.of(new RequestClass("r", 1,
                List.of(new Phase.Cpu(new Distribution.Exponential(0.01))))));
        VmSpec vm = new VmSpec("db", count, 1, vmMemory, true, GuestDiscipline.PS, 0.1, w);
        return new SystemSpec(host, List.of(vm), Architectures.byName("native").orElseThrow());
    }

    @Test
    void anOverFullHostIsRefusedWithANamedShortfall() {
        SystemSpec s = system(5, 4 * GB); // 20 GB of VMs on a 16 GB host
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new HostModel(s));
        assertTrue(e.getMessage().contains("20.00 GB"), e.getMessage());
        assertTrue(e.getMessage().contains("16.00 GB"), e.getMessage());
        assertTrue(e.getMessage().contains("short by 4.00 GB"), e.getMessage());
        assertTrue(e.getMessage().contains("db 5 x (4.00 GB"), e.getMessage());
        // One VM fewer fits.
        new HostModel(system(4, 4 * GB));
    }

    @Test
    void overcommitIsAllowedOnlyWhenAskedForAndCostsPageIns() {
        SystemSpec over = system(5, 4 * GB).withMemory(new MemoryPolicy(true, "d0", 10, MemoryPolicy.PAGE));
        assertEquals(0.2, MemoryAdmission.overcommitFraction(over), 1e-12);
        ReplicationOutput paged = ReplicationRunner.run(new HostModel(over), ReplicationSpec.of(3, 0, 10, 110));
        ReplicationOutput fits = ReplicationRunner.run(new HostModel(system(4, 4 * GB)), ReplicationSpec.of(3, 0, 10, 110));
        // 10 faults x 20 % = 2 page-ins of 5 ms per request: about 10 ms more response time and a busy disk.
        double extra = paged.get("db", Metrics.RESPONSE_TIME_MEAN) - fits.get("db", Metrics.RESPONSE_TIME_MEAN);
        assertTrue(extra > 0.008, "paging should add about 10 ms, added " + extra);
        assertTrue(paged.get("host", Metrics.DISK_UTIL) > 0.1, "page-ins keep the swap disk busy");
        assertEquals(0, fits.get("host", Metrics.DISK_UTIL), 0.0);
    }
}
