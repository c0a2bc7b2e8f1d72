package org.hvsim.core.engine;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

import nl.tudelft.simulation.dsol.eventlists.EventListInterface;
import nl.tudelft.simulation.dsol.formalisms.eventscheduling.SimEventInterface;

/**
 * The engine's event list: a heap in the order DSOL's events have (time, then priority, highest first,
 * then creation id), so events leave it in exactly the order of DSOL's {@code EventListPriorityQueue}.
 * The creation id is replaced by a sequence number the list gives each event as it enters (DSOL's
 * events, like the engine's, are created just as they are scheduled, so the two orders agree, without a
 * JVM-wide counter). Moving an engine event to a new time gives it a fresh number: it then leaves
 * exactly as a cancelled event and a new one at that time would, in one sift instead of two.
 * The heap is 4-ary and holds only primitives: each entry's time, its priority and id packed in one
 * long, and the slot of its event; an event keeps its slot for as long as it is in the list, and the slot
 * knows where the entry is, so a cancelled event is taken out in O(log n) instead of staying in the list
 * until its time, and sifting never touches an event object (no virtual {@code compareTo}, no boxed
 * times, no cache miss per move).
 */
final class EngineEventList implements EventListInterface<Double> {

    /** Priorities are shorts, higher first (DSOL's own events use up to 11); sequence numbers are below 2^47. */
    private static final int ID_BITS = 47;

    /** Heap entries, by heap position. */
    private double[] times;
    private long[] keys;
    private int[] slots;
    private int size;
    /** The last sequence number given. */
    private long sequence;

    /** By slot: the event and its heap position. */
    private SimEventInterface<Double>[] slotEvents;
    private int[] positions;
    private int[] freeSlots;
    private int freeCount;

    @SuppressWarnings("unchecked")
    EngineEventList() {
        int capacity = 1024;
        times = new double[capacity];
        keys = new long[capacity];
        slots = new int[capacity];
        slotEvents = new SimEventInterface[capacity];
        positions = new int[capacity];
        freeSlots = new int[capacity];
        for (int s = capacity - 1; s >= 0; s--) {
            freeSlots[freeCount++] = s;
        }
    }

    /** The key of an event entering now: its priority and the next sequence number. */
    private long key(int priority) {
        if (priority < Short.MIN_VALUE || priority > Short.MAX_VALUE) {
            throw new IllegalArgumentException("event priority out of range: " + priority);
        }
        long id = ++sequence;
        if (id >= 1L << ID_BITS) {
            throw new IllegalStateException("event sequence out of range: " + id);
        }
        return ((long) (Short.MAX_VALUE - priority) << ID_BITS) | id;
    }

    private static long sequenceOf(long key) {
        return key & ((1L << ID_BITS) - 1);
    }

    /** Whether (ta, ka) leaves before (tb, kb): time as Double.compareTo, then priority and id. */
    private static boolean before(double ta, long ka, double tb, long kb) {
        if (ta < tb) {
            return true;
        }
        if (ta > tb) {
            return false;
        }
        int c = Double.compare(ta, tb); // -0.0 against 0.0, NaN: as Double.compareTo has them
        return c != 0 ? c < 0 : ka < kb;
    }

    private void grow() {
        int old = times.length;
        int capacity = old * 2;
        times = Arrays.copyOf(times, capacity);
        keys = Arrays.copyOf(keys, capacity);
        slots = Arrays.copyOf(slots, capacity);
        slotEvents = Arrays.copyOf(slotEvents, capacity);
        positions = Arrays.copyOf(positions, capacity);
        freeSlots = Arrays.copyOf(freeSlots, capacity);
        for (int s = capacity - 1; s >= old; s--) {
            freeSlots[freeCount++] = s;
        }
    }

    @Override
    public void add(SimEventInterface<Double> event) {
        if (event instanceof EngineEvent ee) {
            add(ee, ee.time);
            return;
        }
        long k = key(event.getPriority());
        siftUp(size++, event.getAbsoluteExecutionTime().doubleValue(), k, take(event));
    }

    /** Adds an engine event at {@code time}. */
    void add(EngineEvent event, double time) {
        long k = key(SimEventInterface.NORMAL_PRIORITY);
        event.time = time;
        event.sequence = sequenceOf(k);
        event.slot = take(event);
        siftUp(size++, time, k, event.slot);
    }

