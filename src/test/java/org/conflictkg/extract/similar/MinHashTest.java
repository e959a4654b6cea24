package org.conflictkg.extract.similar;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MinHashTest {

    /** Two sets of {@code size} random elements sharing {@code shared} of them. */
    static ShingleSet[] pair(SplittableRandom rnd, int size, int shared) {
        long[] a = new long[size];
        long[] b = new long[size];
        for (int i = 0; i < size; i++) {
            a[i] = rnd.nextLong();
            b[i] = i < shared ? a[i] : rnd.nextLong();
        }
        return new ShingleSet[] {ShingleSet.of(a), ShingleSet.of(b)};
    }

    @Test
    void theSameSeedGivesTheSameSignatureInEveryInstance() {
        ShingleSet s = Shingles.words("the same words give the same signature every time", 2);
        assertArrayEquals(new MinHash(64, 7).signature(s), new MinHash(64, 7).signature(s));
        assertFalse(java.util.Arrays.equals(new MinHash(64, 7).signature(s), new MinHash(64, 8).signature(s)));
    }

    @Test
    void signaturesAreFixedAcrossRunsAndMachines() {
        // Stored signatures are compared with ones computed by later runs: the family must not drift.
        int[] sig = new MinHash(4, ReuseCriteria.SEED).signature(ShingleSet.of(1, 2, 3));
        assertEquals(MinHash.encode(sig), MinHash.encode(new MinHash(4, ReuseCriteria.SEED).signature(ShingleSet.of(3, 2, 1))));
        assertEquals("3oJbA+Z7sTLCBNCvAH5itg", MinHash.encode(sig));
    }

    @Test
    void agreementEstimatesJaccard() {
        SplittableRandom rnd = new SplittableRandom(1);
        MinHash mh = new MinHash(256, ReuseCriteria.SEED);
        for (int shared : new int[] {0, 250, 667, 1000}) {
            ShingleSet[] p = pair(rnd, 1000, shared);
            double exact = Resemblance.of(p[0], p[1]).jaccard();
            double est = MinHash.estimatedJaccard(mh.signature(p[0]), mh.signature(p[1]));
            // Standard error at most sqrt(0.25/256) = 0.031; 0.1 is over three of them.
            assertEquals(exact, est, 0.1, "shared=" + shared);
        }
    }

    @Test
    void encodingRoundTrips() {
        int[] sig = {0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 42};
        assertArrayEquals(sig, MinHash.decode(MinHash.encode(sig)));
        assertThrows(IllegalArgumentException.class, () -> MinHash.decode("AAA"));
    }

    @Test
    void theEmptySetHasNoSignature() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MinHash(8, 1).signature(ShingleSet.of()));
        assertTrue(e.getMessage().contains("empty"));
        assertThrows(IllegalArgumentException.class, () -> new MinHash(0, 1));
        assertThrows(IllegalArgumentException.class, () -> MinHash.estimatedJaccard(new int[2], new int[3]));
    }
}
