package org.conflictkg;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.conflictkg.cli.CliTest.Run;
import org.conflictkg.cli.ExitCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.conflictkg.cli.CliTest.kg;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The competency queries that depend on reasoning, over {@code data/} loaded with and without it,
 * through the command line as an analyst would run them; and what validation says of the result.
 */
class ReasoningIT {

    @TempDir
    static Path tmp;
    static String full;
    static String none;

    @BeforeAll
    static void loadTheSeedsWithAndWithoutReasoning() {
        full = tmp.resolve("full").toString();
        none = tmp.resolve("none").toString();
        Run f = kg("load", "--db", full, "data");
        assertEquals(ExitCode.OK, f.code(), f.err());
        assertTrue(f.out().contains("reasoning: "), f.out());
        Run n = kg("load", "--db", none, "--reasoning", "none", "data");
        assertEquals(ExitCode.OK, n.code(), n.err());
        assertTrue(n.out().contains("reasoning: none"), n.out());
    }

    /** The rows of a competency query, without its header, each cell as SPARQL writes it. */
    private static List<String[]> rows(String db, String query) {
        Run r = kg("query", "--db", db, "--format", "tsv", "queries/" + query + ".rq");
        assertEquals(ExitCode.OK, r.code(), r.err());
        return r.out().lines().skip(1).map(l -> l.split("\t", -1)).toList();
    }

    private static boolean pair(List<String[]> rows, String a, String b) {
        return rows.stream().anyMatch(r -> r[0].contains(a) && r[2].contains(b));
    }

    @Test
    void alliesHoldBothWaysWithReasoningNeverRussiaWithTheSdfAndAreFewerWithout() {
        List<String[]> with = rows(full, "allies");
        assertTrue(pair(with, "id/actor/russia>", "id/actor/syrian-arab-army>"), "Russia allied with the Syrian army");
        assertTrue(pair(with, "id/actor/syrian-arab-army>", "id/actor/russia>"), "and the Syrian army with Russia");
        assertFalse(pair(with, "id/actor/russia>", "id/actor/syrian-democratic-forces>"));
        assertFalse(pair(with, "id/actor/syrian-democratic-forces>", "id/actor/russia>"));
        for (String[] r : with) {
            assertTrue(pair(with, r[2], r[0]), "symmetric: " + String.join(" ", r));
        }
        assertTrue(rows(none, "allies").size() < with.size());
    }

    @Test
    void theCoalitionSpeaksThroughItsSpokeswomanOnlyAndNothingWithoutReasoning() {
        List<String[]> with = rows(full, "quotes-by-organization");
        List<String[]> coalition = with.stream().filter(r -> r[0].contains("id/actor/global-coalition-to-defeat-isis>")).toList();
        assertTrue(coalition.size() >= 2, "the coalition's quotations");
        assertTrue(coalition.stream().allMatch(r -> r[2].equals("\"Dana Whitfield\"")), "only its spokeswoman's");
        assertTrue(coalition.stream().anyMatch(r -> r[3].contains("Nobody wants an accident in the sky")));
        // The others speak for the coalition nowhere; the envoy speaks for no one.
        assertTrue(with.stream().noneMatch(r -> r[2].contains("Helen Marsh")));
        assertTrue(with.stream().filter(r -> r[2].contains("Karim Haddad")).allMatch(r -> r[0].contains("deir-ez-zor-military-council")));
        assertTrue(rows(none, "quotes-by-organization").isEmpty());
    }

    @Test
    void placesLieInTheirCountriesThroughTheirProvincesWithReasoningOnly() {
        List<String[]> with = rows(full, "located-in");
        List<String[]> without = rows(none, "located-in");
        String town = "id/place/deir-ez-zor-170794>";
        String country = "id/place/syria-163843>";
        assertTrue(pair(with, town, "id/place/deir-ez-zor-governorate-170792>"));
        assertTrue(pair(with, town, country), "transitivity: the town is in Syria");
        assertFalse(pair(without, town, country));
        assertTrue(pair(without, town, "id/place/deir-ez-zor-governorate-170792>"), "the direct fact is stored either way");
        assertTrue(with.size() > without.size());
    }

