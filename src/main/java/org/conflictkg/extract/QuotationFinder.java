package org.conflictkg.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds direct quotations: the words between quote marks, with the attribution written next to
 * them.
 *
 * <p>Needs: sentences (their paragraphs). Adds: quotations of kind {@code DIRECT}, each with its cue,
 * source span and verb when an attribution is written next to it (the speaker is resolved later,
 * by {@link SpeakerResolver}); and, for a sentence given partly in the speaker's words ({@code An
 * economic downturn, he said, "could be a good time to borrow."}), one of kind {@code REPORTED}
 * whose parts are the phrase and the quoted words.
 *
 * <p>The rules:
 * <ul>
 *   <li>Straight and curly double quotes and guillemets pair within a paragraph; whether a mark
 *       opens or closes is read from what touches it (a space before and a letter after open), so a
 *       curly mark typed the wrong way round still pairs. Single quotes count only in short
 *       paragraphs without double marks (headlines and captions), where apostrophes are told apart
 *       by the letters on both sides.
 *   <li>An unbalanced mark never swallows text: a quotation ends with its paragraph, unless the
 *       next paragraph opens with a quote mark, the convention for a quotation running on over
 *       paragraphs.
 *   <li>A quotation split by its attribution, {@code "...," she said. "..."}, is one quotation in
 *       two parts.
 *   <li>Scare quotes and names are not quotations: a quoted phrase after "so-called" or "known
 *       as", and a short one in title case or with no attribution in its sentence.
 * </ul>
 */
public final class QuotationFinder implements ExtractionStage {

    /** Paragraphs at most this long may use single quotes for quotations (headlines, captions). */
    private static final int SHORT_PARAGRAPH = 300;

    /** A quoted phrase of at most this many words needs a reporting verb to count as a quotation. */
    private static final int SHORT_QUOTE_WORDS = 4;

    private static final Pattern NAMING = Pattern.compile(
            "(?i)(?:so-called|so called|known\\s+as|dubbed|termed|nicknamed|named|titled|entitled|code-?named|"
                    + "the\\s+(?:words?|terms?|phrases?|label|slogan|hashtag|name)|labell?ed(?:\\s+as)?|branded(?:\\s+as)?|"
                    + "referred\\s+to\\s+as|what\\s+(?:it|they|he|she)\\s+calls?|calling\\s+(?:itself|themselves)|"
                    + "(?:know|knows|known|refers?|referred|refer\\s+to\\s+\\w+)\\s+(?:it|them|him|her|this|that)?\\s*as(?:\\s+(?:the|a|an))?)\\s*$");

    /** A sentence ending inside an attribution's appositive; titles like "Sen." or "Gov." do not end one. */
    private static final Pattern SENTENCE_BREAK = Pattern.compile(
            "(?<!\\b(?:Sen|Gov|Rep|Mr|Mrs|Ms|Dr|Gen|Col|Lt|Sgt|Capt|Maj|St|Jr|Sr|Prof|Rev|Adm|Cmdr|Pres|U\\.S|\\p{Lu}))[.!?]\\s+\\p{Lu}\\p{Ll}");

    /** After the verb, only a time or place and the sentence's end: "said on Tuesday." */
    private static final Pattern BARE_ATTRIBUTION_END = Pattern.compile(
            "(?:\\s+(?:on|in|at|during|late|early|last|this)(?:\\s+[\\p{L}\\p{N}'’-]+){1,4}|\\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday))?\\s*[.!]");

    private static final Set<String> SMALL_WORDS = Set.of("of", "the", "a", "an", "and", "in", "on", "for", "to", "at", "al", "el", "de");

    @Override
    public String name() {
        return "quotations";
    }

    @Override
    public void process(AnalyzedDocument doc) {
        String text = doc.searchText();
        List<Span> paragraphs = paragraphs(doc);
        List<Pending> found = new ArrayList<>();
        Pending carried = null; // the open parts of a quotation continuing from the previous paragraph
        for (int p = 0; p < paragraphs.size(); p++) {
            Span para = paragraphs.get(p);
            List<Mark> marks = marks(text, para);
            Span next = p + 1 < paragraphs.size() ? paragraphs.get(p + 1) : null;
            carried = pair(text, para, marks, next, carried, found);
        }
        List<Quotation> quotations = new ArrayList<>();
        for (Pending q : mergeSplit(text, found)) {
            Quotation quotation = attribute(doc, q);
            if (quotation == null || !isQuotation(doc, q, quotation)) {
                continue;
            }
            Quotation previous = quotations.isEmpty() ? null : quotations.get(quotations.size() - 1);
            if (previous != null && continuesInNextParagraph(doc, previous, quotation, paragraphs)) {
                Quotation joined = previous;
                for (Span part : quotation.parts()) {
                    joined = joined.withPart(part);
                }
                quotations.set(quotations.size() - 1, joined);
            } else {
                quotations.add(quotation);
            }
        }
        joinRunsOfOneSpeaker(doc, speakerOfTheSentenceGoesOn(doc, quotations)).forEach(doc::addQuotation);
    }

