package org.conflictkg.serve;

import org.apache.jena.fuseki.main.FusekiServer;
import org.conflictkg.extract.EntityKind;
import org.conflictkg.extract.Gazetteer;
import org.conflictkg.extract.GazetteerEntry;
import org.conflictkg.extract.Pipeline;
import org.conflictkg.ingest.DocumentReader;
import org.conflictkg.rdf.DocumentMapper;
import org.conflictkg.rdf.Iris;
import org.conflictkg.store.KnowledgeStore;
import org.conflictkg.store.LoadListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Starts the server on a free port over a small store and talks to it over HTTP. */
class ServerIT {

    private static final GazetteerEntry ALEPPO = new GazetteerEntry("id/place/aleppo-170063", EntityKind.PLACE, "Aleppo", "170063", 36.20124, 37.16117, "SY", 1602264, "P.PPLA");

    @TempDir
    Path tmp;
    KnowledgeStore store;
    FusekiServer server;
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(in.resolve("a.txt"), "Title: Siege\n\nThe siege of Aleppo went on.");
        Gazetteer g = new Gazetteer.Builder().add(ALEPPO, "Aleppo", Gazetteer.NameForm.NAME).build();
        store = KnowledgeStore.open(tmp.resolve("db"), Iris.defaults());
        store.load(List.of(in), new DocumentReader(), Pipeline.standard(g), new DocumentMapper(store.iris(), g), LoadListener.SILENT);
        server = KnowledgeGraphServer.build(store, new ServerSettings("127.0.0.1", 0, 2)).start();
    }

    @AfterEach
    void stop() {
        server.stop();
        store.close();
    }

    private static HttpClient fresh() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    private String url(String path) {
        return "http://localhost:" + server.getPort() + path;
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30)).GET();
        if (accept != null) {
            b.header("Accept", accept);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String q(String sparql) {
        return URLEncoder.encode(sparql, StandardCharsets.UTF_8);
    }

    @Test
    void answersSparqlAtBothQueryEndpoints() throws Exception {
        for (String endpoint : new String[] {"/kg/sparql", "/kg/query"}) {
            HttpResponse<String> r = get(endpoint + "?query=" + q("PREFIX dct: <http://purl.org/dc/terms/> SELECT ?t { ?d dct:title ?t }"),
                    "application/sparql-results+json");
            assertEquals(200, r.statusCode(), endpoint);
            assertTrue(r.body().contains("\"Siege\""), r.body());
        }
    }

    @Test
    void servesGraphsReadOnlyAtGet() throws Exception {
        HttpResponse<String> r = get("/kg/get?graph=" + q(store.iris().placesGraph().getURI()), "application/n-triples");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("https://sws.geonames.org/170063/"), r.body());
    }

    /** The status of a request; 0 when the server refused it by closing the connection. */
    private int status(HttpRequest request) throws InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        }
    }

    @Test
    void refusesAnonymousUpdates() throws Exception {
        String update = "INSERT DATA { <urn:x:a> <urn:x:b> <urn:x:c> }";
        for (String endpoint : new String[] {"/kg/sparql", "/kg/query", "/kg/update", "/kg"}) {
            int code = status(HttpRequest.newBuilder(URI.create(url(endpoint)))
                    .header("Content-Type", "application/sparql-update")
                    .POST(HttpRequest.BodyPublishers.ofString(update)).build());
            assertTrue(code < 200 || code >= 400, endpoint + " answered " + code);
        }
        int put = status(HttpRequest.newBuilder(URI.create(url("/kg/get?default")))
                .header("Content-Type", "text/turtle")
                .PUT(HttpRequest.BodyPublishers.ofString("<urn:x:a> <urn:x:b> <urn:x:c> .")).build());
        assertTrue(put < 200 || put >= 400, "PUT answered " + put);
        HttpResponse<String> check = get("/kg/sparql?query=" + q("ASK { <urn:x:a> ?p ?o }"), "application/sparql-results+json");
        assertTrue(check.body().contains("false"), check.body());
    }

    @Test
    void enforcesTheQueryTimeLimit() throws Exception {
        // A cross product over every quad five times over: far beyond the 2 s limit unless stopped.
        String slow = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }";
        long t0 = System.nanoTime();
        HttpResponse<String> r = get("/kg/sparql?query=" + q(slow), "application/sparql-results+json");
        double secs = (System.nanoTime() - t0) / 1e9;
        assertNotEquals(200, r.statusCode(), "the query should have been stopped: " + r.body());
        assertTrue(secs < 20, "stopped only after " + secs + " s");
    }

    @Test
    void servesTheFusekiUiAndItsServerDescription() throws Exception {
        // The UI moved to /ui/ when / became the linked-data landing page.
        HttpResponse<String> index = get("/ui/", "text/html");
        assertEquals(200, index.statusCode());
        assertTrue(index.body().contains("<div id=\"app\""), index.body());
        HttpResponse<String> status = get("/$/server", "application/json");
        assertEquals(200, status.statusCode());
        assertTrue(status.body().contains("/kg"), status.body());
        assertEquals(200, get("/$/ping", null).statusCode());
    }

    @Test
    void bindsToTheLoopbackInterfaceOnly() throws Exception {
        for (var c : server.getJettyServer().getConnectors()) {
            if (c instanceof org.eclipse.jetty.server.ServerConnector sc) {
                String host = sc.getHost();
                assertTrue(host != null && java.net.InetAddress.getByName(host).isLoopbackAddress(), "bound to " + host);
            }
        }
        // Where the machine has another address, nothing answers there.
        for (var nif : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
            for (var a : java.util.Collections.list(nif.getInetAddresses())) {
                if (a instanceof java.net.Inet4Address && !a.isLoopbackAddress()) {
                    try (java.net.Socket s = new java.net.Socket()) {
                        s.connect(new java.net.InetSocketAddress(a, server.getPort()), 2000);
                        throw new AssertionError("the server answered on " + a.getHostAddress());
                    } catch (IOException expected) {
                        // Refused: as it should be.
                    }
                }
            }
        }
    }

    private HttpResponse<String> withOrigin(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).header("Origin", "https://elsewhere.example")
                .header("Accept", "application/sparql-results+json").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void corsIsOffUnlessAskedFor() throws Exception {
        String ask = "/kg/sparql?query=" + q("ASK { ?s ?p ?o }");
        HttpResponse<String> off = withOrigin(ask);
        assertEquals(200, off.statusCode());
        assertTrue(off.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), off.headers().toString());
        HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(URI.create(url(ask))).header("Origin", "https://elsewhere.example")
                .header("Access-Control-Request-Method", "GET").method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), preflight.headers().toString());
        assertTrue(withOrigin("/").headers().firstValue("Access-Control-Allow-Origin").isEmpty());

        server.stop();
        server = KnowledgeGraphServer.build(store, new ServerSettings("127.0.0.1", 0, 2).withCors(true)).start();
        HttpResponse<String> on = withOrigin(ask);
        assertEquals(200, on.statusCode());
        assertTrue(on.headers().firstValue("Access-Control-Allow-Origin").isPresent(), on.headers().toString());
        assertTrue(withOrigin("/").headers().firstValue("Access-Control-Allow-Origin").isPresent(), "the pages too");
    }

    private static void noStackTrace(String what, HttpResponse<String> r) {
        String body = r.body();
        assertFalse(body.contains("at org.") || body.contains("at java.") || body.contains("Exception"), what + ": " + body);
    }

    @Test
    void errorBodiesCarryNoStackTrace() throws Exception {
        HttpResponse<String> malformed = get("/kg/sparql?query=" + q("SELECT ?x WHERE { ?x ?p "), null);
        assertEquals(400, malformed.statusCode());
        noStackTrace("a malformed query", malformed);
        HttpResponse<String> badFunction = get("/kg/sparql?query=" + q("SELECT (<urn:x:nofunction>(1) AS ?x) {}"), null);
        noStackTrace("an unknown function", badFunction);
        HttpResponse<String> unknown = get("/no/such/path", null);
        assertEquals(404, unknown.statusCode());
        noStackTrace("an unknown path", unknown);
        HttpResponse<String> unknownDataset = get("/other/sparql?query=" + q("ASK {}"), null);
        assertEquals(404, unknownDataset.statusCode());
        noStackTrace("an unknown dataset", unknownDataset);
        HttpResponse<String> unknownIri = get("/id/actor/nobody", "text/html");
        assertEquals(404, unknownIri.statusCode());
        noStackTrace("an unknown IRI", unknownIri);
        // Each request that the server may answer by closing the connection (a NUL in the path, a
        // malformed body) goes on a connection of its own: a pooled one it had closed would fail
        // the next request instead (JDK's client does not retry a POST).
        HttpResponse<String> badPage = fresh().send(
                HttpRequest.newBuilder(URI.create(url("/page/id/%00%3Cscript%3E%25ZZ?offset=-1&facts=x")))
                        .header("Accept", "text/html").timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        noStackTrace("a page with a broken path", badPage);
        HttpResponse<String> badPost = fresh().send(HttpRequest.newBuilder(URI.create(url("/kg/sparql")))
                .header("Content-Type", "application/sparql-query").POST(HttpRequest.BodyPublishers.ofString("SELECT * WHERE {{{")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, badPost.statusCode());
        noStackTrace("a malformed posted query", badPost);
        HttpResponse<String> badForm = fresh().send(HttpRequest.newBuilder(URI.create(url("/kg/sparql")))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("query=%%%")).build(),
                HttpResponse.BodyHandlers.ofString());
        noStackTrace("a broken form", badForm);
    }

    @Test
    void aClientCannotFetchAQueryFromElsewhere() throws Exception {
        // Fuseki's query-ref would make the server fetch a URL: not from here.
        HttpResponse<String> r = get("/kg/sparql?query-ref=" + q("http://127.0.0.1:9/x.rq"), null);
        assertTrue(r.statusCode() >= 400, r.statusCode() + " " + r.body());
        noStackTrace("query-ref", r);
    }
}
