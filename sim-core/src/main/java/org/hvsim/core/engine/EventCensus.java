package org.hvsim.core.engine;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts, for a benchmark, the events one replication schedules by kind (the class of the scheduled
 * action; a lambda counts under the class that wrote it) and the bytes the threads that schedule them
 * allocate. Off unless a caller passes one to {@link ReplicationRunner#run(ReplicationModel,
 * ReplicationSpec, EventCensus)}: a normal run pays one null check per event.
 */
public final class EventCensus {

    /** Thread id → allocated bytes and CPU nanoseconds when first seen, and when last sampled. */
    private final Map<Long, long[]> allocation = new LinkedHashMap<>();
    private Thread lastThread;
    /** Sum over run events of the list's size as each left it. */
    private long pendingSum;
    private long allocated = -1;
    private long cpuNanos = -1;
    private long liveAtEnd = -1;
    private double collection;

    /**
     * Event classes (a few dozen kinds), numbered as they first appear; an engine event keeps its kind's
     * number ({@link EngineEvent#kind}), so counting an event that was scheduled before (moved events are
     * most of them) or that runs is one array increment. Searching the kinds on every event, even with the
     * frequent ones kept in front, was a tenth of a profiled benchmark's time, charged to the model.
     */
    private Class<?>[] kinds = new Class<?>[32];
    private long[] scheduledCounts = new long[32];
    private long[] ranCounts = new long[32];
    private int kindCount;

    private int kindOf(EngineEvent e) {
        int k = e.kind;
        if (k >= 0) {
            return k;
        }
        Class<?> c = e.action.getClass();
        for (int i = 0; i < kindCount; i++) {
            if (kinds[i] == c) {
                e.kind = i;
                return i;
            }
        }
        if (kindCount == kinds.length) {
            kinds = java.util.Arrays.copyOf(kinds, 2 * kindCount);
            scheduledCounts = java.util.Arrays.copyOf(scheduledCounts, 2 * kindCount);
            ranCounts = java.util.Arrays.copyOf(ranCounts, 2 * kindCount);
        }
        kinds[kindCount] = c;
        e.kind = kindCount;
        return kindCount++;
    }

    /** An engine event was scheduled or moved. */
    void count(EngineEvent event) {
        scheduledCounts[kindOf(event)]++;
        Thread t = Thread.currentThread();
        if (t != lastThread) {
            lastThread = t;
            sample();
        }
    }

    /**
     * An engine event ran (cancelled and moved events are scheduled but never run); the event list held
     * {@code pending} events, this one included, when it left.
     */
    void ran(EngineEvent event, int pending) {
        ranCounts[kindOf(event)]++;
        pendingSum += pending;
    }

    /**
     * The mean size of the event list as the engine's events left it: what each event's removal and the
     * next one's insertion had to sift through (for a bare-engine baseline of the same size).
     */
    public double meanPendingEvents() {
        long ran = java.util.Arrays.stream(ranCounts, 0, kindCount).sum();
        return ran == 0 ? 0 : (double) pendingSum / ran;
    }

    /**
     * Samples the current thread's counters: when a thread first schedules, and when the worker starts and
     * ends its run (its counters cannot be read once the thread has ended). Not while events run: a sample
     * costs microseconds, and sampling every thousand events was about a tenth of the benchmark's measured
     * CPU time, charged to the model. The worker's last sample may come while {@link #finish} reads.
     */
    synchronized void sample() {
        long id = Thread.currentThread().getId();
        long now = allocatedBy(id);
        long cpu = cpuOf(id);
        long[] seen = allocation.computeIfAbsent(id, x -> new long[] {now, now, cpu, cpu});
        seen[1] = now;
        seen[3] = cpu;
    }

    /**
     * Called when the replication's events are done, before DSOL's worker thread is released (so its
     * counters are read live); a thread that has ended counts up to its last sample.
     */
    synchronized void finish() {
        long sum = 0;
        long cpuSum = 0;
        for (Map.Entry<Long, long[]> e : allocation.entrySet()) {
            long[] seen = e.getValue();
            long now = Math.max(allocatedBy(e.getKey()), seen[1]);
            if (seen[0] >= 0) {
                sum += now - seen[0];
            }
            long cpu = Math.max(cpuOf(e.getKey()), seen[3]);
            if (seen[2] >= 0 && cpuSum >= 0) {
                cpuSum += cpu - seen[2];
            } else {
                cpuSum = -1;
            }
        }
        allocated = sum;
        cpuNanos = cpuSum;
        // what the model still holds at its end: after a collection, everything on the heap is reachable
        long t0 = System.nanoTime();
        System.gc();
        collection = (System.nanoTime() - t0) / 1e9;
        java.lang.management.MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        liveAtEnd = heap.getUsed();
    }

    /** Wall seconds the end-of-run collection took (to leave out of the replication's time). */
    public double collectionSeconds() {
        return collection;
    }

    /** Heap in use after a collection at the end of the replication, bytes (the model still alive); -1 if unknown. */
    public long liveBytesAtEnd() {
        return liveAtEnd;
    }

    /** Events scheduled (moves included), by kind, most frequent first. */
    public Map<String, Long> byKind() {
        return byKind(scheduledCounts);
    }

    /** Events run, by kind, most frequent first. */
    public Map<String, Long> ranByKind() {
        return byKind(ranCounts);
    }

    private Map<String, Long> byKind(long[] counts) {
        Map<String, Long> named = new TreeMap<>();
        for (int i = 0; i < kindCount; i++) {
            if (counts[i] > 0) {
                named.merge(kind(kinds[i]), counts[i], Long::sum);
            }
        }
        Map<String, Long> sorted = new LinkedHashMap<>();
        named.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /**
     * CPU seconds of the threads that scheduled events, from their first event to the end; -1 if unknown.
     * Unlike wall time, it hardly depends on what else runs on the machine.
     */
    public double cpuSeconds() {
        return cpuNanos < 0 ? -1 : cpuNanos / 1e9;
    }

    /** Bytes allocated by the threads that scheduled events, from their first event to the end; -1 if unknown. */
    public long allocatedBytes() {
        return allocated;
    }

    /** "XenCreditScheduler$DecisionEvent" for a class, "HostModel (lambda)" for a lambda written in HostModel. */
    static String kind(Class<?> c) {
        String name = c.getName();
        int lambda = name.indexOf("$$Lambda");
        String base = lambda >= 0 ? name.substring(0, lambda) : name;
        String simple = base.substring(base.lastIndexOf('.') + 1);
        return lambda >= 0 ? simple + " (lambda)" : simple;
    }

    private static long cpuOf(long threadId) {
        java.lang.management.ThreadMXBean t = ManagementFactory.getThreadMXBean();
        return t.isThreadCpuTimeSupported() ? t.getThreadCpuTime(threadId) : -1;
    }

    private static long allocatedBy(long threadId) {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
                && t.isThreadAllocatedMemorySupported()) {
            return t.getThreadAllocatedBytes(threadId);
        }
        return -1;
    }
}
