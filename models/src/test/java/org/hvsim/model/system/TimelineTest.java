package org.hvsim.model.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/** The first replication's time series agree with the whole-run figures they subdivide. */
class TimelineTest {

    private static SystemSpec system() {
        HostSpec host = new HostSpec(2, 1.0, 8e9,
                List.of(DiskSpec.ofService("d0", new Distribution.Exponential(0.004))), List.of());
        VmSpec vm = new VmSpec("web", 2, 1, 1e9, true, GuestDiscipline.PS, 0.1,
                new Workload(Arrivals.Open.poisson(30), List.of(new RequestClass("page", 1, List.of(
                        new Phase.Cpu(new Distribution.Exponential(0.01)), new Phase.Disk(1, 4096, false, "d0"))))));
        return new SystemSpec(host, List.of(vm), Architectures.byName("hosted").orElseThrow());
    }

    @Test
    void intervalMeansAfterTheWarmupAverageToTheWholeRunFigure() {
        // Warm-up at 50 s, 100 intervals of 2 s over 200 s: intervals 26..100 lie after the warm-up.
        ReplicationOutput out = ReplicationRunner.run(new HostModel(system()), ReplicationSpec.of(5, 0, 50, 200));
        double[][] host = out.series().get(new ReplicationOutput.Key("host", Metrics.CPU_UTIL));
        assertEquals(100, host[0].length);
        assertEquals(200.0, host[0][99], 1e-9);
        double sum = 0;
        for (int i = 25; i < 100; i++) {
            sum += host[1][i];
        }
        double busy = 1 - out.get("host", Metrics.CPU_UTIL_IDLE);
        assertEquals(busy, sum / 75, 1e-9);

        double[][] disk = out.series().get(new ReplicationOutput.Key("d0", Metrics.DISK_UTIL));
        double dsum = 0;
        for (int i = 25; i < 100; i++) {
            dsum += disk[1][i];
        }
        assertEquals(out.get("host", Metrics.DISK_UTIL), dsum / 75, 1e-9);
        // Before the warm-up the series still shows activity (the transient is part of the timeline).
        assertTrue(host[1][5] > 0);
    }

    @Test
    void onlyTheFirstReplicationRecordsATimeline() {
        ReplicationOutput second = ReplicationRunner.run(new HostModel(system()), ReplicationSpec.of(5, 1, 10, 50));
        assertFalse(second.series().containsKey(new ReplicationOutput.Key("host", Metrics.CPU_UTIL)));
        assertTrue(second.series().isEmpty());
    }
}
