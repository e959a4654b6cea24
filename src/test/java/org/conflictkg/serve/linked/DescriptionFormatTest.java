package org.conflictkg.serve.linked;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.conflictkg.serve.linked.DescriptionFormat.HTML;
import static org.conflictkg.serve.linked.DescriptionFormat.JSONLD;
import static org.conflictkg.serve.linked.DescriptionFormat.NTRIPLES;
import static org.conflictkg.serve.linked.DescriptionFormat.RDFXML;
import static org.conflictkg.serve.linked.DescriptionFormat.TURTLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class DescriptionFormatTest {

    private static final List<DescriptionFormat> ALL = List.of(DescriptionFormat.values());

    @Test
    void eachMediaTypeChoosesItsFormat() {
        assertEquals(TURTLE, DescriptionFormat.negotiate("text/turtle", ALL));
        assertEquals(JSONLD, DescriptionFormat.negotiate("application/ld+json", ALL));
        assertEquals(NTRIPLES, DescriptionFormat.negotiate("application/n-triples", ALL));
        assertEquals(RDFXML, DescriptionFormat.negotiate("application/rdf+xml", ALL));
        assertEquals(HTML, DescriptionFormat.negotiate("text/html", ALL));
    }

    @Test
    void qualityValuesDecideAndBrowsersGetHtml() {
        assertEquals(TURTLE, DescriptionFormat.negotiate("text/html;q=0.5, text/turtle", ALL));
        assertEquals(HTML, DescriptionFormat.negotiate("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", ALL));
        assertEquals(JSONLD, DescriptionFormat.negotiate("application/json", ALL));
        assertEquals(HTML, DescriptionFormat.negotiate("*/*", ALL));
        assertEquals(HTML, DescriptionFormat.negotiate(null, ALL));
        // A more specific range outranks a wildcard even with a lower quality.
        assertEquals(TURTLE, DescriptionFormat.negotiate("text/*;q=0.9, text/html;q=0.1", List.of(HTML, TURTLE)));
    }

    @Test
    void nothingAcceptableIsNull() {
        assertNull(DescriptionFormat.negotiate("image/png", ALL));
        assertNull(DescriptionFormat.negotiate("text/turtle;q=0", ALL));
        assertNull(DescriptionFormat.negotiate("text/html", List.of(TURTLE, JSONLD)));
    }
}