    /**
     * {@code "A," she said, adding, "B."}: a verb whose subject the text leaves out, in the sentence
     * of an attributed quotation just before, is that quotation's speaker's.
     */
    private static List<Quotation> speakerOfTheSentenceGoesOn(AnalyzedDocument doc, List<Quotation> quotations) {
        List<Quotation> out = new ArrayList<>(quotations.size());
        for (Quotation q : quotations) {
            Quotation previous = out.isEmpty() ? null : out.get(out.size() - 1);
            if (previous != null && q.kind() == Quotation.Kind.DIRECT && q.cue() != null && q.source() == null
                    && previous.source() != null && previous.cue() != null) {
                Sentence sentence = doc.sentenceOf(previous.cue());
                if (sentence != null && sentence.span().contains(q.cue().start())) {
                    q = q.attributed(q.cue(), previous.source(), null, null, null, null, q.reportingVerb());
                }
            }
            out.add(q);
        }
        return out;
    }

    /** How much narration may stand between two pieces of one speaker's quotation in a paragraph. */
    private static final int MAX_NARRATION_BETWEEN = 300;

    /**
     * {@code "A," said Jane Roe, who noted that ... . "B."}: a quotation with no attribution of its
     * own, in the paragraph of an attributed one and with no other actor named between them, goes
     * on the attributed one's words, as a quotation split by its attribution does. It becomes a
     * further part of that quotation rather than a quotation of its own whose speaker is inferred.
     */
    private static List<Quotation> joinRunsOfOneSpeaker(AnalyzedDocument doc, List<Quotation> quotations) {
        String text = doc.searchText();
        List<Quotation> out = new ArrayList<>();
        for (Quotation q : quotations) {
            Quotation previous = out.isEmpty() ? null : out.get(out.size() - 1);
            if (previous != null && previous.source() != null && q.source() == null && q.cue() == null
                    && !Character.isLowerCase(text.charAt(q.extent().start()))) {
                int from = previous.extent().end();
                int to = q.extent().start();
                int lineBreak = text.indexOf('\n', from);
                if (from < to && to - from <= MAX_NARRATION_BETWEEN && (lineBreak < 0 || lineBreak >= to)
                        && !namesAnotherActor(doc, new Span(from, to), previous)) {
                    Quotation joined = previous;
                    for (Span part : q.parts()) {
                        joined = joined.withPart(part);
                    }
                    out.set(out.size() - 1, joined);
                    continue;
                }
            }
            out.add(q);
        }
        return out;
    }

    private static boolean namesAnotherActor(AnalyzedDocument doc, Span between, Quotation previous) {
        Span source = previous.source();
        // The attribution's own sentence may name others, as its addressee or the speaker's
        // affiliation ("Sanders told CNN's ...", "said Jane Roe, an adviser to the Syrian National
        // Army."): they do not speak. Only a later sentence's actor may take the words over.
        Sentence attribution = previous.cue() == null ? null : doc.sentenceOf(previous.cue());
        if (attribution != null && ReportingVerbs.next(doc.searchText(), previous.cue().end(), between.end()) != null) {
            attribution = null; // ", adding that the mayor ...": a report of its own, whose people may speak next
        }
        for (Mention m : doc.mentionsIn(between)) {
            if (m.kind().isActor() && !m.span().overlaps(source)
                    && (attribution == null || !attribution.span().contains(m.span().start()))) {
                return true;
            }
        }
        // A sentence of the narration with a subject of its own: "Jane Roe, a nurse, disagreed."
        String text = doc.searchText();
        int p = between.start();
        while (p < between.end()) {
            Sentence s = doc.sentenceOf(new Span(p, p + 1));
            if (s == null) {
                p++;
                continue;
            }
            // A sentence of the narration, not the one the next quotation opens ("That would ..."):
            // its subject would be words of the quotation itself.
            boolean opensTheQuotation = s.span().end() >= between.end() && between.end() - s.span().start() <= 2;
            if (s.span().start() > between.start() && !opensTheQuotation) {
                Span subject = Attributions.sentenceSubject(doc, s.span());
                if (subject != null && !subject.overlaps(source) && !Attributions.isPronoun(subject.of(text))
                        && !subject.of(text).equals(source.of(text))) {
                    return true;
                }
            }
            p = s.span().end();
        }
        return false;
    }

