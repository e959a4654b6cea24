package org.conflictkg.extract;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells a capital named for its government from the city itself. News writes "Moscow warned
 * Washington", "Damascus's allies", "Tehran-backed militias" and "talks between Ankara and Baghdad"
 * for states, but "in Damascus", "flew to Moscow" and "the Damascus suburbs" for cities. A mention
 * of a place that the gazetteer records as the metonym of an actor ({@link
 * Gazetteer#actorByMetonym}) becomes a mention of that actor when the text uses it as an agent:
 *
 * <ul>
 *   <li>the subject of a verb of speech, will or action ("Moscow said", "Ankara has long
 *       demanded", "Tehran, which backs the militias, denied"), the verb possibly after auxiliaries,
 *       adverbs and a day ("Damascus on Monday accused");
 *   <li>a possessor of what only an agent has ("Moscow's support", "Washington's Syria policy"),
 *       or "X and its allies";
 *   <li>fused to a verb of backing or control ("Moscow-backed", "Tehran-aligned");
 *   <li>the one acted on or dealt with ("warned Moscow", "talks with Damascus", "sanctions against
 *       Tehran", "backed by Moscow", "according to Washington", "pro-Damascus");
 *   <li>a party to a relation "between" two such names ("talks between Ankara and Tehran").
 * </ul>
 *
 * Names joined by "and", "or" or commas share their context ("Washington and Moscow agreed"):
 * a joined country or actor counts as one of them, but a joined ordinary place makes a list of
 * places ("residents of Aleppo and Damascus said" is about the cities). A name after a preposition
 * ("in", "to", "near", ...) is never a subject, though it may still be a possessor ("worried about
 * Moscow's intentions"); a name inside a longer one ("George Washington", "Mr. Washington") is
 * neither.
 *
 * <p>Needs: sentences, gazetteer mentions. Adds nothing new: it re-points place mentions to actors,
 * so that later stages (people, relations) see the state where the text means it.
 */
public final class MetonymResolver implements ExtractionStage {

    /** Auxiliaries, adverbs and fillers that may stand between a subject and its verb. */
    private static final String FILLER = "(?:\\s*,\\s+for (?:its|their) part,|\\s*,\\s+in turn,|\\s*,\\s+too,|\\s+(?:has|have|had|is|are|was|were|will|would|could|should|must|may|might|can|cannot|can't|"
            + "won't|wouldn't|did|does|do|didn't|doesn't|hasn't|haven't|isn't|not|never|also|already|now|long|repeatedly|"
            + "reportedly|still|again|been|be|so|far|quickly|publicly|officially|strongly|firmly|formally|openly|previously|"
            + "recently|later|earlier|yesterday|today|then|too|itself|allegedly|apparently|immediately|swiftly|initially|"
            + "ultimately|finally|just|always|often|increasingly|clearly|privately|quietly|reluctantly|effectively|"
            + "on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
            + "(?:late |earlier |)(?:last|this|next) (?:week|month|year|weekend|night|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\\b)";

    /**
     * Verbs only an agent is the subject of. Ambiguous forms are left out: nouns ("arms", "blocks",
     * "protests", "trains"), and passives that fit a city ("is called", "is considered").
     */
    private static final String AGENT_VERB = "(?:says?|said|saying|warn(?:s|ed|ing)?|accus(?:es|ed|ing)|accuse|backs?|backed|backing|"
            + "supports?|supported|supporting|demand(?:s|ed|ing)?|reject(?:s|ed|ing)?|wants?|wanted|wanting|den(?:y|ies|ied|ying)|"
            + "claim(?:s|ed|ing)?|insist(?:s|ed|ing)?|announc(?:e|es|ed|ing)|condemn(?:s|ed|ing)?|threaten(?:s|ed|ing)?|"
            + "urg(?:e|es|ed|ing)|calls? (?:for|on)|called (?:for|on)|calling (?:for|on)|believ(?:e|es|ed)|fears?|feared|hop(?:e|es|ed)|"
            + "considers|regards|views|sees|agree(?:s|d)?|agreeing|refus(?:e|es|ed|ing)|respond(?:s|ed|ing)?|vow(?:s|ed|ing)?|"
            + "seeks?|sought|seeking|welcom(?:e|es|ed|ing)|prais(?:e|es|ed|ing)|critici[sz](?:e|es|ed|ing)|blam(?:e|es|ed|ing)|"
            + "press(?:es|ed)? for|push(?:es|ed|ing)? for|offer(?:s|ed|ing)?|propos(?:e|es|ed|ing)|sen(?:d|ds|t|ding)|"
            + "deploy(?:s|ed|ing)?|launch(?:es|ed|ing)?|approv(?:e|es|ed|ing)|impos(?:e|es|ed|ing)|sanction(?:s|ed|ing)?|"
            + "recogni[sz](?:e|es|ed|ing)|negotiat(?:e|es|ed|ing)|sign(?:s|ed|ing)?|pledg(?:e|es|ed|ing)|promis(?:e|es|ed|ing)|"
            + "retaliat(?:e|es|ed|ing)|interven(?:e|es|ed|ing)|veto(?:es|ed|ing)?|ask(?:s|ed|ing)?|order(?:s|ed|ing)?|"
            + "decid(?:e|es|ed|ing)|plans? to|planned|planning|tr(?:y|ies|ied|ying) to|needs? to|intend(?:s|ed|ing)?|prefer(?:s|red)?|"
            + "oppos(?:e|es|ed|ing)|suspend(?:s|ed|ing)?|halt(?:s|ed|ing)?|allow(?:s|ed|ing)?|react(?:s|ed|ing)?|repl(?:y|ies|ied)|"
            + "confirm(?:s|ed|ing)?|acknowledg(?:e|es|ed|ing)|admit(?:s|ted|ting)?|argu(?:e|es|ed|ing)|maintains|contends|"
            + "stress(?:es|ed)|reiterat(?:e|es|ed|ing)|signall?(?:ed|s)|indicat(?:e|es|ed)|suggest(?:s|ed)|dismiss(?:es|ed)|"
            + "declar(?:e|es|ed|ing)|complain(?:s|ed|ing)?|summon(?:s|ed|ing)?|expel(?:s|led|ling)?|recall(?:s|ed|ing)?|"
            + "join(?:s|ed)|brokered|mediated|hosted talks|prepar(?:e|es|ed|ing) (?:for|to)|adher(?:e|es|ed|ing) to|"
            + "wag(?:e|es|ed|ing)|interfer(?:e|es|ed|ing)|fights|fought|fighting|work(?:s|ed|ing)? to|"
            + "concerned|worried|determined|committed|keen|eager|reluctant|unwilling|willing)";

    private static final Pattern SUBJECT_OF = Pattern.compile(
            "^(?:,\\s+(?:which|who))?(?<fill>" + FILLER + "*)\\s+(?<verb>" + AGENT_VERB + ")\\b");

    /** A form of "be", without which an -ing form after a name is no verb of it ("in eastern Damascus, arguing"). */
    private static final Pattern BE = Pattern.compile("\\b(?:is|are|was|were|be|been|isn't)\\b");

    private static final Pattern FUSED = Pattern.compile("^\\s*-\\s*(?:backed|supported|sponsored|funded|armed|trained|allied|aligned|"
            + "led|brokered|controlled|linked|affiliated|friendly|imposed|run|dominated|leaning)\\b");

    private static final Pattern POSSESSIVE = Pattern.compile("^(?:'s|’s|'|’)(?=\\s)|^\\s+and\\s+(?:its|their)(?=\\s)");

    /** What a state has and a city has not: "Moscow's support", "Tehran's proxies". */
    private static final Set<String> AGENT_NOUNS = Set.of(
            "support", "backing", "backers", "backer", "ally", "allies", "proxy", "proxies", "patron", "patrons", "partner", "partners",
            "forces", "troops", "military", "army", "navy", "force", "warplanes", "jets", "aircraft", "bombers", "airstrikes",
            "bombing", "bombardment", "campaign", "intervention", "involvement", "offensive", "operation", "operations",
            "government", "regime", "administration", "leadership", "leaders", "leader", "president", "minister", "ministry",
            "diplomats", "diplomacy", "diplomat", "envoy", "envoys", "ambassador", "ambassadors", "officials", "spokesman",
            "spokeswoman", "spokesperson", "policy", "policies", "position", "stance", "strategy", "approach", "plan", "plans",
            "proposal", "offer", "demands", "demand", "decision", "decisions", "response", "reaction", "role", "influence",
            "interests", "ambitions", "goals", "aims", "objectives", "aim", "goal", "motives", "agenda", "priorities", "concerns",
            "objections", "refusal", "insistence", "accusations", "accusation", "warning", "warnings", "threats", "threat",
            "claims", "veto", "sanctions", "pressure", "help", "assistance", "commitment", "commitments", "attempt", "attempts",
            "efforts", "effort", "blessing", "approval", "consent", "withdrawal", "deployment", "militias", "militia", "clients",
            "enemies", "enemy", "foes", "rivals", "rival", "adversaries", "adversary", "opponents", "critics", "friends",
            "program", "programme", "missiles", "arsenal", "intelligence", "spies", "agents", "propaganda", "narrative",
            "allegations", "relations", "ties", "relationship", "alliance", "partnership", "cooperation", "control", "rule",
            "sovereignty", "legitimacy", "dominance", "hegemony", "grip", "hand", "line", "view", "views", "fears", "hopes",
            "calculations", "calculus", "designs", "negotiators", "delegation", "intentions", "strategists", "war", "wars",
            "moves", "move", "actions", "action", "annexation", "aggression", "incursion", "invasion", "occupation", "fight",
            "general", "generals", "commander", "commanders", "auxiliaries", "failure", "closeness", "backyard");

    /** What a city has: after a possessive they mean the place ("Damascus's suburbs", "Moscow's mayor"). */
    private static final Set<String> PLACE_NOUNS = Set.of(
            "suburb", "suburbs", "outskirts", "old", "city", "streets", "street", "neighbourhood", "neighborhood", "neighbourhoods",
            "neighborhoods", "district", "districts", "quarter", "quarters", "mayor", "airport", "residents", "population",
            "skyline", "centre", "center", "countryside", "university", "hospital", "hospitals", "metro", "subway", "mosque",
            "mosques", "market", "markets", "souk", "souks", "citizens", "people", "inhabitants", "walls", "gates", "gate",
            "square", "park", "buildings", "homes", "houses", "schools", "school", "water", "electricity", "traffic", "roads",
            "road", "highway", "province", "region", "area", "areas", "environs", "periphery", "museum", "cathedral", "church",
            "stadium", "zoo", "hotel", "hotels", "restaurants", "shops", "municipality", "council", "police", "air", "weather",
            "heritage", "history", "architecture", "alleys", "airspace", "port", "harbour", "harbor", "station", "prison",
            "prisons", "cemetery", "bazaar", "gardens", "river", "bridge", "bridges", "ring", "embassy", "embassies",
            "community", "establishment", "elite", "elites", "circles", "scene", "insiders", "crowd", "crowds");

    /** The words that open the noun group after a possessive, of which the first telling one decides. */
    private static final Pattern WORD = Pattern.compile("\\s+([\\p{L}\\p{N}][\\p{L}\\p{N}-]*)");

    /** Cues before a name that make it the one acted on, dealt with or speaking. */
    private static final Pattern OBJECT_CUE = Pattern.compile("(?:\\b(?:"
            + "warn(?:s|ed|ing)?|urg(?:e|es|ed|ing)|accus(?:e|es|ed|ing)|blam(?:e|es|ed|ing)|critici[sz](?:e|es|ed|ing)|"
            + "condemn(?:s|ed|ing)?|press(?:es|ed|ing)?|pressur(?:e|es|ed|ing)|sanction(?:s|ed|ing)?|back(?:s|ed|ing)?|"
            + "support(?:s|ed|ing)?|thank(?:s|ed|ing)?|prais(?:e|es|ed|ing)|threaten(?:s|ed|ing)?|"
            + "lobb(?:y|ies|ied|ying)|persuad(?:e|es|ed|ing)|convinc(?:e|es|ed|ing)|reassur(?:e|es|ed|ing)|rebuk(?:e|es|ed|ing)|"
            + "ask(?:s|ed|ing)?|inform(?:s|ed|ing)?|notif(?:y|ies|ied|ying)|defy|defie[sd]|defying|oppos(?:e|es|ed|ing)|"
            + "confront(?:s|ed|ing)?|provok(?:e|es|ed|ing)|appeas(?:e|es|ed|ing)|punish(?:es|ed|ing)?|isolat(?:e|es|ed|ing)|"
            + "embolden(?:s|ed|ing)?|antagoni[sz](?:e|es|ed|ing)|trust(?:s|ed|ing)?|distrust(?:s|ed|ing)?|call(?:s|ed|ing)? on|"
            + "appeal(?:s|ed|ing)? to|loyal(?:ty)? to|allegiance to|"
            + "(?:talks|ties|relations|negotiations|deal|agreement|dialogue|contacts|cooperation|coordination|rapprochement|"
            + "engagement|rift|dispute|tensions|split|differences|alliance|partnership|feud|standoff|confrontation|negotiat(?:e|es|ed|ing)|"
            + "cooperat(?:e|es|ed|ing)|coordinat(?:e|es|ed|ing)|sided|siding|sides?|allied|aligned|reconcil(?:e|es|ed|ing)|dealing|"
            + "engag(?:e|es|ed|ing)|talk(?:s|ed|ing)?|normali[sz](?:e|es|ed|ing)|br(?:eak|eaks|oke|oken|eaking)) with|"
            + "(?:pressure|sanctions|demands?|embargo|measures|retaliation|threats?|campaign|accusations?) (?:on|against)|"
            + "(?:support|backing|help|assistance|approval|permission|blessing|pressure|demands?|orders|objections|opposition|"
            + "criticism|warnings?|threats?|response|guarantees?|assurances?|consent|veto|funding|message|signal|reaction) from|"
            + "backing for|"
            + "(?:message|warning|signal|ultimatum|appeal|offer|overture|concessions?|olive branch|loyalty) to|"
            + "(?:ally|allies|enemy|enemies|rival|rivals|partner|partners|patron|patrons|proxy|proxies|foe|foes|backer|backers|"
            + "adversary|adversaries|client|clients|supporters?|opponents?|critics?) of|"
            + "according to|"
            + "(?:backed|supported|sponsored|funded|armed|trained|controlled|held|led|ruled|run|governed|condemned|rejected|"
            + "critici[sz]ed|sanctioned|brokered|proposed|imposed|welcomed|denied|approved|ordered|opposed|demanded|"
            + "pressured|urged|warned|threatened|accused|blamed|vetoed|negotiated|mediated|claimed|announced|signed|offered) by"
            + ")\\s+|\\b(?:pro|anti)-)$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** "talks between": a relation between two parties, whose names are then agents. */
    private static final Pattern BETWEEN = Pattern.compile("\\b(?:talks|relations|ties|tensions|rift|dispute|deal|agreement|accord|"
            + "negotiations|dialogue|contacts|cooperation|coordination|rapprochement|standoff|confrontation|rivalry|war|feud|split|"
            + "differences|summit|meetings?|mediation|channel|hotline|understanding|truce|ceasefire|cease-fire|alliance|partnership|"
            + "friction|d[ée]tente|relationship|trade|exchanges?|spat|row|crisis|gap|divide|deconfliction|mistrust|distrust|"
            + "hostility|enmity|animosity|proxy war|de-?confliction|mechanism)\\b(?:\\s+[\\p{L}'’-]+){0,3}\\s+between\\s+(?:the\\s+)?$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** Prepositions after which a name is a place, never a subject. */
    private static final Set<String> PREPOSITIONS = Set.of("in", "at", "from", "to", "near", "into", "outside", "around",
            "toward", "towards", "across", "through", "via", "of", "inside", "within", "over", "under", "beyond", "past",
            "throughout", "along", "off", "onto", "upon", "by", "for", "on", "about", "than", "like", "with", "between", "below",
            "above", "behind", "beside", "besides");

    private static final Pattern JOINER = Pattern.compile("\\s*,\\s*(?:and\\s+|or\\s+)?|\\s+(?:and|or|as well as)\\s+");
    private static final Pattern AND = Pattern.compile("\\s+and\\s+");

    /** How far before a name its object cue is looked for, in characters. */
    private static final int CUE_WINDOW = 60;

    private final Gazetteer gazetteer;

    public MetonymResolver(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    @Override
    public String name() {
        return "metonyms";
    }

    @Override
    public void process(AnalyzedDocument doc) {
        Set<Mention> agents = new LinkedHashSet<>();
        for (Sentence sentence : doc.sentences()) {
            List<Mention> ms = doc.mentionsIn(sentence.span());
            for (int i = 0; i < ms.size(); i++) {
                Mention m = ms.get(i);
                if (gazetteer.actorByMetonym(m) == null || agents.contains(m)) {
                    continue;
                }
                List<Mention> group = coordinated(doc.text(), ms, i);
                if (group == null) {
                    continue; // one of a list of ordinary places
                }
                if (fused(doc.text(), m, sentence) || usedAsAgent(doc.text(), group, sentence)) {
                    for (Mention g : group) {
                        if (gazetteer.actorByMetonym(g) != null) {
                            agents.add(g);
                        }
                    }
                }
            }
        }
        for (Mention m : agents) {
            GazetteerEntry actor = gazetteer.actorByMetonym(m);
            doc.retractMentionsOverlapping(m.span());
            doc.addMention(new Mention(m.span(), actor.key(), actor.kind(), m.exact()));
        }
    }

    /** Whether a mention can share an agent's context: a metonym, a country, or an actor. */
    private boolean agentLike(Mention m) {
        if (m.kind().isActor()) {
            return true;
        }
        if (gazetteer.actorByMetonym(m) != null) {
            return true;
        }
        GazetteerEntry e = gazetteer.entry(m.entity());
        return e != null && e.featureCode() != null && e.featureCode().startsWith("A.PCL");
    }

    /**
     * The names joined to mention {@code i} by "and", "or" or commas, in text order, when all are
     * agent-like; null when an ordinary place is among them, which makes the whole a list of places.
     */
    private List<Mention> coordinated(String text, List<Mention> ms, int i) {
        List<Mention> group = new ArrayList<>();
        group.add(ms.get(i));
        for (int j = i - 1; j >= 0; j--) {
            Mention left = ms.get(j);
            Mention first = group.get(0);
            if (left.span().end() > first.span().start() || !JOINER.matcher(text.substring(left.span().end(), first.span().start())).matches()) {
                break;
            }
            if (!agentLike(left)) {
                return null;
            }
            group.add(0, left);
        }
        for (int j = i + 1; j < ms.size(); j++) {
            Mention right = ms.get(j);
            Mention last = group.get(group.size() - 1);
            if (right.span().start() < last.span().end() || !JOINER.matcher(text.substring(last.span().end(), right.span().start())).matches()) {
                break;
            }
            if (!agentLike(right)) {
                return null;
            }
            group.add(right);
        }
        return group;
    }

    /** "Moscow-backed", "Tehran-aligned". */
    private static boolean fused(String text, Mention m, Sentence sentence) {
        return FUSED.matcher(text).region(m.span().end(), sentence.span().end()).lookingAt();
    }

    private static boolean usedAsAgent(String text, List<Mention> group, Sentence sentence) {
        Mention first = group.get(0);
        Mention last = group.get(group.size() - 1);
        int sentenceStart = sentence.span().start();
        int sentenceEnd = sentence.span().end();
        int cueFrom = Math.max(sentenceStart, first.span().start() - CUE_WINDOW);
        if (OBJECT_CUE.matcher(text).region(cueFrom, first.span().start()).find()) {
            return true;
        }
        if (group.size() >= 2 && AND.matcher(text.substring(group.get(group.size() - 2).span().end(), last.span().start())).matches()
                && BETWEEN.matcher(text).region(cueFrom, first.span().start()).find()) {
            return true;
        }
        if (insideLongerName(text, first, sentenceStart)) {
            return false;
        }
        // A possessive holds after a preposition too: "pressure on Tehran's proxies".
        Matcher possessive = POSSESSIVE.matcher(text).region(last.span().end(), sentenceEnd);
        if (possessive.lookingAt() && agentNounFollows(text, possessive.end(), sentenceEnd)) {
            return true;
        }
        if (afterPreposition(text, first, sentenceStart)) {
            return false;
        }
        Matcher subject = SUBJECT_OF.matcher(text).region(last.span().end(), sentenceEnd);
        return subject.lookingAt() && (!subject.group("verb").endsWith("ing") || BE.matcher(subject.group("fill")).find());
    }

    /** The word just before a mention, or null when punctuation or the sentence start comes first. */
    private static String wordBefore(String text, Mention m, int sentenceStart) {
        int end = m.span().start();
        while (end > sentenceStart && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        int start = end;
        while (start > sentenceStart && Character.isLetter(text.charAt(start - 1))) {
            start--;
        }
        return start == end ? null : text.substring(start, end);
    }

    /** "in Moscow", "to Damascus": a place, never a subject. */
    private static boolean afterPreposition(String text, Mention m, int sentenceStart) {
        String word = wordBefore(text, m, sentenceStart);
        return word != null && PREPOSITIONS.contains(word.toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * "George Washington", "Mr. Washington", "Booker T. Washington": a capitalised word, a title or an
     * initial just before makes the name part of a person's; a capitalised word that opens the
     * sentence does not.
     */
    private static boolean insideLongerName(String text, Mention m, int sentenceStart) {
        int end = m.span().start();
        while (end > sentenceStart && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end == m.span().start() && end > sentenceStart && Character.isLetterOrDigit(text.charAt(end - 1))) {
            return true; // glued to a word before
        }
        if (end > sentenceStart && text.charAt(end - 1) == '.') {
            int s = end - 1;
            while (s > sentenceStart && Character.isLetter(text.charAt(s - 1))) {
                s--;
            }
            return end - 1 - s >= 1 && end - 1 - s <= 4 && Character.isUpperCase(text.charAt(s));
        }
        String word = wordBefore(text, m, sentenceStart);
        if (word == null || !Character.isUpperCase(word.charAt(0))) {
            return false;
        }
        return !text.substring(sentenceStart, end - word.length()).isBlank();
    }

    /**
     * In the noun group after a possessive, the first telling word decides: a thing only an agent
     * has ("support", "proxies") unless a place word follows it ("military hospital"), or a part of
     * a city ("suburbs", "mayor"). Up to three words are read.
     */
    private static boolean agentNounFollows(String text, int from, int to) {
        Matcher w = WORD.matcher(text).region(from, to);
        for (int k = 0; k < 3 && w.lookingAt(); k++) {
            String word = w.group(1).toLowerCase(java.util.Locale.ROOT);
            if (PLACE_NOUNS.contains(word)) {
                return false;
            }
            int next = w.end();
            if (AGENT_NOUNS.contains(word)) {
                Matcher after = WORD.matcher(text).region(next, to);
                return !(after.lookingAt() && PLACE_NOUNS.contains(after.group(1).toLowerCase(java.util.Locale.ROOT)));
            }
            w.region(next, to);
        }
        return false;
    }
}
