package org.conflictkg.rdf;

import org.apache.jena.graph.NodeFactory;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IrisTest {

    @Test
    void slugsAreReadableLowerCaseAscii() {
        assertEquals("hayat-tahrir-al-sham", Iris.slug("Hay'at Tahrir al-Sham"));
        assertEquals("deir-ez-zor", Iris.slug("  Deir ez-Zor  "));
        assertEquals("mevlut-cavusoglu", Iris.slug("Mevlüt Çavuşoğlu"));
        assertEquals("a-b-c", Iris.slug("A <b> \"c\""));
    }

    @Test
    void slugsOfNonLatinNamesArePercentEncodedAndNeverEmpty() {
        String s = Iris.slug("دير الزور");
        assertTrue(s.startsWith("%D8%AF"), s);
        assertTrue(Iris.isValidAbsolute("http://localhost:3030/id/place/" + s));
        assertEquals("unnamed", Iris.slug("?!"));
    }

    @Test
    void baseMustBeAnAbsoluteHttpIriAndGainsATrailingSlash() {
        assertEquals("https://kg.example.org/", new Iris("https://kg.example.org").base());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Iris("kg.example.org"));
        assertTrue(e.getMessage().contains("--base"));
        assertThrows(IllegalArgumentException.class, () -> new Iris("ftp://x.org/"));
    }

    @Test
    void spansUseRfc5147Fragments() {
        Iris iris = Iris.defaults();
        var doc = iris.document("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
        assertEquals("http://localhost:3030/id/document/0123456789abcdef0123456789abcdef", doc.getURI());
        assertEquals(doc.getURI() + "#char=3,9", Iris.span(doc, 3, 9).getURI());
    }

    @Test
    void aSpansOffsetsAreReadBackFromItsIriAndNothingElseIsASpan() {
        var doc = NodeFactory.createURI("http://localhost:3030/id/document/d1");
        assertArrayEquals(new int[] {3, 9}, Iris.spanOffsets(doc, Iris.span(doc, 3, 9)));
        assertArrayEquals(new int[] {0, 0}, Iris.spanOffsets(Iris.span(doc, 0, 0)));
        assertArrayEquals(new int[] {120, 134}, Iris.spanOffsets(NodeFactory.createURI("http://x.org/a#char=120,134")));
        // Another document's span, or something that is not a span.
        assertNull(Iris.spanOffsets(NodeFactory.createURI("http://localhost:3030/id/document/d2"), Iris.span(doc, 3, 9)));
        assertNull(Iris.spanOffsets(NodeFactory.createURI("http://localhost:3030/id/document/d"), Iris.span(doc, 3, 9)));
        for (String bad : new String[] {"d1#char=9,3", "d1#char=3", "d1#char=,9", "d1#char=3,9,12", "d1#char=-1,4",
                "d1#char=a,b", "d1#char=1,99999999999", "d1#relation-0", "d1"}) {
            assertNull(Iris.spanOffsets(NodeFactory.createURI("http://localhost:3030/id/document/" + bad)), bad);
        }
        assertNull(Iris.spanOffsets(NodeFactory.createLiteralString("d1#char=3,9")));
        assertNull(Iris.spanOffsets(null));
    }

    @Test
    void foldedWordsIgnoreQuoteMarksCaseAndSpacingButNotWords() {
        assertEquals("we won t stop", Iris.foldWords("We won\u2014t   stop!"));
        assertEquals(Iris.foldWords("\u201cWe don\u2019t stop\u201d"), Iris.foldWords("\"we dont  stop\""));
        Iris iris = Iris.defaults();
        assertEquals(iris.quotation("Keep going."), iris.quotation("keep  going"));
        org.junit.jupiter.api.Assertions.assertNotEquals(iris.quotation("keep going"), iris.quotation("keep moving"));
        org.junit.jupiter.api.Assertions.assertNotEquals(iris.quotation("keep going"), iris.statement("keep going"));
    }
}
