package org.conflictkg.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads who supports, partners with and fights whom, and how places relate, from the patterns news
 * English uses for them, one sentence at a time:
 *
 * <ul>
 *   <li>support: "X-backed Y", "Y, backed by X and Z", "supported by", "with the support of",
 *       "X-led coalition", "X supports/arms/trains Y", "air support for Y", with the kind of support
 *       where the text names it ("Russian airstrikes": airstrikes);
 *   <li>partnership: "partnered with", "allied with", "aligned with", "alongside";
 *   <li>opposition: "X attacked/struck/fought/besieged Y", "against Y", "offensive against";
 *   <li>places: "P in Q", "N kilometers DIRECTION of P".
 * </ul>
 *
 * A country's name or demonym in these patterns stands for its state. "X-backed militias" names a
 * group by its backer; such a group becomes an entity of its own ({@code id/group/...}), the same in
 * every document that uses the phrase.
 *
 * <p>Needs: sentences, mentions (gazetteer, persons, acronyms). Adds: relations, and mentions of
 * the groups named by their backer.
 */
public final class RelationFinder implements ExtractionStage {

    private static final String GROUP_NOUN = "(?:militias?|forces|fighters|rebels|groups?|troops|factions?|paramilitar(?:y|ies)|proxies|units|brigades|insurgents|gunmen|allies)";
    private static final Pattern BACKED_SUFFIX = Pattern.compile("^\\s*-\\s*(backed|supported|sponsored|funded|armed|trained|allied|aligned|led)\\b");
    /** How far ahead of an actor an "air support for" phrase is looked for: 80 characters plus the phrase. */
    private static final int AIR_WINDOW = 80 + 40;
    private static final Pattern ACTING_AFTER = Pattern.compile("^(?:'s|’s)?\\s+(?:(?:has|had|have|is|was|also)\\s+)?(?:said|says|told|warned|"
            + "accused|announced|denied|claimed|vowed|threatened|condemned|insisted|stated|responded|launched|deployed|sent)\\b"
            + "|^(?:'s|’s)\\s+(?:forces|military|army|troops|government|regime|air force|warplanes|jets|defen[cs]e ministry|foreign ministry|president|leader|support|backing)\\b");
    private static final Pattern GROUP_AFTER = Pattern.compile("^\\s+((?:[a-z][a-z-]+\\s+){0,2}" + GROUP_NOUN + ")\\b");
    private static final Pattern BACKED_BY = Pattern.compile(",?\\s+(?:backed|supported|aided|assisted|helped|armed|reinforced|joined)\\s+by\\s+|,?\\s+with\\s+(?:the\\s+)?(?:support|backing|help|air support|air cover)\\s+(?:of|from)\\s+");
    private static final Pattern SUPPORT_VERB = Pattern.compile("^\\s+(?:has\\s+|have\\s+|had\\s+|is\\s+|are\\s+|was\\s+|were\\s+)?(?:also\\s+)?"
            + "(supports?|supported|supporting|backs?|backed|backing|arms|armed|arming|trains|trained|training|funds|funded|funding|equips|equipped|"
            + "provides? air support to|provided air support to|providing air support to)\\s+(?:the\\s+)?");
    private static final Pattern PARTNER_VERB = Pattern.compile("^\\s+(?:has\\s+|have\\s+|had\\s+|is\\s+|are\\s+|was\\s+|were\\s+)?(?:also\\s+|closely\\s+)?"
            + "(partnered with|partners with|partnering with|allied with|allies with|aligned with|in partnership with|fighting alongside|fought alongside|fights alongside|alongside)\\s+(?:the\\s+)?");
    private static final Pattern AIR_SUPPORT_FOR = Pattern.compile("\\b(air support|air cover|close air support|airstrikes in support)\\s+(?:for|to|of)\\s+(?:the\\s+)?");
    private static final Pattern OPPOSE_CUE = Pattern.compile("\\b(attacked|attacks|attacking|attack on|struck|strikes on|strike on|bombed|bombing|shelled|shelling|"
            + "fought|fighting|battled|battling|targeted|targeting|besieged|besieging|siege of|clashed with|clashes with|clashing with|"
            + "offensive against|campaign against|war on|war against|fight against|battle against|against|aimed at|drove out|ousted|expelled)\\s+(?:the\\s+)?(?:positions of\\s+(?:the\\s+)?)?");
    private static final Pattern CLAUSE_BREAK = Pattern.compile("[;:]|\\b(?:while|whereas|but|although|though|after|before|as)\\b");
    private static final Pattern SUPPORT_KIND = Pattern.compile("^\\s+(airstrikes|air strikes|air support|air power|air cover|warplanes|jets|aircraft|"
            + "artillery|advisers|advisors|special forces|troops|militias|fighters|weapons|arms|drones|money|funding|training)\\b");
    private static final Pattern LIST_SEPARATOR = Pattern.compile("^(?:\\s*,\\s*(?:and\\s+)?|\\s+and\\s+|\\s+as well as\\s+)(?:the\\s+|by\\s+)?");
    private static final Pattern DISTANCE = Pattern.compile("(\\d+(?:[.,]\\d+)?)\\s*(km|kilometers|kilometres|miles|mi)\\s+(?:\\(\\s*\\d+(?:[.,]\\d+)?\\s*(?:miles|mi|km)\\s*\\)\\s+)?(?:to the\\s+)?"
            + "(north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|south-west)\\s+of\\s+(?:the\\s+)?");
    private static final Pattern IN_PLACE = Pattern.compile("^\\s*,?\\s+in\\s+(?:the\\s+)?(?:(?:province|region|governorate|district) of\\s+)?");

