package org.hvsim.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Map;

import org.hvsim.core.engine.EventCensus;
import org.hvsim.core.engine.ReplicationOutput;
import org.hvsim.core.engine.ReplicationRunner;
import org.hvsim.core.engine.ReplicationSpec;
import org.hvsim.core.result.Metric;
import org.hvsim.model.arch.ArchitectureProfile;
import org.hvsim.model.system.HostModel;
import org.hvsim.scenario.Scenario;

/**
 * What one replication of a scenario under one architecture cost: wall time, events, requests, bytes
 * allocated per event, the peak heap (garbage included) and the heap still in use at the end after a
 * collection (what the model retains), measured on this thread with the engine's event census; and the
 * CPU time of the thread that ran the events, which the machine's other load disturbs far less.
 *
 * @param requests requests that arrived after the warm-up, summed over the VM templates
 * @param meanPendingEvents mean size of the event list as events left it
 */
record Measurement(double wallSeconds, double cpuSeconds, long events, double requests, double bytesPerEvent, double peakHeapMb,
        double liveHeapMbAtEnd, double meanPendingEvents, Map<String, Long> scheduledByKind, Map<String, Long> ranByKind) {

    static Measurement of(Scenario s, ArchitectureProfile a) {
        resetPeakHeap();
        EventCensus census = new EventCensus();
        long t0 = System.nanoTime();
        ReplicationOutput out = ReplicationRunner.run(new HostModel(s.system(a)),
                new ReplicationSpec(s.seed(), 0, s.warmup(), s.duration(), 24 * 3600), census);
        // the census's collection at the end is not the model's time
        double wall = (System.nanoTime() - t0) / 1e9 - census.collectionSeconds();
        double requests = 0;
        for (var vm : s.vms()) {
            if (out.has(vm.name(), Metric.REQUESTS_ARRIVED.name())) {
                requests += out.get(vm.name(), Metric.REQUESTS_ARRIVED.name());
            }
        }
        double perEvent = census.allocatedBytes() < 0 ? Double.NaN : (double) census.allocatedBytes() / out.events();
        return new Measurement(wall, census.cpuSeconds(), out.events(), requests, perEvent, peakHeapBytes() / 1048576.0,
                census.liveBytesAtEnd() / 1048576.0, census.meanPendingEvents(), census.byKind(), census.ranByKind());
    }

    double eventsPerSecond() {
        return events / wallSeconds;
    }

    /** Microseconds of wall time per event. */
    double microsPerEvent() {
        return wallSeconds * 1e6 / events;
    }

    /** Events per request, counting only the events after the warm-up (the requests' share of the run). */
    double eventsPerRequest(Scenario s) {
        return events * (s.duration() - s.warmup()) / s.duration() / requests;
    }

    static void resetPeakHeap() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