    /**
     * True when {@code next} is a paragraph of nothing but quoted words, with no attribution, right
     * after a paragraph that ends with the attributed quotation {@code previous}: the speaker goes
     * on, and it is one quotation, as when a quotation runs over paragraphs.
     */
    private static boolean continuesInNextParagraph(AnalyzedDocument doc, Quotation previous, Quotation next, List<Span> paragraphs) {
        if (next.source() != null || next.cue() != null || previous.source() == null || previous.kind() != Quotation.Kind.DIRECT) {
            return false;
        }
        Sentence a = doc.sentenceOf(new Span(previous.extent().end() - 1, previous.extent().end()));
        Sentence b = doc.sentenceOf(new Span(next.extent().start(), next.extent().start() + 1));
        if (a == null || b == null || b.paragraph() != a.paragraph() + 1) {
            return false;
        }
        Span nextParagraph = null;
        Span previousParagraph = null;
        for (Span p : paragraphs) {
            if (p.contains(next.extent().start())) {
                nextParagraph = p;
            }
            if (p.contains(previous.extent().end() - 1)) {
                previousParagraph = p;
            }
        }
        if (nextParagraph == null || previousParagraph == null) {
            return false;
        }
        String text = doc.searchText();
        // The new paragraph is the quotation, marks and final punctuation aside ...
        boolean whole = next.extent().start() - nextParagraph.start() <= 2 && nextParagraph.end() - next.extent().end() <= 3;
        // ... and the previous one ended with the quotation and its attribution, nothing more.
        String after = text.substring(previous.extent().end(), previousParagraph.end());
        return whole && after.length() <= 200 && !SENTENCE_BREAK.matcher(after.substring(Math.min(after.length(), 3))).find();
    }

    /** A quotation being assembled: its parts and the marks around its last part. */
    private record Pending(List<Span> parts, int open, int close, Attributions.Attribution between) {
        Pending(List<Span> parts, int open, int close) {
            this(parts, open, close, null);
        }
    }

    /** A quote mark: where it starts, how many characters it takes ({@code ''} is one mark of two). */
    private record Mark(int at, int width, boolean canOpen, boolean canClose, boolean single) {}

    /** The paragraphs of the body: each run of sentences with one paragraph index. */
    static List<Span> paragraphs(AnalyzedDocument doc) {
        List<Span> out = new ArrayList<>();
        int index = -1;
        int start = 0;
        int end = 0;
        for (Sentence s : doc.sentences()) {
            if (s.paragraph() != index) {
                if (index >= 0) {
                    out.add(new Span(start, end));
                }
                index = s.paragraph();
                start = s.span().start();
            }
            end = s.span().end();
        }
        if (index >= 0) {
            out.add(new Span(start, end));
        }
        return out;
    }

    /** A mark after a space and before one space and a word: it can only open. */
    private static boolean spacedOpening(String text, Span para, int i, int width) {
        int next = i + width;
        return (i == para.start() || Character.isWhitespace(text.charAt(i - 1))) && next + 1 < para.end()
                && text.charAt(next) == ' ' && Character.isLetterOrDigit(text.charAt(next + 1));
    }

    /** The quote marks of a paragraph, each with whether it can open or close by what touches it. */
    private static List<Mark> marks(String text, Span para) {
        List<Mark> marks = new ArrayList<>();
        boolean hasDouble = false;
        for (int i = para.start(); i < para.end(); i++) {
            char c = text.charAt(i);
            // Two apostrophes or two backquotes stand for a double mark in some newsrooms' text.
            int width = (c == '\'' || c == '`') && i + 1 < para.end() && text.charAt(i + 1) == c ? 2 : 1;
            if (width == 2 && i + 2 < para.end() && text.charAt(i + 2) == c && i > para.start()
                    && !Character.isWhitespace(text.charAt(i - 1))) {
                i++; // ",'''": a single mark closes first, then the double one
            }
            if (width == 2) {
                c = '"';
            }
            if (c == '"' || c == '“' || c == '”' || c == '„' || c == '«' || c == '»') {
                hasDouble = true;
                char before = i > para.start() ? text.charAt(i - 1) : ' ';
                char after = i + width < para.end() ? text.charAt(i + width) : ' ';
                boolean left = !Character.isWhitespace(after) && (Character.isWhitespace(before) || isOpeningContext(before));
                boolean right = !Character.isWhitespace(before) && (Character.isWhitespace(after) || isClosingContext(after));
                if (c == '"' && Character.isWhitespace(before) && Character.isWhitespace(after) && i - 2 >= para.start()
                        && ",.!?'’".indexOf(text.charAt(i - 2)) >= 0) {
                    right = true; // 'doing this, " Trump said', 'the term 'outreach,' " he said': a closing mark typed after a space
                }
                boolean open = switch (c) {
                    // '“ You know, ...': an opening curly mark typed before a space still opens.
                    case '“', '„', '«' -> (!Character.isWhitespace(after) || spacedOpening(text, para, i, width)) && !(right && !left);
                    case '”', '»' -> left && !right;
                    default -> left && !right;
                };
                boolean close = switch (c) {
                    case '”', '»' -> !Character.isWhitespace(before) && !(left && !right);
                    case '“', '„', '«' -> right && !left;
                    default -> right && !left;
                };
                if (open || close) {
                    marks.add(new Mark(i, width, open, close, false));
                }
                i += width - 1;
            }
        }
        if (hasDouble || para.length() > SHORT_PARAGRAPH) {
            return marks;
        }
        for (int i = para.start(); i < para.end(); i++) {
            char c = text.charAt(i);
            if (c == '\'' || c == '‘' || c == '’') {
                char before = i > para.start() ? text.charAt(i - 1) : ' ';
                char after = i + 1 < para.end() ? text.charAt(i + 1) : ' ';
                boolean open = (c != '’') && Character.isLetterOrDigit(after) && (Character.isWhitespace(before) || before == ':' || i == para.start());
                boolean close = (c != '‘') && !Character.isWhitespace(before) && !Character.isLetterOrDigit(after)
                        && Character.isLetter(before) | before == '.' | before == '!' | before == '?' | before == ',';
                if (open || close) {
                    marks.add(new Mark(i, 1, open, close, true));
                }
            }
        }
        return marks;
    }

