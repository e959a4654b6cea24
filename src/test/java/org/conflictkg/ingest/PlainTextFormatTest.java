package org.conflictkg.ingest;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class PlainTextFormatTest {

    @Test
    void readsTheHeaderAndKeepsTheBodyOffset() {
        String file = "Title: Dam retaken\nDate: 2017-05-10\nSource: Example Wire\nURL: https://example.org/a\nAuthor: A. Writer\n\nThe dam was retaken on Wednesday.\n";
        Document d = PlainTextFormat.parse(file, "a.txt");
        assertEquals("Dam retaken", d.metadata().title());
        assertEquals("2017-05-10", d.metadata().date());
        assertEquals("Example Wire", d.metadata().source());
        assertEquals("https://example.org/a", d.metadata().url());
        assertEquals("A. Writer", d.metadata().author());
        assertEquals("The dam was retaken on Wednesday.\n", d.text());
        // The body can be found again in the file at the recorded offset.
        assertEquals(d.text(), file.substring(d.textOffset()));
    }

    @Test
    void aBodyThatOpensWithAColonLineIsNotAHeader() {
        String file = "Note: this report was updated.\nFighting continued.\n";
        Document d = PlainTextFormat.parse(file, "b.txt");
        assertEquals(file, d.text());
        assertEquals(0, d.textOffset());
        assertNull(d.metadata().title());
    }

    @Test
    void aHeaderWithoutTheBlankLineIsTreatedAsBody() {
        String file = "Title: Something\nFighting continued in the valley.\n";
        Document d = PlainTextFormat.parse(file, "c.txt");
        assertEquals(file, d.text());
        assertNull(d.metadata().title());
    }

    @Test
    void unknownDateBecomesAbsent() {
        Document d = PlainTextFormat.parse("Title: T\nDate: unknown\n\nBody.", "d.txt");
        assertNull(d.metadata().date());
    }

    @Test
    void aHeaderWithNoBodyGivesNoDocument() {
        assertNull(PlainTextFormat.parse("Title: Only a title\n\n   \n", "e.txt"));
    }
}
