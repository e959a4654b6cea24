package org.conflictkg.extract;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Builds the gazetteer from the data files shipped in the jar under {@code gazetteer/}:
 *
 * <ul>
 *   <li>{@code actors.ttl}: curated actors with their kinds, labels, acronyms, demonyms and
 *       metonyms (the capital that stands for a state);
 *   <li>{@code countries.tsv}: countries with names and demonyms;
 *   <li>{@code places.tsv.gz}: GeoNames populated places with alternate names;
 *   <li>{@code features-extra.tsv}: provinces, rivers, bases and crossings the city list lacks;
 *   <li>{@code common-words.txt}: English words that are also place names ("Of", "Man", "Mayor"):
 *       such a name never matches on its own.
 * </ul>
 *
 * Missing files are skipped, so a test can run with only some of them.
 */
public final class GazetteerLoader {

    /** The placeholder base the relative IRIs of {@code actors.ttl} resolve against. */
    private static final String PARSE_BASE = "http://base.invalid/";
    private static final String CKG = "https://w3id.org/conflict-kg/ontology#";

    private final Set<String> commonWords;

    private GazetteerLoader(Set<String> commonWords) {
        this.commonWords = commonWords;
    }

    /** The full gazetteer from the classpath. */
    public static Gazetteer standard() {
        GazetteerLoader loader = new GazetteerLoader(readCommonWords());
        Gazetteer.Builder b = new Gazetteer.Builder();
        loader.addActors(b, resourceString("gazetteer/actors.ttl"));
        loader.addCountries(b);
        loader.addPlaces(b, "gazetteer/places.tsv.gz", true);
        loader.addPlaces(b, "gazetteer/features-extra.tsv", false);
        return b.build();
    }

    /** Adds the actors of a Turtle document using the gazetteer vocabulary. */
    public static void addActors(Gazetteer.Builder b, String turtle, Set<String> commonWords) {
        new GazetteerLoader(commonWords).addActors(b, turtle);
    }

    private void addActors(Gazetteer.Builder b, String turtle) {
        if (turtle == null) {
            return;
        }
        Model m = RDFParser.fromString(turtle, Lang.TURTLE).base(PARSE_BASE).toModel();
        m.listSubjectsWithProperty(RDF.type).forEachRemaining(s -> {
            if (!s.isURIResource() || !s.getURI().startsWith(PARSE_BASE)) {
                return;
            }
            EntityKind kind = kindOf(s);
            if (kind == null) {
                return;
            }
            String key = s.getURI().substring(PARSE_BASE.length());
            String pref = literal(s.getProperty(SKOS.prefLabel));
            if (pref == null) {
                return;
            }
            String cc = literal(s.getProperty(m.createProperty(CKG, "countryCode")));
            GazetteerEntry e = GazetteerEntry.actor(key, kind, pref, cc);
            addName(b, e, pref);
            s.listProperties(SKOS.altLabel).forEachRemaining(st -> addName(b, e, literal(st)));
            s.listProperties(m.createProperty(CKG, "metonym")).forEachRemaining(st -> b.metonym(e, literal(st)));
            s.listProperties(m.createProperty(CKG, "acronym")).forEachRemaining(st ->
                    b.add(e, literal(st), Gazetteer.NameForm.ACRONYM));
            s.listProperties(m.createProperty(CKG, "demonym")).forEachRemaining(st -> {
                String demonym = literal(st);
                b.add(e, demonym, Gazetteer.NameForm.DEMONYM);
                // "Syrians", "Iraqis": the people of a state, written in the plural.
                if (!demonym.endsWith("s") && !demonym.endsWith("sh") && !demonym.endsWith("ese")) {
                    b.add(e, demonym + "s", Gazetteer.NameForm.DEMONYM);
                }
            });
        });
    }

    private void addName(Gazetteer.Builder b, GazetteerEntry e, String name) {
        if (name == null || name.isBlank()) {
            return;
        }
        b.add(e, name, looksLikeAcronym(name) ? Gazetteer.NameForm.ACRONYM : Gazetteer.NameForm.NAME);
    }

