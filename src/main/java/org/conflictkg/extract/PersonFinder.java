package org.conflictkg.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds people the gazetteer does not know, from the way news introduces them: a title before the
 * name ("Colonel Jane Roe", "Foreign Minister John Doe", "spokesman Ali Hassan") or an appositive
 * after it ("John Q. Public, a former ambassador to Iraq,"). Later mentions by surname ("Roe said")
 * resolve to the same person. The appositive is the person's role as the article gives it; the first
 * organisation named in it is the organisation of that role.
 *
 * <p>Needs: sentences, gazetteer mentions. Adds: person mentions (taking back any place mention
 * inside the name, such as a surname that is also a village), introduced persons, role relations.
 *
 * <p>A person's key is the slug of the full name, so the same name in two documents is one person.
 */
public final class PersonFinder implements ExtractionStage {

    /** Titles and ranks written before a name. */
    private static final String TITLE = "(?:(?:Lt\\.|Lieut\\.|Maj\\.|Brig\\.|Vice|Rear|Deputy|Acting|Former|former)\\s+)?"
            + "(?:Col\\.|Colonel|Gen\\.|General|Lieutenant Colonel|Lieutenant General|Major General|Brigadier General|Maj\\.|Major|"
            + "Capt\\.|Captain|Sgt\\.|Sergeant|Adm\\.|Admiral|Cmdr\\.|Commander|Lt\\.|Lieutenant|Cpl\\.|Corporal|Pvt\\.|Private|"
            + "President|Vice President|Prime Minister|Foreign Minister|Defen[cs]e Minister|Interior Minister|Minister|"
            + "Secretary of State|Defen[cs]e Secretary|Secretary|Sen\\.|Senator|Rep\\.|Representative|Gov\\.|Governor|"
            + "Ambassador|Envoy|Mr\\.|Mrs\\.|Ms\\.|Dr\\.|Sheikh|Shaikh|Imam|King|Prince|Emir|Ayatollah|Mayor|Judge|Chancellor|Spokesman|Spokeswoman)";

    /** Lower-case role nouns that introduce a name directly: "spokesman Ali Hassan". */
    private static final String ROLE_NOUN = "(?:spokesman|spokeswoman|spokesperson|commander|leader|chief|envoy|ambassador|"
            + "analyst|official|researcher|director|minister|activist|journalist|correspondent|general|colonel|adviser|advisor|expert)";

    /** A name: capitalised words, initials and the particles names carry ("al-", "bin", "de"). */
    // Possessive quantifiers: a word's letters are never given back, so a long run of letters
    // costs linear time instead of being retried at every length.
    private static final String NAME = "(\\p{Lu}[\\p{L}'’]++(?:-\\p{Lu}[\\p{L}'’]++)?"
            + "(?:\\s+(?:\\p{Lu}\\.|(?:al|el|ad|as|ash|bin|ibn|abu|Abu|de|da|del|van|von|der|la|le|du|ul)-?\\s*(?=\\p{Lu})|\\p{Lu}[\\p{L}'’]++(?:-\\p{Lu}[\\p{L}'’]++)?))*)";

    private static final Pattern TITLED = Pattern.compile("(?<![\\p{L}])(?:" + TITLE + "|" + ROLE_NOUN + ")\\s+" + NAME);

    private static final Pattern APPOSITIVE = Pattern.compile(NAME + ",\\s+(?:(?:a|an|the|who is|who was|who heads|who leads)\\s+)?"
            + "((?:(?:former|senior|top|chief|deputy|acting|then|retired|veteran|local|military|regional|official|\\p{Lu}[\\p{L}.'’-]*)\\s+)*)"
            + "(spokesman|spokeswoman|spokesperson|commander|leader|head|chief|envoy|ambassador|analyst|official|researcher|director|"
            + "minister|secretary|president|activist|journalist|correspondent|general|colonel|adviser|advisor|expert|fellow|professor|"
            + "member|founder|resident|diplomat|officer|representative|negotiator|mayor|governor|chairman|chairwoman|monitor)\\b"
            + "((?:[^,.;:\"“”]|\\.(?=\\S))*)");