    private static boolean isOpeningContext(char c) {
        return c == '(' || c == '[' || c == '—' || c == '–' || c == '-' || c == '/' || c == ':' || c == '\'' || c == '‘';
    }

    private static boolean isClosingContext(char c) {
        return ".,;:!?)]—–-…'’".indexOf(c) >= 0;
    }

    /**
     * Pairs the marks of one paragraph into quotations. Returns the open part to carry into the
     * next paragraph when this one ends inside a quotation and the next opens with a mark.
     */
    private static Pending pair(String text, Span para, List<Mark> marks, Span next, Pending carried, List<Pending> found) {
        List<Span> prefix = new ArrayList<>();
        int prefixOpen = -1; // the mark that opened the carried parts, in an earlier paragraph
        if (carried != null) {
            prefix.addAll(carried.parts());
            prefixOpen = carried.open();
        }
        Mark open = null;
        Mark nested = null; // a quotation of the other style inside the open one: “... "inner" ...”
        boolean firstMark = true;
        for (Mark m : marks) {
            if (nested != null) {
                if (m.canClose() && m.single() == nested.single() && straight(text, m) == straight(text, nested)) {
                    nested = null;
                    firstMark = false;
                    continue;
                }
                if (!(m.canClose() && m.single() == open.single())) {
                    firstMark = false;
                    continue;
                }
                nested = null; // the outer quotation closes: the inner one was never closed
            }
            if (open == null) {
                if (m.canOpen()) {
                    open = m;
                    if (!firstMark || m.at() > para.start()) {
                        prefix.clear(); // text before the mark: the carried quotation did not continue here
                        prefixOpen = -1;
                    }
                }
            } else if (m.canClose() && m.single() == open.single()) {
                Span content = content(text, open.at() + open.width(), m.at());
                if (content != null) {
                    List<Span> parts = new ArrayList<>(prefix);
                    parts.add(content);
                    found.add(new Pending(parts, prefix.isEmpty() ? open.at() : prefixOpen, m.at() + m.width() - 1));
                }
                prefix.clear();
                prefixOpen = -1;
                open = null;
            } else if (m.canOpen() && m.single() == open.single() && open.at() == para.start()
                    && straight(text, m) != straight(text, open) && closesLater(text, marks, m)) {
                // Only in a quoted paragraph: in running text a mark of the other style is more
                // often a stray than a quotation inside a quotation.
                nested = m;
            } else if (m.canOpen() && m.single() == open.single()) {
                open = m; // the earlier mark never closed: it was stray
                prefix.clear();
                prefixOpen = -1;
            }
            firstMark = false;
        }
        if (carried != null && marks.isEmpty()) {
            prefix.clear();
        }
        if (open == null) {
            return null;
        }
        Span tail = content(text, open.at() + open.width(), para.end());
        if (tail == null) {
            return null;
        }
        List<Span> parts = new ArrayList<>(prefix);
        parts.add(tail);
        Pending unclosed = new Pending(parts, prefix.isEmpty() ? open.at() : prefixOpen, para.end());
        boolean newSpeakerTurn = attributedOnItsOwn(text, next) && openedAfterAnAttribution(text, para, open, found);
        if (next != null && isOpener(text.charAt(next.start())) && !newSpeakerTurn) {
            return unclosed; // the next paragraph opens with a mark: the quotation goes on there
        }
        found.add(unclosed);
        return null;
    }

    /**
     * True when the open quotation follows, in its paragraph, a quotation and its attribution
     * ({@code "A," she said. "B ...}): the paragraph already says whose words they are.
     */
    private static boolean openedAfterAnAttribution(String text, Span para, Mark open, List<Pending> found) {
        if (found.isEmpty()) {
            return false;
        }
        Pending last = found.get(found.size() - 1);
        return last.close() >= para.start() && last.close() < open.at()
                && Attributions.afterQuote(text, last.close() + 1, open.at()) != null;
    }

