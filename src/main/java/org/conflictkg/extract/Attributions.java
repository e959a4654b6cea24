package org.conflictkg.extract;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shapes in which news attributes words to a speaker, found next to a quotation or inside a
 * sentence of reported speech. Only spans are found here ("he", "Colonel Jane Roe", "the
 * ministry"); what they refer to is {@link SpeakerResolver}'s job.
 *
 * <p>The shapes: after a closing quote mark, {@code , he said} / {@code , said Jane Roe, a ...} /
 * {@code , according to X}; before an opening mark, {@code X said:} / {@code X told Reuters,} /
 * {@code According to X,} / {@code X:} (captions); and, in running text, a subject followed by a
 * reporting verb, with an appositive between them allowed ({@code Jane Roe, a spokeswoman for the
 * coalition, said}).
 */
final class Attributions {

    /** What an attribution names: the cue, the speaker as written and the verb's base form. */
    record Attribution(Span cue, Span source, String verb) {}

    /** Adverbs (and auxiliaries) that may stand between a speaker and the verb: "he often says". */
    private static final Set<String> ADVERBS = Set.of("also", "later", "then", "previously", "earlier", "reportedly", "once", "again",
            "further", "recently", "repeatedly", "has", "had", "have", "would", "will", "publicly", "privately", "separately",
            "subsequently", "simply", "flatly", "bluntly", "angrily", "quietly", "often", "usually", "always", "frequently",
            "still", "now", "finally", "eventually", "initially", "immediately", "quickly", "sharply", "firmly", "calmly",
            "softly", "openly", "candidly", "succinctly", "emphatically", "sarcastically", "jokingly", "tearfully", "proudly",
            "ultimately", "apparently", "allegedly");

    /** The same words as a pattern (in a fixed order), with the phrases of several words. */
    private static final String ADVERB = "(?:" + String.join("|", new java.util.TreeSet<>(ADVERBS))
            + "|had\\s+previously|has\\s+also|had\\s+also|would\\s+later|told\\s+reporters|(?:is|was|were|are)\\s+quoted\\s+as)";

    private static final String PRONOUN = "(?:he|she|they|it|we|I|He|She|They|It|We)";

    /** A subject written right after a closing quote: a pronoun or a short noun phrase. */
    private static final String SHORT_NP = "(?:" + PRONOUN + "|(?:[\\p{L}\\p{N}][\\p{L}\\p{N}.'’&-]*)(?:\\s+[\\p{L}\\p{N}$][\\p{L}\\p{N}.'’&-]*){0,7}?(?:\\s+\\([^()]{1,30}\\))?)";

    /** What may stand between a closing quote and the verb: a subject, its appositive, an adverb. */
    private static final Pattern SUBJECT_BEFORE_VERB = Pattern.compile(
            "^[\\s,]*(?:[—–]\\s*|--\\s*)?(" + SHORT_NP + ")(?:,\\s*([^\"“”;]{1,200}?),)?\\s+(?:" + ADVERB + "\\s+)?$");

    /** Right after a closing quote, before the verb: nothing but a comma or a dash. */
    private static final Pattern NOTHING = Pattern.compile("^[\\s,]*(?:[—–]\\s*|--\\s*)?$");

    /** {@code said Colonel Jane Roe, a ...}: the subject after the verb. */
    /** A word of a name written after its verb: a title with its period, initials, or a word without one. */
    private static final String NAME_TOKEN = "(?:(?:Sen|Gov|Rep|Mr|Mrs|Ms|Dr|Gen|Col|Lt|Sgt|Capt|Maj|St|Jr|Sr|Prof|Rev|Adm|Cmdr|Brig|Cpl|Pvt|Amb|Sens|Reps)\\."
            + "|(?:\\p{Lu}\\.){1,3}|[^\\s,.;:!?\"“”]+)";

    private static final Pattern SUBJECT_AFTER_VERB = Pattern.compile(
            "^\\s+((?:the|a|an|The|A|An)\\s+)?((?:[\\p{Ll}-]+\\s+){0,3}?(?=[\\p{Lu}\\p{N}])" + NAME_TOKEN
                    + "(?:\\s+(?!(?:in|on|at|to|of|that|during|after|before|with|from|when|while)\\b)" + NAME_TOKEN + "){0,7})");

    /** {@code ," said the second official.}: a speaker with no name, a determiner and a few words. */
    private static final Pattern COMMON_NOUN_AFTER_VERB = Pattern.compile(
            "^\\s+((?:the|a|an|another|one|two|three|several|some|his|her|their|its|our)\\s+[\\p{L}'’-]+(?:\\s+[\\p{L}'’-]+){0,6}?)"
                    + "(?:\\s*(?=[,.;:!?]|$)|(?=\\s+(?:who|whose|which|that)\\s))");

    /** A subject and one past-tense verb closing the sentence right after a quote: {@code ," she retorted.} */
    private static final Pattern AFTER_UNLISTED_VERB = Pattern.compile(
            "^[\\s,]*(" + SHORT_NP + ")\\s+(\\p{Ll}{3,}ed)(?:\\s+(?:on|in|at|last|this)(?:\\s+[\\p{L}\\p{N}'’-]+){1,3}"
                    + "|\\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday))?\\s*[.;]");

    /** The end of a sentence that a quotation opens: {@code "..." at the convention, he said.} */
    private static final Pattern TRAILING = Pattern.compile(
            ",\\s*(" + SHORT_NP + ")\\s+(?:" + ADVERB + "\\s+)?(\\p{Ll}+)(?:\\s+(?:on|in|at|to|during|after|before|of)\\s+[^,;:\"“”]{1,40})?[.!?]?$");

    /**
     * The attribution closing the sentence a quotation opens ({@code "We are alive" at the
     * convention, he said.}), within {@code [from, end)}; null when there is none.
     */
    static Attribution trailing(String text, int from, int end) {
        while (end > from && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '.')) {
            end--;
        }
        Matcher m = TRAILING.matcher(text).region(from, end);
        while (m.find()) {
            String verb = ReportingVerbs.baseOf(m.group(2));
            if (verb != null && plausibleSubject(m.group(1))) {
                return new Attribution(new Span(m.start(2), m.end(2)), trimmed(m.start(1), m.end(1), text), verb);
            }
        }
        return null;
    }

    /** {@code " — Jane Roe}: a name after a dash, as under a quotation in a list of reactions. */
    private static final Pattern AFTER_DASH_NAME = Pattern.compile(
            "^[ \\t\\u00A0]*[—–―-]{1,2}[ \\t\\u00A0]*(\\p{Lu}[\\p{L}.'’-]*(?:[ \\t\\u00A0]+\\p{Lu}[\\p{L}.'’-]*){0,5})[ \\t\\u00A0]*(?:[,(\\n]|$)");

    /** {@code ," according to the ministry} */
    private static final Pattern AFTER_ACCORDING = Pattern.compile(
            "^[\\s,]*(according\\s+to)\\s+([^,.;:!?\"“”]{1,80})");

    /**
     * What may follow a reporting verb before the quote opens: nothing, "that", an addressee or a
     * prepositional phrase ("told reporters:", "said in a statement,", "warned on Twitter:"). A
     * longer object ("called the plan "a trap"") makes the quote part of the verb's phrase instead.
     */
    private static final Pattern AFTER_VERB_BEFORE_QUOTE = Pattern.compile(
            "^(?:,\\s*(?:however|again|though|too|then|simply|later|also),)?(?:\\s*(?:that\\s*)?|\\s*[:,]\\s*"
                    + "|\\s+(?:[\\p{L}\\p{N}.'’-]+(?:,\\p{N}{3})*(?:\\s+[\\p{L}\\p{N}.'’-]+(?:,\\p{N}{3})*){0,5})"
                    + "(?:\\s+(?:in|on|at|during|after|before|with|via|from|over|through)\\s+[^,:;\"“”.!?]{1,50}?)?\\s*(?:[:,]|\\bthat)\\s*"
                    + "|\\s+(?:in|on|at|during|after|before|with|via|from|over|through)\\s+[^,:;\"“”.!?]{1,50}?\\s*(?:[:,]|\\bthat)\\s*)$");

    /** {@code Said Jane Roe, a nurse, "..."}: an inverted attribution opening the sentence. */
    private static final Pattern INVERTED = Pattern.compile(
            "^\\s*(Said|Says|Added|Adds|Asked|Asks|Wrote|Writes|Recalled|Recalls)\\s+(\\p{Lu}[\\p{L}.'’-]*(?:\\s+\\p{Lu}[\\p{L}.'’-]*){0,4})"
                    + "(?:,[^\"“”]{1,150})?[,:]\\s*$");

    private static final Pattern BEFORE_ACCORDING = Pattern.compile("\\b([Aa]ccording\\s+to)\\s+([^,;\"“”]{1,80}?),?\\s*$");

    /** {@code put it}, with a place or an occasion ("put it in his memo to employees"), closed by a comma or colon. */
    private static final Pattern PUT_IT = Pattern.compile("\\b(put\\s+it)(?:\\s+[^,:;\"“”.]{1,60}?)?\\s*[,:]\\s*$");

    /** Captions and transcripts: {@code Jane Roe: "..."}. */
    private static final Pattern BEFORE_NAME_COLON = Pattern.compile(
            "(?:^|[.;]\\s+)(\\p{Lu}[\\p{L}.'’-]*(?:\\s+\\p{Lu}[\\p{L}.'’-]*){0,5}):\\s*$");

    private static final Set<String> CLAUSE_WORDS = Set.of(
            "that", "and", "but", "while", "as", "when", "because", "after", "before", "if", "where", "which", "who", "whom",
            "so", "than", "though", "although", "since", "until", "whether", "said", "says", "told", "or", "nor", "whose",
            "what", "how", "why", "then", "also", "not", "has", "have", "had", "was", "were", "is", "are", "be", "been");

    private static final Set<String> DETERMINERS = Set.of(
            "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "one", "two", "three", "four", "several", "some",
            "many", "most", "other", "another", "both", "this", "that", "these", "those", "each", "every", "no", "few", "all");

    /** Lower-case heads that can be a speaker with no determiner: "officials said", "witnesses told". */
    private static final Set<String> SOURCE_NOUNS = Set.of(
            "officials", "official", "sources", "witnesses", "residents", "activists", "analysts", "experts", "police", "rebels",
            "militants", "fighters", "diplomats", "observers", "monitors", "reports", "media", "people", "critics", "supporters",
            "lawmakers", "authorities", "troops", "soldiers", "spokesman", "spokeswoman", "spokesperson", "commanders",
            "researchers", "doctors", "medics", "locals", "protesters", "opponents", "aides", "investigators", "prosecutors");

    private static final List<String> LEADING_CONJUNCTIONS = List.of("But ", "And ", "So ", "Yet ", "Still, ", "Now ", "Meanwhile ");

    private static final Set<String> PRONOUNS = Set.of("he", "she", "they", "it", "we", "i");


    private Attributions() {}

    /**
     * The attribution written right after a quotation's closing mark, within {@code [from, limit)}.
     *
     * @return the attribution, or null when the text there attributes nothing
     */
    static Attribution afterQuote(String text, int from, int limit) {
        if (from >= limit) {
            return null;
        }
        CharSequence region = text.subSequence(from, limit);
        int window = Math.min(limit, from + 260);
        ReportingVerbs.Cue cue = ReportingVerbs.next(text, from, window);
        Matcher m;
        for (int tries = 0; cue != null && tries < 3; tries++, cue = ReportingVerbs.next(text, cue.span().end(), window)) {
            int v = cue.span().start();
            if (NOTHING.matcher(text.subSequence(from, v)).matches()) {
                m = SUBJECT_AFTER_VERB.matcher(text.subSequence(cue.span().end(), limit));
                if (m.lookingAt()) {
                    int off = cue.span().end();
                    int s = m.start(1) >= 0 ? m.start(1) : m.start(2);
                    return new Attribution(cue.span(), stripTrailingPeriod(text, new Span(off + s, off + m.end(2))), cue.base());
                }
                m = COMMON_NOUN_AFTER_VERB.matcher(text.subSequence(cue.span().end(), limit));
                if (m.lookingAt() && plausibleSubject(m.group(1))) {
                    int off = cue.span().end();
                    return new Attribution(cue.span(), new Span(off + m.start(1), off + m.end(1)), cue.base());
                }
                break;
            }
            m = SUBJECT_BEFORE_VERB.matcher(text.subSequence(from, v));
            if (m.matches() && plausibleSubject(m.group(1))) {
                return new Attribution(cue.span(), trimmed(from + m.start(1), from + m.end(1), text), cue.base());
            }
        }
        m = AFTER_UNLISTED_VERB.matcher(region);
        if (m.lookingAt() && plausibleSubject(m.group(1)) && ReportingVerbs.baseOf(m.group(2)) == null) {
            // ',” an angry Hollande retaliated.': a verb the lexicon lacks, in the attribution's place.
            return new Attribution(new Span(from + m.start(2), from + m.end(2)), trimmed(from + m.start(1), from + m.end(1), text),
                    m.group(2).toLowerCase(Locale.ROOT));
        }
        m = AFTER_DASH_NAME.matcher(region);
        if (m.lookingAt()) {
            return new Attribution(null, trimmed(from + m.start(1), from + m.end(1), text), "say");
        }
        m = AFTER_ACCORDING.matcher(region);
        if (m.find()) {
            return new Attribution(new Span(from + m.start(1), from + m.end(1)),
                    trimmed(from + m.start(2), from + m.end(2), text), "say");
        }
        return null;
    }

    /**
     * The attribution written right before a quotation's opening mark at {@code open}, looking no
     * further back than {@code lo} (the start of the sentence, or the end of an earlier quotation).
     */
    static Attribution beforeQuote(String text, int lo, int open) {
        if (open <= lo) {
            return null;
        }
        CharSequence region = text.subSequence(lo, open);
        Matcher m = BEFORE_ACCORDING.matcher(region);
        if (m.find()) {
            return new Attribution(new Span(lo + m.start(1), lo + m.end(1)), trimmed(lo + m.start(2), lo + m.end(2), text), "say");
        }
        m = INVERTED.matcher(region);
        if (m.find()) {
            // "Said Jane Roe, who grew up there, "..."": the verb first, then its speaker.
            String verb = ReportingVerbs.baseOf(m.group(1).toLowerCase(Locale.ROOT));
            if (verb != null) {
                return new Attribution(new Span(lo + m.start(1), lo + m.end(1)), trimmed(lo + m.start(2), lo + m.end(2), text), verb);
            }
        }
        ReportingVerbs.Cue cue = ReportingVerbs.last(text, Math.max(lo, open - 90), open);
        if (cue != null && cue.span().of(text).endsWith("ing") && lastNonSpace(text, lo, cue.span().start()) == ',') {
            return null; // "..., telling reporters, "..."": the sentence's subject speaks (participleBefore)
        }
        if (cue != null && AFTER_VERB_BEFORE_QUOTE.matcher(text.subSequence(cue.span().end(), open)).matches()) {
            Span subject = subjectBefore(text, lo, cue.span().start());
            if (subject != null) {
                return new Attribution(cue.span(), subject, cue.base());
            }
        }
        m = PUT_IT.matcher(region);
        if (m.find()) {
            // "As Jane Roe put it, "..."": the idiom is a reporting verb of its own.
            Span subject = subjectBefore(text, lo, lo + m.start());
            if (subject != null) {
                return new Attribution(new Span(lo + m.start(), lo + m.end(1)), subject, "say");
            }
        }
        m = BEFORE_NAME_COLON.matcher(region);
        if (m.find()) {
            return new Attribution(null, new Span(lo + m.start(1), lo + m.end(1)), null);
        }
        return null;
    }

    /**
     * The last reporting verb in {@code [lo, hi)} that has a subject a speaker can be: the
     * attribution of a partial quotation inside reported speech ({@code She said the plan was "a
     * trap."}).
     */
    static Attribution cueIn(String text, int lo, int hi) {
        Attribution last = null;
        for (ReportingVerbs.Cue c = ReportingVerbs.next(text, lo, hi); c != null; c = ReportingVerbs.next(text, c.span().end(), hi)) {
            Span subject = subjectBefore(text, lo, c.span().start());
            if (subject != null) {
                last = new Attribution(c.span(), subject, c.base());
            }
        }
        return last;
    }

    /** The subject the sentence opens with: a pronoun, or a name mentioned at its start. */
    static Span sentenceSubject(AnalyzedDocument doc, Span s) {
        String text = doc.searchText();
        int clause = clauseStart(text, s.start(), s.end());
        int i = clause;
        if (text.startsWith("The ", i)) {
            i += 4;
        }
        for (Mention m : doc.mentionsIn(new Span(clause, s.end()))) {
            if (m.span().start() <= i + 1) {
                if (m.kind().isActor()) {
                    return m.span();
                }
                // A place does not speak: "Clinton seemed ..., telling the crowd" names a person the
                // gazetteer knows only as a town, so read the words as a name.
                return m.kind() == EntityKind.PLACE ? leadingName(text, i, s.end()) : null;
            }
            break;
        }
        int e = i;
        while (e < s.end() && Character.isLetter(text.charAt(e))) {
            e++;
        }
        if (e > i && Attributions.isPronoun(text.substring(i, e))) {
            return new Span(i, e);
        }
        if (i > clause) {
            return definiteSubject(text, clause, i, s.end());
        }
        return leadingName(text, i, s.end());
    }

    /**
     * {@code The president noted ...}, {@code The former envoy urged ...}: "The" and one or two
     * lower-case words, when the word after them reads as a verb in the past or present tense.
     */
    private static Span definiteSubject(String text, int the, int from, int end) {
        Span roleAndName = roleThenName(text, the, from, end);
        if (roleAndName != null) {
            return roleAndName;
        }
        int w = from;
        for (int words = 1; words <= 2; words++) {
            int e = w;
            while (e < end && Character.isLowerCase(text.charAt(e))) {
                e++;
            }
            if (e == w || e + 1 >= end || text.charAt(e) != ' ') {
                return null;
            }
            int v = e + 1;
            int ve = v;
            while (ve < end && Character.isLowerCase(text.charAt(ve))) {
                ve++;
            }
            String verb = text.substring(v, ve);
            if (verb.length() > 3 && (verb.endsWith("ed") || ReportingVerbs.baseOf(verb) != null)
                    && !CLAUSE_WORDS.contains(text.substring(w, e))) {
                return new Span(the, e);
            }
            w = v;
        }
        return null;
    }

    /**
     * A name the gazetteer does not know, opening a clause: two to six capitalised words ("Huma
     * Abedin", "Gov. Jane Roe") followed by a lower-case word or the comma of an appositive. Null
     * when the clause opens otherwise, or with a word that starts a phrase rather than a name.
     */
    /** Capitalised words that open a sentence without naming anyone. */
    private static final Set<String> NOT_NAMES = Set.of("yesterday", "today", "tonight", "now", "here", "there", "still", "yet",
            "instead", "however", "thus", "so", "finally", "first", "second", "third", "next", "overall", "indeed", "perhaps",
            "maybe", "nobody", "everyone", "everybody", "someone", "somebody", "anyone", "nothing", "something", "many", "few",
            "such", "only", "even", "not", "never", "always", "often", "sometimes", "usually", "again", "once", "why", "what", "how");

    /**
     * {@code The Slate technology columnist Jane Roe went on to say}: after "The", a few words of
     * role ending in a name of two or more capitalised words, then a verb in lower case.
     */
    private static Span roleThenName(String text, int the, int from, int end) {
        int j = from;
        int capitalsInRow = 0;
        for (int words = 0; words < 7 && j < end; words++) {
            int w = j;
            while (w < end && (Character.isLetter(text.charAt(w)) || ".'’-".indexOf(text.charAt(w)) >= 0)) {
                w++;
            }
            if (w == j || w + 1 >= end || text.charAt(w) != ' ') {
                return null;
            }
            boolean capital = Character.isUpperCase(text.charAt(j));
            capitalsInRow = capital ? capitalsInRow + 1 : 0;
            if (capitalsInRow >= 2 && Character.isLowerCase(text.charAt(w + 1))) {
                return stripTrailingPeriod(text, new Span(the, w));
            }
            j = w + 1;
        }
        return null;
    }

    private static Span leadingName(String text, int from, int end) {
        int words = 0;
        int last = -1;
        int j = from;
        while (words < 7 && j < end && Character.isUpperCase(text.charAt(j))) {
            int w = j;
            while (w < end && (Character.isLetter(text.charAt(w)) || ".'’-".indexOf(text.charAt(w)) >= 0)) {
                w++;
            }
            if (words == 0) {
                String first = text.substring(j, w).toLowerCase(Locale.ROOT);
                if (LEADING_PREPOSITIONS.contains(first) || DETERMINERS.contains(first) || CLAUSE_WORDS.contains(first)
                        || PRONOUNS.contains(first)) {
                    return null;
                }
            }
            words++;
            last = w;
            if (w + 1 < end && text.charAt(w) == ' ') {
                j = w + 1;
            } else {
                break;
            }
        }
        if (words == 0 || words > 6 || last >= end) {
            return null;
        }
        int nameEnd = last;
        if (last + 2 < end && text.charAt(last) == ' ' && text.charAt(last + 1) == '(') {
            // "Rep. Jane Roe (D-Ohio) reacted": the party and state go with the name.
            int close = text.indexOf(')', last + 1);
            if (close > 0 && close < end && close - last < 30) {
                last = close + 1;
            }
        }
        char next = text.charAt(last);
        boolean followedByLowerCase = next == ' ' && last + 1 < end && Character.isLowerCase(text.charAt(last + 1));
        if (!followedByLowerCase && (next != ',' || words < 2)) {
            return null;
        }
        if (words == 1 && NOT_NAMES.contains(text.substring(from, last).toLowerCase(Locale.ROOT))) {
            return null;
        }
        Span name = stripTrailingPeriod(text, new Span(from, nameEnd));
        return plausibleSubject(name.of(text)) ? name : null;
    }

    /** Words that open a leading adverbial phrase, set off by a comma before the subject. */
    /** Prepositions that end a subject read backwards from its verb. */
    private static final Set<String> SUBJECT_STOPS = Set.of("with", "without", "amid", "among", "against");

    private static final Set<String> LEADING_PREPOSITIONS = Set.of(
            "in", "at", "on", "during", "after", "before", "later", "earlier", "speaking", "asked", "with", "from", "upon",
            "when", "while", "then", "meanwhile", "since", "outside", "inside", "afterward", "afterwards", "minutes", "hours",
            "days", "moments", "last", "this", "addressing", "responding", "writing", "appearing", "back");

    /**
     * {@code She then addressed the crowd again: "..."}: a clause closed by a colon right before
     * the quote introduces it, whatever its verb, and its subject is the speaker. The subject is a
     * pronoun or an actor named at the clause's start, after a leading phrase such as {@code In an
     * interview on Sunday,}. Null when the clause opens with neither.
     */
    static Attribution colonClause(AnalyzedDocument doc, Span sentence, int colon) {
        String text = doc.searchText();
        int start = clauseStart(text, sentence.start(), colon);
        String word = firstWord(text, start, colon);
        if (isPronoun(word)) {
            return new Attribution(null, new Span(start, start + word.length()), null);
        }
        int clauseWords = 0;
        for (int i = start; i < colon && clauseWords < 4; i++) {
            if (Character.isWhitespace(text.charAt(i)) && !Character.isWhitespace(text.charAt(i - 1))) {
                clauseWords++;
            }
            if (text.charAt(i) == ',') {
                break;
            }
        }
        for (Mention m : doc.mentionsIn(new Span(start, colon))) {
            if (!m.kind().isActor()) {
                continue;
            }
            // "Band member Jane Roe shared ..., writing:": a few words of role may precede the name.
            String before = text.substring(start, m.span().start());
            if (before.split("\\s+").length <= 3 && before.indexOf(',') < 0 && !before.contains(" said")) {
                return new Attribution(null, m.span(), null);
            }
            break;
        }
        return null;
    }

    /**
     * Where the main clause of a sentence begins, after a leading phrase set off by a comma ("In an
     * interview on Sunday,", "Hours later,") and a leading conjunction ("But ").
     */
    private static int clauseStart(String text, int sentenceStart, int limit) {
        int start = sentenceStart;
        int firstComma = text.indexOf(',', start);
        String firstWord = firstWord(text, start, limit).toLowerCase(Locale.ROOT);
        if (firstComma > start && firstComma < limit && LEADING_PREPOSITIONS.contains(firstWord)) {
            start = firstComma + 1;
        }
        while (start < limit && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        for (String conjunction : LEADING_CONJUNCTIONS) {
            if (text.startsWith(conjunction, start)) {
                start += conjunction.length();
                break;
            }
        }
        return start;
    }

    private static String firstWord(String text, int from, int to) {
        int e = from;
        while (e < to && Character.isLetter(text.charAt(e))) {
            e++;
        }
        return text.substring(from, e);
    }

    /**
     * {@code ..., saying: "..."}: a participle of speech just before the quote, whose speaker is the
     * subject the sentence opened with. Null when the text has no such shape.
     */
    static Attribution participleBefore(AnalyzedDocument doc, Span sentence, int open) {
        String text = doc.searchText();
        ReportingVerbs.Cue cue = ReportingVerbs.last(text, Math.max(sentence.start(), open - 60), open);
        if (cue == null || !AFTER_VERB_BEFORE_QUOTE.matcher(text.subSequence(cue.span().end(), open)).matches()) {
            return null;
        }
        int i = cue.span().start() - 1;
        while (i > sentence.start() && text.charAt(i) == ' ') {
            i--;
        }
        boolean participle = cue.span().of(text).endsWith("ing")
                && (text.charAt(i) == ',' || PREPOSITION_BEFORE_PARTICIPLE.matcher(text).region(sentence.start(), i + 1).find());
        // "... and said, "..."", "... and later said, "..."", "went on to say: "..."": a verb of the
        // sentence's subject, given again (adverbs between the conjunction and the verb aside).
        int beforeAdverbs = skipBackAdverbs(text, sentence.start(), i + 1);
        boolean coordinated = !participle && SUBJECT_OF_SENTENCE_BEFORE_VERB.matcher(text).region(sentence.start(), beforeAdverbs).find()
                && ",:".indexOf(lastNonSpace(text, cue.span().end(), open)) >= 0;
        if (!participle && !coordinated) {
            return null;
        }
        return new Attribution(cue.span(), sentenceSubject(doc, sentence), cue.base());
    }

    /** "... before saying, "..."", "... after telling reporters: "..."": a participle the sentence's subject speaks by. */
    private static final Pattern PREPOSITION_BEFORE_PARTICIPLE = Pattern.compile("\\b(?:before|after|while|when|by|without|upon|then)$");

    /** The words before a verb that leave its subject to be the sentence's: "and", "but", "to", "went on to". */
    private static final Pattern SUBJECT_OF_SENTENCE_BEFORE_VERB = Pattern.compile("(?:\\b(?:and|but|then|to)|,\\s*(?:and|but))$");

    private static char lastNonSpace(String text, int from, int to) {
        for (int k = to - 1; k >= from; k--) {
            if (text.charAt(k) != ' ') {
                return text.charAt(k);
            }
        }
        return ' ';
    }

    /**
     * The subject of a verb starting at {@code verbStart}: the noun phrase just before it (with an
     * appositive between them skipped), no further back than {@code lo}. Null when there is none
     * that can be a speaker.
     */
    static Span subjectBefore(String text, int lo, int verbStart) {
        int end = skipBackAdverbs(text, lo, verbStart);
        if (end <= lo) {
            return null;
        }
        if (text.charAt(end - 1) == ')') {
            // "Rep. Jane Roe (D-Ohio) said": the parenthesis belongs to the name.
            int open = text.lastIndexOf('(', end - 1);
            if (open > lo && end - open < 40) {
                end = open;
                while (end > lo && text.charAt(end - 1) == ' ') {
                    end--;
                }
            }
        }
        if (text.charAt(end - 1) == ',') {
            // "Jane Roe, a spokeswoman for the coalition, said": skip the appositive back to its comma.
            int comma = appositiveStart(text, lo, end - 1);
            if (comma < 0) {
                return null;
            }
            end = comma;
        }
        int start = end;
        int tokens = 0;
        int i = end;
        while (i > lo && tokens < 8) {
            int e = i;
            while (e > lo && text.charAt(e - 1) == ' ') {
                e--;
            }
            int s = e;
            while (s > lo && isWordChar(text.charAt(s - 1))) {
                s--;
            }
            if (s == e) {
                break; // punctuation: a clause boundary
            }
            String word = text.substring(s, e);
            if (tokens > 0 && SUBJECT_STOPS.contains(word)) {
                break; // "with Trump reportedly yelling": the preposition is not part of the subject
            }
            if (CLAUSE_WORDS.contains(word)) {
                if ((word.equals("which") || word.equals("who")) && tokens == 0) {
                    // "the report, which notes," / "Jane Roe, who said": the noun phrase before it speaks.
                    int comma = s - 1;
                    while (comma > lo && text.charAt(comma) == ' ') {
                        comma--;
                    }
                    if (comma > lo && text.charAt(comma) == ',') {
                        return subjectBefore(text, lo, comma);
                    }
                }
                break;
            }
            start = s;
            tokens++;
            i = s;
        }
        if (start >= end) {
            return null;
        }
        for (String conjunction : LEADING_CONJUNCTIONS) {
            if (text.startsWith(conjunction, start) && start + conjunction.length() < end) {
                start += conjunction.length();
                break;
            }
        }
        Span subject = stripTrailingPeriod(text, new Span(start, end));
        return plausibleSubject(subject.of(text)) ? subject : null;
    }

    /** The index of the comma that opens an appositive ending at the comma {@code close}, or -1. */
    private static int appositiveStart(String text, int lo, int close) {
        for (int i = close - 1; i > lo && close - i < 220; i--) {
            char c = text.charAt(i);
            if (c == ',') {
                String appositive = text.substring(i + 1, close).strip();
                return looksLikeAppositive(appositive) ? i : -1;
            }
            if (isQuoteMark(c) || c == ';' || c == ':') {
                return -1;
            }
        }
        return -1;
    }

    private static boolean looksLikeAppositive(String s) {
        if (s.isEmpty()) {
            return false;
        }
        String first = s.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        if (Set.of("at", "in", "on", "during", "after", "before", "speaking", "writing", "appearing", "asked", "interviewed",
                "visiting", "addressing", "responding", "like", "unlike", "too", "however", "meanwhile", "though", "also",
                "for", "from", "with", "in a", "via", "through").contains(first)) {
            return true; // "Jane Roe, at a press briefing, said" / "Roe, speaking to reporters, said"
        }
        if (ROLE_OF.matcher(s).lookingAt()) {
            return true; // "Jane Roe, president of the Log Cabin Club, said" / "Roe, director at the institute, said"
        }
        return DETERMINERS.contains(first) || first.equals("who") || first.equals("whose") || first.equals("former")
                || first.endsWith("ing") || first.endsWith("ed")
                || first.equals("senior") || first.equals("deputy") || first.equals("chief") || first.equals("head")
                || first.endsWith("man") || first.endsWith("woman") || first.endsWith("person") || Character.isUpperCase(s.charAt(0));
    }

    /** A role and its organisation, in lower case with no determiner: "president of ...", "director at ...". */
    private static final Pattern ROLE_OF = Pattern.compile("\\p{Ll}[\\p{Ll}-]+(?:\\s+[\\p{Ll}-]+){0,2}\\s+(?:of|for|at|with|to)\\s+\\S");

    private static int skipBackAdverbs(String text, int lo, int pos) {
        int end = pos;
        while (end > lo && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        while (true) {
            int s = end;
            while (s > lo && Character.isLetter(text.charAt(s - 1))) {
                s--;
            }
            String w = end - s <= 12 ? text.substring(s, end) : "";
            if (s < end && ADVERBS.contains(w)) {
                end = s;
                while (end > lo && Character.isWhitespace(text.charAt(end - 1))) {
                    end--;
                }
            } else {
                return end;
            }
        }
    }

    /** A pronoun, a capitalised name, a determiner phrase, or a bare plural like "officials". */
    /** Two capitalised words in a row, the second not a determiner or clause word: a name. */
    private static boolean hasNameInside(String[] words) {
        for (int k = 1; k < words.length; k++) {
            if (Character.isUpperCase(words[k - 1].codePointAt(0)) && Character.isUpperCase(words[k].codePointAt(0))
                    && !CLAUSE_WORDS.contains(words[k].toLowerCase(Locale.ROOT)) && !DETERMINERS.contains(words[k].toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    static boolean plausibleSubject(String subject) {
        String s = subject.strip();
        if (s.isEmpty()) {
            return false;
        }
        String[] words = s.split("\\s+");
        String first = words[0].toLowerCase(Locale.ROOT);
        if (words.length == 1 && PRONOUNS.contains(first)) {
            return true;
        }
        if (PRONOUNS.contains(first) && words.length > 1) {
            return false; // "he added the" is not a subject
        }
        String head = words[words.length - 1].toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}]", "");
        if (CLAUSE_WORDS.contains(head) || DETERMINERS.contains(head)) {
            return false;
        }
        if (Character.isUpperCase(s.codePointAt(0)) || Character.isDigit(s.codePointAt(0))) {
            return true;
        }
        String last = words[words.length - 1];
        if (words.length <= 8 && Character.isUpperCase(last.codePointAt(0)) && words.length >= 2
                && Character.isUpperCase(words[words.length - 2].codePointAt(0))) {
            return true; // "former Florida governor Jane Roe": a role before a name
        }
        if (words.length <= 8 && hasNameInside(words)) {
            return true; // "former Gov. Jane Roe of Ohio": a name with its role and place
        }
        if (DETERMINERS.contains(first) || SOURCE_NOUNS.contains(head) || SOURCE_NOUNS.contains(first)) {
            return true;
        }
        for (String w : words) {
            if (SOURCE_NOUNS.contains(w.toLowerCase(Locale.ROOT))) {
                return true; // "elected officials from both parties"
            }
        }
        // A plural or an agent noun at the head: "elected leaders", "the researcher".
        return words.length <= 6 && (head.endsWith("ers") || head.endsWith("ors") || head.endsWith("ists") || head.endsWith("ians")
                || head.endsWith("ants") || head.endsWith("ents"));
    }

    /** True when the words of {@code subject} are a lone personal pronoun. */
    static boolean isPronoun(String subject) {
        return PRONOUNS.contains(subject.strip().toLowerCase(Locale.ROOT));
    }

    static boolean isQuoteMark(char c) {
        return c == '"' || c == '“' || c == '”' || c == '«' || c == '»' || c == '„';
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '\'' || c == '’' || c == '-' || c == '&';
    }

    private static Span trimmed(int s, int e, String text) {
        while (s < e && Character.isWhitespace(text.charAt(s))) {
            s++;
        }
        while (e > s && (Character.isWhitespace(text.charAt(e - 1)) || text.charAt(e - 1) == ',')) {
            e--;
        }
        return stripTrailingPeriod(text, new Span(s, e));
    }

    /** "said Jane Roe." ends the sentence; "U.S." keeps its period. */
    private static Span stripTrailingPeriod(String text, Span s) {
        if (s.length() > 1 && text.charAt(s.end() - 1) == '.') {
            int e = s.end() - 1;
            int w = e;
            while (w > s.start() && !Character.isWhitespace(text.charAt(w - 1))) {
                w--;
            }
            String last = text.substring(w, e);
            boolean abbreviation = last.contains(".") || (last.length() == 1 && Character.isUpperCase(last.charAt(0)));
            if (!abbreviation) {
                return new Span(s.start(), e);
            }
        }
        return s;
    }
}