    private final Gazetteer gazetteer;

    public RelationFinder(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    @Override
    public String name() {
        return "relations";
    }

    @Override
    public void process(AnalyzedDocument doc) {
        for (Sentence sentence : doc.sentences()) {
            countriesActingAsStates(doc, sentence);
            nameGroupsByBacker(doc, sentence);
        }
        for (Sentence sentence : doc.sentences()) {
            List<Mention> ms = mentionsIn(doc, sentence);
            if (ms.isEmpty()) {
                continue;
            }
            support(doc, sentence, ms);
            opposition(doc, sentence, ms);
            places(doc, sentence, ms);
        }
    }

    private static List<Mention> mentionsIn(AnalyzedDocument doc, Sentence s) {
        return doc.mentionsIn(s.span());
    }

    /**
     * A matcher of {@code p} over {@code text[from, to)}. Patterns run over regions of the text,
     * never over copies of it, so a long sentence costs its length once, not once per mention.
     */
    private static Matcher at(Pattern p, String text, int from, int to) {
        return p.matcher(text).region(from, Math.max(from, to));
    }

    /** The first mention of {@code ms} (in text order) that starts exactly at {@code pos}, or null. */
    private static Mention startingAt(List<Mention> ms, int pos) {
        int i = indexStartingAt(ms, pos);
        return i < 0 ? null : ms.get(i);
    }

    /** The index of that mention, or -1. */
    private static int indexStartingAt(List<Mention> ms, int pos) {
        int lo = 0;
        int hi = ms.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ms.get(mid).span().start() < pos) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo < ms.size() && ms.get(lo).span().start() == pos ? lo : -1;
    }

    /** The actor a mention stands for (a country for its state), or null for a place or person. */
    private String actor(AnalyzedDocument doc, Mention m) {
        if (m.kind() == EntityKind.PERSON) {
            return null;
        }
        if (m.kind().isActor()) {
            return m.entity();
        }
        GazetteerEntry a = gazetteer.actorOf(m);
        return a == null ? null : a.key();
    }

