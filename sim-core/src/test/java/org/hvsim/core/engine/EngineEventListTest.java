package org.hvsim.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import nl.tudelft.simulation.dsol.formalisms.eventscheduling.SimEvent;
import nl.tudelft.simulation.dsol.formalisms.eventscheduling.SimEventInterface;

/**
 * The engine's list against a reference: every event leaves in the order (time, priority highest first,
 * order of entry), and moving an event leaves it exactly where cancelling it and adding a new one would.
 */
class EngineEventListTest {

    /** Reference order: time, then priority (higher first), then entry number. */
    private record Key(double time, int priority, long entry) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = Double.compare(time, o.time);
            if (c != 0) {
                return c;
            }
            c = Integer.compare(o.priority, priority);
            return c != 0 ? c : Long.compare(entry, o.entry);
        }
    }

    @Test
    void leavesInReferenceOrderUnderAddsCancelsAndMoves() {
        // few distinct times: many ties, which only the priority and the entry order decide
        leavesInReferenceOrder(13, (rnd, now) -> now + rnd.nextInt(8) * 0.5);
    }

    /**
     * Times close to now, many of them ahead of every pending event: they pass through the list's front
     * (outside the heap), which must hand them out, move them, cancel them and push them back into the heap
     * in the same order.
     */
    @Test
    void leavesInReferenceOrderWhenManyEventsEnterAheadOfAll() {
        leavesInReferenceOrder(29, (rnd, now) -> {
            double u = rnd.nextDouble();
            return u < 0.1 ? now : now + u * u * u * 4;
        });
    }

    private interface Times {
        double next(Random rnd, double now);
    }

    private void leavesInReferenceOrder(long seed, Times times) {
        Random rnd = new Random(seed);
        EngineEventList list = new EngineEventList();
        TreeMap<Key, SimEventInterface<Double>> reference = new TreeMap<>();
        java.util.Map<SimEventInterface<Double>, Key> keyOf = new java.util.IdentityHashMap<>();
        List<EngineEvent> engineEvents = new ArrayList<>();
        long entries = 0;
        double now = 0;
        List<SimEventInterface<Double>> popped = new ArrayList<>();
        List<SimEventInterface<Double>> expected = new ArrayList<>();
        for (int step = 0; step < 60_000; step++) {
            int op = rnd.nextInt(11);
            double time = times.next(rnd, now);
            if (op < 4 || reference.isEmpty()) {
                EngineEvent e = new EngineEvent(() -> { });
                list.add(e, time);
                Key k = new Key(time, SimEventInterface.NORMAL_PRIORITY, ++entries);
                reference.put(k, e);
                keyOf.put(e, k);
                engineEvents.add(e);
            } else if (op == 4) {
                short priority = rnd.nextBoolean() ? (short) 11 : (short) 0; // DSOL's warm-up and end events
                SimEvent<Double> e = new SimEvent<>(time, priority, this, "toString", null);
                list.add(e);
                Key k = new Key(time, priority, ++entries);
                reference.put(k, e);
                keyOf.put(e, k);
            } else if (op < 7) {
                EngineEvent e = engineEvents.get(rnd.nextInt(engineEvents.size()));
                Key old = keyOf.remove(e);
                boolean wasIn = old != null && reference.remove(old) != null;
                assertEquals(wasIn, list.removeEngineEvent(e));
            } else if (op < 9) {
                // moves pending events and revives ones that ran or were cancelled
                EngineEvent e = engineEvents.get(rnd.nextInt(engineEvents.size()));
                Key old = keyOf.remove(e);
                if (old != null) {
                    reference.remove(old);
                }
                list.move(e, time);
                Key k = new Key(time, SimEventInterface.NORMAL_PRIORITY, ++entries);
                reference.put(k, e);
                keyOf.put(e, k);
            } else if (op == 9) {
                // DSOL's own calls: first, contains, remove of any event, the iterator
                assertSame(reference.firstEntry().getValue(), list.first());
                assertEquals(Double.doubleToLongBits(reference.firstKey().time()),
                        Double.doubleToLongBits(list.firstTime()));
                List<SimEventInterface<Double>> all = new ArrayList<>(reference.values());
                SimEventInterface<Double> any = all.get(rnd.nextInt(all.size()));
                assertEquals(true, list.contains(any));
                if (rnd.nextInt(4) == 0) {
                    assertEquals(true, list.remove(any));
                    reference.remove(keyOf.remove(any));
                    assertFalse(list.contains(any));
                }
                if (step % 64 == 0) {
                    java.util.Set<SimEventInterface<Double>> seen = java.util.Collections.newSetFromMap(
                            new java.util.IdentityHashMap<>());
                    list.iterator().forEachRemaining(seen::add);
                    assertEquals(reference.size(), seen.size());
                    assertEquals(true, seen.containsAll(reference.values()));
                }
            } else {
                SimEventInterface<Double> first = list.removeFirst();
                var ref = reference.pollFirstEntry();
                keyOf.remove(ref.getValue());
                popped.add(first);
                expected.add(ref.getValue());
                assertSame(ref.getValue(), first, "event " + popped.size() + " out of order");
                now = ref.getKey().time();
            }
            assertEquals(reference.size(), list.size());
        }
        while (!reference.isEmpty()) {
            assertSame(reference.pollFirstEntry().getValue(), list.removeFirst());
        }
        assertFalse(popped.isEmpty());
        assertEquals(0, list.size());
    }

    /**
     * An event deferred with a reserved number and added later leaves exactly where it would have had it
     * been added when the number was reserved; the running event's number is the last one taken out.
     */
    @Test
    void aReservedNumberGivesTheDeferredEventItsPlaceAmongTies() {
        Random rnd = new Random(17);
        EngineEventList list = new EngineEventList();
        TreeMap<Key, SimEventInterface<Double>> reference = new TreeMap<>();
        java.util.Map<EngineEvent, Key> deferred = new java.util.IdentityHashMap<>();
        long entries = 0;
        double now = 0;
        for (int step = 0; step < 40_000; step++) {
            int op = rnd.nextInt(10);
            double time = now + rnd.nextInt(4) * 0.5;
            if (op < 4 || reference.isEmpty() && deferred.isEmpty()) {
                EngineEvent e = new EngineEvent(() -> { });
                list.add(e, time);
                reference.put(new Key(time, SimEventInterface.NORMAL_PRIORITY, ++entries), e);
            } else if (op < 6) {
                // deferred: the reference has it in the list from now on, the list only later
                EngineEvent e = new EngineEvent(() -> { });
                long seq = list.reserveSequence();
                Key k = new Key(time, SimEventInterface.NORMAL_PRIORITY, ++entries);
                assertEquals(entries, seq);
                reference.put(k, e);
                deferred.put(e, k);
            } else if (op < 8 && !deferred.isEmpty()) {
                // every deferred event still due later than the next to leave is added in its place
                for (var it = deferred.entrySet().iterator(); it.hasNext();) {
                    var d = it.next();
                    list.moveWithSequence(d.getKey(), d.getValue().time(), d.getValue().entry());
                    it.remove();
                }
            } else if (!reference.isEmpty()) {
                var ref = reference.firstEntry();
                if (deferred.containsKey(ref.getValue())) {
                    continue; // the model would have added it by now
                }
                reference.pollFirstEntry();
                assertSame(ref.getValue(), list.removeFirst(), "out of order at step " + step);
                assertEquals(ref.getKey().entry(), list.runningSequence());
                now = ref.getKey().time();
            }
        }
    }

    @Test
    void ordersTimesAsDoubleCompareDoesEvenAtSignedZerosAndInfinities() {
        double[] times = {Double.NaN, Double.POSITIVE_INFINITY, Double.MAX_VALUE, 1e300, 1.5, 1.0, Math.nextUp(1.0),
                Double.MIN_NORMAL, Double.MIN_VALUE, 0.0, -0.0, -Double.MIN_VALUE, -1.0, -Double.MAX_VALUE,
                Double.NEGATIVE_INFINITY};
        for (double a : times) {
            assertEquals(Double.doubleToLongBits(a), Double.doubleToLongBits(
                    EngineEventList.timeOf(EngineEventList.orderTime(a))), "round trip of " + a);
            for (double b : times) {
                assertEquals(Integer.signum(Double.compare(a, b)), Long.signum(Long.compare(
                        EngineEventList.orderTime(a), EngineEventList.orderTime(b))), a + " vs " + b);
            }
        }
        // and the list hands them out in that order, with firstTime the time of the first
        EngineEventList list = new EngineEventList();
        double[] sorted = times.clone();
        java.util.Arrays.sort(sorted);
        List<EngineEvent> events = new ArrayList<>();
        for (double t : times) {
            EngineEvent e = new EngineEvent(() -> { });
            list.add(e, t);
            events.add(e);
        }
        for (double t : sorted) {
            assertEquals(Double.doubleToLongBits(t), Double.doubleToLongBits(list.firstTime()));
            assertEquals(Double.doubleToLongBits(t), Double.doubleToLongBits(((EngineEvent) list.removeFirst()).time));
        }
    }
}
