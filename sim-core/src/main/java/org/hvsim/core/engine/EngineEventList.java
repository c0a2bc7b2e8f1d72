package org.hvsim.core.engine;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

import nl.tudelft.simulation.dsol.eventlists.EventListInterface;
import nl.tudelft.simulation.dsol.formalisms.eventscheduling.SimEventInterface;

/**
 * The engine's event list: a binary heap in the order DSOL's events have (time, then priority, highest
 * first, then creation id), so events leave it in exactly the order of DSOL's
 * {@code EventListPriorityQueue}. It keeps each event's keys in primitive arrays beside the heap (no
 * virtual {@code compareTo}, no boxed times) and each {@link EngineEvent}'s place in the heap, so a
 * cancelled event is taken out in O(log n) instead of staying in the list until its time.
 */
final class EngineEventList implements EventListInterface<Double> {

    private SimEventInterface<Double>[] events;
    private double[] times;
    private int[] priorities;
    private long[] ids;
    private int size;

    @SuppressWarnings("unchecked")
    EngineEventList() {
        int capacity = 1024;
        events = new SimEventInterface[capacity];
        times = new double[capacity];
        priorities = new int[capacity];
        ids = new long[capacity];
    }

    /** Whether the event at {@code a} leaves before the one at {@code b}. */
    private boolean before(int a, int b) {
        double ta = times[a];
        double tb = times[b];
        if (ta != tb) {
            return Double.compare(ta, tb) < 0;
        }
        int c = Double.compare(ta, tb); // -0.0 / 0.0 and NaN as Double.compareTo has them
        if (c != 0) {
            return c < 0;
        }
        if (priorities[a] != priorities[b]) {
            return priorities[a] > priorities[b];
        }
        return ids[a] < ids[b];
    }

    private void grow() {
        int capacity = events.length * 2;
        events = Arrays.copyOf(events, capacity);
        times = Arrays.copyOf(times, capacity);
        priorities = Arrays.copyOf(priorities, capacity);
        ids = Arrays.copyOf(ids, capacity);
    }

    private void move(int from, int to) {
        SimEventInterface<Double> e = events[from];
        events[to] = e;
        times[to] = times[from];
        priorities[to] = priorities[from];
        ids[to] = ids[from];
        if (e instanceof EngineEvent ee) {
            ee.heapIndex = to;
        }
    }

    /** Puts the entry in the spare slot {@code size} at {@code i}. */
    private void place(int i, SimEventInterface<Double> e, double t, int p, long id) {
        events[i] = e;
        times[i] = t;
        priorities[i] = p;
        ids[i] = id;
        if (e instanceof EngineEvent ee) {
            ee.heapIndex = i;
        }
    }

    @Override
    public void add(SimEventInterface<Double> event) {
        double t;
        if (event instanceof EngineEvent ee) {
            t = ee.time();
        } else {
            t = event.getAbsoluteExecutionTime().doubleValue();
        }
        if (size + 1 >= events.length) {
            grow();
        }
        // sift up with the new entry held in the spare slot at size
        int spare = events.length - 1;
        place(spare, event, t, event.getPriority(), event.getId());
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(spare, parent)) {
                break;
            }
            move(parent, i);
            i = parent;
        }
        move(spare, i);
        events[spare] = null;
    }

    @Override
    public SimEventInterface<Double> first() {
        return size == 0 ? null : events[0];
    }

    @Override
    public SimEventInterface<Double> removeFirst() {
        if (size == 0) {
            return null;
        }
        SimEventInterface<Double> first = events[0];
        removeAt(0);
        return first;
    }

    /** Takes out the entry at {@code i}. */
    private void removeAt(int i) {
        SimEventInterface<Double> gone = events[i];
        if (gone instanceof EngineEvent ee) {
            ee.heapIndex = -1;
        }
        int last = --size;
        if (i == last) {
            events[last] = null;
            return;
        }
        // the last entry fills the hole: down if it belongs below, else up
        move(last, events.length - 1);
        events[last] = null;
        int spare = events.length - 1;
        int j = i;
        while (true) {
            int child = 2 * j + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && before(child + 1, child)) {
                child++;
            }
            if (!before(child, spare)) {
                break;
            }
            move(child, j);
            j = child;
        }
        if (j == i) {
            while (j > 0) {
                int parent = (j - 1) >>> 1;
                if (!before(spare, parent)) {
                    break;
                }
                move(parent, j);
                j = parent;
            }
        }
        move(spare, j);
        events[spare] = null;
    }

    /** Takes out an engine event that is in this list; false if it is not. */
    boolean removeEngineEvent(EngineEvent event) {
        int i = event.heapIndex;
        if (i < 0 || i >= size || events[i] != event) {
            return false;
        }
        removeAt(i);
        return true;
    }

    @Override
    public boolean contains(SimEventInterface<Double> event) {
        return indexOf(event) >= 0;
    }

    private int indexOf(SimEventInterface<Double> event) {
        if (event instanceof EngineEvent ee) {
            int i = ee.heapIndex;
            return i >= 0 && i < size && events[i] == event ? i : -1;
        }
        for (int i = 0; i < size; i++) {
            if (events[i].equals(event)) {
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
        for (int i = 0; i < size; i++) {
            if (events[i] instanceof EngineEvent ee) {
                ee.heapIndex = -1;
            }
            events[i] = null;
        }
        size = 0;
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
                return events[next++];
            }
        };
    }
}