    /**
     * A country named as the one who backs, leads, owns forces or speaks ("U.S.-backed", "Russia's
     * forces", "Turkey said") is its state, not the territory: its mention is re-pointed to the state.
     */
    private void countriesActingAsStates(AnalyzedDocument doc, Sentence sentence) {
        String text = doc.text();
        for (Mention m : new ArrayList<>(mentionsIn(doc, sentence))) {
            if (m.kind().isActor()) {
                continue;
            }
            GazetteerEntry state = gazetteer.actorOf(m);
            if (state == null) {
                continue;
            }
            int from = m.span().end();
            int to = sentence.span().end();
            if (at(BACKED_SUFFIX, text, from, to).lookingAt() || at(ACTING_AFTER, text, from, to).lookingAt()) {
                doc.retractMentionsOverlapping(m.span());
                doc.addMention(new Mention(m.span(), state.key(), state.kind(), m.exact()));
            }
        }
    }

    /** "Iranian-backed militias": a group known only by its backer becomes an entity and a mention. */
    private void nameGroupsByBacker(AnalyzedDocument doc, Sentence sentence) {
        String text = doc.text();
        for (Mention m : new ArrayList<>(mentionsIn(doc, sentence))) {
            Matcher b = at(BACKED_SUFFIX, text, m.span().end(), sentence.span().end());
            if (!b.lookingAt() || actor(doc, m) == null || b.group(1).equals("led")) {
                continue;
            }
            Matcher g = at(GROUP_AFTER, text, b.end(), sentence.span().end());
            if (!g.lookingAt()) {
                continue;
            }
            int groupEnd = g.end(1);
            if (doc.mentionAt(g.start(1)) != null) {
                continue;
            }
            String phrase = normalisedGroupName(doc, m, b.group(1), g.group(1));
            String key = "id/group/" + org.conflictkg.rdf.Iris.slug(phrase);
            doc.introduce(new IntroducedEntity(key, EntityKind.ARMED_GROUP, phrase, List.of()));
            Span span = new Span(m.span().start(), groupEnd);
            doc.addMention(new Mention(span, key, EntityKind.ARMED_GROUP, span.of(text)));
            doc.addRelation(Relation.of(Relation.Type.SUPPORT, actor(doc, m), key, sentence.span(), null));
        }
    }

    /** "Iran-backed militias" and "Iranian-backed militias" name the same group: key them by the backer's name. */
    private String normalisedGroupName(AnalyzedDocument doc, Mention backer, String verb, String noun) {
        String backerName = backer.exact();
        GazetteerEntry e = gazetteer.entry(actor(doc, backer));
        if (e != null && e.kind() == EntityKind.STATE && gazetteer.countryOf(e.countryCode()) != null) {
            backerName = gazetteer.countryOf(e.countryCode()).name();
        }
        return backerName + "-" + verb + " " + noun.toLowerCase(Locale.ROOT);
    }

