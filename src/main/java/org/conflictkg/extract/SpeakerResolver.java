package org.conflictkg.extract;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Decides who said each quotation and statement: the entity its written source refers to, with the
 * role and organisation the article gives that speaker, and whom the words were addressed to.
 *
 * <p>Needs: mentions (people found by {@link PersonFinder}, so a surname is already that person),
 * role relations, quotations with their source spans. Adds: nothing new; it fills in the
 * speaker, role, organisation and addressee of each quotation.
 *
 * <p>How a source resolves:
 * <ul>
 *   <li>a name: the person, organisation or state mentioned in it (a country that speaks is its
 *       state; a person is preferred to the organisation of an appositive);
 *   <li>"he" or "she": the nearest person named before it whose gender, where the article shows
 *       it ("Mr.", "spokeswoman"), does not contradict the pronoun; "it": the nearest organisation;
 *   <li>a description ("the ministry", "the coalition"): the nearest actor named before it whose
 *       name ends with the same noun;
 *   <li>no source at all (a quotation standing alone): the speaker of the quotation or statement
 *       just before it, in the same or the previous paragraph.
 * </ul>
 * Anything else stays unattributed: a speaker is never guessed.
 */
public final class SpeakerResolver implements ExtractionStage {

    private static final Pattern FEMALE = Pattern.compile(
            "(?i)\\b(?:spokeswoman|chairwoman|woman|mother|wife|daughter|sister|actress|congresswoman|businesswoman|"
                    + "grandmother|girl|queen|princess|mrs\\.?|ms\\.?|miss|madam)\\b");
    private static final Pattern MALE = Pattern.compile(
            "(?i)\\b(?:spokesman|chairman|man|father|husband|son|brother|congressman|businessman|grandfather|boy|king|prince|"
                    + "mr\\.?|sir|sheikh)\\b");

    /** Paragraphs a pronoun may look back over for its antecedent. */
    private static final int PRONOUN_REACH_PARAGRAPHS = 3;

    private final Gazetteer gazetteer;

