package org.conflictkg.extract.similar;

import org.conflictkg.rdf.Iris;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole chain (fold, shingle, MinHash, LSH candidates, exact verification) on texts written
 * for these tests, for quotations and for documents, positives and negatives.
 */
class NearDuplicateIndexTest {

    static final String QUOTE = "We have told every commander that the convoys must be able to pass through the "
            + "checkpoints without delay, and we will hold them to it.";

    static final String ARTICLE = """
            Aid convoys reached the southern district on Tuesday for the first time in three weeks, after
            local commanders agreed to open two checkpoints on the main road, residents and relief workers said.

            The convoys carried flour, medicine and fuel for the district's two clinics, which had been
            running on generators for most of the month. Relief workers said the trucks were searched at
            both checkpoints but were allowed through after about two hours.

            "We have told every commander that the convoys must be able to pass through the checkpoints
            without delay, and we will hold them to it," said the regional relief coordinator, speaking
            by telephone from the provincial capital.

            The agreement follows a week of talks between the two councils that control the road. A
            previous arrangement collapsed in the spring when one side accused the other of taxing the
            cargo and diverting fuel to its own fighters.

            Residents said prices for bread had doubled since the road closed. Several families had left
            for the coast, and those who stayed were relying on small shipments carried on foot through
            the orchards to the east of the district.
            """;

    /** A shortened repost: curly quotes, a typo, a paragraph dropped, the attribution reworded. */
    static final String REPOST = """
            Aid convoys reached the southern district on Tuesday for the first time in three weeks, after
            local commanders agreed to open two checkpoints on the main road, residents and relief workers said.

            The convoys carried flour, medicine and fuel for the district’s two clinics, which had been
            running on generators for most of the month. Relief workers said the trucks were searched at
            both checkpoints but were allowed through after about two hours.

            “We have told every commander thae the convoys must be able to pass through the checkpoints
            without delay, and we will hold them to it,” the regional relief coordinator said.

            Residents said prices for bread had doubled since the road closed.
            """;

    /** Another outlet's article on the same story: its own words, sharing one sentence. */
    static final String SAME_STORY = """
            Trucks loaded with flour and medicine entered the besieged southern district this week, the
            first deliveries since the road was cut nearly a month ago. Council officials on both sides
            of the front line described the deal as fragile and warned it could be suspended at any time.

            Residents said prices for bread had doubled since the road closed.

            Doctors at the district's main clinic said they had treated dozens of children for
            malnutrition and that the supplies would last about ten days. A council spokesman said
            further deliveries depended on whether the fighters manning the checkpoints were paid.
            """;

    private static final ReuseCriteria Q = ReuseCriteria.QUOTATIONS;
    private static final ReuseCriteria D = ReuseCriteria.DOCUMENTS;

    /** Indexes {@code stored} (ids 0..n-1) and returns the verified matches of {@code query}. */
    private static List<NearDuplicateIndex.Match> match(ReuseCriteria c, String query, String... stored) {
        NearDuplicateIndex index = new NearDuplicateIndex(c);
        List<ShingleSet> sets = new ArrayList<>();
        for (int i = 0; i < stored.length; i++) {
            Fingerprint f = c.fingerprint(Iris.foldWords(stored[i]));
            sets.add(f.shingles());
            index.add(i, f);
        }
        return index.matches(c.fingerprint(Iris.foldWords(query)), sets::get);
    }

