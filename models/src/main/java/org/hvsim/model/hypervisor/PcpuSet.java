package org.hvsim.model.hypervisor;

/**
 * A set of pCPU indices kept as bits, for the questions a wake-up or a steal asks ("the lowest idle pCPU
 * from here", "the lowest pCPU other than mine with work of this priority") without a scan of every
 * pCPU: one word covers 64 of them.
 */
final class PcpuSet {

    private final long[] words;
    private final int size;

    PcpuSet(int size) {
        this.size = size;
        this.words = new long[(size + 63) >>> 6];
    }

    /** Makes {@code i} a member or not. */
    void set(int i, boolean member) {
        long bit = 1L << (i & 63);
        if (member) {
            words[i >>> 6] |= bit;
        } else {
            words[i >>> 6] &= ~bit;
        }
    }

    /** Whether {@code i} is a member. */
    boolean get(int i) {
        return (words[i >>> 6] & (1L << (i & 63))) != 0;
    }

    /** The lowest member {@code >= from}, or -1. */
    int next(int from) {
        int w = from >>> 6;
        if (w >= words.length) {
            return -1;
        }
        long word = words[w] & (-1L << (from & 63));
        while (true) {
            if (word != 0) {
                int i = (w << 6) + Long.numberOfTrailingZeros(word);
                return i < size ? i : -1;
            }
            if (++w >= words.length) {
                return -1;
            }
            word = words[w];
        }
    }

    /** The lowest member other than {@code except}, or -1. */
    int firstExcept(int except) {
        for (int w = 0; w < words.length; w++) {
            long word = words[w];
            if (w == except >>> 6) {
                word &= ~(1L << (except & 63));
            }
            if (word != 0) {
                return (w << 6) + Long.numberOfTrailingZeros(word);
            }
        }
        return -1;
    }
}
