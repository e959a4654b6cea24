package org.conflictkg.cli;

import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIs;
import org.apache.jena.irix.IRIx;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

import static org.conflictkg.cli.CliTest.kg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code kg load} of a folder of everything an analyst's scrape can hold, as the user runs it:
 * each bad input is named with where and why, the run exits 2, every good input beside it loads,
 * and nothing of a rejected one is in the store. The store stays valid and exports in every
 * format parse back, every IRI in them included.
 */
class BadInputTest {

    @TempDir
    static Path tmp;
    static Path db;
    static CliTest.Run load;
    static long loadMillis;

    /** The good inputs: file name (as the store records it) and a word of its text. */
    private static final List<String[]> GOOD = List.of(
            new String[] {"good.txt", "Raqqa"},
            new String[] {"utf16-bom.txt", "Afrin"},
            new String[] {"utf8-bom.txt", "Idlib"},
            new String[] {"unbalanced-quote.txt", "bridge"},
            new String[] {"nested.html", "Kobani"},
            new String[] {"unclosed.html", "Mosul"},
            new String[] {"lines.jsonl#line=1", "Palmyra"},
            new String[] {"lines.jsonl#line=3", "Qusayr"},
            new String[] {"lines.jsonl#line=4", "Aleppo"},
            new String[] {"a \"quoted\" <angle> name.txt", "Daraa"},
            new String[] {"control.txt", "Homs"},
            new String[] {"entities.html", "Hama"},
            new String[] {"huge-line.jsonl#line=2", "Manbij"},
            new String[] {"truncated.jsonl.gz#line=1", "Tabqa"});

