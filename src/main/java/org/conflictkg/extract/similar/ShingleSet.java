package org.conflictkg.extract.similar;

import java.util.Arrays;

/**
 * A set of shingle hashes, held as a sorted array without repeats so that two sets are compared
 * in one merge pass. Immutable.
 */
public final class ShingleSet {

    private static final ShingleSet EMPTY = new ShingleSet(new long[0]);

    private final long[] hashes;

    private ShingleSet(long[] sortedDistinct) {
        this.hashes = sortedDistinct;
    }

    /** The set of {@code hashes}, in any order and with repeats; the array is not kept. */
    public static ShingleSet of(long... hashes) {
        if (hashes.length == 0) {
            return EMPTY;
        }
        long[] h = hashes.clone();
        Arrays.sort(h);
        int n = 1;
        for (int i = 1; i < h.length; i++) {
            if (h[i] != h[n - 1]) {
                h[n++] = h[i];
            }
        }
        return new ShingleSet(n == h.length ? h : Arrays.copyOf(h, n));
    }

    public int size() {
        return hashes.length;
    }

    public boolean isEmpty() {
        return hashes.length == 0;
    }

    /** How many shingles this set and {@code other} have in common. */
    public int shared(ShingleSet other) {
        long[] a = hashes;
        long[] b = other.hashes;
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < a.length && j < b.length) {
            if (a[i] < b[j]) {
                i++;
            } else if (a[i] > b[j]) {
                j++;
            } else {
                n++;
                i++;
                j++;
            }
        }
        return n;
    }

    /** The shingles in ascending order (a copy). */
    public long[] toArray() {
        return hashes.clone();
    }

    /** For {@link MinHash}, which only reads it. */
    long[] hashes() {
        return hashes;
    }
}
