package org.conflictkg.extract.similar;

import java.nio.ByteBuffer;
import java.util.Base64;

/**
 * MinHash signatures: for each of {@code size} hash functions, the smallest hash over a set. Two
 * sets' signatures agree in a position with probability equal to their Jaccard similarity, so the
 * share of agreeing positions estimates it, with a standard error of about
 * {@code sqrt(J(1-J)/size)}.
 *
 * <p>The hash functions are {@code mix(x XOR seed_i)} with seeds drawn by SplitMix64 from one
 * fixed seed: the same seed gives the same family in every run, so signatures may be stored and
 * compared with ones computed later. Each position keeps the upper 32 bits of its minimum, which
 * halves the storage; two different minima agree there by chance about once in four billion.
 *
 * <pre>{@code
 * MinHash mh = new MinHash(128, 42);
 * double j = MinHash.estimatedJaccard(mh.signature(a), mh.signature(b));
 * }</pre>
 */
public final class MinHash {

    private final long[] seeds;

    /**
     * @throws IllegalArgumentException when {@code size < 1}
     */
    public MinHash(int size, long seed) {
        if (size < 1) {
            throw new IllegalArgumentException("Illegal MinHash size " + size + ": must be at least 1");
        }
        this.seeds = Hashing.seeds(seed, size);
    }

    public int size() {
        return seeds.length;
    }

    /**
     * The signature of a non-empty set.
     *
     * @throws IllegalArgumentException for the empty set, which has no minimum: every empty set
     *     would look identical to every other
     */
    public int[] signature(ShingleSet set) {
        if (set.isEmpty()) {
            throw new IllegalArgumentException("The empty set has no MinHash signature");
        }
        long[] min = new long[seeds.length];
        java.util.Arrays.fill(min, Long.MAX_VALUE);
        for (long x : set.hashes()) {
            for (int i = 0; i < seeds.length; i++) {
                long v = Hashing.mix(x ^ seeds[i]);
                if (v < min[i]) {
                    min[i] = v;
                }
            }
        }
        int[] out = new int[seeds.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (int) (min[i] >>> 32);
        }
        return out;
    }

    /**
     * The share of positions where two signatures agree: an estimate of the sets' Jaccard.
     *
     * @throws IllegalArgumentException when the signatures differ in length
     */
    public static double estimatedJaccard(int[] a, int[] b) {
        if (a.length != b.length || a.length == 0) {
            throw new IllegalArgumentException("Signatures of lengths " + a.length + " and " + b.length + " cannot be compared");
        }
        int same = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] == b[i]) {
                same++;
            }
        }
        return (double) same / a.length;
    }

    /** A signature as Base64 of its values, big-endian: compact enough to store as a literal. */
    public static String encode(int[] signature) {
        ByteBuffer b = ByteBuffer.allocate(signature.length * 4);
        b.asIntBuffer().put(signature);
        return Base64.getEncoder().withoutPadding().encodeToString(b.array());
    }

    /**
     * The inverse of {@link #encode}.
     *
     * @throws IllegalArgumentException when {@code text} is not Base64 of a whole number of values
     */
    public static int[] decode(String text) {
        byte[] bytes = Base64.getDecoder().decode(text);
        if (bytes.length % 4 != 0) {
            throw new IllegalArgumentException("Not a MinHash signature: " + bytes.length + " bytes is not a whole number of 32-bit values");
        }
        int[] out = new int[bytes.length / 4];
        ByteBuffer.wrap(bytes).asIntBuffer().get(out);
        return out;
    }
}