    @BeforeAll
    static void loadAFolderOfBadInputsBesideGoodOnes() throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(in.resolve("good.txt"), "Title: A good article\n\nU.S.-backed forces advanced on Raqqa on Monday.");
        Files.write(in.resolve("empty.txt"), new byte[0]);
        Files.write(in.resolve("blank.txt"), " \n\t\n".getBytes(StandardCharsets.UTF_8));
        byte[] binary = new byte[4096];
        new java.util.Random(3).nextBytes(binary);
        binary[100] = 0;
        Files.write(in.resolve("binary.txt"), binary);
        byte[] good = "The army entered Deir ez-Zor. ".getBytes(StandardCharsets.UTF_8);
        byte[] invalid = java.util.Arrays.copyOf(good, good.length + 2);
        invalid[good.length] = (byte) 0xC3;
        invalid[good.length + 1] = (byte) 0x28;
        Files.write(in.resolve("invalid-utf8.txt"), invalid);
        Files.write(in.resolve("utf16-bom.txt"),
                "\uFEFFTitle: In UTF-16\n\nTurkish troops shelled Afrin on Tuesday.".getBytes(StandardCharsets.UTF_16LE));
        Files.write(in.resolve("utf16-no-bom.txt"), "Turkish troops shelled Afrin.".getBytes(StandardCharsets.UTF_16LE));
        Files.write(in.resolve("utf8-bom.txt"), ("\uFEFFTitle: With a BOM\n\nRussian jets struck Idlib overnight.").getBytes(StandardCharsets.UTF_8));
        Files.writeString(in.resolve("one-quote.txt"), "\"");
        Files.writeString(in.resolve("unbalanced-quote.txt"), "The mayor said \"the bridge is gone and the road to Tabqa is cut.");
        Files.writeString(in.resolve("nested.html"), "<html><body>" + "<div>".repeat(10_000) + "Kurdish fighters held Kobani."
                + "</div>".repeat(10_000) + "</body></html>");
        Files.writeString(in.resolve("unclosed.html"),
                "<html><body><p>Iraqi forces advanced on Mosul<p><b>Officials said <i>the road was open.<div><table><tr><td>a cell");
        Files.writeString(in.resolve("script-only.html"),
                "<html><head><style>p { color: red }</style></head><body><script>var city = 'Raqqa';</script><style>b {}</style></body></html>");
        Files.writeString(in.resolve("entities.html"), "<p>Shelling&#1; near Hama&#x7;, a monitor said.</p>");
        Files.writeString(in.resolve("lines.jsonl"), """
                {"text": "Syrian army units entered Palmyra on Sunday."}
                {this is not json
                {"text": "Hezbollah fighters were seen near Qusayr."}
                {"text": "Control \\u0000 \\u0001 \\u001b[31m \\ud800 characters in Aleppo.", "title": "Bell\\u0007"}
                ["an", "array"]
                {"text": "!!! ... ???"}
                """ + "[".repeat(100_000) + "\n");
        Files.writeString(in.resolve("a \"quoted\" <angle> name.txt"),
                "Title: An odd name\nURL: http://example.org/a b<c>\n\nRebels shelled Daraa on Friday.");
        Files.writeString(in.resolve("curated \"list\" <v2>.ttl"),
                "<id/actor/x> <http://www.w3.org/2000/01/rdf-schema#label> \"x\" .\n");
        Files.writeString(in.resolve("control.txt"), "Control\u0001\u0002\u0007\u0008\u000B\u000C\u001B[0m\u007F chars near Homs.\u0085\u009F");
        // 50 MB on one line, of words the gazetteer lacks: refused before it is read, whatever its content.
        try (Writer w = Files.newBufferedWriter(in.resolve("huge.txt"))) {
            String words = "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor ";
            for (long n = 0; n < 50L * 1024 * 1024; n += words.length()) {
                w.write(words);
            }
        }
        try (Writer w = Files.newBufferedWriter(in.resolve("huge-line.jsonl"))) {
            w.write("{\"text\": \"");
            String words = "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor ";
            for (long n = 0; n < 50L * 1024 * 1024; n += words.length()) {
                w.write(words);
            }
            w.write("\"}\n{\"text\": \"Turkish-backed rebels entered Manbij.\"}\n");
        }
        byte[] gz;
        try (var bytes = new java.io.ByteArrayOutputStream(); OutputStream out = new GZIPOutputStream(bytes)) {
            out.write("{\"text\": \"SDF fighters crossed the dam at Tabqa.\"}\n{\"text\": \"".getBytes(StandardCharsets.UTF_8));
            out.write("lost ".repeat(20_000).getBytes(StandardCharsets.UTF_8));
            out.close();
            gz = bytes.toByteArray();
        }
        Files.write(in.resolve("truncated.jsonl.gz"), java.util.Arrays.copyOf(gz, gz.length - 40));
        Files.write(in.resolve("not-gzip.jsonl.gz"), "plain text".getBytes(StandardCharsets.UTF_8));

