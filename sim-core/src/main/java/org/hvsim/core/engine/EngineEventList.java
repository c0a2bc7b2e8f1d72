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
 * The heap is 4-ary and holds only primitives, each entry three longs side by side in one array (so the
 * four children a sift compares lie in two cache lines): the time mapped to a long that orders as
 * {@code Double.compare} orders the times, the priority and id packed in one long, and the slot of its
 * event. An event keeps its slot for as long as it is in the list, and the slot knows where the entry
 * is, so a cancelled event is taken out in O(log n) instead of staying in the list until its time, and
 * sifting never touches an event object (no virtual {@code compareTo}, no boxed times, no cache miss per
 * move).
 * <p>
 * The first event may sit outside the heap, in the <em>front</em>: an event that enters ahead of every
 * pending one (a world switch's end, the next decision of a guest that just ran: a third of the adds
 * under hyperv) is taken in and out in O(1) instead of climbing the heap and sinking its last entry on the
 * way out. The front, when there is one, leaves before every heap entry; the order out is the same total
 * order on (time, priority, id).
 */
final class EngineEventList implements EventListInterface<Double> {

    /** Priorities are shorts, higher first (DSOL's own events use up to 11); sequence numbers are below 2^47. */
    private static final int ID_BITS = 47;
    /** Longs per heap entry: order time, key, slot. */
    private static final int STRIDE = 3;

    /** Heap entries, by heap position: {@code heap[STRIDE * i]} the order time, then the key, then the slot. */
    private long[] heap;
    /** Entries in the heap (the front not counted). */
    private int size;
    /** The front's slot, or -1; when set, its (time, key) leaves before every heap entry. */
    private int frontSlot = -1;
    private long frontTime;
    private long frontKey;
    /** {@code positions} of the front's slot. */
    private static final int FRONT = -2;
    /** The last sequence number given. */
    private long sequence;
    /** The sequence number of the event {@link #removeFirst} last took out (the one running). */
    private long removedSequence;

    /** By slot: the event and its heap position. */
    private SimEventInterface<Double>[] slotEvents;
    private int[] positions;
    private int[] freeSlots;
    private int freeCount;

    @SuppressWarnings("unchecked")
    EngineEventList() {
        int capacity = 1024;
        heap = new long[STRIDE * capacity];
        slotEvents = new SimEventInterface[capacity];
        positions = new int[capacity];
        freeSlots = new int[capacity];
        for (int s = capacity - 1; s >= 0; s--) {
            freeSlots[freeCount++] = s;
        }
    }

    /**
     * A long that orders as {@code Double.compare} orders times (-0.0 before 0.0, NaN after everything):
     * the IEEE bits, with the magnitude bits flipped for negative numbers. Reversible ({@link #timeOf}).
     */
    static long orderTime(double t) {
        long bits = Double.doubleToLongBits(t);
        return bits ^ ((bits >> 63) & Long.MAX_VALUE);
    }

    static double timeOf(long orderTime) {
        return Double.longBitsToDouble(orderTime ^ ((orderTime >> 63) & Long.MAX_VALUE));
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
        return keyOf(priority, id);
    }

    /** Priority and sequence number packed in one long, in the order events leave. */
    private static long keyOf(int priority, long id) {
        return ((long) (Short.MAX_VALUE - priority) << ID_BITS) | id;
    }

    private static long sequenceOf(long key) {
        return key & ((1L << ID_BITS) - 1);
    }

    /** Whether (ta, ka) leaves before (tb, kb): order time, then priority and id. */
    private static boolean before(long ta, long ka, long tb, long kb) {
        return ta < tb || (ta == tb && ka < kb);
    }

    private void grow() {
        int old = slotEvents.length;
        int capacity = old * 2;
        heap = Arrays.copyOf(heap, STRIDE * capacity);
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
        insert(orderTime(event.getAbsoluteExecutionTime().doubleValue()), k, take(event));
    }

    /** Whether (t, k) leaves before every heap entry. */
    private boolean beforeHeap(long t, long k) {
        return size == 0 || before(t, k, heap[0], heap[1]);
    }

    /** Makes (t, k, slot) the front. */
    private void setFront(long t, long k, int slot) {
        frontSlot = slot;
        frontTime = t;
        frontKey = k;
        positions[slot] = FRONT;
    }

    /** Puts a slot that is in neither the heap nor the front in its place. */
    private void insert(long t, long k, int slot) {
        if (frontSlot < 0) {
            if (beforeHeap(t, k)) {
                setFront(t, k, slot);
            } else {
                siftUp(size++, t, k, slot);
            }
        } else if (before(t, k, frontTime, frontKey)) {
            // ahead of the front: the old front, first of the heap's entries now, goes in
            siftUp(size++, frontTime, frontKey, frontSlot);
            setFront(t, k, slot);
        } else {
            siftUp(size++, t, k, slot);
        }
    }