    /** Titles, ranks and service names that may lead a captured name but are not part of it. */
    private static final Set<String> TITLE_WORDS = Set.of(
            "Colonel", "Col", "General", "Gen", "Lt", "Lieut", "Lieutenant", "Major", "Maj", "Captain", "Capt", "Sgt", "Sergeant",
            "Admiral", "Adm", "Commander", "Cmdr", "Brig", "Brigadier", "Cpl", "Corporal", "Pvt", "Private", "President",
            "Minister", "Foreign", "Defense", "Defence", "Interior", "Secretary", "Senator", "Sen", "Rep", "Representative",
            "Governor", "Gov", "Ambassador", "Envoy", "Mr", "Mrs", "Ms", "Dr", "Sheikh", "Shaikh", "Imam", "King", "Prince",
            "Emir", "Ayatollah", "Mayor", "Judge", "Chancellor", "Spokesman", "Spokeswoman", "Prime", "Vice", "Deputy", "Acting",
            "Former", "Army", "Navy", "Air", "Force", "Marine", "Marines", "Corps", "U", "S", "US", "Staff", "Chief");

    /** Words that start with a capital but are not names, seen before a title or name. */
    private static final Set<String> NOT_NAMES = Set.of(
            "The", "A", "An", "In", "On", "At", "But", "And", "He", "She", "They", "It", "This", "That", "Its", "His", "Her",
            "U.S", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "According", "Meanwhile");

    private final Gazetteer gazetteer;

