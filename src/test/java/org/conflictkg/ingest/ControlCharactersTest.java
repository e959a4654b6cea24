package org.conflictkg.ingest;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class ControlCharactersTest {

    @Test
    void textWithoutControlCharactersIsReturnedAsItIs() {
        String s = "Tab\tand line\r\nends, \u201Cquotes\u201D and \uD83D\uDE80 stay.";
        ControlCharacters.Replaced r = ControlCharacters.replace(s);
        assertSame(s, r.text());
        assertEquals(0, r.replaced());
    }

    @Test
    void eachIsReplacedByOneCodePointSoOffsetsHold() {
        String s = "\uD83D\uDE80 a\u0000b\u001B[0m\u000Cc\u0085d\u0093e\uD800f\uDC00g\uFFFE";
        ControlCharacters.Replaced r = ControlCharacters.replace(s);
        assertEquals("\uD83D\uDE80 a b [0m\nc\nd e\uFFFDf\uFFFDg\uFFFD", r.text());
        assertEquals(s.codePointCount(0, s.length()), r.text().codePointCount(0, r.text().length()));
        assertEquals(8, r.replaced());
        // In code points: the rocket is one.
        assertEquals(3, r.firstOffset());
        assertEquals(0, r.firstCodePoint());
        assertEquals("8 control characters replaced (the first, U+0000, at character 3)", r.note());
    }
}
