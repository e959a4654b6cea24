package org.conflictkg.cli;

import org.apache.jena.riot.Lang;
import org.apache.jena.vocabulary.RDF;
import org.conflictkg.rdf.CKG;
import org.conflictkg.rdf.Iris;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs each subcommand in-process and checks its exit code and output. */
public class CliTest {

    /** The outcome of one command: its exit code and what it printed. */
    public record Run(int code, String out, String err) {}

    /** Runs {@code kg} with {@code args} in this JVM, as {@link Cli} would, capturing its output. */
    public static Run kg(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @TempDir
    static Path tmp;
    static Path db;
    static Run firstLoad;

    @BeforeAll
    static void loadSeedsWithBadFilesBeside() throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        for (Path seed : Files.list(Path.of("data")).filter(p -> p.toString().endsWith(".txt")).toList()) {
            Files.copy(seed, in.resolve(seed.getFileName()));
        }
        Files.write(in.resolve("empty.txt"), new byte[0]);
        Files.write(in.resolve("binary.txt"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1});
        Files.write(in.resolve("latin1.txt"), "Al-Ba\u00efda was quiet.".getBytes(StandardCharsets.ISO_8859_1));
        db = tmp.resolve("db");
        firstLoad = kg("load", "--db", db.toString(), in.toString());
    }

    @Test
    void loadNamesEachBadFileWithItsReasonExitsTwoAndLoadsTheRest() {
        assertEquals(ExitCode.INPUT_REJECTED, firstLoad.code(), firstLoad.err());
        assertTrue(firstLoad.err().contains("rejected: empty.txt: empty file"), firstLoad.err());
        assertTrue(firstLoad.err().contains("rejected: binary.txt: binary file"), firstLoad.err());
        assertTrue(firstLoad.err().contains("rejected: latin1.txt: not valid UTF-8"), firstLoad.err());
        assertTrue(firstLoad.out().contains("2 added"), firstLoad.out());
        Run count = kg("query", "--db", db.toString(), "--format", "csv", "-e",
                "PREFIX ckg: <https://w3id.org/conflict-kg/ontology#> SELECT (COUNT(?d) AS ?n) { ?d a ckg:Document }");
        assertEquals(ExitCode.OK, count.code(), count.err());
        assertEquals("n\r\n2\r\n", count.out());
    }

