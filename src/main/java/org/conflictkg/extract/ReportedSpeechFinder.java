package org.conflictkg.extract;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds reported (indirect) speech: "X said that ...", "X told Reuters ...", "..., X said.",
 * "According to X, ...", "X did not disclose ...".
 *
 * <p>Needs: sentences, direct quotations (a clause that is itself a quotation is not reported
 * again, and reporting verbs inside a quotation are the speaker's words, not the article's).
 * Adds: quotations of kind {@code REPORTED}, each with its cue, the speaker as written and the
 * verb's base form; the content is the reported clause, within one sentence.
 */
public final class ReportedSpeechFinder implements ExtractionStage {

    private static final Pattern NEGATED = Pattern.compile(
            "\\b(?:did\\s+not|didn[’']t|does\\s+not|doesn[’']t|would\\s+not|wouldn[’']t|could\\s+not|declined\\s+to|refused\\s+to)\\s+"
                    + "(say|disclose|specify|elaborate\\s+on|comment\\s+on|reveal|confirm|name|identify|explain)\\b");

    private static final Pattern ACCORDING_FIRST = Pattern.compile("^(According\\s+to)\\s+([^,]{1,100}?),\\s+");
    private static final Pattern ACCORDING_LAST = Pattern.compile(",\\s+(according\\s+to)\\s+([^,]{1,100}?)[.!?]?[\"”’]?$");

    /** Words after the verb that end its content before it began: "said on Monday", "said in a statement". */
    private static final Pattern ADJUNCT = Pattern.compile(
            "^\\s+(?:(?:on|in|at|during|late|early|last|this|earlier|later|via|through|over|from)\\s+(?:[\\p{L}\\p{N}'’-]+\\s+){0,4}?"
                    + "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|day|week|weekend|month|year|night|morning|afternoon|"
                    + "evening|statement|interview|briefing|conference|speech|tweet|post|message|video|broadcast|Twitter|X|Facebook|"
                    + "Telegram|television|TV|radio|letter|report|email|call|session|hearing|meeting|appearance|address|remarks)"
                    + "|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\\s+(?:morning|afternoon|evening|night))?"
                    + "|(?:on|in)\\s+\\p{Lu}[\\p{L}.'’-]*(?:\\s+\\p{Lu}[\\p{L}.'’-]*){0,3}|late|earlier|later|yesterday|today|repeatedly|publicly|privately|again)\\b");

    /** What may be told: an addressee with no capital ("reporters") or a short capitalised name. */
    private static final Pattern ADDRESSEE = Pattern.compile(
            "^\\s+((?:reporters|journalists|lawmakers|parliament|the\\s+(?:[\\p{L}.'’-]+\\s+){0,3}?[\\p{L}.'’-]+?|a\\s+[\\p{L}'’-]+(?:\\s+[\\p{L}'’-]+)?|"
                    + "him|her|them|us|me|(?:\\p{Lu}[\\p{L}.'’&-]*)(?:\\s+(?:of\\s+|the\\s+)?\\p{Lu}[\\p{L}.'’&-]*){0,4}))(?=[\\s,.:;]|$)");

    /** "that" a few words after the verb: "said on Monday that", "says at a stop in Toledo, Ohio, that". */
    private static final Pattern THAT = Pattern.compile("^((?:\\s+[^\\s,;:\"“”.!?]+){0,4}?"
            + "|,?\\s+(?:at|in|on|during|after|before|to|with|from|via|through|over)\\b(?:,?\\s+[^\\s,;:\"“”.!?]+){0,10}?,)\\s+that\\s+");

    /** What the article goes on with after a report: "..., officials said, as they ...". */
    private static final Pattern CONTINUATION = Pattern.compile(
            "^,\\s*(?:as|while|after|before|because|when|but|and|adding|saying|noting|citing|calling|according|though|although|which|in)\\b");

    /** Words that cannot begin the content of a bare clause: "said to be", "said of the plan". */
    private static final Set<String> NOT_CLAUSE_START = Set.of(
            "to", "of", "for", "with", "about", "by", "so", "nothing", "little", "much", "something", "anything", "yes",
            "goodbye", "hello", "sorry", "thanks", "as", "in", "on", "at", "from", "into", "during", "and", "but", "or", "if",
            "when", "while", "after", "before", "because", "up", "out", "down", "off", "over", "back", "so-called");

    /** Longer runs without a sentence break are not prose; skipping them keeps the stage linear. */
    static final int MAX_SENTENCE = 2_000;

    @Override
    public String name() {
        return "reported-speech";
    }

