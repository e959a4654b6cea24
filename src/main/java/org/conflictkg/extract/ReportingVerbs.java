package org.conflictkg.extract;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The verbs news uses to report speech ("said", "told", "warned"), each written form mapped to its
 * base form. A lexicon, not a model: it is what makes "X said" an attribution and "X fought" not.
 *
 * <p>Verbs of speech proper ({@link #isSpeech}) may introduce a direct quotation or a that-clause;
 * the verbs of stance ("believes", "thinks") and of evidence ("shows") are kept out: they attribute
 * beliefs, not words, and a quotation is always words.
 */
public final class ReportingVerbs {

    private static final Map<String, String> BASE = new HashMap<>();

    static {
        // base form, then its written forms beyond the regular -s/-ed/-ing ones
        verb("say", "said", "says", "saying");
        verb("tell", "told", "tells", "telling");
        verb("write", "wrote", "writes", "writing", "written");
        verb("add");
        verb("warn");
        verb("stress");
        verb("note");
        verb("explain");
        verb("insist");
        verb("claim");
        verb("argue", "argued", "argues", "arguing");
        verb("assert");
        verb("acknowledge", "acknowledged", "acknowledges", "acknowledging");
        verb("admit", "admitted", "admits", "admitting");
        verb("announce", "announced", "announces", "announcing");
        verb("declare", "declared", "declares", "declaring");
        verb("state", "stated", "states", "stating");
        verb("tweet");
        verb("post");
        verb("recall");
        verb("reply", "replied", "replies", "replying");
        verb("respond");
        verb("answer");
        verb("ask");
        verb("urge", "urged", "urges", "urging");
        verb("caution");
        verb("concede", "conceded", "concedes", "conceding");
        verb("confirm");
        verb("deny", "denied", "denies", "denying");
        verb("reiterate", "reiterated", "reiterates", "reiterating");
        verb("emphasize", "emphasized", "emphasizes", "emphasizing", "emphasised", "emphasises", "emphasising");
        verb("complain");
        verb("predict");
        verb("vow");
        verb("promise", "promised", "promises", "promising");
        verb("boast");
        verb("counter");
        verb("allege", "alleged", "alleges", "alleging");
        verb("report");
        verb("suggest");
        verb("observe", "observed", "observes", "observing");
        verb("remark");
        verb("comment");
        verb("joke", "joked", "jokes", "joking");
        verb("quip", "quipped", "quips", "quipping");
        verb("testify", "testified", "testifies", "testifying");
        verb("lament");
        verb("agree", "agreed", "agrees", "agreeing");
        verb("charge", "charged", "charges", "charging");
        verb("contend");
        verb("maintain");
        verb("disclose", "disclosed", "discloses", "disclosing");
        verb("reveal");
        verb("indicate", "indicated", "indicates", "indicating");
        verb("continue", "continued", "continues", "continuing");
        verb("threaten");
        verb("demand");
        verb("accuse");
        verb("describe", "described", "describes", "describing");
        verb("call");
        verb("cite");
        verb("shout");
        verb("sing", "sang", "sings", "singing", "sung");
        verb("chant");
        verb("yell");
        verb("scream");
        verb("cry", "cried", "cries", "crying");
        verb("retort");
        verb("interject");
        verb("echo", "echoed", "echoes", "echoing");
        verb("read", "read", "reads", "reading");
        verb("exclaim");
        verb("whisper");
        verb("scoff");
        verb("pledge", "pledged", "pledges", "pledging");
        // How the words were spoken: '"This is fantastic!" beamed Jane Roe.'
        for (String manner : List.of("fume", "beam", "gush", "sigh", "laugh", "chuckle", "mutter", "grumble", "groan", "muse",
                "exult", "plead", "implore", "protest", "recount", "elaborate", "tease", "taunt", "assure", "reassure", "sneer",
                "bellow", "shriek", "wail", "murmur", "mumble", "remind", "gloat", "stammer", "growl", "opine", "rant",
                "interrupt", "intone", "proclaim", "surmise", "advise", "inform", "scold", "remember", "riff")) {
            verb(manner);
        }
        verb("marvel", "marveled", "marvels", "marveling", "marvelled", "marvelling");
        verb("brag", "bragged", "brags", "bragging");
        verb("sob", "sobbed", "sobs", "sobbing");
        verb("concur", "concurred", "concurs", "concurring");
        verb("clarify", "clarified", "clarifies", "clarifying");
        verb("chime in", "chimed in", "chimes in", "chiming in");
        verb("go on", "went on", "goes on", "going on");
        verb("declare", "declared", "declares", "declaring");
        verb("estimate", "estimated", "estimates", "estimating");
        verb("point out", "pointed out", "points out", "pointing out");
        // A retort: "..., he shot back."
        verb("shoot back", "shot back", "shoots back", "shooting back");
        verb("fire back", "fired back", "fires back", "firing back");
        verb("hit back", "hits back", "hitting back");
        verb("snap back", "snapped back", "snaps back", "snapping back");
        verb("write back", "wrote back", "writes back", "writing back");
        // Verbs of belief and evidence: they attribute a that-clause ("the poll shows that ...").
        verb("show", "showed", "shows", "showing", "shown");
        verb("find", "found", "finds", "finding");
        verb("believe", "believed", "believes", "believing");
        verb("think", "thought", "thinks", "thinking");
        verb("conclude", "concluded", "concludes", "concluding");
        verb("fear");
        verb("mention");
        verb("question");
        verb("criticize", "criticized", "criticizes", "criticizing", "criticise", "criticised", "criticises", "criticising");
        verb("blast");
        verb("praise", "praised", "praises", "praising");
        // Verbs of intent and stance: what they report is a to-infinitive or an object
        // ("wants to build a wall", "rejected the offer", "called for a ceasefire").
        verb("want");
        verb("hope", "hoped", "hopes", "hoping");
        verb("plan", "planned", "plans", "planning");
        verb("propose", "proposed", "proposes", "proposing");
        verb("refuse", "refused", "refuses", "refusing");
        verb("offer");
        verb("seek", "sought", "seeks", "seeking");
        verb("denounce", "denounced", "denounces", "denouncing");
        verb("reject");
        verb("dismiss", "dismissed", "dismisses", "dismissing");
        verb("blame", "blamed", "blames", "blaming");
        verb("decline", "declined", "declines", "declining");
        verb("recommend");
    }

    /** Which ASCII letters begin some written form, and the longest form's length: cheap rejections. */
    private static final boolean[] FIRST_LETTERS = new boolean[128];
    private static final int MAX_LENGTH;

    static {
        int max = 0;
        for (String f : BASE.keySet()) {
            FIRST_LETTERS[f.charAt(0)] = true;
            max = Math.max(max, f.indexOf(' ') < 0 ? f.length() : f.indexOf(' '));
        }
        MAX_LENGTH = max;
    }

    /**
     * Verbs whose object and its complement are what was said: "urged supporters to vote", "called
     * the plan a disaster", "asked whether the road was open".
     */
    private static final Set<String> OBJECT_COMPLEMENT = Set.of("call", "describe", "cite", "accuse", "ask", "urge", "demand",
            "threaten", "criticize", "blast", "praise", "question", "mention", "deny", "confirm", "announce", "promise", "pledge",
            "vow", "predict");

    /**
     * Verbs whose reported words may follow with no "that" ("He said the road was cut"). After the
     * others a bare noun phrase is their object, not speech ("She noted the figures").
     */
    private static final Set<String> BARE_CLAUSE = Set.of("say", "add", "tell", "write", "tweet", "claim", "insist", "argue",
            "warn", "predict", "suggest", "allege", "explain", "acknowledge", "admit", "concede", "complain", "boast", "vow",
            "promise", "pledge", "reiterate");

    /** Verbs of belief, evidence and judgement: they report no words, so a quotation after one is no one's speech. */
    private static final Set<String> NOT_SPEECH = Set.of("show", "find", "believe", "think", "conclude", "fear", "mention",
            "question", "criticize", "blast", "praise", "estimate", "call", "describe", "cite", "accuse", "read");

    /** True for a verb of speech proper: one that may introduce a direct quotation. */
    public static boolean isSpeech(String base) {
        return base.equals(BASE.get(base)) && !NOT_SPEECH.contains(base) && !TO_INFINITIVE.contains(base);
    }

    /** The particles of the phrasal verbs above ("pointed out", "shot back"). */
    private static final List<String> PARTICLES = List.of("out", "back");

    private ReportingVerbs() {}

    private static boolean startsWith(CharSequence text, int at, String word) {
        for (int k = 0; k < word.length(); k++) {
            if (text.charAt(at + k) != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static void verb(String base, String... forms) {
        BASE.put(base, base);
        if (forms.length == 0) {
            String stem = base.endsWith("e") ? base.substring(0, base.length() - 1) : base;
            BASE.put(base + "s", base);
            BASE.put(base.endsWith("e") ? base + "d" : base + "ed", base);
            BASE.put(stem + "ing", base);
            if (base.endsWith("s")) {
                BASE.put(base + "es", base);
            }
        }
        for (String f : forms) {
            BASE.put(f, base);
        }
    }

    /** The base form of a written reporting verb ("told" gives "tell"), or null when it is none. */
    public static String baseOf(String written) {
        return BASE.get(written.toLowerCase(Locale.ROOT));
    }

    /** True when what the verb reports is its object with its complement, not a that-clause. */
    public static boolean takesObject(String base) {
        return OBJECT_COMPLEMENT.contains(base);
    }

    /** A reporting verb found in a text: where it is written and its base form. */
    public record Cue(Span span, String base) {}

    /**
     * The first reporting verb written in {@code [from, to)}, as a whole word (two for "pointed
     * out"), or null. A scan of words with a table lookup: far cheaper than a pattern with an
     * alternative for every form.
     */
    public static Cue next(CharSequence text, int from, int to) {
        int i = from;
        while (i < to) {
            while (i < to && !Character.isLetter(text.charAt(i))) {
                i++;
            }
            int s = i;
            while (i < to && Character.isLetter(text.charAt(i))) {
                i++;
            }
            if (s == i || (s > 0 && (Character.isLetterOrDigit(text.charAt(s - 1)) || text.charAt(s - 1) == '-'))) {
                continue;
            }
            if (i < to && (text.charAt(i) == '-' || Character.isDigit(text.charAt(i)))) {
                continue; // part of a compound: "say-so"
            }
            char first = text.charAt(s);
            if (i - s > MAX_LENGTH || first >= 128 || !FIRST_LETTERS[first]) {
                continue; // lower case only: "Said" or "Tells" starting a name is not a verb
            }
            String word = text.subSequence(s, i).toString();
            for (String particle : PARTICLES) {
                int e = i + 1 + particle.length();
                if (e <= to && text.charAt(i) == ' ' && startsWith(text, i + 1, particle)
                        && (e == to || !Character.isLetter(text.charAt(e)))) {
                    String phrasal = BASE.get(word + " " + particle);
                    if (phrasal != null) {
                        return new Cue(new Span(s, e), phrasal);
                    }
                }
            }
            String base = BASE.get(word);
            if (base == null) {
                continue;
            }
            return new Cue(new Span(s, i), base);
        }
        return null;
    }

    /** The last reporting verb written in {@code [from, to)}, or null. */
    public static Cue last(CharSequence text, int from, int to) {
        Cue last = null;
        for (Cue c = next(text, from, to); c != null; c = next(text, c.span().end(), to)) {
            last = c;
        }
        return last;
    }

    private static final Set<String> TO_INFINITIVE = Set.of("want", "hope", "plan", "propose", "refuse", "offer", "seek", "agree",
            "promise", "pledge", "vow", "threaten", "decline", "urge", "ask", "call", "demand", "recommend");

    /** True when the verb reports an intent with "to": "wants to build", "agreed to withdraw". */
    public static boolean takesInfinitive(String base) {
        return TO_INFINITIVE.contains(base);
    }

    /** True when the verb's reported words may follow it without "that". */
    public static boolean takesBareClause(String base) {
        return BARE_CLAUSE.contains(base);
    }

    /** Every written form, longest first, for building patterns. */
    static Set<String> forms() {
        Set<String> out = new LinkedHashSet<>();
        BASE.keySet().stream().sorted((a, b) -> b.length() != a.length() ? b.length() - a.length() : a.compareTo(b)).forEach(out::add);
        return out;
    }

    /** A regular-expression alternation of every written form, longest first. */
    static String alternation() {
        StringBuilder sb = new StringBuilder("(?:");
        boolean first = true;
        for (String f : forms()) {
            if (!first) {
                sb.append('|');
            }
            sb.append(f.replace(" ", "\\s+"));
            first = false;
        }
        return sb.append(')').toString();
    }
}