    /**
     * True when the paragraph's opening quotation hands over to an attribution of its own ({@code
     * "...," she said.}). After a paragraph left open that already gave its speaker, a new
     * quotation begins there; after one that did not, it is the quotation's last paragraph, and
     * its attribution is the whole quotation's.
     */
    private static boolean attributedOnItsOwn(String text, Span para) {
        if (para == null) {
            return false;
        }
        List<Mark> marks = marks(text, para);
        if (marks.size() < 2 || marks.get(0).at() != para.start()) {
            return false;
        }
        Mark open = marks.get(0);
        for (int i = 1; i < marks.size(); i++) {
            Mark m = marks.get(i);
            if (m.canClose() && m.single() == open.single()) {
                return endsWithComma(text, m.at(), m.at() + m.width() - 1)
                        && Attributions.afterQuote(text, m.at() + m.width(), lineEnd(text, m.at())) != null;
            }
        }
        return false;
    }

    /** Whether a double mark is typed straight ({@code "}, {@code ''}) rather than typographic ({@code “ ” « »}). */
    private static boolean straight(String text, Mark m) {
        char c = text.charAt(m.at());
        return c == '"' || c == '\'' || c == '`';
    }

    /** True when a mark of {@code opener}'s style after it can close it, within the paragraph. */
    private static boolean closesLater(String text, List<Mark> marks, Mark opener) {
        boolean style = straight(text, opener);
        for (Mark m : marks) {
            if (m.at() > opener.at() && m.canClose() && m.single() == opener.single() && straight(text, m) == style) {
                return true;
            }
        }
        return false;
    }

    private static boolean isOpener(char c) {
        return c == '"' || c == '“' || c == '«' || c == '„' || c == '‘' || c == '\'';
    }

    /** The content between two marks, trimmed of spaces and of the comma that hands over to the attribution. */
    private static Span content(String text, int s, int e) {
        while (s < e && Character.isWhitespace(text.charAt(s))) {
            s++;
        }
        while (e > s && (Character.isWhitespace(text.charAt(e - 1)) || text.charAt(e - 1) == ',')) {
            e--;
        }
        return e > s ? new Span(s, e) : null;
    }