    @Override
    public void process(AnalyzedDocument doc) {
        String text = doc.searchText();
        List<Quotation> direct = List.copyOf(doc.quotations());
        for (Sentence sentence : doc.sentences()) {
            Span s = trimEnd(text, sentence.span());
            if (s.length() < 12 || s.length() > MAX_SENTENCE) {
                continue; // a "sentence" of thousands of characters is a list or a table, not reported speech
            }
            Matcher neg = NEGATED.matcher(text).region(s.start(), s.end());
            while (mayNegate(text, s) && neg.find()) {
                Span subject = Attributions.subjectBefore(text, s.start(), neg.start());
                Span content = content(text, neg.end(), s.end());
                if (subject != null && content != null) {
                    add(doc, direct, new Span(neg.start(), neg.end()), subject, base(neg.group(1)), content);
                }
            }
            if (according(doc, direct, s)) {
                continue;
            }
            for (ReportingVerbs.Cue c = ReportingVerbs.next(text, s.start(), s.end()); c != null;
                 c = ReportingVerbs.next(text, c.span().end(), s.end())) {
                if (!insideDirect(direct, c.span().start()) && !cueOfDirect(direct, c.span())) {
                    reportAt(doc, direct, s, c.span(), c.base());
                }
            }
        }
        transcriptTurns(doc, direct);
    }

    /** {@code SPEAKER: words} opening a paragraph: an interview transcript's turn, or a headline's. */
    private static final Pattern TURN = Pattern.compile("^[\"“]?(\\p{Lu}[\\p{Lu}.'’ -]{1,30}|\\p{Lu}[\\p{L}.'’-]+(?:\\s+\\p{Lu}[\\p{L}.'’-]+){0,3}):\\s+(?=\\S)");

    private void transcriptTurns(AnalyzedDocument doc, List<Quotation> direct) {
        String text = doc.searchText();
        for (Span para : QuotationFinder.paragraphs(doc)) {
            Matcher m = TURN.matcher(text).region(para.start(), para.end());
            if (!m.lookingAt()) {
                continue;
            }
            Span name = new Span(m.start(1), m.end(1));
            String written = name.of(text);
            boolean upper = written.equals(written.toUpperCase(java.util.Locale.ROOT)) && written.length() > 2;
            boolean known = doc.mentionsIn(name).stream().anyMatch(x -> x.kind().isActor());
            boolean headline = para.start() == paragraphsStart(doc) && written.split("\\s+").length <= 3;
            if (!upper && !known && !headline) {
                continue; // "Update: ..." or "Photo: ..." name no speaker
            }
            add(doc, direct, null, name, "say", content(text, m.end(), para.end()));
        }
    }

    private static int paragraphsStart(AnalyzedDocument doc) {
        return doc.sentences().isEmpty() ? -1 : doc.sentences().get(0).span().start();
    }

    /** True when the cue is the attribution of a direct quotation ("..., she said"). */
    private static boolean cueOfDirect(List<Quotation> direct, Span cue) {
        for (Quotation q : direct) {
            if (cue.equals(q.cue())) {
                return true;
            }
        }
        return false;
    }

    private static boolean precededByAnd(String text, int lo, int cue) {
        int i = cue;
        while (i > lo && text.charAt(i - 1) == ' ') {
            i--;
        }
        return i - 3 >= lo && text.startsWith("and", i - 3) && (i - 3 == lo || text.charAt(i - 4) == ' ');
    }

    /** A cheap test before the negation pattern: most sentences hold none of its words. */
    private static boolean mayNegate(String text, Span s) {
        String sentence = text.substring(s.start(), s.end());
        return sentence.contains(" not ") || sentence.contains("n't ") || sentence.contains("n’t ") || sentence.contains("declined to ")
                || sentence.contains("refused to ");
    }

    private static String base(String negatedVerb) {
        return negatedVerb.split("\\s+")[0];
    }

