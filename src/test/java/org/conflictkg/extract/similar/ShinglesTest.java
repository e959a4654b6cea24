package org.conflictkg.extract.similar;

import org.conflictkg.rdf.Iris;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShinglesTest {

    @Test
    void wordShinglesAreOverlappingNGrams() {
        assertEquals(3, Shingles.words("the convoy reached the bridge at dawn", 5).size());
        // A repeated n-gram counts once: the set, not the bag.
        assertEquals(2, Shingles.words("a b a b a b", 5).size());
    }

    @Test
    void wordOrderMatters() {
        ShingleSet a = Shingles.words("troops crossed the river", 2);
        ShingleSet b = Shingles.words("river the crossed troops", 2);
        assertEquals(0, a.shared(b));
    }

    @Test
    void aTextShorterThanOneShingleIsOneShingleOfItself() {
        assertEquals(1, Shingles.words("ceasefire holds", 5).size());
        assertEquals(1, Shingles.characters("no", 6).size());
        assertTrue(Shingles.words("", 5).isEmpty());
        assertTrue(Shingles.characters("", 6).isEmpty());
        assertNotEquals(0, Shingles.words("ceasefire holds", 5).shared(Shingles.words("ceasefire holds", 5)));
    }

    @Test
    void characterShinglesOfFoldedTextIgnoreQuoteMarksCaseAndSpacing() {
        String straight = "\"We will stay,\" he said -- \"until it's over.\"";
        String curly = "“We  will stay,” he said — “until it’s  OVER.”";
        assertArrayEquals(Shingles.characters(Iris.foldWords(straight), 6).toArray(),
                Shingles.characters(Iris.foldWords(curly), 6).toArray());
    }

    @Test
    void aTypoBreaksOnlyTheShinglesOverIt() {
        String a = Iris.foldWords("Officials said that the road would reopen on Monday.");
        String b = Iris.foldWords("Officials said thae the road would reopen on Monday.");
        ShingleSet sa = Shingles.characters(a, 6);
        ShingleSet sb = Shingles.characters(b, 6);
        // One changed letter lies in at most six 6-grams.
        assertTrue(sa.size() - sa.shared(sb) <= 6, sa.size() + " vs " + sa.shared(sb));
    }

    @Test
    void edgeAnchorsAreTheFirstAndLastWordsAndSurviveATruncationAtEitherEnd() {
        String whole = "we are not leaving the valley until every family has gone home safely";
        String head = "we are not leaving the valley until";
        String tail = "until every family has gone home safely";
        long[] w = Shingles.edgeAnchors(whole, 5);
        assertEquals(2, w.length);
        assertEquals(w[0], Shingles.edgeAnchors(head, 5)[0]);
        assertEquals(w[1], Shingles.edgeAnchors(tail, 5)[1]);
        assertNotEquals(w[0], Shingles.edgeAnchors(tail, 5)[0]);
        assertEquals(0, Shingles.edgeAnchors("too short to anchor", 5).length);
    }

    @Test
    void firstAndLastAnchorsOfTheSameWordsDiffer() {
        long[] a = Shingles.edgeAnchors("one two three four five six", 5);
        long[] b = Shingles.edgeAnchors("zero one two three four five", 5);
        // b's last five words are a's first five: as first and last anchors they must not meet.
        assertNotEquals(a[0], b[1]);
    }

    @Test
    void badSizesAreRefusedWithTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Shingles.words("a b", 0));
        assertTrue(e.getMessage().contains("0"), e.getMessage());
    }

    @Test
    void shingleSetsSortAndDropRepeats() {
        ShingleSet s = ShingleSet.of(5, 3, 5, 1, 3);
        assertArrayEquals(new long[] {1, 3, 5}, s.toArray());
        assertEquals(2, s.shared(ShingleSet.of(3, 5, 7)));
    }
}
