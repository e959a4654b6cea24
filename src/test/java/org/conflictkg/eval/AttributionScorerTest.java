package org.conflictkg.eval;

import org.conflictkg.extract.Quotation;
import org.conflictkg.extract.Span;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AttributionScorerTest {

    static final double EPS = 1e-9;

    static Span s(int start, int end) {
        return new Span(start, end);
    }

    static GoldAttribution gold(String id, List<Span> content, Span source) {
        return new GoldAttribution(id, 1, content, List.of(), source == null ? List.of() : List.of(source));
    }

    static Quotation predicted(Quotation.Kind kind, List<Span> parts, Span source) {
        return new Quotation(kind, parts, null, source, null, null, null, null, null);
    }

    @Test
    void aMatchNeedsTheOverlapToCoverHalfOfBoth() {
        List<Span> gold = List.of(s(0, 10));
        assertTrue(AttributionScorer.matches(gold, List.of(s(0, 5))), "half the gold, all the prediction");
        assertFalse(AttributionScorer.matches(gold, List.of(s(0, 4))), "less than half the gold");
        assertTrue(AttributionScorer.matches(gold, List.of(s(0, 20))), "all the gold, half the prediction");
        assertFalse(AttributionScorer.matches(gold, List.of(s(0, 21))), "less than half the prediction");
        assertTrue(AttributionScorer.matches(gold, List.of(s(5, 15))), "half of each");
        assertFalse(AttributionScorer.matches(gold, List.of(s(6, 15))), "4 of 10 and 4 of 9");
        assertFalse(AttributionScorer.matches(gold, List.of(s(10, 20))), "touching is not overlapping");
        assertFalse(AttributionScorer.matches(List.of(s(3, 3)), List.of(s(3, 3))), "nothing shared");
    }

    @Test
    void discontinuousContentsCountEveryPart() {
        List<Span> gold = List.of(s(0, 10), s(20, 30));
        assertEquals(10, AttributionScorer.overlap(gold, List.of(s(0, 10))));
        assertEquals(6 + 2 + 2, AttributionScorer.overlap(gold, List.of(s(4, 22), s(25, 27))));
        assertTrue(AttributionScorer.matches(gold, List.of(s(0, 10))), "one half of a two-part quotation");
        assertFalse(AttributionScorer.matches(gold, List.of(s(0, 9))));
        // One prediction over both parts and the attribution between them: 20 of 30.
        assertTrue(AttributionScorer.matches(gold, List.of(s(0, 30))));
        assertFalse(AttributionScorer.matches(gold, List.of(s(0, 41))), "20 shared, less than half of 41");
    }

    @Test
    void pairingIsOneToOneAndFindsTheLargestNumberOfPairs() {
        // A matches X and Y; B matches only X. Taking the largest overlap first (A-X, 10) would
        // leave B alone; the maximum matching pairs A-Y and B-X.
        String text = "a".repeat(20);
        GoldAttribution a = gold("A", List.of(s(0, 10)), null);
        GoldAttribution b = gold("B", List.of(s(5, 15)), null);
        Quotation x = predicted(Quotation.Kind.REPORTED, List.of(s(0, 12)), null);
        Quotation y = predicted(Quotation.Kind.REPORTED, List.of(s(0, 6)), null);
        AttributionScore score = AttributionScorer.score(text, List.of(a, b), List.of(x, y));
        AttributionScore.Comparison all = score.all();
        assertEquals(2, all.matches().size());
        assertEquals(a, all.matches().get(0).gold());
        assertEquals(y, all.matches().get(0).predicted());
        assertEquals(6, all.matches().get(0).overlap());
        assertEquals(b, all.matches().get(1).gold());
        assertEquals(x, all.matches().get(1).predicted());
        assertEquals(new AttributionCounts(2, 2, 2, 2), all.counts());
    }

    @Test
    void aSecondPredictionOfOneContentIsSpuriousAndTheCloserOneIsKept() {
        String text = "a".repeat(20);
        GoldAttribution g = gold("G", List.of(s(0, 10)), null);
        Quotation near = predicted(Quotation.Kind.REPORTED, List.of(s(1, 10)), null);
        Quotation exact = predicted(Quotation.Kind.REPORTED, List.of(s(0, 10)), null);
        AttributionScore.Comparison all = AttributionScorer.score(text, List.of(g), List.of(near, exact)).all();
        assertEquals(exact, all.matches().get(0).predicted());
        assertEquals(List.of(near), all.spurious());
        AttributionCounts c = all.counts();
        assertEquals(new AttributionCounts(1, 2, 1, 1), c);
        assertEquals(0.5, c.precision(), EPS);
        assertEquals(1.0, c.recall(), EPS);
        assertEquals(2.0 / 3, c.f1(), EPS);
    }

    @Test
    void theSameWordsSaidByTwoSpeakersArePairedWithTheRightSources() {
        String text = "a".repeat(40);
        GoldAttribution byFirst = gold("E1", List.of(s(10, 30)), s(0, 4));
        GoldAttribution bySecond = gold("E2", List.of(s(10, 30)), s(5, 9));
        Quotation toSecond = predicted(Quotation.Kind.REPORTED, List.of(s(10, 30)), s(5, 9));
        Quotation toFirst = predicted(Quotation.Kind.REPORTED, List.of(s(10, 30)), s(0, 4));
        for (List<Quotation> predicted : List.of(List.of(toFirst, toSecond), List.of(toSecond, toFirst))) {
            AttributionScore.Comparison all = AttributionScorer.score(text, List.of(byFirst, bySecond), predicted).all();
            assertEquals(new AttributionCounts(2, 2, 2, 2), all.counts(), "predicted in the order " + predicted);
        }
    }

    /**
     * Offsets, counted by hand:
     * <pre>
     * The minister(0,12) said(13,17) the talks had failed(18,38). "We tried,"(40,51) she(52,55)
     * said(56,60). "They did not."(62,77)
     * Aid groups(79,89) warned(90,96) that food was running out(102,122). It was reported(127,139)
     * that the border had reopened(145,168). Residents(170,179) believe(180,187) the worst is
     * over(188,205).
     * "Enough,"(208,217) a farmer(218,226) shouted(227,234), near the so-called "safe zone"(256,265).
     * </pre>
     */
    static final String TEXT = "The minister said the talks had failed. \"We tried,\" she said. \"They did not.\"\n\n"
            + "Aid groups warned that food was running out. It was reported that the border had reopened. "
            + "Residents believe the worst is over.\n\n"
            + "\"Enough,\" a farmer shouted, near the so-called \"safe zone\".\n";

    @Test
    void aHandCountedTextGivesItsFigures() {
        GoldAttribution minister = gold("E1", List.of(s(18, 38)), s(0, 12));
        GoldAttribution tried = gold("E2", List.of(s(40, 51), s(62, 77)), s(52, 55));
        GoldAttribution food = gold("E3", List.of(s(102, 122)), s(79, 89));
        GoldAttribution border = gold("E4", List.of(s(145, 168)), null);
        GoldAttribution worst = gold("E5", List.of(s(188, 205)), s(170, 179));
        GoldAttribution enough = gold("E6", List.of(s(208, 217)), s(218, 226));
        GoldAttribution noContent = new GoldAttribution("E7", 9, List.of(), List.of(s(227, 234)), List.of(s(218, 226)));
        assertEquals("the talks had failed", s(18, 38).of(TEXT));
        assertEquals("\"safe zone\"", s(255, 266).of(TEXT));

        Quotation pMinister = predicted(Quotation.Kind.REPORTED, List.of(s(18, 38)), s(0, 12));
        Quotation pTried = predicted(Quotation.Kind.DIRECT, List.of(s(41, 50), s(63, 76)), s(52, 55));
        Quotation pFood = predicted(Quotation.Kind.REPORTED, List.of(s(102, 122)), null);
        Quotation pBorder = predicted(Quotation.Kind.REPORTED, List.of(s(145, 168)), null);
        Quotation pScare = predicted(Quotation.Kind.DIRECT, List.of(s(256, 265)), null);
        Quotation pEnough = predicted(Quotation.Kind.DIRECT, List.of(s(209, 216)), s(52, 55));

        AttributionScore score = AttributionScorer.score(TEXT,
                List.of(enough, worst, border, food, tried, minister, noContent),
                List.of(pMinister, pTried, pFood, pBorder, pScare, pEnough));

        assertEquals(1, score.goldWithoutContent());

        // Direct: gold "We tried," + "They did not." and "Enough,"; predicted those two and the
        // scare quote. 2 of 3 predictions right, 2 of 2 gold found; "Enough," has the wrong source.
        AttributionCounts direct = score.direct().counts();
        assertEquals(new AttributionCounts(2, 3, 2, 1), direct);
        assertEquals(2.0 / 3, direct.precision(), EPS);
        assertEquals(1.0, direct.recall(), EPS);
        assertEquals(0.8, direct.f1(), EPS);
        assertEquals(0.5, direct.sourceAccuracy(), EPS);
        assertEquals(List.of(pScare), score.direct().spurious());

        // All: 6 gold with content, 6 predicted, 5 pairs; the worst-is-over belief is missed and the
        // scare quote spurious. Sources: minister, she and the sourceless report right; the food
        // warning (no predicted source) and "Enough," (wrong one) wrong: 3 of 5.
        AttributionCounts all = score.all().counts();
        assertEquals(new AttributionCounts(6, 6, 5, 3), all);
        assertEquals(5.0 / 6, all.precision(), EPS);
        assertEquals(5.0 / 6, all.recall(), EPS);
        assertEquals(5.0 / 6, all.f1(), EPS);
        assertEquals(0.6, all.sourceAccuracy(), EPS);
        assertEquals(List.of(worst), score.all().missed());
        assertEquals(List.of(pScare), score.all().spurious());
        // Pairs come in text order of the gold, whatever order the gold was given in.
        assertEquals(List.of(minister, tried, food, border, enough),
                score.all().matches().stream().map(AttributionScore.Match::gold).toList());
        assertEquals(List.of(true, true, false, true, false),
                score.all().matches().stream().map(AttributionScore.Match::sourceCorrect).toList());
    }

    @Test
    void aSourceIsRightWhenItOverlapsTheGoldOneOrBothAreAbsent() {
        GoldAttribution withSource = gold("E1", List.of(s(18, 38)), s(0, 12));
        GoldAttribution without = gold("E2", List.of(s(18, 38)), null);
        assertTrue(AttributionScorer.sourceCorrect(withSource, predicted(Quotation.Kind.REPORTED, List.of(s(18, 38)), s(4, 12))));
        assertFalse(AttributionScorer.sourceCorrect(withSource, predicted(Quotation.Kind.REPORTED, List.of(s(18, 38)), s(12, 17))));
        assertFalse(AttributionScorer.sourceCorrect(withSource, predicted(Quotation.Kind.REPORTED, List.of(s(18, 38)), null)));
        assertTrue(AttributionScorer.sourceCorrect(without, predicted(Quotation.Kind.REPORTED, List.of(s(18, 38)), null)));
        assertFalse(AttributionScorer.sourceCorrect(without, predicted(Quotation.Kind.REPORTED, List.of(s(18, 38)), s(0, 12))));
    }

    /** The content {@code what} at its first occurrence in {@code text}. */
    static boolean direct(String text, String what) {
        int at = text.indexOf(what);
        assertTrue(at >= 0, what);
        return AttributionScorer.isDirect(text, List.of(s(at, at + what.length())));
    }

    @Test
    void goldIsDirectWhenItsContentOpensAndClosesAtQuoteMarks() {
        String curly = "She said: \u201CWe tried.\u201D Then she left.";
        assertTrue(direct(curly, "\u201CWe tried.\u201D"), "marks inside the content");
        assertTrue(direct(curly, "We tried."), "marks just outside");
        assertTrue(direct(curly, "We tried"), "the full stop left out too");
        assertFalse(direct(curly, "Then she left"), "after the close of an earlier quotation");

        assertFalse(direct("They called it \u201Ca mess\u201D on Monday, aides said.", "it \u201Ca mess\u201D"),
                "reported speech ending in a quoted phrase");
        assertFalse(direct("They called it \u201Ca mess\u201D on Monday, aides said.", "\u201Ca mess\u201D on Monday"),
                "a partial quotation that goes on past its mark");
        assertFalse(direct("The voters\u2019 choice was clear, aides said.", "choice was clear"),
                "a possessive apostrophe does not open");
        assertTrue(direct("\u201CWe stayed.\n\n\u201CWe won.\u201D\n", "\u201CWe stayed."),
                "a quotation continued in the next paragraph ends its own unclosed");
        assertTrue(direct("Il a dit \u00AB nous restons \u00BB hier.", "nous restons"), "guillemets with spaces inside");
        assertTrue(direct("He said ''no deal,'' aides said.", "no deal"), "two apostrophes as a double mark");
        assertTrue(direct("He said 'no deal', aides said.", "no deal"), "single marks");
        assertTrue(direct("\"Go.\"", "Go."), "marks at the very ends of the text");

        String split = "\u201CWe tried,\u201D she said. \u201CThey did not.\u201D\n";
        int secondEnd = split.indexOf("not.") + 5;
        assertTrue(AttributionScorer.isDirect(split, List.of(s(0, 11), s(split.indexOf("\u201CThey"), secondEnd))));
        assertFalse(AttributionScorer.isDirect(split, List.of()));
    }

    @Test
    void countsAddUpAndUndefinedRatiosAreZero() {
        AttributionCounts none = AttributionCounts.ZERO;
        assertEquals(0, none.precision(), EPS);
        assertEquals(0, none.recall(), EPS);
        assertEquals(0, none.f1(), EPS);
        assertEquals(0, none.sourceAccuracy(), EPS);
        AttributionCounts sum = new AttributionCounts(4, 0, 0, 0).plus(new AttributionCounts(2, 3, 2, 1));
        assertEquals(new AttributionCounts(6, 3, 2, 1), sum);
        assertEquals(2.0 / 3, sum.precision(), EPS);
        assertEquals(1.0 / 3, sum.recall(), EPS);
        assertEquals(4.0 / 9, sum.f1(), EPS);
        assertThrows(IllegalArgumentException.class, () -> new AttributionCounts(1, 1, 2, 0));
        assertThrows(IllegalArgumentException.class, () -> new AttributionCounts(2, 2, 1, 2));
    }
}