    /** The shapes a reporting verb at {@code cue} may take in sentence {@code s}. */
    private void reportAt(AnalyzedDocument doc, List<Quotation> direct, Span s, Span cue, String verb) {
        String text = doc.searchText();
        Span subject = Attributions.subjectBefore(text, s.start(), cue.start());
        boolean gerund = cue.of(text).endsWith("ing") && commaBefore(text, s.start(), cue.start()) >= 0;
        if (gerund) {
            // "..., saying that ...": the sentence's subject speaks.
            subject = Attributions.sentenceSubject(doc, s);
        }
        int after = cue.end();
        if (subject == null && !gerund && precededByAnd(text, s.start(), cue.start())) {
            // "X promised ... and said that ...": the sentence's subject speaks again.
            subject = Attributions.sentenceSubject(doc, s);
        }
        if (verb.equals("tell")) {
            Matcher a = ADDRESSEE.matcher(text).region(after, s.end());
            if (a.lookingAt()) {
                after = a.end(1);
            } else if (!THAT.matcher(text).region(after, s.end()).lookingAt()) {
                return; // "told" with no one told is not speech here
            }
        }
        Matcher adj = ADJUNCT.matcher(text).region(after, s.end());
        while (adj.lookingAt()) {
            after = adj.end();
            adj.region(after, s.end());
        }
        if (subject != null || gerund) {
            Matcher that = THAT.matcher(text).region(after, s.end());
            if (that.lookingAt()) {
                add(doc, direct, cue, subject, verb, content(text, that.end(), s.end()));
                return;
            }
            if (after < s.end() && text.charAt(after) == ':') {
                add(doc, direct, cue, subject, verb, content(text, after + 1, s.end()));
                return;
            }
            if ((verb.equals("call") || verb.equals("ask")) && (text.startsWith(" for ", after) || text.startsWith(" on ", after))) {
                after = text.indexOf(' ', after + 1); // "called for a ceasefire", "called on the army to ..."
            }
            if (ReportingVerbs.takesInfinitive(verb) && text.startsWith(" to ", after)) {
                add(doc, direct, cue, subject, verb, content(text, after, s.end()));
                return;
            }
            if (startsClause(text, after, s.end())) {
                // What follows the verb is what was said, claimed or shown: a clause ("said the road
                // was cut") or an object ("stressed her support for the raid", "urged voters to go").
                // Attribution corpora count both; the verb's base form tells them apart downstream.
                add(doc, direct, cue, subject, verb, content(text, after, s.end()));
                return;
            }
        }
        if (gerund) {
            return;
        }
        String rest = text.substring(after, s.end()).replaceAll("[\\s.!?\"”’]+$", "").strip();
        if (subject != null) {
            int comma = commaBefore(text, s.start(), subject.start());
            if (comma <= s.start()) {
                return;
            }
            if (rest.isEmpty()) {
                // "..., the ministry said."
                add(doc, direct, cue, subject, verb, content(text, s.start(), comma));
            } else if (CONTINUATION.matcher(text).region(after, s.end()).lookingAt()) {
                // "..., officials said, as they ...": what follows is the article's own words.
                add(doc, direct, cue, subject, verb, content(text, s.start(), comma));
            } else if (text.charAt(after) == ',') {
                // "But to prevent that, he said, officials must act.": the words on both sides.
                Span before = content(text, s.start(), comma);
                Span following = content(text, after + 1, s.end());
                if (before != null && following != null) {
                    add(doc, direct, cue, subject, verb, List.of(before, following));
                }
            }
            return;
        }
        // "..., said the ministry."
        int comma = commaBefore(text, s.start(), cue.start());
        if (comma >= 0 && !rest.isEmpty() && rest.length() < 80 && Attributions.plausibleSubject(rest)) {
            int srcStart = text.indexOf(rest, after);
            add(doc, direct, cue, new Span(srcStart, srcStart + rest.length()), verb, content(text, s.start(), comma));
        }
    }

    /** "According to X, ..." and "..., according to X." */
    private boolean according(AnalyzedDocument doc, List<Quotation> direct, Span s) {
        String text = doc.searchText();
        if (!text.substring(s.start(), s.end()).contains("ccording")) {
            return false; // a cheap test: indexOf over the rest of the text would cost its length per sentence
        }
        Matcher m = ACCORDING_FIRST.matcher(text).region(s.start(), s.end());
        if (m.lookingAt()) {
            add(doc, direct, new Span(m.start(1), m.end(1)), new Span(m.start(2), m.end(2)), "say", content(text, m.end(), s.end()));
            return true;
        }
        m = ACCORDING_LAST.matcher(text).region(s.start(), s.end());
        if (m.find()) {
            add(doc, direct, new Span(m.start(1), m.end(1)), new Span(m.start(2), m.end(2)), "say", content(text, s.start(), m.start()));
            return true;
        }
        return false;
    }

    private void add(AnalyzedDocument doc, List<Quotation> direct, Span cue, Span source, String verb, Span content) {
        if (content == null) {
            return;
        }
        content = beforeNextAttribution(doc.text(), content);
        if (content != null) {
            add(doc, direct, cue, source, verb, List.of(content));
        }
    }

    private void add(AnalyzedDocument doc, List<Quotation> direct, Span cue, Span source, String verb, List<Span> parts) {
        if (parts.isEmpty()) {
            return;
        }
        Span content = new Span(parts.get(0).start(), parts.get(parts.size() - 1).end());
        int wordCount = 0;
        for (Span p : parts) {
            wordCount += words(doc.text(), p);
        }
        if (wordCount < 3) {
            return;
        }
        for (Quotation q : direct) {
            // A clause that is one quotation is already recorded as that quotation.
            int covered = 0;
            for (Span p : q.parts()) {
                if (p.overlaps(content)) {
                    covered += Math.min(p.end(), content.end()) - Math.max(p.start(), content.start());
                }
            }
            if (covered * 10 >= content.length() * 8) {
                return;
            }
        }
        for (Quotation q : doc.quotations()) {
            if (q.kind() == Quotation.Kind.REPORTED && q.extent().overlaps(content)) {
                return; // one report per clause: the first (outermost) verb wins
            }
        }
        doc.addQuotation(Quotation.unattributed(Quotation.Kind.REPORTED, parts)
                .attributed(cue, source, null, null, null, null, verb));
    }

