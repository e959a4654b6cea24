package org.conflictkg.extract;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.conflictkg.extract.BoilerplateMarkerTest.analyze;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SentenceSplitterTest {

    private static List<String> sentences(String text) {
        AnalyzedDocument a = analyze(text, new BoilerplateMarker(), new SentenceSplitter());
        return a.sentences().stream().map(s -> s.span().of(text)).toList();
    }

    @Test
    void splitsAtSentenceEndsButNotAtTitlesInitialsOrAbbreviations() {
        assertEquals(List.of(
                "Lt. Gen. Jane Roe met John Q. Public in the U.S. capital on Jan. 5.",
                "They spoke for an hour.",
                "Was it useful?",
                "\"Very,\" she said."),
                sentences("Lt. Gen. Jane Roe met John Q. Public in the U.S. capital on Jan. 5. They spoke for an hour. Was it useful? \"Very,\" she said."));
    }

    @Test
    void aNoBreakOrThinSpaceSeparatesSentencesLikeASpace() {
        assertEquals(List.of("The convoy left.", "\u201CWe will stay,\u201D she said.", "It rained."),
                sentences("The convoy left.\u00A0\u201CWe will stay,\u201D she said.\u2009It rained."));
    }

    @Test
    void splitsAfterAClosingQuoteAndNeverAcrossALine() {
        assertEquals(List.of("\"We will stay.\"", "The convoy left.", "A second paragraph"),
                sentences("\"We will stay.\" The convoy left.\nA second paragraph"));
    }

    @Test
    void doesNotSplitBeforeALowerCaseWordOrInsideNumbers() {
        assertEquals(List.of("About 3.5 million people fled, e.g. to Turkey, officials said."),
                sentences("About 3.5 million people fled, e.g. to Turkey, officials said."));
    }

    @Test
    void numbersParagraphsAndSkipsBoilerplate() {
        String text = "First one. Still first.\nClick here to subscribe.\nSecond paragraph.";
        AnalyzedDocument a = analyze(text, new BoilerplateMarker(), new SentenceSplitter());
        assertEquals(List.of(0, 0, 1), a.sentences().stream().map(Sentence::paragraph).toList());
        assertEquals("Second paragraph.", a.sentences().get(2).span().of(text));
    }
}
