package org.hvsim.scenario.load;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the valid name a user most likely meant, for "did you mean ...?" hints.
 *
 * <p>Distance is the optimal-string-alignment form of Damerau-Levenshtein (insert, delete,
 * substitute, swap two adjacent characters; each costs 1), compared case-insensitively, because the
 * usual typos are a swapped pair ("vpcus") or one wrong key. A candidate is suggested only if it is
 * close enough for the hint to be useful rather than confusing: at most 1 edit for names of up to
 * 3 characters, 2 for up to 8, 3 for longer ones (measured on the name the user typed).
 */
public final class NearestKey {

    private NearestKey() {
    }

    /**
     * The candidate closest to {@code typed} within the threshold; ties go to the earliest candidate.
     * Empty if nothing is close, or if {@code typed} is itself a candidate.
     */
    public static Optional<String> among(String typed, Collection<String> candidates) {
        if (typed == null || candidates.contains(typed)) {
            return Optional.empty();
        }
        String a = typed.toLowerCase(Locale.ROOT);
        int limit = threshold(a.length());
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            String b = candidate.toLowerCase(Locale.ROOT);
            // The length difference is a lower bound on the distance; checking it first keeps a
            // pathological multi-megabyte "key" from costing a full distance computation.
            if (Math.abs(a.length() - b.length()) > limit) {
                continue;
            }
            int d = distance(a, b);
            if (d <= limit && d < bestDistance && d < Math.max(a.length(), b.length())) {
                best = candidate;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The largest distance at which a name of this length still gets a suggestion. */
    static int threshold(int length) {
        if (length <= 3) {
            return 1;
        }
        return length <= 8 ? 2 : 3;
    }

    /** Optimal-string-alignment distance between {@code a} and {@code b}, case-sensitive. */
    public static int distance(String a, String b) {
        int n = a.length();
        int m = b.length();
        int[] twoBack = new int[m + 1];
        int[] oneBack = new int[m + 1];
        int[] current = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            oneBack[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            current[0] = i;
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int d = Math.min(Math.min(oneBack[j] + 1, current[j - 1] + 1), oneBack[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d = Math.min(d, twoBack[j - 2] + 1);
                }
                current[j] = d;
            }
            int[] recycled = twoBack;
            twoBack = oneBack;
            oneBack = current;
            current = recycled;
        }
        return oneBack[m];
    }
}
