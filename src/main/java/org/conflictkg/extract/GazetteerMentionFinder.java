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
        Gazetteer.Node[] path = null;
        int depth = 0;
        for (int j = i; j < tokens.size(); j++) {
            node = node.child(tokens.get(j).key());
            if (node == null) {
                break;
            }
            if (path == null) {
                path = new Gazetteer.Node[Math.min(16, tokens.size() - i)];
            }
            if (depth >= path.length) {
                break;
            }
            path[depth++] = node;
        }
        for (int d = depth; d > 0; d--) {
            Gazetteer.Node n = path[d - 1];
            if (n.labels == null) {
                continue;
            }
            int start = tokens.get(i).start();
            int end = tokens.get(i + d - 1).end();
            Gazetteer.Label best = choose(n.labels, text, tokens, i, d);
            if (best != null) {
                Span span = new Span(start, end);
                doc.addMention(new Mention(span, best.entry().key(), best.entry().kind(), span.of(text)));
                return d;
            }
        }
        return 0;
    }

    private static Gazetteer.Label choose(List<Gazetteer.Label> labels, String text, List<NameKey.Token> tokens, int i, int d) {
        Gazetteer.Label best = null;
        int bestScore = Integer.MIN_VALUE;
        for (Gazetteer.Label l : labels) {
            if (!writtenAsRequired(l, text, tokens, i, d)) {
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

    private static boolean writtenAsRequired(Gazetteer.Label l, String text, List<NameKey.Token> tokens, int i, int d) {
        NameKey.Token first = tokens.get(i);
        return switch (l.form()) {
            case ACRONYM -> sameLettersSameCase(l.written(), text, tokens, i, d);
            case NAME, DEMONYM -> {
                int cp = text.codePointAt(first.start());
                yield Character.isUpperCase(cp) || Character.isDigit(cp) || Character.isTitleCase(cp);
            }
        };
    }

    private static boolean sameLettersSameCase(String written, String text, List<NameKey.Token> tokens, int i, int d) {
        StringBuilder a = new StringBuilder();
        for (int k = i; k < i + d; k++) {
            a.append(text, tokens.get(k).start(), tokens.get(k).end());
        }
        StringBuilder b = new StringBuilder();
        for (NameKey.Token t : NameKey.tokens(written)) {
            b.append(written, t.start(), t.end());
        }
        return a.toString().contentEquals(b);
    }
}