        db = tmp.resolve("db");
        long t0 = System.nanoTime();
        load = kg("load", "--db", db.toString(), in.toString());
        loadMillis = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("BadInputTest: kg load exited " + load.code() + " in " + loadMillis + " ms:\n" + load.out() + load.err());
    }

    private static void assertRejected(String expected) {
        assertTrue(load.err().contains("rejected: " + expected), "no 'rejected: " + expected + "' in:\n" + load.err());
    }

    @Test
    void eachBadInputIsNamedWithWhereAndWhyAndTheLoadExitsTwo() {
        assertEquals(ExitCode.INPUT_REJECTED, load.code(), load.err());
        assertRejected("empty.txt: empty file");
        assertRejected("blank.txt: empty file (only whitespace)");
        assertRejected("binary.txt: binary file (NUL byte at offset 100)");
        assertRejected("invalid-utf8.txt: not valid UTF-8 at byte offset 30");
        assertRejected("utf16-no-bom.txt: binary file (NUL byte at offset 1); expected UTF-8 text (it looks like UTF-16 without a "
                + "byte-order mark: convert it, e.g. iconv -f utf-16le -t utf-8)");
        assertRejected("one-quote.txt: no words in the text");
        assertRejected("script-only.html: no visible text in the page");
        assertRejected("lines.jsonl:2: not JSON");
        assertRejected("lines.jsonl:5: expected a JSON object, found an array");
        assertRejected("lines.jsonl:6: no words in the text");
        assertRejected("lines.jsonl:7: JSON nested too deeply");
        assertRejected("huge.txt: 52,428,8");
        assertTrue(load.err().contains("larger than any article (at most 16,777,216 bytes)"), load.err());
        assertRejected("huge-line.jsonl:1: a line of 52,428,8");
        assertRejected("truncated.jsonl.gz: the gzip file is cut short");
        assertRejected("not-gzip.jsonl.gz: not a valid gzip file");
        long rejected = load.err().lines().filter(l -> l.startsWith("rejected: ")).count();
        assertEquals(15, rejected, load.err());
    }

    @Test
    void controlCharactersAreReplacedWithAWarningNamingTheFileAndWhere() {
        assertTrue(load.err().contains("warning: control.txt: 10 control characters replaced (the first, U+0001, at character 7) in the file"),
                load.err());
        assertTrue(load.err().contains("warning: lines.jsonl:4: 4 control characters replaced (the first, U+0000, at character 8) in field 'text'"),
                load.err());
        assertTrue(load.err().contains("warning: entities.html: 2 control characters replaced"), load.err());
        // One for one, so offsets into the text stay offsets into the file.
        assertEquals("Control" + " ".repeat(4) + "\n\n" + " [0m" + " " + " chars near Homs." + "\n" + " ", textOf("control.txt"));
        assertEquals("Control" + " ".repeat(6) + "[31m \uFFFD characters in Aleppo.", textOf("lines.jsonl#line=4"));
    }

    @Test
    void everyGoodInputBesideTheBadOnesIsLoadedAndNothingOfARejectedOne() {
        assertTrue(load.out().contains("read " + GOOD.size() + " documents: " + GOOD.size() + " added"), load.out());
        Set<String> files = new HashSet<>(query("SELECT ?f { ?d a ckg:Document ; ckg:fileName ?f }"));
        Set<String> expected = new HashSet<>();
        for (String[] g : GOOD) {
            expected.add(g[0]);
            assertTrue(textOf(g[0]).contains(g[1]), g[0] + ": " + textOf(g[0]));
        }
        assertEquals(expected, files);
        // Only the documents' graphs and the shared ones: no graph of a rejected input.
        List<String> graphs = query("SELECT DISTINCT ?g { GRAPH ?g { ?s ?p ?o } FILTER(!CONTAINS(STR(?g), '/id/document/')) }");
        assertEquals(Set.of("http://localhost:3030/graph/ontology", "http://localhost:3030/graph/actors",
                "http://localhost:3030/graph/places", "http://localhost:3030/graph/inferences", "http://localhost:3030/graph/provenance",
                "http://localhost:3030/graph/alliances", "http://localhost:3030/graph/store",
                "http://localhost:3030/graph/file/curated%20%22list%22%20%3Cv2%3E.ttl"),
                new HashSet<>(graphs));
        assertEquals(GOOD.size(), query("SELECT DISTINCT ?g { GRAPH ?g { ?s ?p ?o } FILTER(CONTAINS(STR(?g), '/id/document/')) }").size());
    }

    @Test
    void byteOrderMarksAreHonouredAndNotKept() {
        assertEquals("Turkish troops shelled Afrin on Tuesday.", textOf("utf16-bom.txt"));
        assertEquals("Russian jets struck Idlib overnight.", textOf("utf8-bom.txt"));
        assertEquals(List.of("In UTF-16"), query("SELECT ?t { ?d ckg:fileName 'utf16-bom.txt' ; dct:title ?t }"));
        assertEquals(List.of("With a BOM"), query("SELECT ?t { ?d ckg:fileName 'utf8-bom.txt' ; dct:title ?t }"));
    }

    @Test
    void aHugeFileIsRefusedWithoutReadingItSoQuicklyAndInLittleMemory() {
        // The whole load, with the analysis of the good inputs: the 100 MB of huge inputs are counted, not held.
        assertTrue(loadMillis < 60_000, "the load took " + loadMillis + " ms");
    }

    @Test
    void theStoreValidatesAndEveryExportParsesBackWithValidIris() throws IOException {
        CliTest.Run valid = kg("validate", "--db", db.toString());
        assertEquals(ExitCode.OK, valid.code(), valid.out() + valid.err());
        // N-Quads for every IRI; RDF/XML and JSON-LD for what XML and JSON cannot carry (CliTest parses the rest).
        for (String format : new String[] {"nq", "rdfxml", "jsonld"}) {
            Path out = tmp.resolve("export." + format);
            CliTest.Run r = kg("export", "--db", db.toString(), "--format", format, "-o", out.toString());
            assertEquals(ExitCode.OK, r.code(), format + ": " + r.err());
            DatasetGraph back = DatasetGraphFactory.create();
            RDFParser.source(out).lang(ExportCommand.langOf(format)).strict(true).parse(back);
            List<String> bad = new ArrayList<>();
            back.find().forEachRemaining(q -> {
                for (Node n : new Node[] {q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject()}) {
                    if (n.isURI() && !isValidIri(n.getURI())) {
                        bad.add(n.getURI());
                    }
                }
            });
            assertTrue(bad.isEmpty(), format + ": invalid IRIs " + bad);
            assertTrue(back.stream().count() > 1000, format);
        }
    }

    @Test
    void loadingTheSameFolderAgainAddsNothingAndRejectsTheSame() {
        CliTest.Run again = kg("load", "--db", db.toString(), tmp.resolve("in").toString());
        assertEquals(ExitCode.INPUT_REJECTED, again.code(), again.err());
        assertTrue(again.out().contains("0 added, " + GOOD.size() + " already present; 15 rejected"), again.out());
        assertFalse(again.err().contains("Exception"), again.err());
    }

    /** Parses with Jena's IRI checker: a scheme, and no violation of RFC 3987. */
    private static boolean isValidIri(String iri) {
        try {
            IRIx x = IRIx.create(iri);
            return IRIs.check(iri) && x.isReference() && !x.hasViolations();
        } catch (IRIException e) {
            return false;
        }
    }

    private static java.util.Map<String, List<String>> texts;

    /** The text of the one document read from {@code fileName}. */
    private static synchronized String textOf(String fileName) {
        if (texts == null) {
            texts = new java.util.HashMap<>();
            List<String> pairs = query("SELECT ?f ?t { ?d ckg:fileName ?f ; ckg:text ?t }");
            for (int i = 0; i + 1 < pairs.size(); i += 2) {
                texts.computeIfAbsent(pairs.get(i), k -> new ArrayList<>()).add(pairs.get(i + 1));
            }
        }
        List<String> t = texts.getOrDefault(fileName, List.of());
        assertEquals(1, t.size(), fileName + ": " + t);
        return t.get(0);
    }

    /** The values of a SELECT, row by row in the order of its variables, each as its lexical form or IRI. */
    private static List<String> query(String select) {
        String q = "PREFIX ckg: <https://w3id.org/conflict-kg/ontology#> PREFIX dct: <http://purl.org/dc/terms/> " + select;
        CliTest.Run r = kg("query", "--db", db.toString(), "--format", "json", "-e", q);
        assertEquals(ExitCode.OK, r.code(), r.err());
        List<String> values = new ArrayList<>();
        var results = org.apache.jena.atlas.json.JSON.parse(r.out()).get("results").getAsObject().get("bindings").getAsArray();
        var vars = org.apache.jena.atlas.json.JSON.parse(r.out()).get("head").getAsObject().get("vars").getAsArray();
        results.forEach(b -> vars.forEach(v -> values.add(
                b.getAsObject().get(v.getAsString().value()).getAsObject().get("value").getAsString().value())));
        return values;
    }
}