    private void support(AnalyzedDocument doc, Sentence sentence, List<Mention> ms) {
        String text = doc.text();
        int end = sentence.span().end();
        for (int i = 0; i < ms.size(); i++) {
            Mention m = ms.get(i);
            String x = actor(doc, m);
            if (x == null) {
                continue; // every pattern below starts from an actor
            }
            Mention next = nextAfter(ms, i);
            // X-backed Y, X-led Y
            Matcher b = at(BACKED_SUFFIX, text, m.span().end(), end);
            if (b.lookingAt() && next != null && next.span().start() >= b.end()) {
                Mention y = next;
                String yActor = actor(doc, y);
                if (yActor != null && y.span().start() - b.end() <= 30
                        && text.substring(b.end(), y.span().start()).indexOf(',') < 0 && !yActor.equals(x)) {
                    String verb = b.group(1);
                    Relation.Type type = verb.equals("allied") || verb.equals("aligned") ? Relation.Type.PARTNERSHIP : Relation.Type.SUPPORT;
                    doc.addRelation(Relation.of(type, x, yActor, sentence.span(), verb.equals("led") ? "leadership" : null));
                }
            }
            // A mention whose own name says who leads it: "U.S.-led coalition"
            int led = m.exact().indexOf("-led ");
            if (led > 0) {
                GazetteerEntry leader = gazetteer.find(m.exact().substring(0, led));
                if (leader != null) {
                    GazetteerEntry leaderActor = leader.kind().isActor() ? leader : gazetteer.stateOf(leader.countryCode());
                    if (leaderActor != null && !leaderActor.key().equals(x)) {
                        doc.addRelation(Relation.of(Relation.Type.SUPPORT, leaderActor.key(), x, sentence.span(), "leadership"));
                    }
                }
            }
            // Y, backed by X and Z
            Matcher by = at(BACKED_BY, text, m.span().end(), end);
            if (by.lookingAt()) {
                int pos = by.end();
                for (int j = i + 1; j < ms.size(); j++) {
                    Mention z = ms.get(j);
                    if (z.span().start() != pos) {
                        break;
                    }
                    String zActor = actor(doc, z);
                    if (zActor == null) {
                        break;
                    }
                    Matcher kind = at(SUPPORT_KIND, text, z.span().end(), end);
                    String k = kind.lookingAt() ? kind.group(1) : null;
                    if (!zActor.equals(x)) {
                        doc.addRelation(Relation.of(Relation.Type.SUPPORT, zActor, x, sentence.span(), k));
                    }
                    Matcher sep = at(LIST_SEPARATOR, text, k != null ? kind.end() : z.span().end(), end);
                    if (!sep.lookingAt()) {
                        break;
                    }
                    pos = sep.end();
                }
            }
            // X supports Y; X partnered with Y
            if (next != null) {
                Mention y = next;
                String yActor = actor(doc, y);
                if (yActor != null && !yActor.equals(x)) {
                    String between = text.substring(m.span().end(), y.span().start());
                    Matcher sv = SUPPORT_VERB.matcher(between);
                    if (sv.matches()) {
                        doc.addRelation(Relation.of(Relation.Type.SUPPORT, x, yActor, sentence.span(), kindOfVerb(sv.group(1))));
                    }
                    Matcher pv = PARTNER_VERB.matcher(between);
                    if (pv.matches()) {
                        doc.addRelation(Relation.of(Relation.Type.PARTNERSHIP, x, yActor, sentence.span(), null));
                    }
                }
            }
            // air support for Y, credited to the nearest actor before the phrase (within 80 characters)
            Matcher air = at(AIR_SUPPORT_FOR, text, m.span().end(), Math.min(end, m.span().end() + AIR_WINDOW));
            if (air.find() && air.start() - m.span().end() < 80) {
                Mention y = startingAt(ms, air.end());
                String yActor = y == null ? null : actor(doc, y);
                if (yActor != null && !yActor.equals(x) && !at(CLAUSE_BREAK, text, m.span().end(), air.start()).find()) {
                    doc.addRelation(Relation.of(Relation.Type.SUPPORT, x, yActor, sentence.span(), air.group(1)));
                }
            }
        }
    }

    /** The first mention that starts after mention {@code i} ends (mentions may nest). */
    private static Mention nextAfter(List<Mention> ms, int i) {
        int end = ms.get(i).span().end();
        for (int j = i + 1; j < ms.size(); j++) {
            if (ms.get(j).span().start() >= end) {
                return ms.get(j);
            }
        }
        return null;
    }

    private static String kindOfVerb(String verb) {
        if (verb.startsWith("arm") || verb.startsWith("equip")) return "arms";
        if (verb.startsWith("train")) return "training";
        if (verb.startsWith("fund")) return "funding";
        if (verb.contains("air support")) return "air support";
        return null;
    }

    /**
     * False when the gazetteer ranks the first place above the second ("discussed Syria in Damascus":
     * a country does not lie in a city, the words only say where the talk was). Places whose rank it
     * does not know (rivers, sites, unknown entries) may lie in anything.
     */
    private boolean canLieIn(String place, String container) {
        GazetteerEntry a = gazetteer.entry(place);
        GazetteerEntry b = gazetteer.entry(container);
        int ra = a == null ? 0 : rank(a.featureCode());
        int rb = b == null ? 0 : rank(b.featureCode());
        return ra == 0 || rb == 0 || ra <= rb;
    }