    private static final Pattern CLAUSE_JOIN = Pattern.compile(",?\\s+(?:while|whereas|but|and|as)\\s+$|,\\s*$|;\\s*$");

    /** ", adding that ...", ", arguing ...": a participle of speech starts a report of its own. */
    private static final Pattern PARTICIPLE_REPORT = Pattern.compile(
            ",\\s+(?:adding|arguing|saying|noting|insisting|warning|claiming|explaining|stressing|suggesting|asserting|acknowledging|"
                    + "promising|pledging|calling|urging|citing|telling|asking)\\b");

    /** "..., and", "... and then": what joins a second verb of the same subject, right before it. */
    private static final Pattern SECOND_VERB = Pattern.compile(",?\\s+and(?:\\s+(?:then|later|also))?\\s+$");

    /**
     * Content ends where another speaker's attribution begins: "X said A, while Y said B" reports
     * A for X and B for Y.
     */
    private static Span beforeNextAttribution(String text, Span content) {
        Matcher participle = PARTICIPLE_REPORT.matcher(text).region(content.start(), content.end());
        if (participle.find()) {
            content = content(text, content.start(), participle.start());
            if (content == null) {
                return null;
            }
        }
        for (ReportingVerbs.Cue c = ReportingVerbs.next(text, content.start(), content.end()); c != null;
             c = ReportingVerbs.next(text, c.span().end(), content.end())) {
            Matcher and = SECOND_VERB.matcher(text).region(content.start(), c.span().start());
            if (and.find() && !c.span().of(text).endsWith("ing")) {
                // "noted that A, and added: B": the subject's second verb of speech reports B on its own.
                Span cut = content(text, content.start(), and.start());
                if (cut != null) {
                    return cut;
                }
            }
            Span subject = Attributions.subjectBefore(text, content.start(), c.span().start());
            if (subject == null || subject.start() <= content.start()) {
                continue;
            }
            Matcher join = CLAUSE_JOIN.matcher(text).region(content.start(), subject.start());
            if (join.find()) {
                return content(text, content.start(), join.start());
            }
        }
        return content;
    }

    private static boolean insideDirect(List<Quotation> direct, int index) {
        for (Quotation q : direct) {
            for (Span p : q.parts()) {
                if (p.contains(index)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean startsClause(String text, int from, int end) {
        int i = from;
        while (i < end && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        if (i >= end || i == from) {
            return false;
        }
        char c = text.charAt(i);
        if (Attributions.isQuoteMark(c) || c == '\'') {
            return false; // a direct quotation follows: it is recorded as one
        }
        int e = i;
        while (e < end && (Character.isLetterOrDigit(text.charAt(e)) || text.charAt(e) == '-' || text.charAt(e) == '\'' || text.charAt(e) == '’')) {
            e++;
        }
        String word = text.substring(i, e).toLowerCase(java.util.Locale.ROOT);
        return !word.isEmpty() && !NOT_CLAUSE_START.contains(word);
    }

    /** The last comma before {@code pos} in the sentence, or -1. */
    private static int commaBefore(String text, int lo, int pos) {
        int i = pos - 1;
        while (i >= lo && Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        if (i > lo && (text.charAt(i) == '"' || text.charAt(i) == '”' || text.charAt(i) == '’') && text.charAt(i - 1) == ',') {
            return i - 1; // '..., "a slow death for the town," she said': the comma inside the closing mark
        }
        return i >= lo && text.charAt(i) == ',' ? i : -1;
    }

    /** The content from {@code s} to {@code e}, without surrounding space, "that", or the final period. */
    private static Span content(String text, int s, int e) {
        while (s < e && Character.isWhitespace(text.charAt(s))) {
            s++;
        }
        if (text.startsWith("that ", s)) {
            s += 5;
        }
        while (e > s && (Character.isWhitespace(text.charAt(e - 1)) || ".,;:".indexOf(text.charAt(e - 1)) >= 0)) {
            e--;
        }
        return e > s ? new Span(s, e) : null;
    }

    private static Span trimEnd(String text, Span s) {
        int e = s.end();
        while (e > s.start() && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        return new Span(s.start(), e);
    }

    private static int words(String text, Span s) {
        int n = 0;
        boolean in = false;
        for (int i = s.start(); i < s.end(); i++) {
            boolean w = Character.isLetterOrDigit(text.charAt(i));
            if (w && !in) {
                n++;
            }
            in = w;
        }
        return n;
    }
}