    /** Moves an entry already in the heap or the front to (t, k). */
    private void relocate(int slot, long t, long k) {
        int i = positions[slot];
        if (i == FRONT) {
            if (beforeHeap(t, k)) {
                frontTime = t;
                frontKey = k;
            } else {
                frontSlot = -1;
                siftUp(size++, t, k, slot);
            }
            return;
        }
        if (frontSlot >= 0 && before(t, k, frontTime, frontKey)) {
            detach(i);
            insert(t, k, slot);
            return;
        }
        // down if it now belongs below, else up
        if (siftDown(i, t, k, slot) == i) {
            siftUp(i, t, k, slot);
        }
    }

    /**
     * Takes the next sequence number without adding an event: an owner that defers an event it would have
     * scheduled now keeps the number, to add the event later in the very place it would have had
     * ({@link #moveWithSequence}). Every other event keeps its order.
     */
    long reserveSequence() {
        return sequenceOf(key(SimEventInterface.NORMAL_PRIORITY));
    }

    /** The sequence number of the event running now (the last one taken out). */
    long runningSequence() {
        return removedSequence;
    }

    /**
     * Moves (or adds) an engine event to {@code time} with a sequence number reserved earlier
     * ({@link #reserveSequence}): it then leaves exactly as an event scheduled when the number was
     * reserved would have.
     */
    void moveWithSequence(EngineEvent event, double time, long reserved) {
        if (reserved <= 0 || reserved > sequence) {
            throw new IllegalArgumentException("sequence " + reserved + " was not reserved");
        }
        long k = keyOf(SimEventInterface.NORMAL_PRIORITY, reserved);
        event.time = time;
        event.sequence = reserved;
        long t = orderTime(time);
        int slot = event.slot;
        if (slot < 0 || slotEvents[slot] != event) {
            event.slot = take(event);
            insert(t, k, event.slot);
            return;
        }
        relocate(slot, t, k);
    }

    /** Adds an engine event at {@code time}. */
    void add(EngineEvent event, double time) {
        long k = key(SimEventInterface.NORMAL_PRIORITY);
        event.time = time;
        event.sequence = sequenceOf(k);
        event.slot = take(event);
        insert(orderTime(time), k, event.slot);
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
        long k = key(SimEventInterface.NORMAL_PRIORITY);
        event.time = time;
        event.sequence = sequenceOf(k);
        relocate(slot, orderTime(time), k);
    }

    /** A free slot holding {@code event}; grows the arrays when full. */
    private int take(SimEventInterface<Double> event) {
        if (freeCount == 0) {
            grow();
        }
        int slot = freeSlots[--freeCount];
        slotEvents[slot] = event;
        return slot;
    }

    /** Places (t, k, slot) at or above position {@code i}. */
    private void siftUp(int i, long t, long k, int slot) {
        long[] h = heap;
        while (i > 0) {
            int parent = (i - 1) >>> 2;
            int p = STRIDE * parent;
            if (!before(t, k, h[p], h[p + 1])) {
                break;
            }
            moveEntry(parent, i);
            i = parent;
        }
        place(i, t, k, slot);
    }

    /** Places (t, k, slot) at or below position {@code i}; returns where it went. */
    private int siftDown(int i, long t, long k, int slot) {
        long[] h = heap;
        while (true) {
            int best = smallestChild(i);
            if (best < 0 || !before(h[STRIDE * best], h[STRIDE * best + 1], t, k)) {
                break;
            }
            moveEntry(best, i);
            i = best;
        }
        place(i, t, k, slot);
        return i;
    }

    /** The position of the first-leaving of the children of position {@code i}, or -1 for a leaf. */
    private int smallestChild(int i) {
        long[] h = heap;
        int first = 4 * i + 1;
        int n = size;
        if (first >= n) {
            return -1;
        }
        int best = first;
        int b = STRIDE * first;
        long bt = h[b];
        long bk = h[b + 1];
        int end = Math.min(first + 4, n);
        for (int c = first + 1; c < end; c++) {
            int e = STRIDE * c;
            long ct = h[e];
            long ck = h[e + 1];
            if (before(ct, ck, bt, bk)) {
                best = c;
                bt = ct;
                bk = ck;
            }
        }
        return best;
    }

    /** Moves the entry at heap position {@code from} to position {@code to}. */
    private void moveEntry(int from, int to) {
        long[] h = heap;
        int f = STRIDE * from;
        int t = STRIDE * to;
        h[t] = h[f];
        h[t + 1] = h[f + 1];
        int slot = (int) h[f + 2];
        h[t + 2] = slot;
        positions[slot] = to;
    }

