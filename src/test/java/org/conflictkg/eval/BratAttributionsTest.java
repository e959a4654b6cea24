package org.conflictkg.eval;

import org.conflictkg.extract.Span;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BratAttributionsTest {

    static final String TEXT = "The mayor said the bridge would reopen.\n\n"
            + "\"We are ready,\" said Ana Lopez, a council member. \"Traffic will flow.\"\n";

    static String texts(List<Span> spans, String text) {
        StringBuilder sb = new StringBuilder();
        for (Span s : spans) {
            sb.append(sb.length() == 0 ? "" : "|").append(s.of(text));
        }
        return sb.toString();
    }

    @Test
    void readsSourceCueAndContentOfEachEvent() throws Exception {
        String ann = """
                T1\tSource 0 9\tThe mayor
                T2\tCue 10 14\tsaid
                T3\tContent 15 38\tthe bridge would reopen
                T4\tAttribution 10 14\tsaid
                E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1
                """;
        List<GoldAttribution> gold = BratAttributions.parse(ann, TEXT, "a.ann");
        assertEquals(1, gold.size());
        GoldAttribution g = gold.get(0);
        assertEquals("E1", g.id());
        assertEquals(5, g.line());
        assertEquals("the bridge would reopen", texts(g.content(), TEXT));
        assertEquals("said", texts(g.cue(), TEXT));
        assertEquals("The mayor", texts(g.source(), TEXT));
    }

    @Test
    void discontinuousContentAndContent2AreOneContentAndSpansMayBeDefinedAfterTheirEvent() throws Exception {
        // The split quotation as one discontinuous span, and again as Content plus Content2.
        String ann = """
                E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1
                T1\tSource 62 71\tAna Lopez
                T2\tCue 57 61\tsaid
                T3\tContent 41 56;91 111\t"We are ready," "Traffic will flow."
                T4\tAttribution 57 61\tsaid
                T5\tContent 41 56\t"We are ready,"
                T6\tContent 91 111\t"Traffic will flow."
                E2\tAttribution:T4 Cue:T2 Source:T1 Content:T6 Content2:T5
                """;
        List<GoldAttribution> gold = BratAttributions.parse(ann, TEXT, "a.ann");
        assertEquals(2, gold.size());
        for (GoldAttribution g : gold) {
            assertEquals(List.of(new Span(41, 56), new Span(91, 111)), g.content(), g.id());
            assertEquals(new Span(41, 111), g.contentExtent());
        }
    }

    @Test
    void missingRolesGiveEmptyListsAndOtherLinesAreSkipped() throws Exception {
        String ann = """
                T2\tCue 10 14\tsaid
                T3\tContent 15 38\tthe bridge would reopen
                T4\tAttribution-no-source 10 14\tsaid
                E1\tAttribution-no-source:T4 Content:T3 Cue:T2
                T5\tSource 0 9\tThe mayor
                T6\tAttribution 10 14\tsaid
                E2\tAttribution:T6 Source:T5
                T7\tDiscuss 0 38\tThe mayor said the bridge would reopen
                #1\tAnnotatorNotes T7\tis this one?
                A1\tConfidence E1 Low
                R1\tSame Arg1:T5 Arg2:T1

                """;
        List<GoldAttribution> gold = BratAttributions.parse(ann, TEXT, "a.ann");
        assertEquals(2, gold.size());
        assertTrue(gold.get(0).source().isEmpty());
        assertTrue(gold.get(0).hasContent());
        assertFalse(gold.get(1).hasContent());
        assertEquals(null, gold.get(1).contentExtent());
        assertEquals("The mayor", texts(gold.get(1).source(), TEXT));
    }

    @Test
    void aSpanOverALineBreakCarriesItsTextOverTheNextLines() throws Exception {
        String text = "He said:\n\"One.\n\nTwo.\"\n";
        String ann = "T1\tContent 10 20\tOne.\n\nTwo.\nT2\tCue 3 7\tsaid\nE1\tAttribution:T2 Content:T1 Cue:T2\n";
        List<GoldAttribution> gold = BratAttributions.parse(ann, text, "b.ann");
        assertEquals(1, gold.size());
        assertEquals("One.\n\nTwo.", texts(gold.get(0).content(), text));
        assertEquals(5, gold.get(0).line());
    }

    @Test
    void aRecordedTextShorterThanItsSpanIsNotPaddedWithTheLinesAfterIt() {
        MalformedGoldException e = assertThrows(MalformedGoldException.class,
                () -> BratAttributions.parse("T1\tContent 0 9\tThe mayo\n\nE1\tAttribution:T1 Content:T1\n", TEXT, "s.ann"));
        assertEquals("s.ann:1: T1 records \"The mayo\" but the text at 0 9 reads \"The mayor\": is this the .ann file of this text?",
                e.getMessage());
    }

    @Test
    void offsetsCountCodePointsAndBecomeUtf16Indices() throws Exception {
        // The emoji is one code point for brat and two chars for Java: spans after it move by one.
        String text = "Wait\uD83D\uDE00 she said \"go\"\n";
        String ann = "T1\tSource 6 9\tshe\nT2\tCue 10 14\tsaid\nT3\tContent 16 18\tgo\nE1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n";
        GoldAttribution g = BratAttributions.parse(ann, text, "c.ann").get(0);
        assertEquals(List.of(new Span(7, 10)), g.source());
        assertEquals(List.of(new Span(17, 19)), g.content());
        assertEquals("go", texts(g.content(), text));
    }

    @Test
    void windowsLineEndsInTheAnnotationFileAreRead() throws Exception {
        String ann = "T1\tSource 0 9\tThe mayor\r\nT2\tCue 10 14\tsaid\r\nE1\tAttribution:T2 Cue:T2 Source:T1\r\n";
        assertEquals(1, BratAttributions.parse(ann, TEXT, "a.ann").size());
    }

    @Test
    void aRecordedTextThatDiffersFromTheTextNamesFileAndLine() {
        String ann = "T1\tSource 0 9\tThe mayor\nT2\tCue 10 14\tsaid\nT3\tContent 16 39\tthe bridge would reopen\n";
        MalformedGoldException e = assertThrows(MalformedGoldException.class,
                () -> BratAttributions.parse(ann, TEXT, "x_4e07.ann"));
        assertEquals("x_4e07.ann", e.fileName());
        assertEquals(3, e.line());
        assertTrue(e.getMessage().startsWith("x_4e07.ann:3: T3 records \"the bridge would reopen\" but the text at 16 39 reads \"he bridge would reopen.\""),
                e.getMessage());
    }

    @Test
    void malformedInputIsRefusedWithItsLine() {
        assertLine(2, "refers to T9", "T1\tSource 0 9\tThe mayor\nE1\tAttribution:T1 Source:T9\n");
        assertLine(2, "not a brat annotation line", "T1\tSource 0 9\tThe mayor\nSource 0 9 The mayor\n");
        assertLine(1, "runs past the end of the text (112 characters)", "T1\tContent 100 200\tx\n");
        assertLine(1, "ends before it starts", "T1\tContent 9 0\t\n");
        assertLine(2, "unknown role Target", "T1\tSource 0 9\tThe mayor\nE1\tAttribution:T1 Target:T1\n");
        assertLine(2, "T1 is defined twice", "T1\tSource 0 9\tThe mayor\nT1\tSource 0 9\tThe mayor\n");
        assertLine(1, "E1 has no trigger", "E1\t\n");
        assertLine(1, "offset out of range", "T1\tContent 0 99999999999\tx\n");
    }

    private static void assertLine(int line, String reason, String ann) {
        MalformedGoldException e = assertThrows(MalformedGoldException.class,
                () -> BratAttributions.parse(ann, TEXT, "m.ann"));
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith("m.ann:" + line + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
}