    @Test
    void theSeedsValidateCleanAndACuratedFileThatMakesAPersonAnArmedGroupDoesNot() throws IOException {
        Run clean = kg("validate", "--db", full);
        assertEquals(ExitCode.OK, clean.code(), clean.out() + clean.err());
        assertTrue(clean.out().isEmpty(), clean.out());

        String db = tmp.resolve("conflicting").toString();
        Path curated = Files.writeString(tmp.resolve("curated.ttl"), """
                @prefix ckg: <https://w3id.org/conflict-kg/ontology#> .
                @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
                <id/person/omar-vale> a ckg:Person , ckg:ArmedGroup ; skos:prefLabel "Omar Vale"@en .
                """);
        Run load = kg("load", "--db", db, "data", curated.toString());
        assertEquals(ExitCode.OK, load.code(), load.err());
        assertTrue(load.out().contains("stored 1 RDF file"), load.out());
        Run invalid = kg("validate", "--db", db);
        assertEquals(ExitCode.INVALID, invalid.code(), invalid.out() + invalid.err());
        List<String> lines = invalid.out().lines().toList();
        assertEquals(1, lines.size(), invalid.out());
        assertTrue(lines.get(0).startsWith("<http://localhost:3030/id/person/omar-vale>\trdf:type\t"), lines.get(0));
        assertTrue(lines.get(0).contains("disjoint"), lines.get(0));
        assertTrue(invalid.err().contains("1 violation"), invalid.err());
    }

    @Test
    void loadingTheSeedsOneByOneGivesWhatLoadingThemTogetherGivesAndInferChangesNothing() throws IOException {
        String oneByOne = tmp.resolve("one-by-one").toString();
        List<Path> seeds;
        try (var s = Files.list(Path.of("data"))) {
            seeds = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        assertTrue(seeds.size() >= 2);
        for (Path seed : seeds) {
            assertEquals(ExitCode.OK, kg("load", "--db", oneByOne, seed.toString()).code());
        }
        Set<Quad> together = quads(full);
        assertEquals(together, quads(oneByOne));
        assertEquals(ExitCode.OK, kg("infer", "--db", oneByOne).code());
        assertEquals(together, quads(oneByOne));
        // A store loaded without reasoning (not the shared one, which other tests read) catches up with kg infer.
        String late = tmp.resolve("late").toString();
        assertEquals(ExitCode.OK, kg("load", "--db", late, "--reasoning", "none", "data").code());
        assertFalse(together.equals(quads(late)));
        assertEquals(ExitCode.OK, kg("infer", "--db", late).code());
        assertEquals(together, quads(late));
    }

    /**
     * Every quad of a store but those with blank nodes (the ontology's lists, labelled afresh by
     * each parse): the documents, reference data, inferences, provenance and blocs.
     */
    private static Set<Quad> quads(String db) throws IOException {
        Path out = Files.createTempFile(tmp, "export", ".nq");
        Run r = kg("export", "--db", db, "--format", "nq", "-o", out.toString());
        assertEquals(ExitCode.OK, r.code(), r.err());
        DatasetGraph d = DatasetGraphFactory.create();
        RDFParser.source(out).lang(Lang.NQUADS).parse(d);
        Set<Quad> set = new HashSet<>();
        d.find().forEachRemaining(q -> {
            // The signature log token names a commit of the file beside the store, new at every load.
            if (!q.getSubject().isBlank() && !q.getObject().isBlank()
                    && !q.getPredicate().getURI().equals("https://w3id.org/conflict-kg/ontology#signatureLogToken")) {
                set.add(q);
            }
        });
        return set;
    }
}