    /** Country 4, first-order division 3, second-order 2, populated place 1; 0 for any other feature. */
    private static int rank(String featureCode) {
        if (featureCode == null) {
            return 0;
        }
        if (featureCode.startsWith("A.PCL")) {
            return 4;
        }
        if (featureCode.equals("A.ADM1")) {
            return 3;
        }
        if (featureCode.equals("A.ADM2")) {
            return 2;
        }
        return featureCode.startsWith("P.") ? 1 : 0;
    }

    private void opposition(AnalyzedDocument doc, Sentence sentence, List<Mention> ms) {
        String text = doc.text();
        Matcher cue = OPPOSE_CUE.matcher(text).region(sentence.span().start(), sentence.span().end());
        while (cue.find()) {
            int t = indexStartingAt(ms, cue.end());
            if (t < 0) {
                continue;
            }
            String y = actor(doc, ms.get(t));
            Mention subject = null;
            for (int k = t - 1; k >= 0 && subject == null; k--) {
                Mention m = ms.get(k);
                if (m.span().end() <= cue.start() && actor(doc, m) != null) {
                    subject = m;
                }
            }
            if (y == null || subject == null || cue.start() - subject.span().end() > 80) {
                continue;
            }
            String between = text.substring(subject.span().end(), cue.start());
            if (CLAUSE_BREAK.matcher(between).find() || between.contains(",")) {
                continue;
            }
            String x = actor(doc, subject);
            // "X-backed Y attacked Z": the subject is Y, never its backer
            if (!x.equals(y) && !BACKED_SUFFIX.matcher(between).lookingAt()) {
                doc.addRelation(Relation.of(Relation.Type.OPPOSITION, x, y, sentence.span(), cue.group(1)));
            }
        }
    }

    private void places(AnalyzedDocument doc, Sentence sentence, List<Mention> ms) {
        String text = doc.text();
        for (int i = 0; i + 1 < ms.size(); i++) {
            Mention p = ms.get(i);
            Mention q = nextAfter(ms, i);
            if (q == null || p.kind() != EntityKind.PLACE || q.kind() != EntityKind.PLACE || p.entity().equals(q.entity())) {
                continue;
            }
            if (at(IN_PLACE, text, p.span().end(), q.span().start()).matches() && canLieIn(p.entity(), q.entity())) {
                doc.addRelation(Relation.of(Relation.Type.LOCATED_IN, p.entity(), q.entity(), sentence.span(), null));
            }
        }
        Matcher d = DISTANCE.matcher(text).region(sentence.span().start(), sentence.span().end());
        while (d.find()) {
            Mention target = null;
            Mention from = null;
            for (Mention m : ms) {
                if (m.kind() == EntityKind.PLACE && m.span().start() == d.end()) {
                    target = m;
                }
                if (m.kind() == EntityKind.PLACE && m.span().end() <= d.start()) {
                    from = m;
                }
            }
            if (target == null) {
                continue;
            }
            double n = Double.parseDouble(d.group(1).replace(',', '.'));
            double km = d.group(2).startsWith("mi") ? n * 1.609344 : n;
            String source = from == null || from.entity().equals(target.entity()) ? null : from.entity();
            doc.addRelation(new Relation(Relation.Type.SPATIAL, source, target.entity(), sentence.span(), bearing(d.group(3)), km));
        }
    }

    private static String bearing(String direction) {
        return switch (direction.toLowerCase(Locale.ROOT).replace("-", "")) {
            case "north" -> "N";
            case "south" -> "S";
            case "east" -> "E";
            case "west" -> "W";
            case "northeast" -> "NE";
            case "northwest" -> "NW";
            case "southeast" -> "SE";
            default -> "SW";
        };
    }
}
