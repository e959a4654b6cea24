package org.conflictkg.extract.similar;

import org.conflictkg.extract.Span;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BodyTextTest {

    @Test
    void excludedSpansBecomeSpacesSoTheWordsAroundThemStayApart() {
        String text = "Troops advanced.\nPhotos: the war\nShelling resumed.";
        assertEquals("Troops advanced.\n               \nShelling resumed.", BodyText.without(text, List.of(new Span(17, 32))));
        assertEquals(text, BodyText.without(text, List.of()));
    }

    @Test
    void aSpanBeyondTheTextIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> BodyText.without("short", List.of(new Span(2, 9))));
    }
}
