package org.conflictkg.extract.similar;

import org.conflictkg.rdf.Iris;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReuseCriteriaTest {

    @Test
    void aStoredSignatureDecodesOnlyUnderItsOwnParameters() {
        Fingerprint f = ReuseCriteria.DOCUMENTS.fingerprint(Iris.foldWords(NearDuplicateIndexTest.ARTICLE));
        String stored = ReuseCriteria.DOCUMENTS.encodeSignature(f);
        assertTrue(stored.startsWith("w5-mh128-"), stored);
        assertArrayEquals(f.signature(), ReuseCriteria.DOCUMENTS.decodeSignature(stored));
        ReuseCriteria other = new ReuseCriteria(ReuseCriteria.Unit.WORDS, 4, 64, 2, 0, 0, 20, 0.5, 0.5, ReuseCriteria.SEED);
        assertNull(other.decodeSignature(stored));
        assertNull(ReuseCriteria.DOCUMENTS.decodeSignature("w5-mh128-636b672d7265706f:not base64!"));
        assertNull(ReuseCriteria.DOCUMENTS.decodeSignature(null));
    }

    @Test
    void aStoredQuotationSignatureKeepsItsEdgeAnchors() {
        Fingerprint f = ReuseCriteria.QUOTATIONS.fingerprint(Iris.foldWords(NearDuplicateIndexTest.QUOTE));
        String stored = ReuseCriteria.QUOTATIONS.encodeSignature(f);
        assertTrue(stored.startsWith("c6-mh96-636b672d7265706f-a5:"), stored);
        ReuseCriteria.StoredSignature s = ReuseCriteria.QUOTATIONS.decode(stored);
        assertArrayEquals(f.signature(), s.signature());
        assertArrayEquals(f.anchors(), s.anchors());
        assertEquals(2, s.anchors().length);
        // Too short to have anchors: stored with none, still a signature.
        Fingerprint shortQuote = ReuseCriteria.QUOTATIONS.fingerprint(Iris.foldWords("a total defeat"));
        assertArrayEquals(new long[0], ReuseCriteria.QUOTATIONS.decode(ReuseCriteria.QUOTATIONS.encodeSignature(shortQuote)).anchors());
        // A document's signature is no quotation's, and a quotation's without its anchors is damaged.
        assertNull(ReuseCriteria.QUOTATIONS.decode(ReuseCriteria.DOCUMENTS.encodeSignature(
                ReuseCriteria.DOCUMENTS.fingerprint(Iris.foldWords(NearDuplicateIndexTest.ARTICLE)))));
        assertNull(ReuseCriteria.QUOTATIONS.decode(stored.substring(0, stored.lastIndexOf(':'))));
    }

    @Test
    void acceptanceNeedsEnoughSharedShinglesAndJaccardOrContainment() {
        ReuseCriteria q = ReuseCriteria.QUOTATIONS;
        assertTrue(q.accepts(new Resemblance(100, 100, 80)));     // J = 0.67
        assertTrue(q.accepts(new Resemblance(40, 100, 40)));      // contained
        assertFalse(q.accepts(new Resemblance(100, 100, 60)));    // J = 0.43, containment 0.6
        assertFalse(q.accepts(new Resemblance(10, 10, 10)));      // identical but too short to judge
    }

    @Test
    void badParametersAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ReuseCriteria(ReuseCriteria.Unit.WORDS, 5, 0, 2, 0, 0, 20, 0.5, 0.5, 1));
        assertTrue(e.getMessage().contains("bands=0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new ReuseCriteria(ReuseCriteria.Unit.WORDS, 5, 8, 2, 0, 0, 20, 1.5, 0.5, 1));
        assertTrue(e.getMessage().contains("minJaccard=1.5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Resemblance(3, 4, 5));
    }

    @Test
    void theStatedThresholdsAreTheGeometrysOwn() {
        assertEquals(0.125, ReuseCriteria.DOCUMENTS.threshold(), 1e-9);
        assertEquals(128, ReuseCriteria.DOCUMENTS.signatureSize());
        assertEquals(0.452, ReuseCriteria.QUOTATIONS.threshold(), 0.001);
        assertEquals(96, ReuseCriteria.QUOTATIONS.signatureSize());
    }
}
