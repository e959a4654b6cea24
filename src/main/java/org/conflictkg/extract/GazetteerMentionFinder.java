package org.conflictkg.extract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds mentions of gazetteer entities: at each token, the longest name that matches and whose
 * written form the text respects (see {@link Gazetteer.NameForm}).
 *
 * <p>Needs: sentences (only sentence text is searched, so boilerplate is skipped). Adds: mentions.
 *
 * <p>When one name fits several entities, a proper name beats a demonym, an actor's own name beats
 * a place's, but a country name goes to the place (news writes "in Syria" far more often than
 * "Syria said"). Among places of different countries, the document decides first: a place in a
 * country the document names (as a country, a state or a demonym) or implies (by the places it
 * names unambiguously) beats one elsewhere, unless the one elsewhere is more than {@value
 * #CONTEXT_MARGIN} times as populous or the seat of a higher administration (a capital over a
 * county seat, a county seat over a village); then the most populous wins. So "Tripoli" is the
 * Lebanese city in an article about Lebanon and the Libyan capital otherwise, "Palmyra" is the
 * Syrian town in an article about Syria, but "Paris" and "Geneva" stay in Europe in an article
 * about America. A name still ambiguous this way is no evidence of its country.
 */
public final class GazetteerMentionFinder implements ExtractionStage {

    /** No gazetteer name is longer than this many words. */
    private static final int MAX_NAME_TOKENS = 16;

    /**
     * How many times more populous a place must be to win over a namesake in a country the document
     * mentions. Ten keeps a regional capital in the document's country ahead of a foreign capital
     * of five times its size, and keeps the world's great cities ahead of the small towns named
     * after them (Paris over Paris, Texas: a factor of eighty).
     */
    static final int CONTEXT_MARGIN = 10;

    /** A name that fits places in several countries, decided once the whole document is read. */
    private record Ambiguous(Span span, String exact, GazetteerEntry fallback, List<GazetteerEntry> candidates) {}

    /** What one scan of a document has gathered: the countries in evidence, the undecided names. */
    private static final class Scan {
        final Set<String> countries = new HashSet<>();
        List<Ambiguous> ambiguous;
    }

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
        Scan scan = new Scan();
        for (Sentence sentence : doc.sentences()) {
            List<NameKey.Token> tokens = NameKey.tokens(text, sentence.span().start(), sentence.span().end());
            int i = 0;
            while (i < tokens.size()) {
                int consumed = matchAt(text, tokens, i, doc, scan);
                i += Math.max(1, consumed);
            }
        }
        if (scan.ambiguous != null) {
            for (Ambiguous a : scan.ambiguous) {
                GazetteerEntry e = inDocumentCountry(a, scan.countries);
                doc.addMention(new Mention(a.span(), e.key(), e.kind(), a.exact()));
            }
        }
    }

    /**
     * The most populous candidate in a country the document mentions (every candidate is within
     * {@link #CONTEXT_MARGIN} of the name's own choice), else the name's own choice.
     */
    private static GazetteerEntry inDocumentCountry(Ambiguous a, Set<String> countries) {
        GazetteerEntry best = null;
        for (GazetteerEntry c : a.candidates()) {
            if (countries.contains(c.countryCode()) && (best == null || c.population() > best.population())) {
                best = c;
            }
        }
        return best == null ? a.fallback() : best;
    }

    /** Tries the longest match starting at token {@code i}; returns the tokens consumed, or 0. */
    private int matchAt(String text, List<NameKey.Token> tokens, int i, AnalyzedDocument doc, Scan scan) {
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
                GazetteerEntry e = best.entry();
                List<GazetteerEntry> candidates = namesakesAbroad(best, n.labels, text, tokens, i, firstWord, last);
                if (candidates != null) {
                    if (scan.ambiguous == null) {
                        scan.ambiguous = new ArrayList<>();
                    }
                    scan.ambiguous.add(new Ambiguous(span, span.of(text), e, candidates));
                } else {
                    doc.addMention(new Mention(span, e.key(), e.kind(), span.of(text)));
                    if (e.countryCode() != null && (e.kind() == EntityKind.PLACE || e.kind() == EntityKind.STATE)) {
                        scan.countries.add(e.countryCode());
                    }
                }
                return last - i + 1;
            }
        }
        return 0;
    }

    /**
     * When the chosen label is a place and the same written name also fits places in other countries
     * that the document's countries could prefer (within {@link #CONTEXT_MARGIN} of the chosen one's
     * population), all those places with the chosen one; else null: the name alone decides.
     */
    private static List<GazetteerEntry> namesakesAbroad(Gazetteer.Label chosen, List<Gazetteer.Label> labels, String text,
                                                        List<NameKey.Token> tokens, int i, int firstWord, int last) {
        GazetteerEntry e = chosen.entry();
        if (labels.size() < 2 || !isPlainPlace(chosen)) {
            return null;
        }
        List<GazetteerEntry> out = null;
        for (Gazetteer.Label l : labels) {
            GazetteerEntry c = l.entry();
            if (!isPlainPlace(l) || c.countryCode() == null || c.countryCode().equals(e.countryCode())
                    || c.population() * CONTEXT_MARGIN < e.population() || standing(c) < standing(e)
                    || !writtenAsRequired(l, text, tokens, i, firstWord, last)) {
                continue;
            }
            if (out == null) {
                out = new ArrayList<>(3);
                out.add(e);
            }
            if (!out.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * How high a populated place stands in GeoNames' administrative hierarchy: 3 for the seat of a
     * country or a first-level division, 2 for a second-level seat, 1 for lower seats, 0 for other
     * places. Population alone undersells a well-known seat (a canton's capital of 180,000 against
     * an American county seat of 20,000 is "only" nine times larger); standing keeps the document's
     * countries from handing its name to a lesser namesake.
     */
    private static int standing(GazetteerEntry e) {
        String f = e.featureCode();
        if (f == null || !f.startsWith("P.PPL")) {
            return 0;
        }
        return switch (f) {
            case "P.PPLC", "P.PPLG", "P.PPLA" -> 3;
            case "P.PPLA2" -> 2;
            case "P.PPLA3", "P.PPLA4", "P.PPLA5" -> 1;
            default -> 0;
        };
    }

    /** A place other than a country, named by a name rather than a demonym: what population ranks. */
    private static boolean isPlainPlace(Gazetteer.Label l) {
        GazetteerEntry e = l.entry();
        return e.kind() == EntityKind.PLACE && l.form() != Gazetteer.NameForm.DEMONYM
                && (e.featureCode() == null || !e.featureCode().startsWith("A.PCL"));
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