    /** Puts (t, k, slot) at heap position {@code i}. */
    private void place(int i, long t, long k, int slot) {
        long[] h = heap;
        int e = STRIDE * i;
        h[e] = t;
        h[e + 1] = k;
        h[e + 2] = slot;
        positions[slot] = i;
    }

    private int slotAt(int i) {
        return (int) heap[STRIDE * i + 2];
    }

    /** The time of the first event; call only when the list is not empty. */
    double firstTime() {
        return timeOf(frontSlot >= 0 ? frontTime : heap[0]);
    }

    @Override
    public SimEventInterface<Double> first() {
        if (frontSlot >= 0) {
            return slotEvents[frontSlot];
        }
        return size == 0 ? null : slotEvents[slotAt(0)];
    }

    @Override
    public SimEventInterface<Double> removeFirst() {
        if (frontSlot >= 0) {
            SimEventInterface<Double> first = slotEvents[frontSlot];
            removedSequence = sequenceOf(frontKey);
            removeAt(FRONT);
            return first;
        }
        if (size == 0) {
            return null;
        }
        int slot = slotAt(0);
        removedSequence = sequenceOf(heap[1]);
        SimEventInterface<Double> first = slotEvents[slot];
        free(slot);
        int last = --size;
        if (last > 0) {
            // The last entry almost always belongs near the bottom: walk the hole down to a leaf along the
            // smaller children, then let the last entry rise from there (Floyd), one comparison a level
            // fewer than sifting it down from the top. Keys are unique, so the order out is the same.
            int e = STRIDE * last;
            long t = heap[e];
            long k = heap[e + 1];
            int s = (int) heap[e + 2];
            siftUp(holeToLeaf(0), t, k, s);
        }
        return first;
    }

    /** Moves the hole at position {@code i} down to a leaf, along the smallest child; returns where it is. */
    private int holeToLeaf(int i) {
        for (int best = smallestChild(i); best >= 0; best = smallestChild(i)) {
            moveEntry(best, i);
            i = best;
        }
        return i;
    }

    /** Frees a slot whose entry leaves the heap. */
    private void free(int slot) {
        if (slotEvents[slot] instanceof EngineEvent ee) {
            ee.slot = -1;
        }
        slotEvents[slot] = null;
        freeSlots[freeCount++] = slot;
    }

    /** Takes out the entry at heap position {@code i}, or the front, and frees its slot. */
    private void removeAt(int i) {
        if (i == FRONT) {
            int slot = frontSlot;
            frontSlot = -1;
            free(slot);
            return;
        }
        free(slotAt(i));
        detach(i);
    }

    /** Takes the entry at heap position {@code i} out of the heap; its slot stays taken. */
    private void detach(int i) {
        int last = --size;
        if (i == last) {
            return;
        }
        // the last entry fills the hole: down if it belongs below, else up
        int e = STRIDE * last;
        long t = heap[e];
        long k = heap[e + 1];
        int s = (int) heap[e + 2];
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
        return indexOf(event) != -1;
    }

    /** The heap position of an event, {@link #FRONT}, or -1 if it is not in the list. */
    private int indexOf(SimEventInterface<Double> event) {
        if (event instanceof EngineEvent ee) {
            int slot = ee.slot;
            return slot >= 0 && slotEvents[slot] == event ? positions[slot] : -1;
        }
        if (frontSlot >= 0 && slotEvents[frontSlot].equals(event)) {
            return FRONT;
        }
        for (int i = 0; i < size; i++) {
            if (slotEvents[slotAt(i)].equals(event)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean remove(SimEventInterface<Double> event) {
        int i = indexOf(event);
        if (i == -1) {
            return false;
        }
        removeAt(i);
        return true;
    }

    @Override
    public void clear() {
        if (frontSlot >= 0) {
            removeAt(FRONT);
        }
        while (size > 0) {
            removeAt(size - 1);
        }
    }

    @Override
    public boolean isEmpty() {
        return frontSlot < 0 && size == 0;
    }

    @Override
    public int size() {
        return frontSlot >= 0 ? size + 1 : size;
    }

    @Override
    public Iterator<SimEventInterface<Double>> iterator() {
        return new Iterator<>() {
            /** -1 for the front, then heap positions. */
            private int next = frontSlot >= 0 ? -1 : 0;

            @Override
            public boolean hasNext() {
                return next < size;
            }

            @Override
            public SimEventInterface<Double> next() {
                if (next >= size) {
                    throw new NoSuchElementException();
                }
                if (next == -1) {
                    next = 0;
                    return slotEvents[frontSlot];
                }
                return slotEvents[slotAt(next++)];
            }
        };
    }
}
