package org.hvsim.model.hypervisor;

import java.util.Arrays;

/**
 * An indexed binary min-heap over int slots {@code 0 .. capacity-1} (here: pCPU indices), each present
 * at most once with a double key: add, remove and the least key in O(log n) or O(1), membership and a
 * slot's key in O(1), and the slots whose key is at most a bound (the least and its near ties) in
 * O(answer). Keys are compared with {@code <} only; the order among equal keys is unspecified.
 */
final class SlotHeap {

    /** Heap position to slot. */
    private final int[] heap;
    /** Heap position to key. */
    private final double[] keys;
    /** Slot to heap position, or -1. */
    private final int[] position;
    private int size;

    SlotHeap(int capacity) {
        this.heap = new int[capacity];
        this.keys = new double[capacity];
        this.position = new int[capacity];
        Arrays.fill(position, -1);
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    boolean contains(int slot) {
        return position[slot] >= 0;
    }

    /** The slot with the least key; the heap must not be empty. */
    int top() {
        return heap[0];
    }

    /** The least key; the heap must not be empty. */
    double topKey() {
        return keys[0];
    }

    /** The key of a slot that is present. */
    double key(int slot) {
        return keys[position[slot]];
    }

    /** Adds a slot that is not present. */
    void add(int slot, double key) {
        if (position[slot] >= 0) {
            throw new IllegalStateException("slot " + slot + " already in the heap");
        }
        int i = size++;
        heap[i] = slot;
        keys[i] = key;
        position[slot] = i;
        siftUp(i);
    }

    /** Sets a slot's key, adding the slot if it is absent (one sift instead of a removal and an addition). */
    void put(int slot, double key) {
        int i = position[slot];
        if (i < 0) {
            add(slot, key);
            return;
        }
        double old = keys[i];
        keys[i] = key;
        if (key < old) {
            siftUp(i);
        } else if (old < key) {
            siftDown(i);
        }
    }

    /** Removes a slot if it is present. */
    void remove(int slot) {
        int i = position[slot];
        if (i < 0) {
            return;
        }
        position[slot] = -1;
        int last = --size;
        if (i == last) {
            return;
        }
        heap[i] = heap[last];
        keys[i] = keys[last];
        position[heap[i]] = i;
        if (i > 0 && keys[i] < keys[(i - 1) >>> 1]) {
            siftUp(i);
        } else {
            siftDown(i);
        }
    }

    /**
     * Writes into {@code out} (from index 0) every slot whose key is {@code <= limit} and returns how many:
     * a walk of the heap that stops below any entry over the bound.
     */
    int collect(double limit, int[] out) {
        return size == 0 ? 0 : collect(0, limit, out, 0);
    }

    private int collect(int i, double limit, int[] out, int n) {
        if (!(keys[i] <= limit)) {
            return n;
        }
        out[n++] = heap[i];
        int l = 2 * i + 1;
        if (l < size) {
            n = collect(l, limit, out, n);
            if (l + 1 < size) {
                n = collect(l + 1, limit, out, n);
            }
        }
        return n;
    }

    private void siftUp(int i) {
        int slot = heap[i];
        double key = keys[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!(key < keys[parent])) {
                break;
            }
            heap[i] = heap[parent];
            keys[i] = keys[parent];
            position[heap[i]] = i;
            i = parent;
        }
        heap[i] = slot;
        keys[i] = key;
        position[slot] = i;
    }

    private void siftDown(int i) {
        int slot = heap[i];
        double key = keys[i];
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && keys[right] < keys[child]) {
                child = right;
            }
            if (!(keys[child] < key)) {
                break;
            }
            heap[i] = heap[child];
            keys[i] = keys[child];
            position[heap[i]] = i;
            i = child;
        }
        heap[i] = slot;
        keys[i] = key;
        position[slot] = i;
    }
}
