package org.conflictkg;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.util.FmtUtils;
import org.conflictkg.extract.Gazetteer;
import org.conflictkg.extract.GazetteerLoader;
import org.conflictkg.extract.Pipeline;
import org.conflictkg.ingest.DocumentReader;
import org.conflictkg.rdf.DocumentMapper;
import org.conflictkg.rdf.Iris;
import org.conflictkg.reason.Materializer;
import org.conflictkg.store.KnowledgeStore;
import org.conflictkg.store.LoadListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Loads {@code data/} into a fresh TDB2 store, with reasoning, and runs every competency query in {@code queries/},
 * checking its result columns against the contract and its rows against the expected result in
 * {@code src/test/resources/expected/NAME.tsv} (compared as multisets: ties in ORDER BY are not
 * fixed). Run with {@code -Dkg.updateExpected=true} to rewrite the expected files after a deliberate
 * change, then review the diff row by row.
 */
class CompetencyQueriesIT {

    /** The result columns each query promises its users (issues 2 and 3): never rename or drop one. */
    static final Map<String, List<String>> COLUMNS = Map.ofEntries(
            Map.entry("documents", List.of("document", "title", "date", "source", "file")),
            Map.entry("actors", List.of("actor", "name", "type")),
            Map.entry("places", List.of("place", "name", "geonames", "lat", "long")),
            Map.entry("alliances", List.of("alliance", "member", "memberName")),
            Map.entry("allies", List.of("actor", "actorName", "ally", "allyName")),
            Map.entry("support", List.of("supporter", "supporterName", "supported", "supportedName", "document")),
            Map.entry("quotations", List.of("quotation", "text", "speaker", "speakerName", "document", "start", "end")),
            Map.entry("statements", List.of("statement", "text", "speaker", "speakerName", "document", "start", "end")),
            Map.entry("speakers", List.of("person", "name", "role", "organization", "organizationName")),
            Map.entry("quotes-by-organization", List.of("organization", "organizationName", "speakerName", "text")),
            Map.entry("derived-documents", List.of("document", "source", "overlap")),
            Map.entry("mentions", List.of("entity", "document", "start", "end", "exact")),
            Map.entry("located-in", List.of("place", "placeName", "container", "containerName")),
            Map.entry("why-allied", List.of("actor", "ally", "rule", "premiseSubject", "premise", "premiseObject", "document")));

    private static final Path EXPECTED = Path.of("src/test/resources/expected");

    @TempDir
    static Path tmp;
    static KnowledgeStore store;

    @BeforeAll
    static void loadSeeds() throws IOException {
        store = KnowledgeStore.open(tmp.resolve("db"), Iris.defaults());
        Gazetteer g = GazetteerLoader.standard();
        // As kg load does by default: inferences are written with each batch.
        store.setWriteHook(Materializer.standard(store.iris()));
        var report = store.load(List.of(Path.of("data")), new DocumentReader(), Pipeline.standard(g),
                new DocumentMapper(store.iris(), g), LoadListener.SILENT);
        assertTrue(report.rejected().isEmpty(), report.rejected().toString());
        assertTrue(report.added() >= 2);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @TestFactory
    Stream<DynamicTest> everyCompetencyQuery() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("queries"))) {
            files = s.filter(p -> p.toString().endsWith(".rq")).sorted().toList();
        }
        assertTrue(files.stream().map(CompetencyQueriesIT::name).toList().containsAll(COLUMNS.keySet()),
                "a competency query of the contract is missing");
        return files.stream().map(f -> DynamicTest.dynamicTest(name(f), () -> check(f)));
    }

    private static String name(Path f) {
        String n = f.getFileName().toString();
        return n.substring(0, n.length() - 3);
    }

    private static void check(Path file) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.startsWith("#"), file + " must open with a comment stating its question");
        Query query = QueryFactory.create(text);
        List<String> columns = query.getResultVars();
        List<String> contract = COLUMNS.get(name(file));
        if (contract != null) {
            assertEquals(contract, columns, file + " columns");
        }
        List<String> rows = store.read(d -> {
            List<String> out = new ArrayList<>();
            try (QueryExec exec = QueryExec.dataset(d).query(query).build()) {
                RowSet rs = exec.select();
                rs.forEachRemaining(b -> {
                    List<String> cells = new ArrayList<>();
                    for (String v : columns) {
                        Node n = b.get(v);
                        cells.add(n == null ? "" : FmtUtils.stringForNode(n));
                    }
                    out.add(String.join("\t", cells));
                });
            }
            return out;
        });
        Path expectedFile = EXPECTED.resolve(name(file) + ".tsv");
        if (Boolean.getBoolean("kg.updateExpected")) {
            Files.createDirectories(EXPECTED);
            List<String> lines = new ArrayList<>();
            lines.add(String.join("\t", columns));
            lines.addAll(rows);
            Files.write(expectedFile, lines);
            return;
        }
        assertTrue(Files.exists(expectedFile), "no expected result " + expectedFile + " (run with -Dkg.updateExpected=true and review it)");
        List<String> expected = new ArrayList<>(Files.readAllLines(expectedFile));
        assertEquals(String.join("\t", columns), expected.remove(0), "header of " + expectedFile);
        List<String> actual = new ArrayList<>(rows);
        expected.sort(null);
        actual.sort(null);
        assertEquals(String.join("\n", expected), String.join("\n", actual), "rows of " + file);
    }
}
