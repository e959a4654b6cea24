package org.conflictkg.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds organisations introduced with an acronym in parentheses, "Jaish al-Example (JaE)" or "the
 * Example Defence Units (EDU)", and the later uses of the acronym. An organisation the gazetteer
 * knows gains the acronym; one it does not know becomes a new organisation of the document.
 *
 * <p>Needs: sentences, gazetteer mentions. Adds: organisation mentions for the long form and every
 * use of the acronym (taking back place mentions inside the long form), introduced organisations.
 */
public final class AcronymFinder implements ExtractionStage {

    private static final Pattern ACRONYM_IN_PARENS = Pattern.compile("\\s\\(([A-Za-z][A-Za-z&.\\-]{1,9})\\)");
    private static final java.util.Set<String> CONNECTORS = java.util.Set.of("of", "the", "for", "and", "al", "el", "de", "du", "des", "la", "le", "s");

    @Override
    public String name() {
        return "acronyms";
    }

    @Override
    public void process(AnalyzedDocument doc) {
        String text = doc.text();
        List<String[]> found = new ArrayList<>(); // {acronym, entity key}
        for (Sentence sentence : doc.sentences()) {
            Matcher m = ACRONYM_IN_PARENS.matcher(text).region(sentence.span().start(), sentence.span().end());
            while (m.find()) {
                String acronym = m.group(1);
                if (uppercaseCount(acronym) < 2) {
                    continue;
                }
                Span longForm = longFormBefore(text, sentence.span().start(), m.start(), acronym);
                if (longForm == null) {
                    continue;
                }
                Mention known = knownActorCovering(doc, longForm);
                String key;
                if (known != null) {
                    key = known.entity();
                } else {
                    String name = longForm.of(text);
                    key = "id/actor/" + org.conflictkg.rdf.Iris.slug(name);
                    doc.retractMentionsOverlapping(longForm);
                    doc.introduce(new IntroducedEntity(key, EntityKind.ORGANIZATION, name, List.of(acronym)));
                    doc.addMention(new Mention(longForm, key, EntityKind.ORGANIZATION, name));
                }
                found.add(new String[] {acronym, key});
            }
        }
        for (String[] f : found) {
            mentionAcronym(doc, f[0], f[1]);
        }
    }

    private static int uppercaseCount(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (Character.isUpperCase(s.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    /**
     * The capitalised words just before the parenthesis whose initials spell the acronym's capitals
     * in order, starting at a word that begins with the acronym's first letter.
     */
    static Span longFormBefore(String text, int sentenceStart, int parenthesis, String acronym) {
        List<NameKey.Token> tokens = NameKey.tokens(text, sentenceStart, parenthesis);
        StringBuilder caps = new StringBuilder();
        for (char c : acronym.toCharArray()) {
            if (Character.isUpperCase(c)) {
                caps.append(Character.toLowerCase(c));
            }
        }
        int k = tokens.size() - 1;
        int need = caps.length() - 1;
        int start = -1;
        while (k >= 0 && need >= 0) {
            NameKey.Token t = tokens.get(k);
            String word = text.substring(t.start(), t.end());
            boolean connector = CONNECTORS.contains(word.toLowerCase(java.util.Locale.ROOT));
            if (!connector && !Character.isUpperCase(word.charAt(0))) {
                return null;
            }
            if (!connector) {
                if (Character.toLowerCase(word.charAt(0)) == caps.charAt(need)) {
                    need--;
                    start = t.start();
                } else if (need == caps.length() - 1) {
                    return null; // the last word must give the last capital
                }
            }
            k--;
        }
        return need < 0 && start >= 0 ? new Span(start, tokens.get(tokens.size() - 1).end()) : null;
    }

    private static Mention knownActorCovering(AnalyzedDocument doc, Span longForm) {
        for (Mention m : doc.mentions()) {
            if (m.kind().isActor() && m.span().overlaps(longForm) && m.span().length() * 3 >= longForm.length() * 2) {
                return m;
            }
        }
        return null;
    }

    private static void mentionAcronym(AnalyzedDocument doc, String acronym, String key) {
        String text = doc.text();
        for (Sentence sentence : doc.sentences()) {
            for (NameKey.Token t : NameKey.tokens(text, sentence.span().start(), sentence.span().end())) {
                if (t.end() - t.start() != acronym.length() || !text.startsWith(acronym, t.start())) {
                    continue;
                }
                if (doc.mentionAt(t.start()) != null) {
                    continue;
                }
                EntityKind kind = doc.mentions().stream().filter(m -> m.entity().equals(key)).map(Mention::kind)
                        .findFirst().orElse(EntityKind.ORGANIZATION);
                doc.addMention(new Mention(new Span(t.start(), t.end()), key, kind, acronym));
            }
        }
    }
}
