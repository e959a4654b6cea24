package org.conflictkg.serve;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.conflictkg.rdf.CKG;
import org.conflictkg.rdf.Iris;
import org.conflictkg.rdf.SpanOffsets;
import org.conflictkg.store.KnowledgeStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The linked-data face of the server over HTTP: dereferencing, pages, VoID, the dump. */
class LinkedDataIT {

    private static final String BASE = "http://localhost:3030/";
    private static final Node SDF = NodeFactory.createURI(BASE + SeededStore.SDF);
    private static final Node US = NodeFactory.createURI(BASE + "id/actor/united-states");

    @TempDir
    static Path tmp;
    static KnowledgeStore store;
    FusekiServer server;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final HttpClient following = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    @BeforeAll
    static void load() throws IOException {
        store = SeededStore.load(tmp);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @BeforeEach
    void start() {
        server = KnowledgeGraphServer.build(store, new ServerSettings("127.0.0.1", 0, 10)).start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private String url(String path) {
        return "http://localhost:" + server.getPort() + path;
    }

    private HttpResponse<byte[]> get(HttpClient client, String path, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30)).GET();
        if (accept != null) {
            b.header("Accept", accept);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    private static Graph parse(HttpResponse<byte[]> r, Lang lang) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.source(new ByteArrayInputStream(r.body())).lang(lang).base("http://example.org/").parse(g);
        return g;
    }

    @Test
    void theSdfIriSeesOtherToTheFormTheClientAsksForWithVaryAccept() throws Exception {
        String[][] cases = {
                {"text/turtle", "/data/" + SeededStore.SDF + ".ttl", "text/turtle"},
                {"application/ld+json", "/data/" + SeededStore.SDF + ".jsonld", "application/ld+json"},
                {"text/html,application/xhtml+xml;q=0.9,*/*;q=0.8", "/page/" + SeededStore.SDF, "text/html"},
                {"application/n-triples", "/data/" + SeededStore.SDF + ".nt", "application/n-triples"},
                {"application/rdf+xml", "/data/" + SeededStore.SDF + ".rdf", "application/rdf+xml"},
                {"text/html;q=0.5, text/turtle", "/data/" + SeededStore.SDF + ".ttl", "text/turtle"},
        };
        for (String[] c : cases) {
            HttpResponse<byte[]> r = get(http, "/" + SeededStore.SDF, c[0]);
            assertEquals(303, r.statusCode(), c[0]);
            assertEquals(c[1], r.headers().firstValue("Location").orElse(""), c[0]);
            assertTrue(r.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Accept")), c[0] + ": no Vary: Accept");
            HttpResponse<byte[]> doc = get(following, "/" + SeededStore.SDF, c[0]);
            assertEquals(200, doc.statusCode(), c[0]);
            assertTrue(doc.headers().firstValue("Content-Type").orElse("").startsWith(c[2]), c[0] + " gave " + doc.headers().firstValue("Content-Type"));
        }
    }

    @Test
    void turtleAndJsonLdDescriptionsOfTheSdfAreTheSameGraphWithItsSupportAndEvidence() throws Exception {
        Graph ttl = parse(get(following, "/" + SeededStore.SDF, "text/turtle"), Lang.TURTLE);
        assertTrue(ttl.contains(US, CKG.supports, SDF), "the U.S. support of the SDF is missing");
        assertTrue(ttl.contains(SDF, SKOS.prefLabel.asNode(), NodeFactory.createLiteralLang("Syrian Democratic Forces", "en")));
        // Each support relation comes with its sentence, whose words are given by a quote selector.
        Node exact = NodeFactory.createURI("http://www.w3.org/ns/oa#exact");
        assertTrue(ttl.find(Node.ANY, exact, Node.ANY).toList().stream()
                .anyMatch(t -> t.getObject().getLiteralLexicalForm().startsWith("U.S.-backed Syrian Democratic Forces (SDF) pushed south")));
        // The store keeps a span's offsets in its IRI only; the description states them.
        var starts = ttl.find(Node.ANY, CKG.start, Node.ANY).toList();
        assertFalse(starts.isEmpty(), "no span states its start");
        for (var t : starts) {
            int[] offsets = Iris.spanOffsets(t.getSubject());
            assertEquals(offsets[0], ((Number) t.getObject().getLiteralValue()).intValue(), t.toString());
            assertTrue(ttl.contains(t.getSubject(), CKG.end, SpanOffsets.integer(offsets[1])), t.toString());
        }
        HttpResponse<byte[]> json = get(following, "/" + SeededStore.SDF, "application/ld+json");
        assertTrue(text(json).contains("\"prefLabel\""), "served JSON-LD does not use the context's keys");
        Graph jsonld = parse(json, Lang.JSONLD11);
        assertTrue(IsoMatcher.isomorphic(ttl, jsonld), "JSON-LD and Turtle describe different graphs");
        Graph nt = parse(get(following, "/" + SeededStore.SDF, "application/n-triples"), Lang.NTRIPLES);
        assertTrue(IsoMatcher.isomorphic(ttl, nt));
    }

    @Test
    void aDocumentsDescriptionStatesTheOffsetsOfEachOfItsSpans() throws Exception {
        Node doc = store.read(d -> d.find(Node.ANY, Node.ANY, RDF.type.asNode(), CKG.Document).next().getGraph());
        Graph ttl = parse(get(following, doc.getURI().substring(BASE.length() - 1), "text/turtle"), Lang.TURTLE);
        var spans = ttl.find(Node.ANY, RDF.type.asNode(), Node.ANY).toList().stream()
                .map(t -> t.getSubject()).filter(n -> Iris.spanOffsets(doc, n) != null).distinct().toList();
        assertTrue(spans.size() > 10, "spans described: " + spans.size());
        for (Node span : spans) {
            int[] offsets = Iris.spanOffsets(span);
            assertTrue(ttl.contains(span, CKG.start, SpanOffsets.integer(offsets[0])), span.getURI());
            assertTrue(ttl.contains(span, CKG.end, SpanOffsets.integer(offsets[1])), span.getURI());
        }
    }

    @Test
    void anUnknownIriUnderTheBaseIsNotFound() throws Exception {
        for (String accept : new String[] {"text/html", "text/turtle", "application/ld+json"}) {
            assertEquals(404, get(http, "/id/actor/no-such-actor", accept).statusCode(), accept);
        }
        assertEquals(404, get(http, "/page/id/actor/no-such-actor", null).statusCode());
        assertEquals(404, get(http, "/data/id/actor/no-such-actor.ttl", null).statusCode());
        assertEquals(404, get(http, "/data/" + SeededStore.SDF + ".exe", null).statusCode());
        assertEquals(404, get(http, "/id/document/0000", "text/turtle").statusCode());
    }

    @Test
    void theSdfPageShowsWhoSupportsItWithTheSentencesItWasReadFrom() throws Exception {
        HttpResponse<byte[]> r = get(following, "/" + SeededStore.SDF, "text/html");
        String html = text(r);
        assertTrue(html.contains("<h1>Syrian Democratic Forces</h1>"), html);
        assertTrue(html.contains("<h2>Supported by</h2>"), "no supporters section");
        assertTrue(html.contains("href=\"/id/actor/united-states\""), "the supporter is not linked");
        // The evidence: the sentence with both parties highlighted, linked to its place in the document.
        assertTrue(html.contains("<mark>U.S.</mark>-backed <mark>Syrian Democratic Forces</mark> (<mark>SDF</mark>) pushed south"), html);
        assertTrue(html.matches("(?s).*<a href=\"/id/document/[0-9a-f]{32}#char=\\d+,\\d+\">Rival forces close in.*"), "no link to the sentence");
        assertTrue(html.contains("<h2>Alliances</h2>"));
        assertTrue(html.contains("Quwat Suriya al-Dimuqratiya"), "other spellings are missing");
        assertFalse(html.contains("<script"), "a page must not carry scripts");
    }

    @Test
    void theDocumentPageShowsTheWholeTextWithMentionsLinkedAndSpansAnchored() throws Exception {
        String doc = SeededStore.documentTitled(store, "Rival forces close in on Deir ez-Zor as coalition");
        String path = doc.substring(BASE.length() - 1);
        String html = text(get(following, "/" + path.substring(1), "text/html"));
        assertTrue(html.contains("<a class=\"mention\" id=\"char=127,151\" href=\"/id/actor/syrian-democratic-forces\""), html);
        assertTrue(html.contains("<span class=\"sentence\" id=\"char=115,379\">"), "sentences are not anchored by their fragment");
        assertTrue(html.contains("id=\"relation-4\""), "relations are not anchored");
        assertTrue(html.contains("Our partners are moving fast"), "quotations are missing");
    }

    @Test
    void aQuotationPageShowsItsTextSpeakerAndEveryDocumentAttestingIt() throws Exception {
        String landing = text(get(http, "/", "text/html"));
        var m = java.util.regex.Pattern.compile("href=\"(/id/quotation/[0-9a-f]+)\">“Our partners").matcher(landing);
        assertTrue(m.find(), "the landing page lists no such quotation");
        String html = text(get(following, m.group(1), "text/html"));
        assertTrue(html.contains("Said by <a href=\"/id/person/dana-whitfield\">Dana Whitfield</a>"), html);
        assertEquals(2, html.split("<span class=\"source\">", -1).length - 1, "one evidence sentence per attesting document");
        assertTrue(html.contains("Rival forces close in on Deir ez-Zor, coalition warns"), "the repost's attestation is missing");
        assertTrue(html.contains("Rival forces close in on Deir ez-Zor as coalition warns of crowded skies"), "the original's attestation is missing");
    }

    @Test
    void aPlacePageDrawsItsMapInlineAndLinksToGeoNames() throws Exception {
        String html = text(get(following, "/id/place/deir-ez-zor-170794", "text/html"));
        assertTrue(html.contains("<svg class=\"map\""), "no map");
        assertTrue(html.contains("https://sws.geonames.org/170794/"), "no GeoNames link");
        assertTrue(html.contains("<image href=\"/assets/countries-110m.svg\""), "no country outlines");
        HttpResponse<byte[]> outline = get(http, "/assets/countries-110m.svg", null);
        assertEquals(200, outline.statusCode());
        assertTrue(outline.headers().firstValue("Content-Type").orElse("").startsWith("image/svg+xml"));
        assertTrue(text(outline).startsWith("<svg") && text(outline).length() > 50_000, "the outline is empty");
        assertFalse(html.matches("(?s).*(src|href)=\"https?://(?!sws\\.geonames\\.org|localhost|www\\.w3\\.org|w3id\\.org|en\\.wikipedia).*"),
                "a page must fetch nothing from elsewhere");
    }

    @Test
    void theLandingPageListsDocumentsActorsAlliancesAndQuotationsAndLinksToTheSparqlUi() throws Exception {
        HttpResponse<byte[]> r = get(http, "/", "text/html");
        assertEquals(200, r.statusCode());
        String html = text(r);
        for (String id : new String[] {"documents", "actors", "alliances", "quotations"}) {
            assertTrue(html.contains("id=\"" + id + "\""), "no " + id + " list");
        }
        assertTrue(html.contains("href=\"/" + SeededStore.SDF + "\""), "no link to the SDF");
        assertTrue(html.contains("href=\"/ui/#/dataset/kg/query\""), "no link to the SPARQL UI");
        HttpResponse<byte[]> rdf = get(http, "/", "text/turtle");
        assertEquals(303, rdf.statusCode());
        assertEquals("/.well-known/void", rdf.headers().firstValue("Location").orElse(""));
    }

    @Test
    void hostileTextIsEscapedOnEveryPage() throws Exception {
        String doc = SeededStore.documentTitled(store, "<script>");
        String page = text(get(following, doc.substring(BASE.length() - 1), "text/html"));
        String landing = text(get(http, "/", "text/html"));
        for (String html : new String[] {page, landing}) {
            assertFalse(html.contains("<script"), "unescaped script");
            assertFalse(html.contains("<img"), "unescaped markup");
            assertTrue(html.contains("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; Siege &amp; &quot;quotes&quot;"), "title not escaped");
        }
        assertTrue(page.contains("The &lt;script&gt;alert(1)&lt;/script&gt; siege of"), "text not escaped");
        assertTrue(page.contains("&lt;img src=x onerror=alert(2)&gt;"), "text not escaped");
    }

    @Test
    void voidDescribesTheDatasetAndParses() throws Exception {
        HttpResponse<byte[]> r = get(http, "/.well-known/void", null);
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"));
        Graph g = parse(r, Lang.TURTLE);
        String v = "http://rdfs.org/ns/void#";
        Node ds = NodeFactory.createURI(BASE + ".well-known/void#conflict-kg");
        long quads = store.read(d -> d.stream().count());
        assertTrue(g.contains(ds, NodeFactory.createURI(v + "triples"), NodeFactory.createLiteralDT(Long.toString(quads),
                org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger)), "void:triples is not the number of quads, " + quads);
        assertTrue(g.contains(ds, NodeFactory.createURI(v + "uriSpace"), NodeFactory.createLiteralString(BASE)));
        assertTrue(g.contains(ds, NodeFactory.createURI(v + "vocabulary"), NodeFactory.createURI(CKG.NS)));
        assertTrue(g.contains(ds, NodeFactory.createURI(v + "sparqlEndpoint"), NodeFactory.createURI(url("/kg/sparql"))));
        assertTrue(g.contains(ds, NodeFactory.createURI(v + "dataDump"), NodeFactory.createURI(url("/dump/kg.nq.gz"))));
        long entities = Long.parseLong(g.find(ds, NodeFactory.createURI(v + "entities"), Node.ANY).next().getObject().getLiteralLexicalForm());
        assertTrue(entities > 100, "entities: " + entities);
        Graph json = parse(get(http, "/.well-known/void", "application/ld+json"), Lang.JSONLD11);
        assertTrue(IsoMatcher.isomorphic(g, json));
    }

    @Test
    void theDumpDownloadsAsGzippedNQuadsOfTheWholeStoreWithSpanOffsetsStated() throws Exception {
        HttpResponse<byte[]> r = get(http, "/dump/kg.nq.gz", null);
        assertEquals(200, r.statusCode());
        DatasetGraph dump = DatasetGraphFactory.create();
        RDFParser.source(new GZIPInputStream(new ByteArrayInputStream(r.body()))).lang(Lang.NQUADS).parse(dump);
        DatasetGraph copy = DatasetGraphFactory.create();
        store.read(d -> {
            d.find().forEachRemaining(copy::add);
            return null;
        });
        // The store keeps each span's offsets in its IRI; the dump states them as well, as exports do.
        long spans = copy.stream().filter(q -> q.getPredicate().equals(RDF.type.asNode())
                && Iris.spanOffsets(q.getGraph(), q.getSubject()) != null).map(Quad::getSubject).distinct().count();
        assertTrue(spans > 0);
        assertEquals(copy.stream().count() + 2 * spans, dump.stream().count());
        DatasetGraph stated = DatasetGraphFactory.create();
        SpanOffsets.stated(copy.find()).forEachRemaining(stated::add);
        assertTrue(IsoMatcher.isomorphic(stated, dump), "the dump is not the store with its spans' offsets stated");
    }

    @Test
    void theJsonLdContextIsPublished() throws Exception {
        HttpResponse<byte[]> r = get(http, "/ontology/context.jsonld", null);
        assertEquals(200, r.statusCode());
        assertTrue(text(r).contains("\"supports\""));
    }

    @Test
    void linkedDataPathsAreReadOnly() throws Exception {
        for (String path : new String[] {"/" + SeededStore.SDF, "/page/" + SeededStore.SDF, "/", "/.well-known/void"}) {
            for (String method : new String[] {"POST", "PUT", "DELETE"}) {
                int code = http.send(HttpRequest.newBuilder(URI.create(url(path))).method(method, HttpRequest.BodyPublishers.ofString("x")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                assertEquals(405, code, method + " " + path);
            }
        }
        int update = http.send(HttpRequest.newBuilder(URI.create(url("/ui/kg/update"))).header("Content-Type", "application/sparql-update")
                .POST(HttpRequest.BodyPublishers.ofString("INSERT DATA { <urn:x:a> <urn:x:b> <urn:x:c> }")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
        assertTrue(update >= 400, "update through the UI path answered " + update);
        boolean written = store.read(d -> d.contains(Node.ANY, NodeFactory.createURI("urn:x:a"), Node.ANY, Node.ANY));
        assertFalse(written, "the update reached the store");
    }

    @Test
    void theFusekiUiIsServedUnderUiAndReachesTheDataset() throws Exception {
        HttpResponse<byte[]> ui = get(http, "/ui/", "text/html");
        assertEquals(200, ui.statusCode());
        assertTrue(text(ui).contains("<div id=\"app\""));
        assertEquals(301, get(http, "/ui", null).statusCode());
        HttpResponse<byte[]> status = get(http, "/ui/$/server", "application/json");
        assertEquals(200, status.statusCode());
        HttpResponse<byte[]> ask = get(http, "/ui/kg/query?query=ASK%7B%7D", "application/sparql-results+json");
        assertEquals(200, ask.statusCode());
        assertTrue(text(ask).contains("true"));
    }
}