    /**
     * Moves an engine event to {@code time} with a fresh sequence number, as if it were cancelled and a
     * new one scheduled; adds it if it is not in the list.
     */
    void move(EngineEvent event, double time) {
        int slot = event.slot;
        if (slot < 0 || slotEvents[slot] != event) {
            add(event, time);
            return;
        }
        int i = positions[slot];
        long k = key(SimEventInterface.NORMAL_PRIORITY);
        event.time = time;
        event.sequence = sequenceOf(k);
        // down if it now belongs below, else up
        if (siftDown(i, time, k, slot) == i) {
            siftUp(i, time, k, slot);
        }
    }

    /** A free slot holding {@code event}; grows the arrays when full. */
    private int take(SimEventInterface<Double> event) {
        if (size == times.length) {
            grow();
        }
        int slot = freeSlots[--freeCount];
        slotEvents[slot] = event;
        return slot;
    }

    /** Places (t, k, slot) at or above position {@code i}. */
    private void siftUp(int i, double t, long k, int slot) {
        while (i > 0) {
            int parent = (i - 1) >>> 2;
            if (!before(t, k, times[parent], keys[parent])) {
                break;
            }
            move(parent, i);
            i = parent;
        }
        place(i, t, k, slot);
    }

    /** Places (t, k, slot) at or below position {@code i}; returns where it went. */
    private int siftDown(int i, double t, long k, int slot) {
        double[] ts = times;
        long[] ks = keys;
        int n = size;
        while (true) {
            int first = 4 * i + 1;
            if (first >= n) {
                break;
            }
            int best = first;
            double bt = ts[first];
            long bk = ks[first];
            int end = Math.min(first + 4, n);
            for (int c = first + 1; c < end; c++) {
                if (before(ts[c], ks[c], bt, bk)) {
                    best = c;
                    bt = ts[c];
                    bk = ks[c];
                }
            }
            if (!before(bt, bk, t, k)) {
                break;
            }
            move(best, i);
            i = best;
        }
        place(i, t, k, slot);
        return i;
    }

    /** Moves the entry at heap position {@code from} to position {@code to}. */
    private void move(int from, int to) {
        place(to, times[from], keys[from], slots[from]);
    }

    /** Puts (t, k, slot) at heap position {@code i}. */
    private void place(int i, double t, long k, int slot) {
        times[i] = t;
        keys[i] = k;
        slots[i] = slot;
        positions[slot] = i;
    }

    /** The time of the first event; call only when the list is not empty. */
    double firstTime() {
        return times[0];
    }

    @Override
    public SimEventInterface<Double> first() {
        return size == 0 ? null : slotEvents[slots[0]];
    }

    @Override
    public SimEventInterface<Double> removeFirst() {
        if (size == 0) {
            return null;
        }
        SimEventInterface<Double> first = slotEvents[slots[0]];
        removeAt(0);
        return first;
    }

    /** Takes out the entry at heap position {@code i} and frees its slot. */
    private void removeAt(int i) {
        int slot = slots[i];
        SimEventInterface<Double> gone = slotEvents[slot];
        if (gone instanceof EngineEvent ee) {
            ee.slot = -1;
        }
        slotEvents[slot] = null;
        freeSlots[freeCount++] = slot;
        int last = --size;
        if (i == last) {
            return;
        }
        // the last entry fills the hole: down if it belongs below, else up
        double t = times[last];
        long k = keys[last];
        int s = slots[last];
        if (siftDown(i, t, k, s) == i) {
            siftUp(i, t, k, s);
        }
    }

    /** Takes out an engine event that is in this list; false if it is not. */
    boolean removeEngineEvent(EngineEvent event) {
        int slot = event.slot;
        if (slot < 0 || slotEvents[slot] != event) {
            return false;
        }
        removeAt(positions[slot]);
        return true;
    }

    @Override
    public boolean contains(SimEventInterface<Double> event) {
        return indexOf(event) >= 0;
    }

    private int indexOf(SimEventInterface<Double> event) {
        if (event instanceof EngineEvent ee) {
            int slot = ee.slot;
            return slot >= 0 && slotEvents[slot] == event ? positions[slot] : -1;
        }
        for (int i = 0; i < size; i++) {
            if (slotEvents[slots[i]].equals(event)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean remove(SimEventInterface<Double> event) {
        int i = indexOf(event);
        if (i < 0) {
            return false;
        }
        removeAt(i);
        return true;
    }

    @Override
    public void clear() {
        while (size > 0) {
            removeAt(size - 1);
        }
    }

    @Override
    public boolean isEmpty() {
        return size == 0;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Iterator<SimEventInterface<Double>> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < size;
            }

            @Override
            public SimEventInterface<Double> next() {
                if (next >= size) {
                    throw new NoSuchElementException();
                }
                return slotEvents[slots[next++]];
            }
        };
    }
}
