package org.hvsim.model.hypervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/** {@link SlotHeap} against a plain array of keys under random adds, removes, key changes and bound queries. */
class SlotHeapTest {

    @Test
    void agreesWithAPlainArrayUnderRandomOperations() {
        Random r = new Random(7);
        for (int capacity : new int[] {1, 2, 5, 64, 200}) {
            SlotHeap h = new SlotHeap(capacity);
            double[] key = new double[capacity];
            boolean[] in = new boolean[capacity];
            int[] out = new int[capacity];
            for (int step = 0; step < 20_000; step++) {
                int s = r.nextInt(capacity);
                if (in[s] && r.nextBoolean()) {
                    h.remove(s);
                    in[s] = false;
                } else if (in[s] || r.nextBoolean()) {
                    key[s] = r.nextInt(4) == 0 ? r.nextInt(3) : r.nextGaussian();
                    h.put(s, key[s]); // a new key in place, or an addition
                    in[s] = true;
                } else {
                    // few distinct keys, so that ties are common
                    key[s] = r.nextInt(4) == 0 ? r.nextInt(3) : r.nextGaussian();
                    h.add(s, key[s]);
                    in[s] = true;
                }
                double least = Double.POSITIVE_INFINITY;
                int n = 0;
                for (int i = 0; i < capacity; i++) {
                    if (in[i]) {
                        least = Math.min(least, key[i]);
                        n++;
                    }
                    assertEquals(in[i], h.contains(i));
                }
                assertEquals(n, h.size());
                if (n == 0) {
                    assertTrue(h.isEmpty());
                    continue;
                }
                assertEquals(least, h.topKey());
                assertEquals(least, key[h.top()]);
                if (in[s]) {
                    assertEquals(key[s], h.key(s));
                }
                double bound = least + r.nextDouble() * (r.nextBoolean() ? 0.5 : 0);
                TreeSet<Integer> expected = new TreeSet<>();
                for (int i = 0; i < capacity; i++) {
                    if (in[i] && key[i] <= bound) {
                        expected.add(i);
                    }
                }
                int m = h.collect(bound, out);
                TreeSet<Integer> got = new TreeSet<>();
                for (int i : Arrays.copyOf(out, m)) {
                    got.add(i);
                }
                assertEquals(m, got.size(), "a slot collected twice");
                assertEquals(expected, got);
            }
        }
    }

    @Test
    void refusesASlotTwiceAndIgnoresRemovingAnAbsentOne() {
        SlotHeap h = new SlotHeap(3);
        h.add(1, 2.0);
        assertThrows(IllegalStateException.class, () -> h.add(1, 3.0));
        h.remove(0);
        h.remove(1);
        h.remove(1);
        assertTrue(h.isEmpty());
        assertFalse(h.contains(1));
        assertEquals(0, h.collect(10, new int[3]));
    }
}
