package org.conflictkg.eval;

import org.conflictkg.extract.Quotation;
import org.conflictkg.extract.Span;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Compares the gold attributions of one text with the quotations the extractor found in it.
 *
 * <h2>Content</h2>
 * A predicted content <em>matches</em> a gold content when they share at least one character and
 * the characters they share cover at least half of each: {@code 2 × overlap ≥ length(gold)} and
 * {@code 2 × overlap ≥ length(predicted)}, which is the same as overlap ≥ half the longer of the
 * two. Lengths and overlap count the characters of all parts of a discontinuous content (a
 * quotation split by its attribution), so a prediction of one half of a two-part quotation of
 * equal halves still matches. Requiring half of both, not only half of the gold, keeps a
 * prediction that swallows a whole paragraph from matching a short quotation inside it. Gold
 * contents in PolNeAR include their quote marks and predicted ones do not; two marks are too few
 * to change a match but for the very shortest quotations.
 *
 * <p>Pairing is one to one: each gold and each predicted content is in at most one pair. The
 * pairs form a maximum matching of the bipartite graph of matching contents (Kuhn's augmenting
 * paths), so that no pair is lost to the order in which they are considered; each gold content
 * tries its candidates from the largest overlap down, and among equal overlaps the one with the
 * right source first, so that when several maximum matchings exist, the closer pairs tend to be
 * the ones kept (two attributions of the same words to two speakers pair with the right ones). Precision is paired predictions over
 * predictions, recall paired gold over gold; see {@link AttributionCounts} for the ratios.
 *
 * <h2>Source</h2>
 * A pair's source is <em>correct</em> when the predicted {@link Quotation#source()} span shares a
 * character with one of the gold source spans; when the gold has no source (PolNeAR's
 * {@code Attribution-no-source}: "it was reported that"), it is correct only when the prediction
 * has no source either, because naming a speaker the text does not give is an error. Source
 * accuracy is correct pairs over pairs.
 *
 * <h2>Direct quotations and all attributions</h2>
 * The comparison is made twice. <em>All</em>: every gold attribution with content against every
 * predicted quotation, direct or reported. <em>Direct</em>: the gold contents that
 * {@link #isDirect} calls quotations in marks against the predicted {@link Quotation.Kind#DIRECT}
 * quotations, paired afresh. Gold attributions without content are in neither and are counted
 * apart.
 */
public final class AttributionScorer {

    /** Straight, curly, low-9 and angle quote marks, single and double. */
    private static final String QUOTE_MARKS = "\"'\u201C\u201D\u201E\u201F\u00AB\u00BB\u2039\u203A\u2018\u2019\u201A\u201B";
    /** What may stand between the end of quoted words and the closing mark ("win," or "win."). */
    private static final String SENTENCE_PUNCTUATION = ",.;:!?\u2026";
    /** What may stand before an opening mark or after a closing one, besides whitespace. */
    private static final String OPENERS = "([{-\u2013\u2014";
    private static final String CLOSERS = ")]}-\u2013\u2014" + SENTENCE_PUNCTUATION;

    private AttributionScorer() {}

    /**
     * Scores the quotations predicted for {@code text} against its gold attributions; all spans
     * are indices into {@code text}.
     */
    public static AttributionScore score(String text, List<GoldAttribution> gold, List<Quotation> predicted) {
        List<GoldAttribution> withContent = new ArrayList<>();
        List<GoldAttribution> direct = new ArrayList<>();
        for (GoldAttribution g : gold) {
            if (g.hasContent()) {
                withContent.add(g);
                if (isDirect(text, g.content())) {
                    direct.add(g);
                }
            }
        }
        List<Quotation> predictedDirect = predicted.stream().filter(q -> q.kind() == Quotation.Kind.DIRECT).toList();
        return new AttributionScore(compare(direct, predictedDirect), compare(withContent, predicted),
                gold.size() - withContent.size());
    }

    /**
     * Whether a gold content is a direct quotation: whether it opens and closes at quote marks,
     * whether the annotator put the marks inside the content or left them out.
     *
     * <p>It <em>opens</em> at a mark when, after any leading whitespace, it begins with a quote
     * mark; or when going back from its start over spaces on the same line reaches a quote mark
     * that stands at the start of the text or after whitespace, an opening bracket or a dash (a
     * mark after a letter or a full stop is an apostrophe or the close of an earlier quotation).
     *
     * <p>It <em>closes</em> at a mark when, before any trailing whitespace, it ends with a quote
     * mark; or when going on from its end over spaces and sentence punctuation ({@code , . ; : ! ?
     * …}) reaches a quote mark that stands at the end of the text or before whitespace, a closing
     * bracket, a dash or punctuation; or reaches the end of the paragraph (a line break or the end
     * of the text), since a quotation continued in the next paragraph ends its paragraph unclosed.
     *
     * <p>A content that opens at a mark but goes on past its closing mark ({@code “Great” is what
     * they said}, a partial quotation) does not close at one, and is not direct; nor is reported
     * speech that merely ends with a quoted phrase. Quote marks are the straight, curly, low-9 and
     * angle marks, single and double; two apostrophes ({@code ''}), as some newspapers write a
     * double mark, count as a mark.
     *
     * @param content the content's parts, in text order; the first part's start and the last
     *     part's end are tested
     */
    public static boolean isDirect(String text, List<Span> content) {
        if (content.isEmpty()) {
            return false;
        }
        return opensAtMark(text, content.get(0).start(), content.get(content.size() - 1).end())
                && closesAtMark(text, content.get(0).start(), content.get(content.size() - 1).end());
    }

    private static boolean opensAtMark(String text, int start, int end) {
        int p = start;
        while (p < end && Character.isWhitespace(text.charAt(p))) {
            p++;
        }
        if (p < end && isMark(text.charAt(p))) {
            return true;
        }
        p = start - 1;
        while (p >= 0 && isSpace(text.charAt(p))) {
            p--;
        }
        if (p < 0 || !isMark(text.charAt(p))) {
            return false;
        }
        while (p > 0 && isMark(text.charAt(p - 1))) {
            p--; // a mark of two apostrophes, or nested marks ("'): the first one must open
        }
        return p == 0 || Character.isWhitespace(text.charAt(p - 1)) || OPENERS.indexOf(text.charAt(p - 1)) >= 0;
    }

    private static boolean closesAtMark(String text, int start, int end) {
        int q = end - 1;
        while (q >= start && Character.isWhitespace(text.charAt(q))) {
            q--;
        }
        if (q >= start && isMark(text.charAt(q))) {
            return true;
        }
        q = end;
        while (q < text.length() && (isSpace(text.charAt(q)) || SENTENCE_PUNCTUATION.indexOf(text.charAt(q)) >= 0)) {
            q++;
        }
        if (q == text.length() || text.charAt(q) == '\n' || text.charAt(q) == '\r') {
            return true;
        }
        if (!isMark(text.charAt(q))) {
            return false;
        }
        while (q + 1 < text.length() && isMark(text.charAt(q + 1))) {
            q++;
        }
        return q + 1 == text.length() || Character.isWhitespace(text.charAt(q + 1)) || CLOSERS.indexOf(text.charAt(q + 1)) >= 0;
    }

    private static boolean isMark(char c) {
        return QUOTE_MARKS.indexOf(c) >= 0;
    }

    /** Whitespace within a line: a quotation's marks are never looked for across a line break. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\u00A0';
    }

    /**
     * Whether a predicted content matches a gold one: they overlap, and the overlap covers at least
     * half of each. Both lists must be in text order without overlapping parts.
     */
    public static boolean matches(List<Span> gold, List<Span> predicted) {
        int overlap = overlap(gold, predicted);
        return overlap > 0 && 2L * overlap >= length(gold) && 2L * overlap >= length(predicted);
    }

    /** The characters two span lists share; each list in text order without overlapping parts. */
    public static int overlap(List<Span> a, List<Span> b) {
        int shared = 0;
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            Span x = a.get(i);
            Span y = b.get(j);
            shared += Math.max(0, Math.min(x.end(), y.end()) - Math.max(x.start(), y.start()));
            if (x.end() <= y.end()) {
                i++;
            } else {
                j++;
            }
        }
        return shared;
    }

    private static int length(List<Span> spans) {
        int n = 0;
        for (Span s : spans) {
            n += s.length();
        }
        return n;
    }

    /** Whether a pair's predicted source is right, as the class comment defines it. */
    static boolean sourceCorrect(GoldAttribution gold, Quotation predicted) {
        Span source = predicted.source();
        if (gold.source().isEmpty()) {
            return source == null;
        }
        if (source == null) {
            return false;
        }
        for (Span s : gold.source()) {
            if (s.overlaps(source)) {
                return true;
            }
        }
        return false;
    }

    private static AttributionScore.Comparison compare(List<GoldAttribution> goldIn, List<Quotation> predicted) {
        List<GoldAttribution> gold = new ArrayList<>(goldIn);
        gold.sort(Comparator.comparing(GoldAttribution::contentExtent).thenComparingInt(GoldAttribution::line));
        int[][] candidates = new int[gold.size()][];
        int[][] overlaps = new int[gold.size()][predicted.size()];
        for (int g = 0; g < gold.size(); g++) {
            List<Integer> c = new ArrayList<>();
            for (int p = 0; p < predicted.size(); p++) {
                overlaps[g][p] = overlap(gold.get(g).content(), predicted.get(p).parts());
                if (matches(gold.get(g).content(), predicted.get(p).parts())) {
                    c.add(p);
                }
            }
            int[] row = overlaps[g];
            GoldAttribution current = gold.get(g);
            // Largest overlap first; among equals, a right source first, so that two attributions
            // of the same words to different speakers are not paired crosswise; then text order.
            c.sort(Comparator.comparingInt((Integer p) -> row[p]).reversed()
                    .thenComparing(p -> !sourceCorrect(current, predicted.get(p))));
            candidates[g] = c.stream().mapToInt(Integer::intValue).toArray();
        }
        int[] goldOf = new int[predicted.size()];
        Arrays.fill(goldOf, -1);
        for (int g = 0; g < gold.size(); g++) {
            augment(g, candidates, goldOf, new boolean[predicted.size()]);
        }
        int[] predictedOf = new int[gold.size()];
        Arrays.fill(predictedOf, -1);
        for (int p = 0; p < goldOf.length; p++) {
            if (goldOf[p] >= 0) {
                predictedOf[goldOf[p]] = p;
            }
        }
        List<AttributionScore.Match> matches = new ArrayList<>();
        List<GoldAttribution> missed = new ArrayList<>();
        for (int g = 0; g < gold.size(); g++) {
            int p = predictedOf[g];
            if (p < 0) {
                missed.add(gold.get(g));
            } else {
                matches.add(new AttributionScore.Match(gold.get(g), predicted.get(p), overlaps[g][p],
                        sourceCorrect(gold.get(g), predicted.get(p))));
            }
        }
        List<Quotation> spurious = new ArrayList<>();
        for (int p = 0; p < predicted.size(); p++) {
            if (goldOf[p] < 0) {
                spurious.add(predicted.get(p));
            }
        }
        return new AttributionScore.Comparison(matches, missed, spurious);
    }

    /** Kuhn's step: finds a prediction for gold {@code g}, moving earlier pairs aside if that frees one. */
    private static boolean augment(int g, int[][] candidates, int[] goldOf, boolean[] seen) {
        for (int p : candidates[g]) {
            if (seen[p]) {
                continue;
            }
            seen[p] = true;
            if (goldOf[p] < 0 || augment(goldOf[p], candidates, goldOf, seen)) {
                goldOf[p] = g;
                return true;
            }
        }
        return false;
    }
}
