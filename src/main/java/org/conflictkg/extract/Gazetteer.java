package org.conflictkg.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Names of known entities, indexed for longest-match lookup over folded tokens (a token trie).
 *
 * <p>Each name carries how it may match: an {@linkplain NameForm#ACRONYM acronym} only in the case
 * it is written ("IS" the group, never "is"); any other name only when the text writes it with a
 * capital, as English writes names.
 *
 * <pre>{@code
 * Gazetteer g = new Gazetteer.Builder()
 *     .add(GazetteerEntry.actor("id/actor/islamic-state", EntityKind.REBEL_GROUP, "Islamic State", null),
 *          "Islamic State", NameForm.NAME)
 *     .build();
 * }</pre>
 */
public final class Gazetteer {

    /** How a name may be written in text for it to match. */
    public enum NameForm {
        /** A proper name: case-insensitive, but the text must write it with a capital. */
        NAME,
        /** An acronym or code: must match in exactly the written case. */
        ACRONYM,
        /** A demonym adjective ("Syrian"): capitalised, and weaker evidence than a name. */
        DEMONYM
    }

    /** A name an entry is known by. */
    public record Label(GazetteerEntry entry, String written, NameForm form) {}

    /** A node of the token trie. */
    static final class Node {
        Map<String, Node> next;
        List<Label> labels;

        Node child(String key) {
            return next == null ? null : next.get(key);
        }
    }

    private final Node root;
    private final Map<String, GazetteerEntry> byKey;
    private final Map<String, GazetteerEntry> stateByCountry = new HashMap<>();
    private final Map<String, GazetteerEntry> countryByCode = new HashMap<>();
    /** First-level divisions (governorates, provinces) by country and admin1 code, as "SY.07". */
    private final Map<String, GazetteerEntry> provinceByCode = new HashMap<>();
    /** A place that stands for an actor in news language, and how the news writes it then. */
    private record Metonym(GazetteerEntry actor, java.util.Set<String> spellings) {}

    /** By place key: a capital standing for its state. */
    private final Map<String, Metonym> metonyms;
    private final int labelCount;

    private Gazetteer(Node root, Map<String, GazetteerEntry> byKey, Map<String, Metonym> metonyms, int labelCount) {
        this.root = root;
        this.byKey = byKey;
        this.metonyms = metonyms;
        this.labelCount = labelCount;
        for (GazetteerEntry e : byKey.values()) {
            if (e.countryCode() == null) {
                continue;
            }
            if (e.kind() == EntityKind.STATE) {
                stateByCountry.putIfAbsent(e.countryCode(), e);
            } else if (e.kind() == EntityKind.PLACE && e.featureCode() != null && e.featureCode().startsWith("A.PCL")) {
                countryByCode.putIfAbsent(e.countryCode(), e);
            } else if (e.kind() == EntityKind.PLACE && "A.ADM1".equals(e.featureCode()) && e.admin1() != null) {
                provinceByCode.putIfAbsent(e.countryCode() + "." + e.admin1(), e);
            }
        }
    }

    /**
     * The entry a whole name denotes, preferring an actor and then the most populous place, or null.
     * For looking up a name found inside another ("U.S." in "U.S.-led coalition").
     */
    public GazetteerEntry find(String name) {
        Node node = root;
        for (String key : NameKey.keys(name)) {
            node = node.child(key);
            if (node == null) {
                return null;
            }
        }
        if (node.labels == null) {
            return null;
        }
        GazetteerEntry best = null;
        for (Label l : node.labels) {
            GazetteerEntry e = l.entry();
            if (best == null || (e.kind().isActor() && !best.kind().isActor())
                    || (e.kind().isActor() == best.kind().isActor() && e.population() > best.population())) {
                best = e;
            }
        }
        return best;
    }

    /** The state (as an actor) of an ISO country code, or null. */
    public GazetteerEntry stateOf(String countryCode) {
        return countryCode == null ? null : stateByCountry.get(countryCode);
    }

    /** The country (as a place) of an ISO country code, or null. */
    public GazetteerEntry countryOf(String countryCode) {
        return countryCode == null ? null : countryByCode.get(countryCode);
    }

    /**
     * The first-level division (governorate, province) a place lies in, by GeoNames' hierarchy: the
     * ADM1 entry with the place's country and admin1 code. Null for a place without an admin1 code,
     * for one whose province the gazetteer lacks, and for a province itself.
     *
     * <p>Also null for water bodies and terrain (GeoNames classes H and T): a river, valley or
     * mountain range is recorded at one reference point, and its admin1 code says where that point
     * is, not that the whole feature lies in one province.
     */
    public GazetteerEntry provinceOf(GazetteerEntry place) {
        if (place == null || place.admin1() == null) {
            return null;
        }
        String feature = place.featureCode();
        if (feature != null && (feature.startsWith("H.") || feature.startsWith("T."))) {
            return null;
        }
        GazetteerEntry province = provinceByCode.get(place.countryCode() + "." + place.admin1());
        return province == null || province.key().equals(place.key()) ? null : province;
    }

    /**
     * The actor a place mention stands for if the text uses it as an agent, as news uses a capital
     * for its government ("Moscow warned": the Russian state), or null. The mention must write the
     * name as the metonym is written (up to case and diacritics): a name reached only through
     * transliteration folding ("Perry" folds like "Paris") is no metonym. Whether the text uses it
     * as an agent is for {@link MetonymResolver} to read; this is only the data.
     */
    public GazetteerEntry actorByMetonym(Mention m) {
        Metonym metonym = m.kind() == EntityKind.PLACE ? metonyms.get(m.entity()) : null;
        return metonym != null && metonym.spellings().contains(spelling(m.exact())) ? metonym.actor() : null;
    }

    /** A name's words, each in lower case without diacritics or apostrophes, joined by one space. */
    private static String spelling(String name) {
        StringBuilder b = new StringBuilder();
        for (NameKey.Token t : NameKey.tokens(name)) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(NameKey.simpleFold(name.substring(t.start(), t.end())));
        }
        return b.toString();
    }

    /**
     * The actor a mention stands for when the text uses it as one: a country's name or demonym
     * ("U.S.-backed", "Russian airstrikes") stands for its state. Other actors are themselves;
     * other places are not actors (null).
     */
    public GazetteerEntry actorOf(Mention m) {
        GazetteerEntry e = byKey.get(m.entity());
        if (e == null) {
            return m.kind().isActor() ? GazetteerEntry.actor(m.entity(), m.kind(), m.exact(), null) : null;
        }
        if (e.kind().isActor()) {
            return e;
        }
        boolean country = e.featureCode() != null && e.featureCode().startsWith("A.PCL");
        return country ? stateOf(e.countryCode()) : null;
    }

    public static Gazetteer empty() {
        return new Builder().build();
    }

    Node root() {
        return root;
    }

    public GazetteerEntry entry(String key) {
        return byKey.get(key);
    }

    public int size() {
        return byKey.size();
    }

    public int labelCount() {
        return labelCount;
    }

    /** Builds a gazetteer; not thread-safe, but the built gazetteer is immutable and shareable. */
    public static final class Builder {
        private final Node root = new Node();
        private final Map<String, GazetteerEntry> byKey = new HashMap<>();
        private final Map<String, String> metonyms = new java.util.LinkedHashMap<>();
        private int labels;

        /**
         * Records that {@code name} (a capital, usually) stands for {@code actor} in news language.
         * The name is resolved to a place when the gazetteer is built, once all places are added:
         * the most populous place of that name in the actor's country, else anywhere.
         */
        public Builder metonym(GazetteerEntry actor, String name) {
            if (!actor.kind().isActor()) {
                throw new IllegalArgumentException("metonym '" + name + "' for " + actor.key() + ": only an actor has metonyms");
            }
            byKey.putIfAbsent(actor.key(), actor);
            metonyms.put(name, actor.key());
            return this;
        }

        public Builder add(GazetteerEntry entry, String name, NameForm form) {
            GazetteerEntry known = byKey.putIfAbsent(entry.key(), entry);
            GazetteerEntry e = known == null ? entry : known;
            List<String> keys = NameKey.keys(name);
            if (keys.isEmpty()) {
                return this;
            }
            Node node = root;
            for (String k : keys) {
                if (node.next == null) {
                    node.next = new HashMap<>(4);
                }
                node = node.next.computeIfAbsent(k, x -> new Node());
            }
            if (node.labels == null) {
                node.labels = new ArrayList<>(1);
            }
            for (Label l : node.labels) {
                if (l.entry().key().equals(e.key()) && l.form() == form && l.written().equals(name)) {
                    return this;
                }
            }
            node.labels.add(new Label(e, name, form));
            labels++;
            return this;
        }

        public boolean contains(String key) {
            return byKey.containsKey(key);
        }

        public Gazetteer build() {
            Map<String, Metonym> byPlace = new HashMap<>();
            metonyms.forEach((name, actorKey) -> {
                GazetteerEntry actor = byKey.get(actorKey);
                GazetteerEntry place = placeNamed(name, actor.countryCode());
                if (place != null) {
                    Metonym known = byPlace.computeIfAbsent(place.key(), k -> new Metonym(actor, new java.util.HashSet<>()));
                    if (known.actor().key().equals(actorKey)) {
                        known.spellings().add(spelling(name));
                    }
                }
            });
            byPlace.replaceAll((k, m) -> new Metonym(m.actor(), java.util.Set.copyOf(m.spellings())));
            return new Gazetteer(root, Map.copyOf(byKey), Map.copyOf(byPlace), labels);
        }

        /** The most populous place called {@code name}, preferring those in {@code countryCode}. */
        private GazetteerEntry placeNamed(String name, String countryCode) {
            Node node = root;
            for (String key : NameKey.keys(name)) {
                node = node.child(key);
                if (node == null) {
                    return null;
                }
            }
            GazetteerEntry best = null;
            for (Label l : node.labels == null ? List.<Label>of() : node.labels) {
                GazetteerEntry e = l.entry();
                if (e.kind() != EntityKind.PLACE) {
                    continue;
                }
                boolean home = countryCode != null && countryCode.equals(e.countryCode());
                boolean bestHome = best != null && countryCode != null && countryCode.equals(best.countryCode());
                if (best == null || (home && !bestHome) || (home == bestHome && e.population() > best.population())) {
                    best = e;
                }
            }
            return best;
        }
    }
}
