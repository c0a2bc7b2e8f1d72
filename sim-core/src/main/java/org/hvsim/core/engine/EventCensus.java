package org.hvsim.core.engine;

import java.lang.management.ManagementFactory;
import java.util.IdentityHashMap;
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

    private final Kinds byClass = new Kinds();
    private final Kinds ranByClass = new Kinds();
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
     * Counters by event class: a few dozen kinds, searched by identity from the front, a hit moving one
     * place forward. Cheaper per event than a hash map (identity hashes were 9 % of a profiled benchmark,
     * inflating the model's measured CPU time), and the frequent kinds settle at the front.
     */
    private static final class Kinds {
        private Class<?>[] keys = new Class<?>[32];
        private long[] counts = new long[32];
        private int size;

        void add(Class<?> c) {
            for (int i = 0; i < size; i++) {
                if (keys[i] == c) {
                    counts[i]++;
                    if (i > 0) {
                        Class<?> k = keys[i - 1];
                        long n = counts[i - 1];
                        keys[i - 1] = c;
                        counts[i - 1] = counts[i];
                        keys[i] = k;
                        counts[i] = n;
                    }
                    return;
                }
            }
            if (size == keys.length) {
                keys = java.util.Arrays.copyOf(keys, 2 * size);
                counts = java.util.Arrays.copyOf(counts, 2 * size);
            }
            keys[size] = c;
            counts[size++] = 1;
        }

        long total() {
            long sum = 0;
            for (int i = 0; i < size; i++) {
                sum += counts[i];
            }
            return sum;
        }

        Map<Class<?>, Long> asMap() {
            Map<Class<?>, Long> m = new IdentityHashMap<>();
            for (int i = 0; i < size; i++) {
                m.put(keys[i], counts[i]);
            }
            return m;
        }
    }

    void count(Object action) {
        byClass.add(action.getClass());
        Thread t = Thread.currentThread();
        if (t != lastThread) {
            lastThread = t;
            sample();
        }
    }

    /**
     * An engine event of {@code action} ran (cancelled and moved events are scheduled but never run);
     * the event list held {@code pending} events, this one included, when it left.
     */
    void ran(Object action, int pending) {
        ranByClass.add(action.getClass());
        pendingSum += pending;
    }

    /**
     * The mean size of the event list as the engine's events left it: what each event's removal and the
     * next one's insertion had to sift through (for a bare-engine baseline of the same size).
     */
    public double meanPendingEvents() {
        long ran = ranByClass.total();
        return ran == 0 ? 0 : (double) pendingSum / ran;
    }

    /**
     * Samples the current thread's counters: when a thread first schedules, and when the worker starts and
     * ends its run (its counters cannot be read once the thread has ended). Not while events run: a sample
     * costs microseconds, and sampling every thousand events was 3 % of a profiled benchmark's time, charged
     * to the model. The worker's last sample may come while {@link #finish} reads.
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
        return byKind(byClass);
    }

    /** Events run, by kind, most frequent first. */
    public Map<String, Long> ranByKind() {
        return byKind(ranByClass);
    }

    private static Map<String, Long> byKind(Kinds counts) {
        Map<String, Long> named = new TreeMap<>();
        for (Map.Entry<Class<?>, Long> e : counts.asMap().entrySet()) {
            named.merge(kind(e.getKey()), e.getValue(), Long::sum);
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