    @Test
    void aLaterLoadReadsTheReuseIndexFromTheSignatureLog() {
        Path store = tmp.resolve("signature-log-db");
        Run first = kg("load", "--db", store.toString(), "data/example-000-wire-report.txt");
        assertEquals(ExitCode.OK, first.code(), first.err());
        assertFalse(first.out().contains("reuse index"), first.out()); // an empty store: nothing to read
        Run second = kg("load", "--db", store.toString(), "data/example-001-repost.txt");
        assertEquals(ExitCode.OK, second.code(), second.err());
        assertTrue(second.out().contains("read from the snapshot the last load left beside the store"), second.out());
        // Without the snapshot, from the log.
        assertTrue(store.resolve("reuse-index.snapshot").toFile().delete());
        Path third = tmp.resolve("third.txt");
        try {
            Files.writeString(third, "Title: Talks resume\n\nThe two delegations met again on Monday, a mediator said. "
                    + "\"We are closer than we were,\" he told reporters after the meeting.\n");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Run fromLog = kg("load", "--db", store.toString(), third.toString());
        assertEquals(ExitCode.OK, fromLog.code(), fromLog.err());
        assertTrue(fromLog.out().contains("read from the signature log beside the store"), fromLog.out());
    }

    @Test
    void loadingAgainLeavesTheSameQuads() throws IOException {
        Set<String> before = new HashSet<>(Files.readAllLines(export("nq")));
        Run again = kg("load", "--db", db.toString(), "data");
        assertEquals(ExitCode.OK, again.code(), again.err());
        assertTrue(again.out().contains("0 added, 2 already present"), again.out());
        // Nothing added, so no reuse index was needed, nor said to be.
        assertFalse(again.out().contains("reuse index"), again.out());
        assertEquals(before, new HashSet<>(Files.readAllLines(export("nq"))));
    }

    private static Path export(String format) throws IOException {
        Path out = Files.createTempFile(tmp, "export", "." + format);
        Run r = kg("export", "--db", db.toString(), "--format", format, "-o", out.toString());
        assertEquals(ExitCode.OK, r.code(), r.err());
        return out;
    }

    @Test
    void everyExportFormatParsesBackWithJena() throws IOException {
        DatasetGraph nq = DatasetGraphFactory.create();
        RDFParser.source(export("nq")).lang(Lang.NQUADS).parse(nq);
        assertTrue(nq.listGraphNodes().hasNext());
        DatasetGraph trig = DatasetGraphFactory.create();
        RDFParser.source(export("trig")).lang(Lang.TRIG).parse(trig);
        assertEquals(nq.stream().count(), trig.stream().count());
        for (String f : new String[] {"ttl", "nt", "rdfxml", "jsonld"}) {
            DatasetGraph g = DatasetGraphFactory.create();
            RDFParser.source(export(f)).lang(ExportCommand.langOf(f)).parse(g);
            assertTrue(g.stream().count() > 100, f);
        }
    }

    @Test
    void theStoreKeepsSpanOffsetsInTheirIrisAndAnExportStatesThemOnce() throws IOException {
        Run stored = kg("query", "--db", db.toString(), "--format", "csv", "-e",
                "PREFIX ckg: <https://w3id.org/conflict-kg/ontology#> SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ckg:start|ckg:end ?o } }");
        assertEquals("n\r\n0\r\n", stored.out(), stored.err());
        Path file = export("nq");
        DatasetGraph nq = DatasetGraphFactory.create();
        RDFParser.source(file).lang(Lang.NQUADS).parse(nq);
        Set<org.apache.jena.graph.Node> spans = new HashSet<>();
        nq.find(null, null, RDF.type.asNode(), null).forEachRemaining(q -> {
            if (Iris.spanOffsets(q.getGraph(), q.getSubject()) != null) {
                spans.add(q.getSubject());
            }
        });
        assertTrue(spans.size() > 50, "spans: " + spans.size());
        for (var span : spans) {
            int[] offsets = Iris.spanOffsets(span);
            var start = nq.find(null, span, CKG.start, null).next().getObject();
            var end = nq.find(null, span, CKG.end, null).next().getObject();
            assertEquals(offsets[0], ((Number) start.getLiteralValue()).intValue(), span.getURI());
            assertEquals(offsets[1], ((Number) end.getLiteralValue()).intValue(), span.getURI());
        }
        // Once each: the lines, not the parsed set, which would hide a repeated line.
        try (var lines = Files.lines(file)) {
            assertEquals(2L * spans.size(), lines.map(l -> l.split(" ")[1])
                    .filter(p -> p.equals("<" + CKG.start.getURI() + ">") || p.equals("<" + CKG.end.getURI() + ">")).count());
        }
    }

    @Test
    void jsonLdExportIsCompactWithThePublishedContextAndParsesBackToTheSameQuads() throws IOException {
        Path jsonld = export("jsonld");
        String text = Files.readString(jsonld);
        // Readable keys from ontology/context.jsonld, not full IRIs.
        assertTrue(text.contains("\"prefLabel\""), "no prefLabel key");
        assertTrue(text.contains("\"supports\""), "no supports key");
        assertTrue(text.contains("\"refersTo\""), "no refersTo key");
        assertTrue(!text.contains("\"https://w3id.org/conflict-kg/ontology#start\""), "start was not compacted");
        DatasetGraph back = DatasetGraphFactory.create();
        RDFParser.source(jsonld).lang(Lang.JSONLD11).parse(back);
        DatasetGraph nq = DatasetGraphFactory.create();
        RDFParser.source(export("nq")).lang(Lang.NQUADS).parse(nq);
        assertEquals(nq.stream().count(), back.stream().count());
        assertTrue(org.apache.jena.sparql.util.IsoMatcher.isomorphic(nq, back), "the JSON-LD export is not the same dataset");
    }

    @Test
    void exportOfOneGraphHoldsOnlyThatGraph() throws IOException {
        Run docs = kg("query", "--db", db.toString(), "--format", "tsv", "queries/documents.rq");
        String doc = docs.out().lines().skip(1).findFirst().orElseThrow().split("\t")[0];
        String iri = doc.substring(1, doc.length() - 1);
        Path out = tmp.resolve("one.nq");
        assertEquals(ExitCode.OK, kg("export", "--db", db.toString(), "--format", "nq", "--graph", iri, "-o", out.toString()).code());
        for (String line : Files.readAllLines(out)) {
            assertTrue(line.endsWith("<" + iri + "> ."), line);
        }
        Run missing = kg("export", "--db", db.toString(), "--format", "nq", "--graph", "http://nowhere.example/g");
        assertEquals(ExitCode.USAGE, missing.code());
        assertTrue(missing.err().contains("no such graph"));
    }

    @Test
    void queryWritesEachFormat() {
        String q = "PREFIX dct: <http://purl.org/dc/terms/> SELECT ?title { ?d dct:title ?title } ORDER BY ?title";
        Run json = kg("query", "--db", db.toString(), "--format", "json", "-e", q);
        assertTrue(json.out().contains("\"vars\": [ \"title\" ]"), json.out());
        assertTrue(json.out().contains("Rival forces close in on Deir ez-Zor, coalition warns"), json.out());
        Run xml = kg("query", "--db", db.toString(), "--format", "xml", "-e", q);
        assertTrue(xml.out().contains("<variable name=\"title\"/>"), xml.out());
        Run table = kg("query", "--db", db.toString(), "-e", q);
        assertTrue(table.out().contains("| title"), table.out());
        Run ask = kg("query", "--db", db.toString(), "-e", "ASK { ?s ?p ?o }");
        assertEquals("yes", ask.out().strip());
    }

    @Test
    void usageErrorsExitOneWithTheFix() {
        Run bad = kg("query", "--db", db.toString(), "-e", "SELECT WHERE {");
        assertEquals(ExitCode.USAGE, bad.code());
        assertTrue(bad.err().contains("does not parse"), bad.err());
        assertEquals(ExitCode.USAGE, kg("query", "--db", db.toString(), "--format", "yaml", "-e", "ASK {}").code());
        assertEquals(ExitCode.USAGE, kg("query", "--db", db.toString()).code());
        assertEquals(ExitCode.USAGE, kg("load", "data").code());
        assertEquals(ExitCode.USAGE, kg("export", "--db", db.toString(), "--format", "xlsx").code());
        assertEquals(ExitCode.USAGE, kg("frobnicate").code());
        assertEquals(ExitCode.USAGE, kg("load", "--db", db.toString(), "--base", "not-an-iri", "data").code());
        Run noQuads = kg("load", "--db", db.toString(), "--commit-quads", "0", "data");
        assertEquals(ExitCode.USAGE, noQuads.code());
        assertTrue(noQuads.err().contains("--commit-quads 0: expected a whole number of quads, at least 1"), noQuads.err());
        assertEquals(ExitCode.USAGE, kg("serve", "--db", db.toString(), "--port", "99999").code());
        Run noRealm = kg("serve", "--db", db.toString(), "--port", "0", "--auth", tmp.resolve("no-such-realm").toString());
        assertEquals(ExitCode.USAGE, noRealm.code());
        assertTrue(noRealm.err().contains("user: password"), noRealm.err());
        assertEquals(ExitCode.USAGE, kg("serve", "--db", db.toString(), "--port", "0", "--max-ingest", "4").code());
        Run reasoning = kg("load", "--db", db.toString(), "--reasoning", "some", "data");
        assertEquals(ExitCode.USAGE, reasoning.code());
        assertTrue(reasoning.err().contains("--reasoning some: expected none or full"), reasoning.err());
        assertEquals(ExitCode.USAGE, kg("validate", "--db", db.toString(), "--limit", "many").code());
    }

    @Test
    void theLoadedSeedsValidateCleanAndInferRecomputesWithoutChangingThem() throws IOException {
        Run valid = kg("validate", "--db", db.toString());
        assertEquals(ExitCode.OK, valid.code(), valid.out() + valid.err());
        assertTrue(valid.err().contains("no violations"), valid.err());
        Set<String> before = new HashSet<>(Files.readAllLines(export("nq")));
        Run infer = kg("infer", "--db", db.toString());
        assertEquals(ExitCode.OK, infer.code(), infer.err());
        assertTrue(infer.out().matches("inferred \\d+ triples from \\d+ rule applications \\(\\d+ provenance quads\\) in .*\\n"), infer.out());
        Set<String> after = new HashSet<>(Files.readAllLines(export("nq")));
        // Blank nodes (the ontology's lists) keep their labels: the ontology graph is not rewritten.
        assertEquals(before, after);
    }

    @Test
    void anRdfFileLoadsIntoAGraphOfItsOwnOnceAndIsReplacedWhenItChanges() throws IOException {
        Path store = tmp.resolve("rdf-db");
        Path curated = tmp.resolve("curated").resolve("pact.ttl");
        Files.createDirectories(curated.getParent());
        String pact = """
                @prefix ckg: <https://w3id.org/conflict-kg/ontology#> .
                <id/alliance/pact> a ckg:FormalAlliance ; ckg:member <id/actor/russia> , <id/actor/iran> %s.
                """;
        Files.writeString(curated, pact.formatted(", <id/actor/syria> "));
        Run first = kg("load", "--db", store.toString(), "data", curated.toString());
        assertEquals(ExitCode.OK, first.code(), first.err());
        assertTrue(first.out().contains("stored 1 RDF file"), first.out());
        String allied = "PREFIX ckg: <https://w3id.org/conflict-kg/ontology#> ASK { GRAPH <http://localhost:3030/graph/inferences> "
                + "{ <http://localhost:3030/id/actor/syria> ckg:alliedWith <http://localhost:3030/id/actor/iran> } }";
        assertEquals("yes", kg("query", "--db", store.toString(), "-e", allied).out().strip());
        assertEquals("yes", kg("query", "--db", store.toString(), "-e",
                "ASK { GRAPH <http://localhost:3030/graph/file/pact.ttl> { ?s ?p ?o } }").out().strip());

        Run again = kg("load", "--db", store.toString(), curated.toString());
        assertEquals(ExitCode.OK, again.code(), again.err());
        assertFalse(again.out().contains("stored"), again.out());

        // Syria leaves the pact: what its membership implied goes with it.
        Files.writeString(curated, pact.formatted(""));
        Run changed = kg("load", "--db", store.toString(), curated.toString());
        assertTrue(changed.out().contains("stored 1 RDF file"), changed.out());
        assertEquals("no", kg("query", "--db", store.toString(), "-e", allied).out().strip());
        assertEquals("yes", kg("query", "--db", store.toString(), "-e", allied.replace("syria", "russia")).out().strip());
    }

    @Test
    void helpIsAvailableForEveryCommand() {
        for (String c : new String[] {"load", "infer", "validate", "query", "export", "serve", "stats", "bench", "eval"}) {
            Run r = kg(c, "--help");
            assertEquals(ExitCode.OK, r.code());
            assertTrue(r.out().contains("kg " + c), r.out());
        }
        assertTrue(kg("--help").out().contains("stats"));
    }

    @Test
    void statsCountsDocumentsQuadsAndEntities() {
        Run r = kg("stats", "--db", db.toString());
        assertEquals(ExitCode.OK, r.code(), r.err());
        assertTrue(r.out().contains("documents\t2\n"), r.out());
        long quads = Long.parseLong(r.out().lines().filter(l -> l.startsWith("quads\t")).findFirst().orElseThrow().substring(6));
        assertTrue(quads > 100, r.out());
        assertTrue(r.out().contains("entities:Place\t"), r.out());
    }

    @Test
    void benchmarksRunOnATinyInput() {
        Run matcher = kg("bench", "matcher", "--rounds", "1", "data");
        assertEquals(ExitCode.OK, matcher.code(), matcher.err());
        assertTrue(matcher.out().contains("MB/s on one core"), matcher.out());
        Run coverage = kg("bench", "coverage", "--top", "3", "data");
        assertEquals(ExitCode.OK, coverage.code(), coverage.err());
        assertTrue(coverage.out().matches("(?s).*capitalised names, \\d+ linked \\(\\d+\\.\\d%\\).*"), coverage.out());
        assertEquals(ExitCode.USAGE, kg("bench", "data").code());
        assertEquals(ExitCode.USAGE, kg("bench", "reasoning", "data").code(), "reasoning needs --limit and one JSON Lines file");
        assertEquals(ExitCode.USAGE, kg("bench", "matcher", "--rounds", "0", "data").code());
    }

    @Test
    void theReasoningBenchmarkRunsOnATinyCorpus() throws IOException {
        // Three seed-like articles: one for the large store, two batches of one.
        StringBuilder jsonl = new StringBuilder();
        for (String body : new String[] {
                "U.S.-backed Syrian Democratic Forces pushed south near Raqqa on Monday.",
                "The Syrian army, backed by Russian airstrikes, reinforced its positions near Deir ez-Zor.",
                "Iranian-backed militias moved toward Al-Bukamal on the Iraqi border."}) {
            jsonl.append("{\"content_original\": \"").append(body).append("\"}\n");
        }
        Path corpus = Files.writeString(tmp.resolve("tiny.jsonl"), jsonl.toString());
        Run r = kg("bench", "reasoning", "--limit", "1", "--batch", "1", "--rounds", "2", "--field", "text=content_original", corpus.toString());
        assertEquals(ExitCode.OK, r.code(), r.err());
        assertTrue(r.out().matches("(?s).*materialization: [\\d.]+ s wall = [\\d.]+% of the load's wall time.*"), r.out());
        assertTrue(r.out().contains("median ratio, batch into 1 articles / into none: "), r.out());
        assertTrue(r.out().contains("inferences built batch by batch equal a recomputation from scratch: yes"), r.out());
        Run tooFew = kg("bench", "reasoning", "--limit", "3", "--batch", "1", "--field", "text=content_original", corpus.toString());
        assertEquals(ExitCode.USAGE, tooFew.code(), tooFew.out());
        assertTrue(tooFew.err().contains("too few lines"), tooFew.err());
    }

    @Test
    void theRepostBenchmarkRunsOnAFolderAndNeedsFourDocuments() throws IOException {
        Path in = Files.createDirectories(tmp.resolve("bench-reposts"));
        for (Path seed : Files.list(Path.of("data")).filter(p -> p.toString().endsWith(".txt")).toList()) {
            Files.copy(seed, in.resolve(seed.getFileName()));
        }
        Files.writeString(in.resolve("c.txt"), "Markets were calm on Monday and the harbour reopened to fishing boats.");
        Files.writeString(in.resolve("d.txt"), "A football match in the capital drew a large crowd despite the rain.");
        Run reposts = kg("bench", "reposts", "--rounds", "1", "--top", "1", in.toString());
        assertEquals(ExitCode.OK, reposts.code(), reposts.err());
        assertTrue(reposts.out().contains("1 derived pairs at N=4"), reposts.out());
        Run tooFew = kg("bench", "reposts", "data");
        assertEquals(ExitCode.USAGE, tooFew.code());
        assertTrue(tooFew.err().contains("at least 4 documents"), tooFew.err());
    }

    @Test
    void aFileThatIsNotAStoreIsAnEnvironmentFailure() throws IOException {
        Path notADir = Files.writeString(tmp.resolve("plain-file"), "x");
        Run r = kg("stats", "--db", notADir.toString());
        assertEquals(ExitCode.ENVIRONMENT, r.code());
        assertTrue(r.err().contains("plain-file"), r.err());
    }
}