    public SpeakerResolver(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    @Override
    public String name() {
        return "speakers";
    }

    private enum Gender { FEMALE, MALE, UNKNOWN }

    @Override
    public void process(AnalyzedDocument doc) {
        String text = doc.searchText();
        Map<String, Gender> genders = genders(doc);
        List<Quotation> quotations = doc.quotations();
        Quotation previous = null;
        for (int i = 0; i < quotations.size(); i++) {
            Quotation q = quotations.get(i);
            String speaker = null;
            if (q.source() != null) {
                speaker = resolve(doc, q.source(), genders);
            } else if (previous != null && previous.speaker() != null && paragraphGap(doc, previous, q) <= 1) {
                speaker = previous.speaker();
            }
            Relation role = speaker == null ? null : roleOf(doc, speaker, q.extent());
            String addressee = addressee(doc, q);
            Quotation resolved = q.attributed(q.cue(), q.source(), speaker,
                    role == null ? null : role.detail(), role == null ? null : role.target(), addressee, q.reportingVerb());
            doc.setQuotation(i, resolved);
            if (resolved.speaker() != null || q.source() != null) {
                previous = resolved;
            }
            if (speaker != null && q.source() != null && Attributions.isPronoun(q.source().of(text))) {
                genders.putIfAbsent(speaker, genderOf(q.source().of(text)));
            }
        }
    }

    /** The entity a written source refers to, or null. */
    private String resolve(AnalyzedDocument doc, Span source, Map<String, Gender> genders) {
        String text = doc.searchText();
        String written = source.of(text).strip();
        if (Attributions.isPronoun(written)) {
            return antecedent(doc, source, written.toLowerCase(Locale.ROOT), genders);
        }
        List<Mention> inside = doc.mentionsIn(source);
        for (Mention m : inside) {
            if (m.kind() == EntityKind.PERSON) {
                return m.entity();
            }
        }
        for (Mention m : inside) {
            GazetteerEntry actor = gazetteer.actorOf(m);
            if (actor != null) {
                return actor.key();
            }
            if (m.kind().isActor()) {
                return m.entity();
            }
        }
        Mention at = doc.mentionAt(source.start());
        if (at != null && at.kind() == EntityKind.PERSON) {
            return at.entity();
        }
        return described(doc, source, written);
    }

    /** "the ministry" is the nearest actor named before whose name ends with "ministry". */
    private String described(AnalyzedDocument doc, Span source, String written) {
        String[] words = written.toLowerCase(Locale.ROOT).split("\\s+");
        if (words.length < 2 || !(words[0].equals("the"))) {
            return null;
        }
        String head = words[words.length - 1].replaceAll("[^\\p{L}]", "");
        if (head.length() < 4) {
            return null;
        }
        List<Mention> all = doc.mentions();
        for (int i = all.size() - 1; i >= 0; i--) {
            Mention m = all.get(i);
            if (m.span().start() >= source.start() || !m.kind().isActor() || m.kind() == EntityKind.PERSON) {
                continue;
            }
            String[] name = m.exact().toLowerCase(Locale.ROOT).split("[\\s-]+");
            if (name[name.length - 1].equals(head)) {
                return m.entity();
            }
        }
        return null;
    }

    /** The nearest person (for he/she) or organisation (for it) mentioned before the pronoun. */
    private String antecedent(AnalyzedDocument doc, Span pronoun, String word, Map<String, Gender> genders) {
        boolean person = word.equals("he") || word.equals("she");
        if (!person && !word.equals("it")) {
            return null; // "they", "we", "I": no single speaker to name
        }
        Gender wanted = genderOf(word);
        Sentence here = doc.sentenceOf(pronoun);
        int minParagraph = here == null ? 0 : here.paragraph() - PRONOUN_REACH_PARAGRAPHS;
        List<Mention> all = doc.mentions();
        for (int i = all.size() - 1; i >= 0; i--) {
            Mention m = all.get(i);
            if (m.span().start() >= pronoun.start()) {
                continue;
            }
            Sentence s = doc.sentenceOf(m.span());
            if (s != null && s.paragraph() < minParagraph) {
                return null;
            }
            if (person && m.kind() == EntityKind.PERSON) {
                Gender g = genders.getOrDefault(m.entity(), Gender.UNKNOWN);
                if (g == Gender.UNKNOWN || g == wanted) {
                    return m.entity();
                }
            } else if (!person && m.kind().isActor() && m.kind() != EntityKind.PERSON) {
                return m.entity();
            }
        }
        return null;
    }

    private static Gender genderOf(String pronoun) {
        return switch (pronoun.toLowerCase(Locale.ROOT)) {
            case "she" -> Gender.FEMALE;
            case "he" -> Gender.MALE;
            default -> Gender.UNKNOWN;
        };
    }

    /** What the article shows of each person's gender: a title before the name, a gendered role. */
    private static Map<String, Gender> genders(AnalyzedDocument doc) {
        String text = doc.searchText();
        Map<String, Gender> out = new HashMap<>();
        for (Relation r : doc.relations()) {
            if (r.type() == Relation.Type.ROLE && r.detail() != null) {
                Gender g = FEMALE.matcher(r.detail()).find() ? Gender.FEMALE : MALE.matcher(r.detail()).find() ? Gender.MALE : Gender.UNKNOWN;
                if (g != Gender.UNKNOWN) {
                    out.putIfAbsent(r.source(), g);
                }
            }
        }
        for (Mention m : doc.mentions()) {
            if (m.kind() != EntityKind.PERSON || out.containsKey(m.entity())) {
                continue;
            }
            String before = text.substring(Math.max(0, m.span().start() - 14), m.span().start());
            if (FEMALE.matcher(before).find()) {
                out.put(m.entity(), Gender.FEMALE);
            } else if (MALE.matcher(before).find()) {
                out.put(m.entity(), Gender.MALE);
            }
        }
        return out;
    }

    /** The speaker's role as the article gives it: the role stated nearest before the words, else the first. */
    private static Relation roleOf(AnalyzedDocument doc, String speaker, Span words) {
        Relation best = null;
        for (Relation r : doc.relations()) {
            if (r.type() != Relation.Type.ROLE || !r.source().equals(speaker)) {
                continue;
            }
            if (best == null || (r.evidence().start() <= words.end() && r.evidence().start() > best.evidence().start())) {
                best = r;
            }
        }
        return best;
    }

    /** "told Reuters" gives Reuters; "said in an interview with the BBC" gives the BBC. */
    private String addressee(AnalyzedDocument doc, Quotation q) {
        if (q.cue() == null) {
            return null;
        }
        String text = doc.searchText();
        int from = q.cue().end();
        int to = Math.min(text.length(), from + 60);
        boolean tell = "tell".equals(q.reportingVerb());
        int interview = text.substring(from, to).indexOf("interview with ");
        if (!tell && interview < 0) {
            return null;
        }
        int start = tell ? from : from + interview + "interview with ".length();
        for (Mention m : doc.mentionsIn(new Span(start, Math.min(text.length(), start + 40)))) {
            String gap = text.substring(start, m.span().start()).strip().toLowerCase(Locale.ROOT);
            if (!(gap.isEmpty() || gap.equals("the"))) {
                break;
            }
            GazetteerEntry actor = gazetteer.actorOf(m);
            if (actor != null) {
                return actor.key();
            }
            return m.kind().isActor() ? m.entity() : null;
        }
        return null;
    }

    /** How many paragraphs lie between two quotations (0 when in the same paragraph). */
    private static int paragraphGap(AnalyzedDocument doc, Quotation earlier, Quotation later) {
        Sentence a = doc.sentenceOf(new Span(earlier.extent().end() - 1, earlier.extent().end()));
        Sentence b = doc.sentenceOf(new Span(later.extent().start(), later.extent().start() + 1));
        if (a == null || b == null) {
            return Integer.MAX_VALUE;
        }
        return b.paragraph() - a.paragraph();
    }
}