    @Test
    void anIndexWrittenAndReadBackFindsWhatTheOriginalFindsAndTakesMore() throws java.io.IOException {
        NearDuplicateIndex index = new NearDuplicateIndex(Q);
        String[] stored = new String[300];
        for (int i = 0; i < stored.length; i++) {
            stored[i] = i == 7 ? QUOTE : "Statement number " + i + " about the checkpoints on the road to the district, said the official " + (i * 31);
            index.add(i, Q.fingerprint(Iris.foldWords(stored[i])));
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        index.writeTo(new java.io.DataOutputStream(bytes));
        NearDuplicateIndex back = NearDuplicateIndex.readFrom(
                new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray())), Q);
        assertEquals(index.size(), back.size());
        for (String query : List.of(QUOTE.replace(" that ", " thae "), "We have told every commander that the convoys must be able to pass",
                stored[42], "Nothing like any of them at all, a different sentence entirely")) {
            Fingerprint f = Q.fingerprint(Iris.foldWords(query));
            assertEquals(java.util.Arrays.toString(index.candidates(f)), java.util.Arrays.toString(back.candidates(f)), query);
        }
        // Read back, it takes new texts like any other index.
        back.add(300, Q.fingerprint(Iris.foldWords(UNRELATED_QUOTE)));
        assertTrue(java.util.Arrays.stream(back.candidates(Q.fingerprint(Iris.foldWords(UNRELATED_QUOTE)))).anyMatch(id -> id == 300));
        // Another criteria's index is refused, not misread.
        org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> NearDuplicateIndex.readFrom(
                new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray())), D));
    }

    private static final String UNRELATED_QUOTE = "The cranes are working again and we expect the backlog to clear within ten days";

    @Test
    void anIdenticalQuotationMatchesWithJaccardOne() {
        List<NearDuplicateIndex.Match> m = match(Q, QUOTE, QUOTE);
        assertEquals(1, m.size());
        assertEquals(1.0, m.get(0).resemblance().jaccard());
    }

    @Test
    void otherQuoteMarksAndWhitespaceMakeNoDifference() {
        String curly = "“We have  told every commander that the convoys must be able to pass through the\n"
                + "checkpoints without delay — and we will hold them to it.”";
        List<NearDuplicateIndex.Match> m = match(Q, curly, QUOTE);
        assertEquals(1, m.size());
        assertEquals(1.0, m.get(0).resemblance().jaccard());
    }

    @Test
    void aTypoStillMatches() {
        String typo = QUOTE.replace(" that ", " thae ");
        List<NearDuplicateIndex.Match> m = match(Q, typo, QUOTE);
        assertEquals(1, m.size());
        assertTrue(m.get(0).resemblance().jaccard() > 0.9, m.toString());
    }

    @Test
    void aTruncationMatchesByContainmentThoughItsJaccardIsLow() {
        String half = "We have told every commander that the convoys must be able to pass";
        List<NearDuplicateIndex.Match> m = match(Q, half, QUOTE);
        assertEquals(1, m.size());
        assertEquals(1.0, m.get(0).resemblance().containment());
        assertTrue(m.get(0).resemblance().jaccard() < 0.6, m.toString());
    }

    @Test
    void aShortTruncationIsFoundByItsEdgeAnchorsWhereLshAloneMissesIt() {
        String head = "We have told every commander that the convoys";
        String tail = "and we will hold them to it";
        ReuseCriteria noAnchors = new ReuseCriteria(Q.unit(), Q.shingleSize(), Q.bands(), Q.rows(), 0, 0,
                Q.minShared(), Q.minJaccard(), Q.minContainment(), ReuseCriteria.SEED);
        for (String cut : new String[] {head, tail}) {
            Resemblance r = Resemblance.of(Q.shingles(Iris.foldWords(cut)), Q.shingles(Iris.foldWords(QUOTE)));
            assertTrue(Q.candidateProbability(r.jaccard()) < 0.25, cut + ": J=" + r.jaccard());
            assertEquals(List.of(), match(noAnchors, cut, QUOTE), cut);
            List<NearDuplicateIndex.Match> m = match(Q, cut, QUOTE);
            assertEquals(1, m.size(), cut);
            // And the other way round: the whole quotation arriving after its excerpt.
            assertEquals(1, match(Q, QUOTE, cut).size(), cut);
        }
    }

    @Test
    void aQuotationIndexedFromItsStoredSignatureIsFoundAsItsFingerprintIs() {
        // What a later load reads back instead of the text: the short truncations need the anchors too.
        ReuseCriteria.StoredSignature stored = Q.decode(Q.encodeSignature(Q.fingerprint(Iris.foldWords(QUOTE))));
        NearDuplicateIndex index = new NearDuplicateIndex(Q);
        index.add(0, stored);
        ShingleSet quote = Q.shingles(Iris.foldWords(QUOTE));
        for (String query : new String[] {QUOTE.replace("that the", "thae the"), "We have told every commander that the convoys",
                "and we will hold them to it"}) {
            List<NearDuplicateIndex.Match> m = index.matches(Q.fingerprint(Iris.foldWords(query)), id -> quote);
            assertEquals(1, m.size(), query);
            assertEquals(0, m.get(0).id());
        }
        assertEquals(List.of(), index.matches(Q.fingerprint(Iris.foldWords("The cranes are working again and we expect "
                + "the backlog to clear within ten days.")), id -> quote));
    }

    @Test
    void twoDifferentQuotationsOnTheSameTopicDoNotMatch() {
        String other = "The convoys were stopped at three checkpoints and the commanders refused to let them "
                + "through without paying.";
        assertEquals(List.of(), match(Q, other, QUOTE));
    }

    @Test
    void sharingAnOpeningIsNotEnough() {
        // Same first five words, so the anchor makes it a candidate; verification must refuse it.
        String sameOpening = "We have told every commander to stand down before the talks resume next week.";
        NearDuplicateIndex index = new NearDuplicateIndex(Q);
        index.add(0, Q.fingerprint(Iris.foldWords(QUOTE)));
        assertEquals(1, index.candidates(Q.fingerprint(Iris.foldWords(sameOpening))).length);
        assertEquals(List.of(), match(Q, sameOpening, QUOTE));
    }

    @Test
    void aShortenedRepostMatchesItsSourceByContainment() {
        List<NearDuplicateIndex.Match> m = match(D, REPOST, ARTICLE);
        assertEquals(1, m.size());
        Resemblance r = m.get(0).resemblance();
        assertTrue(r.containment() >= 0.8, r.toString());
        assertTrue(r.jaccard() < 0.6, r.toString());
    }

    @Test
    void anotherArticleOnTheSameStorySharingASentenceIsNotARepost() {
        assertEquals(List.of(), match(D, SAME_STORY, ARTICLE));
        assertEquals(List.of(), match(D, SAME_STORY, REPOST));
    }

    @Test
    void theBestMatchComesFirst() {
        String typo = QUOTE.replace(" that ", " thae ");
        String half = "We have told every commander that the convoys must be able to pass";
        List<NearDuplicateIndex.Match> m = match(Q, QUOTE, half, typo);
        assertEquals(2, m.size());
        assertEquals(1, m.get(0).id(), "the typo variant has the closer wording");
    }

    @Test
    void aTextWithoutWordsIsNeitherIndexedNorMatched() {
        NearDuplicateIndex index = new NearDuplicateIndex(Q);
        Fingerprint empty = Q.fingerprint(Iris.foldWords("“ — ”"));
        assertTrue(empty.isEmpty());
        index.add(0, empty);
        assertEquals(0, index.size());
        assertEquals(0, index.candidates(empty).length);
    }
}
