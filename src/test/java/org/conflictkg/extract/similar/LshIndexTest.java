package org.conflictkg.extract.similar;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LshIndexTest {

    @Test
    void theSCurveRisesAroundItsThreshold() {
        LshIndex lsh = new LshIndex(64, 2);
        assertEquals(0.125, lsh.threshold(), 1e-9);
        assertEquals(0.927, lsh.candidateProbability(0.2), 0.001);
        assertTrue(lsh.candidateProbability(0.02) < 0.03);
        LshIndex steep = new LshIndex(24, 4);
        assertEquals(0.452, steep.threshold(), 0.001);
        assertTrue(steep.candidateProbability(0.2) < 0.05);
        assertTrue(steep.candidateProbability(0.7) > 0.99);
    }

    @Test
    void candidatesFollowTheSCurve() {
        // 400 pairs at each Jaccard: the share found should be near the curve's prediction.
        SplittableRandom rnd = new SplittableRandom(2);
        MinHash mh = new MinHash(24 * 4, ReuseCriteria.SEED);
        for (int shared : new int[] {111, 333, 538}) { // J = 0.0588, 0.2, 0.368... of 1000-element sets
            LshIndex lsh = new LshIndex(24, 4);
            int pairs = 400;
            int[][] queries = new int[pairs][];
            double predicted = 0;
            for (int i = 0; i < pairs; i++) {
                ShingleSet[] p = MinHashTest.pair(rnd, 1000, shared);
                lsh.add(i, mh.signature(p[0]));
                queries[i] = mh.signature(p[1]);
                predicted += lsh.candidateProbability(Resemblance.of(p[0], p[1]).jaccard());
            }
            int found = 0;
            for (int i = 0; i < pairs; i++) {
                int me = i;
                boolean[] hit = {false};
                lsh.candidates(queries[i], id -> hit[0] |= id == me);
                found += hit[0] ? 1 : 0;
            }
            assertEquals(predicted / pairs, (double) found / pairs, 0.08, "shared=" + shared);
        }
    }

    @Test
    void anIdenticalSignatureIsACandidateAndAnUnrelatedOneIsNot() {
        MinHash mh = new MinHash(128, ReuseCriteria.SEED);
        LshIndex lsh = new LshIndex(64, 2);
        int[] a = mh.signature(Shingles.words("artillery fire hit the northern districts overnight witnesses said", 3));
        int[] b = mh.signature(Shingles.words("the finance ministry will publish the budget figures next week", 3));
        lsh.add(1, a);
        Set<Integer> forA = new HashSet<>();
        lsh.candidates(a, forA::add);
        assertEquals(Set.of(1), forA);
        Set<Integer> forB = new HashSet<>();
        lsh.candidates(b, forB::add);
        assertFalse(forB.contains(1));
    }

    @Test
    void aSignatureOfTheWrongLengthIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LshIndex(4, 2).add(0, new int[7]));
        assertTrue(e.getMessage().contains("7"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new LshIndex(0, 2));
    }
}