    public PersonFinder(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    @Override
    public String name() {
        return "persons";
    }

    @Override
    public void process(AnalyzedDocument doc) {
        String text = doc.text();
        List<Person> people = new ArrayList<>();
        for (Sentence sentence : doc.sentences()) {
            if (sentence.span().length() > ReportedSpeechFinder.MAX_SENTENCE) {
                continue; // not prose: a list, a table or a run of letters
            }
            String s = sentence.span().of(text);
            int off = sentence.span().start();
            Matcher t = TITLED.matcher(s);
            while (t.find()) {
                Span name = trimName(text, off + t.start(1), off + t.end(1));
                if (name != null) {
                    people.add(new Person(name, null, null, sentence));
                }
            }
            Matcher a = APPOSITIVE.matcher(s);
            while (a.find()) {
                Span name = trimName(text, off + a.start(1), off + a.end(1));
                if (name == null) {
                    continue;
                }
                int roleStart = a.start(2);
                Span role = new Span(off + roleStart, off + a.end(4));
                people.add(new Person(name, role, null, sentence));
            }
        }
        for (Person p : people) {
            register(doc, p);
        }
        resolveSurnames(doc);
    }

    private record Person(Span name, Span role, String key, Sentence sentence) {}

    /**
     * Drops leading words that are not part of a name and rejects names that are really places or
     * organisations the gazetteer knows ("the Syrian Democratic Forces, a ...").
     */
    private Span trimName(String text, int start, int end) {
        List<NameKey.Token> tokens = NameKey.tokens(text, start, end);
        while (!tokens.isEmpty() && (NOT_NAMES.contains(text.substring(tokens.get(0).start(), tokens.get(0).end()))
                || TITLE_WORDS.contains(text.substring(tokens.get(0).start(), tokens.get(0).end())))) {
            tokens = tokens.subList(1, tokens.size());
        }
        if (tokens.isEmpty()) {
            return null;
        }
        return new Span(tokens.get(0).start(), end);
    }

    private void register(AnalyzedDocument doc, Person p) {
        String text = doc.text();
        String full = p.name().of(text);
        // A name the gazetteer already knows as an actor (an organisation, a known person) is not new.
        Mention known = doc.mentionAt(p.name().start());
        if (known != null && known.kind().isActor() && known.kind() != EntityKind.PERSON && known.span().contains(p.name())) {
            return;
        }
        boolean multiWord = NameKey.tokens(full).size() >= 2;
        if (p.role() != null && !multiWord) {
            return; // "Raqqa, a city ..." is not a person: appositive names need two words
        }
        for (Mention m : doc.mentionsIn(p.sentence().span())) {
            if (m.span().overlaps(p.name()) && m.kind().isActor() && m.kind() != EntityKind.PERSON
                    && m.span().length() * 2 > p.name().length()) {
                return; // mostly an organisation's name
            }
        }
        String key;
        Mention person = known != null && known.kind() == EntityKind.PERSON ? known : null;
        if (person != null) {
            key = person.entity();
        } else {
            key = "id/person/" + org.conflictkg.rdf.Iris.slug(full);
            doc.retractMentionsOverlapping(p.name());
            doc.introduce(new IntroducedEntity(key, EntityKind.PERSON, full, List.of()));
            doc.addMention(new Mention(p.name(), key, EntityKind.PERSON, full));
        }
        if (p.role() != null) {
            String role = p.role().of(text).strip();
            String org = organisationIn(doc, p.role());
            doc.addRelation(Relation.of(Relation.Type.ROLE, key, org, p.sentence().span(), role));
        }
    }

    /** The first organisation named in a role phrase; a country there stands for its state. */
    private String organisationIn(AnalyzedDocument doc, Span role) {
        for (Mention m : doc.mentionsIn(role)) {
            GazetteerEntry actor = gazetteer.actorOf(m);
            if (actor != null && actor.kind() != EntityKind.PERSON) {
                return actor.key();
            }
            if (m.kind().isActor() && m.kind() != EntityKind.PERSON) {
                return m.entity();
            }
        }
        return null;
    }

    /** Later (and earlier) uses of a person's surname, or "Mr. Surname", refer to that person. */
    private void resolveSurnames(AnalyzedDocument doc) {
        String text = doc.text();
        List<IntroducedEntity> persons = new ArrayList<>();
        for (IntroducedEntity e : doc.introduced()) {
            if (e.kind() == EntityKind.PERSON) {
                persons.add(e);
            }
        }
        // People the gazetteer knows, once named in full, are also found again by surname.
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Mention m : new ArrayList<>(doc.mentions())) {
            GazetteerEntry e = m.kind() == EntityKind.PERSON ? gazetteer.entry(m.entity()) : null;
            if (e != null && seen.add(e.key())) {
                persons.add(new IntroducedEntity(e.key(), EntityKind.PERSON, e.name(), List.of()));
            }
        }
        if (persons.isEmpty()) {
            return;
        }
        // The text's tokens, grouped by their spelling, are found once: looking each surname up
        // costs a map lookup instead of a fresh pass over every sentence per person.
        java.util.Map<String, List<NameKey.Token>> tokensBySpelling = new java.util.HashMap<>();
        for (Sentence sentence : doc.sentences()) {
            for (NameKey.Token t : NameKey.tokens(text, sentence.span().start(), sentence.span().end())) {
                tokensBySpelling.computeIfAbsent(text.substring(t.start(), t.end()), k -> new ArrayList<>()).add(t);
            }
        }
        for (IntroducedEntity p : persons) {
            List<NameKey.Token> parts = NameKey.tokens(p.name());
            if (parts.size() < 2) {
                continue;
            }
            NameKey.Token last = parts.get(parts.size() - 1);
            String surname = p.name().substring(last.start(), last.end());
            if (surname.length() < 3 || NOT_NAMES.contains(surname)) {
                continue;
            }
            for (NameKey.Token t : tokensBySpelling.getOrDefault(surname, List.of())) {
                Mention at = doc.mentionAt(t.start());
                if (at != null && at.kind() == EntityKind.PERSON) {
                    continue;
                }
                if (at != null) {
                    if (at.kind().isActor()) {
                        continue; // an organisation's name that contains the surname
                    }
                    doc.retractMentionsOverlapping(new Span(t.start(), t.end()));
                }
                doc.addMention(new Mention(new Span(t.start(), t.end()), p.key(), EntityKind.PERSON, surname));
            }
        }
    }
}
