package org.conflictkg.rdf;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CodePointsTest {

    @Test
    void bmpTextOffsetsAreUnchanged() {
        CodePoints cp = new CodePoints("Ḥimṣ and Ḥamāh");
        assertEquals(9, cp.offset(9));
    }

    @Test
    void astralCharactersCountOnceEach() {
        String text = "😀 Raqqa 😀 Homs";
        CodePoints cp = new CodePoints(text);
        int homs = text.indexOf("Homs");
        assertEquals(12, homs);
        assertEquals(10, cp.offset(homs));
        assertEquals(text.codePointCount(0, text.length()), cp.offset(text.length()));
    }
}
