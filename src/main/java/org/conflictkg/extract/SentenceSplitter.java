package org.conflictkg.extract;

import java.util.List;
import java.util.Set;

/**
 * Splits the article body into sentences with rules tuned for news English.
 *
 * <p>Needs: boilerplate spans. Adds: sentences, each with its paragraph index. A line is a
 * paragraph and no sentence crosses a line break. Within a line, a sentence ends at {@code .}, {@code
 * !} or {@code ?} (with any closing quotes or brackets after it) followed by a space and an
 * upper-case letter, a digit or an opening quote — unless the word before the period is a title or
 * abbreviation ("Col.", "U.S.", "Jan.") or a single initial ("John Q. Public").
 */
public final class SentenceSplitter implements ExtractionStage {

    private static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "lt", "col", "gen", "maj", "capt", "cpt",
            "sgt", "cmdr", "adm", "brig", "pvt", "cpl", "rev", "st", "jr", "sr", "mt", "ft", "hon", "pres",
            "amb", "supt", "insp", "lieut", "gens", "cols", "sens", "reps", "messrs",
            "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
            "no", "nos", "vs", "etc", "inc", "corp", "co", "ltd", "dept", "approx", "est", "al", "ave", "blvd",
            "u.s", "u.n", "u.k", "e.u", "u.s.a", "d.c", "a.m", "p.m", "i.e", "e.g");

    @Override
    public String name() {
        return "sentences";
    }

    @Override
    public void process(AnalyzedDocument doc) {
        // No-break and thin spaces read as spaces: 'him.\u00A0"There' ends a sentence too.
        String text = doc.searchText();
        List<Span> lines = Lines.of(text);
        int paragraph = 0;
        for (Span line : lines) {
            if (doc.isBoilerplate(line)) {
                continue;
            }
            splitLine(text, line, paragraph, doc);
            paragraph++;
        }
    }

    private void splitLine(String text, Span line, int paragraph, AnalyzedDocument doc) {
        int start = line.start();
        int i = start;
        while (i < line.end()) {
            char c = text.charAt(i);
            if (c == '.' || c == '!' || c == '?' || c == '…') {
                int end = i + 1;
                while (end < line.end() && isCloser(text.charAt(end))) {
                    end++;
                }
                if (end < line.end() && Character.isWhitespace(text.charAt(end))) {
                    int next = end;
                    while (next < line.end() && Character.isWhitespace(text.charAt(next))) {
                        next++;
                    }
                    if (next < line.end() && startsSentence(text.charAt(next)) && !(c == '.' && isAbbreviation(text, start, i))) {
                        doc.addSentence(new Sentence(new Span(start, end), paragraph));
                        start = next;
                        i = next;
                        continue;
                    }
                }
            }
            i++;
        }
        if (start < line.end()) {
            doc.addSentence(new Sentence(new Span(start, line.end()), paragraph));
        }
    }

    private static boolean isCloser(char c) {
        return c == '"' || c == '\'' || c == '”' || c == '’' || c == ')' || c == ']' || c == '»' || c == '.';
    }

    private static boolean startsSentence(char c) {
        return Character.isUpperCase(c) || Character.isDigit(c)
                || c == '"' || c == '“' || c == '\'' || c == '‘' || c == '(' || c == '[' || c == '«';
    }

    /** The token ending at the period at {@code dot}: an abbreviation or a single initial. */
    private static boolean isAbbreviation(String text, int sentenceStart, int dot) {
        int s = dot;
        while (s > sentenceStart && !Character.isWhitespace(text.charAt(s - 1)) && text.charAt(s - 1) != '(' && text.charAt(s - 1) != '"') {
            s--;
        }
        String word = text.substring(s, dot);
        if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) {
            return true;
        }
        return ABBREVIATIONS.contains(word.toLowerCase(java.util.Locale.ROOT));
    }
}
