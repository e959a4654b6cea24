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
}