    /** "SDF", "U.S.", "YPG": short and all capitals, so it must match in its case. */
    static boolean looksLikeAcronym(String name) {
        int letters = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isLetter(c)) {
                if (!Character.isUpperCase(c)) {
                    return false;
                }
                letters++;
            } else if (c != '.' && c != '-' && c != '&' && !Character.isDigit(c)) {
                return false;
            }
        }
        return letters > 0 && letters <= 6;
    }

    private static EntityKind kindOf(Resource s) {
        for (Statement st : s.listProperties(RDF.type).toList()) {
            RDFNode o = st.getObject();
            if (o.isURIResource() && o.asResource().getURI().startsWith(CKG)) {
                EntityKind k = EntityKind.ofClass(o.asResource().getLocalName());
                if (k != null) {
                    return k;
                }
            }
        }
        return null;
    }

    private static String literal(Statement st) {
        return st == null || !st.getObject().isLiteral() ? null : st.getString();
    }

    private void addCountries(Gazetteer.Builder b) {
        readTsv("gazetteer/countries.tsv", false, row -> {
            // iso2 iso3 geonameid name official altnames demonyms lat long
            if (row.length < 9) {
                return;
            }
            String id = row[2].isBlank() ? null : row[2];
            String key = "id/place/" + org.conflictkg.rdf.Iris.slug(row[3]) + (id == null ? "-" + row[0].toLowerCase(Locale.ROOT) : "-" + id);
            GazetteerEntry e = new GazetteerEntry(key, EntityKind.PLACE, row[3], id, parse(row[7]), parse(row[8]),
                    row[0], 0, "A.PCLI");
            placeName(b, e, row[3]);
            placeName(b, e, row[4]);
            for (String alt : row[5].split("\\|")) {
                placeName(b, e, alt);
            }
        });
    }

    private void addPlaces(Gazetteer.Builder b, String resource, boolean cities) {
        readTsv(resource, resource.endsWith(".gz"), row -> {
            GazetteerEntry e;
            String alts;
            if (cities) {
                // geonameid name asciiname altnames lat long feature country admin1 population
                if (row.length < 10) {
                    return;
                }
                String country = emptyToNull(row[7]);
                e = new GazetteerEntry(placeKey(row[1], row[0]), EntityKind.PLACE, row[1], row[0],
                        parse(row[4]), parse(row[5]), country, parseLong(row[9]), emptyToNull(row[6]),
                        country == null ? null : emptyToNull(row[8]));
                placeName(b, e, row[2]);
                alts = row[3];
            } else {
                // geonameid name altnames lat long feature country admin1 source
                if (row.length < 7) {
                    return;
                }
                String id = emptyToNull(row[0]);
                String country = emptyToNull(row[6]);
                String admin1 = country != null && row.length > 7 ? emptyToNull(row[7]) : null;
                e = new GazetteerEntry(placeKey(row[1], id), EntityKind.PLACE, row[1], id,
                        parse(row[3]), parse(row[4]), country, 0, emptyToNull(featureOf(row[5])), admin1);
                alts = row[2];
            }
            placeName(b, e, e.name());
            if (!alts.isEmpty()) {
                for (String alt : alts.split("\\|")) {
                    placeName(b, e, alt);
                }
            }
        });
    }

    /** Prefixes a bare GeoNames feature code with its class ("STM" becomes "H.STM"). */
    static String featureOf(String code) {
        if (code == null || code.isBlank() || code.contains(".")) {
            return code;
        }
        String c = code.strip().toUpperCase(Locale.ROOT);
        if (c.startsWith("ADM") || c.startsWith("PCL")) return "A." + c;
        if (c.startsWith("PPL")) return "P." + c;
        return switch (c) {
            case "STM", "STMS", "STMI", "LK", "LKS", "RSV", "CNL", "BAY", "SPNG", "WAD" -> "H." + c;
            case "VAL", "VALS", "MT", "MTS", "HLL", "HLLS", "PLN", "PLAT", "DSRT", "PASS", "MESA", "UPLD" -> "T." + c;
            case "RGN", "AREA", "OILF", "GASF", "ZN", "ZNB", "LCTY", "RGNE" -> "L." + c;
            default -> "S." + c;
        };
    }

    private static String placeKey(String name, String geonameId) {
        String slug = org.conflictkg.rdf.Iris.slug(name);
        return "id/place/" + (geonameId == null ? slug : slug + "-" + geonameId);
    }

    private void placeName(Gazetteer.Builder b, GazetteerEntry e, String name) {
        if (name == null || name.isBlank()) {
            return;
        }
        java.util.List<String> keys = NameKey.keys(name);
        if (keys.isEmpty()) {
            return;
        }
        if (keys.size() == 1 && (commonWords.contains(keys.get(0)) || keys.get(0).length() < 3)) {
            return;
        }
        b.add(e, name, looksLikeAcronym(name) ? Gazetteer.NameForm.ACRONYM : Gazetteer.NameForm.NAME);
    }

    /** The folded English words that never make a name on their own (see {@code common-words.txt}). */
    public static Set<String> commonWords() {
        return Set.copyOf(readCommonWords());
    }

    private static Set<String> readCommonWords() {
        Set<String> words = new HashSet<>();
        String s = resourceString("gazetteer/common-words.txt");
        if (s != null) {
            for (String line : s.split("\n")) {
                String w = line.strip();
                if (!w.isEmpty() && !w.startsWith("#")) {
                    words.add(NameKey.fold(w));
                }
            }
        }
        return words;
    }

    private static void readTsv(String resource, boolean gz, java.util.function.Consumer<String[]> row) {
        try (InputStream raw = GazetteerLoader.class.getClassLoader().getResourceAsStream(resource)) {
            if (raw == null) {
                return;
            }
            InputStream in = gz ? new GZIPInputStream(raw, 1 << 16) : raw;
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
            r.readLine(); // header
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    row.accept(line.split("\t", -1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read gazetteer resource " + resource, e);
        }
    }

    private static String resourceString(String name) {
        try (InputStream in = GazetteerLoader.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read gazetteer resource " + name, e);
        }
    }

    private static double parse(String s) {
        try {
            return s == null || s.isBlank() ? Double.NaN : Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static long parseLong(String s) {
        try {
            return s == null || s.isBlank() ? 0 : Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