    /**
     * Joins {@code "...," she said. "..."} into one quotation: a quotation ending with a comma and
     * followed, in the same paragraph, by an attribution and then another quotation with none.
     */
    private static List<Pending> mergeSplit(String text, List<Pending> found) {
        List<Pending> out = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            Pending q = found.get(i);
            while (i + 1 < found.size()) {
                Pending n = found.get(i + 1);
                Span last = q.parts().get(q.parts().size() - 1);
                boolean handsOver = endsWithComma(text, last.end(), q.close());
                if (!handsOver || n.open() <= q.close() || text.substring(q.close(), n.open()).indexOf('\n') >= 0) {
                    break;
                }
                int gapEnd = n.open();
                Attributions.Attribution between = Attributions.afterQuote(text, q.close() + 1, gapEnd);
                if (between == null || !onlyAttribution(text, between, gapEnd)) {
                    break;
                }
                if (!endsClause(text, n.close())) {
                    break; // the second quotation is a phrase inside a sentence of the article's own
                }
                Attributions.Attribution own = n.close() + 1 < text.length() && !endsSentence(text, n)
                        ? Attributions.afterQuote(text, n.close() + 1, lineEnd(text, n.close())) : null;
                if (own != null) {
                    break; // "...," he said. "...," he added: two quotations
                }
                List<Span> parts = new ArrayList<>(q.parts());
                parts.addAll(n.parts());
                q = new Pending(parts, q.open(), n.close(), q.between() != null ? q.between() : between);
                i++;
            }
            out.add(q);
        }
        return out;
    }

    /**
     * True when the quotation ends its sentence ({@code ...for him."} followed by a capital): what
     * comes next is a new sentence, not its attribution.
     */
    private static boolean endsSentence(String text, Pending q) {
        Span last = q.parts().get(q.parts().size() - 1);
        if (last.end() == 0 || text.charAt(last.end() - 1) != '.') {
            return false;
        }
        int i = q.close() + 1;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i < text.length() && Character.isUpperCase(text.charAt(i));
    }

    /** True when nothing but punctuation or the paragraph's end follows the closing mark. */
    private static boolean endsClause(String text, int close) {
        int i = close + 1;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i >= text.length() || !Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '\n'
                || Character.isUpperCase(text.charAt(i));
    }

    /** True when the quotation hands over to its attribution: it ends with a comma, "?" or "!", not a period. */
    private static boolean endsWithComma(String text, int contentEnd, int close) {
        for (int i = Math.max(0, contentEnd - 1); i < close; i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '?' || c == '!' || c == '—') {
                return true;
            }
        }
        return close + 1 < text.length() && text.charAt(close + 1) == ',';
    }

    /** True when nothing but the attribution and its role stands between the two parts. */
    private static boolean onlyAttribution(String text, Attributions.Attribution a, int gapEnd) {
        int from = Math.max(a.cue() == null ? 0 : a.cue().end(), a.source() == null ? 0 : a.source().end());
        if (from >= gapEnd) {
            return true;
        }
        String rest = text.substring(from, gapEnd).strip();
        if (!rest.isEmpty() && Character.isLetterOrDigit(rest.charAt(rest.length() - 1))) {
            return false; // ', adding that "...', 'on NBC's "...': the next quoted words belong to a clause of their own
        }
        if (ADDING.matcher(rest).find()) {
            return false; // '"...," she said, adding: "..."': a second statement, with its own verb
        }
        // Only the attribution and its appositive: no second sentence of the article's own between.
        return rest.length() < 300 && rest.chars().noneMatch(c -> c == '"' || c == '“' || c == '”')
                && !SENTENCE_BREAK.matcher(text).region(from, gapEnd).useTransparentBounds(true).find();
    }

    private static final Pattern ADDING = Pattern.compile("\\b(?:adding|continuing|going on to say|before adding)\\s*[,:]?\\s*$");

    /** Scare quotes and names are not quotations of anyone. */
    private static boolean isQuotation(AnalyzedDocument doc, Pending q, Quotation attributed) {
        String text = doc.searchText();
        Span first = q.parts().get(0);
        String words = q.parts().size() == 1 ? first.of(text) : null;
        if (words == null) {
            return true;
        }
        int wordCount = words.strip().split("\\s+").length;
        boolean afterSpeech = introducedBySpeech(text, q.open());
        if (attributed.source() == null && !standsAlone(doc, q) && !afterSpeech) {
            return false; // a phrase quoted inside the article's own sentence, with no one to say it
        }
        String before = text.substring(Math.max(0, q.open() - 40), q.open());
        if (NAMING.matcher(before).find()) {
            return false;
        }
        if (Character.isLowerCase(text.charAt(first.start())) && !colonOrDashBefore(text, q.open()) && !afterSpeech) {
            // 'the report "wasn't good."', 'which he called "an evil act."': words opening in lower
            // case right after the article's own words carry on its sentence: a partial quotation,
            // which the reported-speech stage records with the sentence.
            return false;
        }
        if (insideNarration(text, first, attributed)) {
            return false;
        }
        if (wordCount > SHORT_QUOTE_WORDS) {
            return true;
        }
        boolean spoken = attributed.source() != null && endsUtterance(text, q)
                && (afterSpeech || attributed.cue() != null && attributed.cue().start() > q.close());
        if (isTitleCase(words) && !spoken) {
            return false; // a title or a name ("Meet the Press"), unless someone says it as a sentence: "Probably."
        }
        // A short phrase is somebody's words only when the text says whose.
        return attributed.source() != null;
    }

    /**
     * True when the quoted words are a phrase of a sentence the article writes, not a quotation
     * standing for itself: the sentence goes on after the closing mark with no attribution there
     * ({@code he declared "a total disaster" for his party}), or the opening mark follows a word
     * that is not the attribution's cue ({@code dismissed it as "absurd."}, {@code showed
     * "intent"}). Such words belong to the reported speech around them, as PARC-style annotation
     * has it (a "mixed" attribution), and are left to the reported-speech stage. {@code text} is the
     * search text, whose spaces of every kind are plain spaces.
     */
    private static boolean insideNarration(String text, Span content, Quotation attributed) {
        Span cue = attributed.cue();
        boolean cueAfter = cue != null && cue.start() >= content.end();
        int after = content.end();
        while (after < text.length() && (".,!?;:…".indexOf(text.charAt(after)) >= 0 || Attributions.isQuoteMark(text.charAt(after)))) {
            after++;
        }
        boolean commaAfter = text.indexOf(',', content.end()) >= 0 && text.indexOf(',', content.end()) < after;
        while (after < text.length() && text.charAt(after) == ' ') {
            after++;
        }
        boolean sentenceGoesOn = after < text.length() && after > content.end() && Character.isLowerCase(text.charAt(after))
                && text.charAt(after - 1) != '\n';
        int before = content.start() - 1;
        while (before >= 0 && Attributions.isQuoteMark(text.charAt(before))) {
            before--;
        }
        while (before >= 0 && text.charAt(before) == ' ') {
            before--;
        }
        boolean afterCue = cue != null && cue.end() <= before + 1 && cue.end() >= before - 12;
        // 'The crowd chanted, "Lock her up!" as they had before.': words closed by their own final
        // mark right after the cue are an utterance, even where the article's sentence goes on.
        boolean utterance = afterCue && content.end() > content.start() && ".!?".indexOf(text.charAt(content.end() - 1)) >= 0;
        if (!cueAfter && !commaAfter && sentenceGoesOn && !utterance) {
            return true;
        }
        return before >= 0 && Character.isLowerCase(text.charAt(before)) && !afterCue;
    }

    /** True when the quotation opens its sentence (or its paragraph): it is not a phrase inside one. */
    private static boolean standsAlone(AnalyzedDocument doc, Pending q) {
        Sentence s = doc.sentenceOf(new Span(q.open(), q.open() + 1));
        if (s == null) {
            return true;
        }
        String before = doc.text().substring(s.span().start(), q.open()).strip();
        return before.isEmpty() || before.endsWith(":") || before.endsWith("(");
    }

    /** Right after a verb of speech and a comma or colon ("... and later said, "...""): said, by someone the text does not name plainly. */
    private static final Pattern SPEECH_THEN_MARK = Pattern.compile("\\s*[,:]?\\s*");

    private static boolean introducedBySpeech(String text, int open) {
        ReportingVerbs.Cue cue = ReportingVerbs.last(text, Math.max(0, open - 40), open);
        return cue != null && ReportingVerbs.isSpeech(cue.base()) && !bareNoun(text, cue)
                && SPEECH_THEN_MARK.matcher(text).region(cue.span().end(), open).matches();
    }

    /** After an infinitive or a modal, or in the past tense, "say", "report" and "post" are verbs; else the base form may be a noun ("the report"). */
    private static final Pattern BEFORE_BARE_VERB = Pattern.compile("\\b(?:to|will|would|can|could|should|must|may|might|did|do|does|I|we|you|they)\\s+$");

    private static boolean bareNoun(String text, ReportingVerbs.Cue cue) {
        if (!cue.span().of(text).equals(cue.base())) {
            return false;
        }
        return !BEFORE_BARE_VERB.matcher(text).region(Math.max(0, cue.span().start() - 12), cue.span().start()).find();
    }

    /** True when the quoted words close with a sentence's final mark inside the quote marks: "Probably." / "No!" */
    private static boolean endsUtterance(String text, Pending q) {
        Span last = q.parts().get(q.parts().size() - 1);
        int i = q.close() - 1;
        while (i >= last.start() && Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        if (i >= last.start() && ".!?".indexOf(text.charAt(i)) >= 0) {
            return true;
        }
        // '"Absolutely," he said': a comma handing over to the attribution that follows.
        int after = q.close() + 1;
        while (after < text.length() && (text.charAt(after) == ',' || Attributions.isQuoteMark(text.charAt(after)))) {
            after++;
        }
        boolean commaInside = i >= last.start() && text.charAt(i) == ',' || after > q.close() + 1 && text.charAt(after - 1) == ',';
        return commaInside && Attributions.afterQuote(text, after, lineEnd(text, after)) != null;
    }

    private static boolean isTitleCase(String words) {
        boolean any = false;
        for (String w : words.split("[\\s-]+")) {
            String bare = w.replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$", "");
            if (bare.isEmpty() || SMALL_WORDS.contains(bare.toLowerCase(Locale.ROOT))) {
                continue;
            }
            if (!Character.isUpperCase(bare.codePointAt(0)) && !Character.isDigit(bare.codePointAt(0))) {
                return false;
            }
            any = true;
        }
        return any;
    }

    /**
     * The quotation with the attribution written next to it: after its close, else before its open.
     * Null when the quotation is a phrase inside reported speech rather than a quotation of its own.
     */
    private static Quotation attribute(AnalyzedDocument doc, Pending q) {
        String text = doc.searchText();
        Quotation quotation = Quotation.unattributed(Quotation.Kind.DIRECT, q.parts());
        int limit = lineEnd(text, q.close());
        Attributions.Attribution a = q.between();
        if (a == null && q.close() < text.length() && endsSentence(text, q)) {
            // '"We will win." Trump said.': a sentence of nothing but subject and verb still attributes.
            Attributions.Attribution next = Attributions.afterQuote(text, q.close() + 1, limit);
            if (next != null && next.cue() != null && BARE_ATTRIBUTION_END.matcher(text).region(next.cue().end(), limit).lookingAt()) {
                a = next;
            }
        }
        if (a == null && q.close() < text.length() && !endsSentence(text, q)) {
            a = Attributions.afterQuote(text, q.close() + 1, limit);
            if (a != null && !standsAlone(doc, q) && !colonOrDashBefore(text, q.open())) {
                // 'This is a "raw time," Jane Roe said.': the quoted words are a phrase of the
                // reported sentence, which the reported-speech stage records whole.
                return null;
            }
            Sentence closing = doc.sentenceOf(new Span(q.close(), q.close() + 1));
            if (a == null && closing != null && q.close() + 1 < closing.span().end()) {
                a = Attributions.trailing(text, q.close() + 1, closing.span().end());
            }
        }
        if (a == null) {
            Sentence opening = doc.sentenceOf(new Span(q.open(), q.open() + 1));
            int lo = opening != null ? opening.span().start() : lineStart(text, q.open());
            if (introducedByThat(text, lo, q.open())) {
                // "She said that "..."": the quoted words are the content of a report, which the
                // reported-speech stage records whole, marks included.
                return null;
            }
            a = Attributions.beforeQuote(text, lo, q.open());
            Quotation mixed = a == null ? null : mixed(text, lo, q, a);
            if (mixed != null) {
                return mixed;
            }
            if (a == null && opening != null && opening.span().start() == q.open()) {
                a = colonBefore(doc, opening);
            }
            if (a == null && opening != null) {
                a = Attributions.participleBefore(doc, opening.span(), q.open());
            }
            int colon = colonBefore(text, lo, q.open());
            if (a == null && opening != null && colon >= 0) {
                a = Attributions.colonClause(doc, opening.span(), colon);
            }
            if (a == null && opening != null && Attributions.cueIn(text, Math.max(opening.span().start(), q.open() - 300), q.open()) != null) {
                // "She said the plan was "a trap."": words quoted inside reported speech are part of
                // that statement, which the reported-speech stage records whole. (Recording them as
                // quotations too cost 0.11 of direct F1 on PolNeAR train: most are not annotated so.)
                return null;
            }
        }
        return a == null ? quotation : quotation.attributed(a.cue(), a.source(), null, null, null, null, a.verb());
    }

    /**
     * {@code An economic downturn, he said, "could be a good time to borrow."}: quoted words that
     * open in lower case after an attribution set off from a phrase before it carry on that phrase.
     * The sentence is the speaker's, given partly in the speaker's words (a "mixed" attribution):
     * one reported statement of the phrase and the quoted words. Null for any other shape.
     */
    private static Quotation mixed(String text, int sentenceStart, Pending q, Attributions.Attribution a) {
        Span first = q.parts().get(0);
        if (a.source() == null || a.source().start() <= sentenceStart || !Character.isLowerCase(text.charAt(first.start()))) {
            return null;
        }
        int end = a.source().start();
        while (end > sentenceStart && text.charAt(end - 1) == ' ') {
            end--;
        }
        if (end <= sentenceStart || text.charAt(end - 1) != ',') {
            return null;
        }
        for (int i = sentenceStart; i < end; i++) {
            if (Attributions.isQuoteMark(text.charAt(i))) {
                return null;
            }
        }
        Span phrase = content(text, sentenceStart, end - 1);
        if (phrase == null) {
            return null;
        }
        String[] words = phrase.of(text).split("\\s+");
        if (words.length < 2) {
            return null; // "But, she said, "we ..."", "Still, he added, "it ..."": a conjunction frames, it says nothing
        }
        List<Span> parts = new ArrayList<>();
        parts.add(phrase);
        parts.addAll(q.parts());
        return new Quotation(Quotation.Kind.REPORTED, parts, a.cue(), a.source(), null, null, null, null, a.verb());
    }

    private static boolean colonOrDashBefore(String text, int open) {
        int i = open;
        while (i > 0 && text.charAt(i - 1) == ' ') {
            i--;
        }
        return i > 0 && (text.charAt(i - 1) == ':' || text.charAt(i - 1) == '—' || text.charAt(i - 1) == ',');
    }

    private static boolean introducedByThat(String text, int lo, int open) {
        int i = open;
        while (i > lo && text.charAt(i - 1) == ' ') {
            i--;
        }
        return i - 4 >= lo && text.startsWith("that", i - 4) && (i - 4 == lo || !Character.isLetter(text.charAt(i - 5)));
    }

    /** {@code He said:} closing the paragraph before a paragraph that opens with the quotation. */
    private static Attributions.Attribution colonBefore(AnalyzedDocument doc, Sentence opening) {
        int i = doc.sentences().indexOf(opening);
        if (i <= 0) {
            return null;
        }
        Sentence prev = doc.sentences().get(i - 1);
        String text = doc.searchText();
        int end = prev.span().end();
        while (end > prev.span().start() && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (prev.paragraph() != opening.paragraph() - 1 || end == prev.span().start() || text.charAt(end - 1) != ':') {
            return null;
        }
        Attributions.Attribution a = Attributions.beforeQuote(text, prev.span().start(), end);
        return a != null ? a : Attributions.colonClause(doc, prev.span(), end - 1);
    }

    /** The colon that closes the text right before an opening mark at {@code open}, or -1. */
    private static int colonBefore(String text, int lo, int open) {
        int i = open;
        while (i > lo && text.charAt(i - 1) == ' ') {
            i--;
        }
        return i > lo && text.charAt(i - 1) == ':' ? i - 1 : -1;
    }

    private static int lineEnd(String text, int from) {
        int e = text.indexOf('\n', from);
        return e < 0 ? text.length() : e;
    }

    private static int lineStart(String text, int from) {
        int s = text.lastIndexOf('\n', from);
        return s < 0 ? 0 : s + 1;
    }
}
