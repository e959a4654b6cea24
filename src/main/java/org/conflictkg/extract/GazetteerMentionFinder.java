package org.conflictkg.extract;

import java.util.List;

/**
 * Finds mentions of gazetteer entities: at each token, the longest name that matches and whose
 * written form the text respects (see {@link Gazetteer.NameForm}).
 *
 * <p>Needs: sentences (only sentence text is searched, so boilerplate is skipped). Adds: mentions.
 *
 * <p>When one name fits several entities, a proper name beats a demonym, an actor's own name beats
 * a place's, but a country name goes to the place (news writes "in Syria" far more often than
 * "Syria said"); among places the most populous wins.
 */
public final class GazetteerMentionFinder implements ExtractionStage {

    /** No gazetteer name is longer than this many words. */
    private static final int MAX_NAME_TOKENS = 16;

    private final Gazetteer gazetteer;

    public GazetteerMentionFinder(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    @Override
    public String name() {
        return "gazetteer";
    }

    @Override
    public void process(AnalyzedDocument doc) {
        String text = doc.text();
        for (Sentence sentence : doc.sentences()) {
            List<NameKey.Token> tokens = NameKey.tokens(text, sentence.span().start(), sentence.span().end());
            int i = 0;
            while (i < tokens.size()) {
                int consumed = matchAt(text, tokens, i, doc);
                i += Math.max(1, consumed);
            }
        }
    }

    /** Tries the longest match starting at token {@code i}; returns the tokens consumed, or 0. */
    private int matchAt(String text, List<NameKey.Token> tokens, int i, AnalyzedDocument doc) {
        Gazetteer.Node node = gazetteer.root();
        Gazetteer.Node[] nodes = null;
        int[] lastToken = null;
        int depth = 0;
        for (int j = i; j < tokens.size() && depth < MAX_NAME_TOKENS; j++) {
            NameKey.Token t = tokens.get(j);
            if (t.article()) {
                continue; // names are indexed without their articles: "al-Bab" is found as "Bab"
            }
            node = node.child(t.key());
            if (node == null) {
                break;
            }
            if (nodes == null) {
                nodes = new Gazetteer.Node[MAX_NAME_TOKENS];
                lastToken = new int[MAX_NAME_TOKENS];
            }
            nodes[depth] = node;
            lastToken[depth] = j;
            depth++;
        }
        for (int d = depth; d > 0; d--) {
            Gazetteer.Node n = nodes[d - 1];
            if (n.labels == null) {
                continue;
            }
            int last = lastToken[d - 1];
            int firstWord = i;
            while (tokens.get(firstWord).article()) {
                firstWord++;
            }
            Gazetteer.Label best = choose(n.labels, text, tokens, i, firstWord, last);
            if (best != null) {
                int end = tokens.get(last).end();
                if (best.written().endsWith(".") && end < text.length() && text.charAt(end) == '.') {
                    end++; // "U.S." keeps its final period
                }
                Span span = new Span(tokens.get(i).start(), end);
                doc.addMention(new Mention(span, best.entry().key(), best.entry().kind(), span.of(text)));
                return last - i + 1;
            }
        }
        return 0;
    }

    private static Gazetteer.Label choose(List<Gazetteer.Label> labels, String text, List<NameKey.Token> tokens,
                                          int i, int firstWord, int last) {
        Gazetteer.Label best = null;
        int bestScore = Integer.MIN_VALUE;
        for (Gazetteer.Label l : labels) {
            if (!writtenAsRequired(l, text, tokens, i, firstWord, last)) {
                continue;
            }
            int score = score(l);
            if (score > bestScore) {
                best = l;
                bestScore = score;
            }
        }
        return best;
    }

    private static int score(Gazetteer.Label l) {
        GazetteerEntry e = l.entry();
        boolean country = e.featureCode() != null && e.featureCode().startsWith("A.PCL");
        int base;
        if (l.form() == Gazetteer.NameForm.DEMONYM) {
            base = 0;
        } else if (country) {
            base = 3;
        } else if (e.kind().isActor()) {
            base = e.kind() == EntityKind.STATE ? 1 : 2;
        } else {
            base = 1;
        }
        // Population breaks ties among places: log scale keeps it below one step of base.
        int pop = e.population() > 0 ? (int) Math.min(99, Math.log10(e.population()) * 10) : 0;
        return base * 100 + pop;
    }

    private static boolean writtenAsRequired(Gazetteer.Label l, String text, List<NameKey.Token> tokens,
                                             int i, int firstWord, int last) {
        return switch (l.form()) {
            case ACRONYM -> sameLettersSameCase(l.written(), text, tokens, i, last);
            case NAME, DEMONYM -> {
                int cp = text.codePointAt(tokens.get(firstWord).start());
                boolean capitalised = Character.isUpperCase(cp) || Character.isDigit(cp) || Character.isTitleCase(cp);
                yield capitalised && (firstWord < last || !needsExactSpelling(l) || sameSpelling(l.written(), text, tokens.get(firstWord)));
            }
        };
    }

    /**
     * A one-word name of a minor place matches only as written (up to case and diacritics), not
     * through transliteration folding: folding "Helen" to a Dutch village called Haelen would turn
     * people into places. Major places (towns of 100,000 and more, provinces, countries) and all
     * actors keep the folding, which is what finds "Raqqah" for "Raqqa".
     */
    private static boolean needsExactSpelling(Gazetteer.Label l) {
        GazetteerEntry e = l.entry();
        if (e.kind().isActor()) {
            return false;
        }
        boolean admin = e.featureCode() != null && (e.featureCode().startsWith("A.") || e.featureCode().startsWith("H."));
        return !admin && e.population() < 100_000;
    }

    private static boolean sameSpelling(String written, String text, NameKey.Token t) {
        for (NameKey.Token w : NameKey.tokens(written)) {
            if (!w.article()) {
                return NameKey.simpleFold(written.substring(w.start(), w.end()))
                        .equals(NameKey.simpleFold(text.substring(t.start(), t.end())));
            }
        }
        return false;
    }

    private static boolean sameLettersSameCase(String written, String text, List<NameKey.Token> tokens, int i, int last) {
        StringBuilder a = new StringBuilder();
        for (int k = i; k <= last; k++) {
            a.append(text, tokens.get(k).start(), tokens.get(k).end());
        }
        StringBuilder b = new StringBuilder();
        for (NameKey.Token t : NameKey.tokens(written)) {
            b.append(written, t.start(), t.end());
        }
        return a.toString().contentEquals(b);
    }
}
