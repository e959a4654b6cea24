package org.conflictkg.cli;

import org.apache.jena.fuseki.main.FusekiServer;
import org.conflictkg.rdf.Iris;
import org.conflictkg.serve.KnowledgeGraphServer;
import org.conflictkg.serve.ServerSettings;
import org.conflictkg.store.KnowledgeStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
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
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code POST /kg/ingest} of a server started as {@code kg serve --auth FILE} starts it: Fuseki's
 * basic authentication in front, {@code kg load}'s pipeline behind ({@link ServeCommand#articleLoader}).
 */
class IngestIT {

    static final String USER = "editor";
    static final String PASSWORD = "s3cret-Ingest";

    @TempDir
    static Path tmp;
    static KnowledgeStore store;
    static Path realm;
    FusekiServer server;
    /**
     * A client per request: the server may close a connection after refusing a body (401, 413),
     * and JDK's client does not retry a POST on a pooled connection that was closed under it.
     */
    private static HttpClient http() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @BeforeAll
    static void open() throws IOException {
        store = KnowledgeStore.open(tmp.resolve("db"), Iris.defaults());
        realm = Files.writeString(tmp.resolve("realm.properties"), "# who may post articles\n" + USER + ": " + PASSWORD + "\n");
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private void serve(ServerSettings settings) {
        server = KnowledgeGraphServer.build(store, settings, settings.hasIngest() ? ServeCommand.articleLoader(store) : null).start();
    }

    private void serveWithIngest() {
        serve(new ServerSettings("127.0.0.1", 0, 10).withIngest(realm, 64 * 1024));
    }

    private String url(String path) {
        return "http://localhost:" + server.getPort() + path;
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(String path, String contentType, byte[] body, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return http().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> ingest(String contentType, String body) throws Exception {
        return post("/kg/ingest", contentType, body.getBytes(StandardCharsets.UTF_8), basic(USER, PASSWORD));
    }

    private boolean hasTitle(String title) throws Exception {
        String ask = "PREFIX dct: <http://purl.org/dc/terms/> ASK { ?d dct:title " + org.apache.jena.sparql.util.FmtUtils.stringForString(title) + " }";
        HttpResponse<String> r = http().send(HttpRequest.newBuilder(URI.create(url("/kg/sparql?query=" + URLEncoder.encode(ask, StandardCharsets.UTF_8))))
                .header("Accept", "application/sparql-results+json").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return r.body().contains("true");
    }

    private static void noStackTrace(HttpResponse<String> r) {
        assertFalse(r.body().contains("at org.") || r.body().contains("Exception") || r.body().contains("at java."), r.body());
    }

    @Test
    void withoutAuthThereIsNoIngest() throws Exception {
        serve(new ServerSettings("127.0.0.1", 0, 10));
        HttpResponse<String> r = post("/kg/ingest", "text/plain",
                "Title: Not without auth\n\nShelling hit the town.".getBytes(StandardCharsets.UTF_8), basic(USER, PASSWORD));
        assertTrue(r.statusCode() == 404 || r.statusCode() == 403 || r.statusCode() == 401 || r.statusCode() == 405,
                r.statusCode() + " " + r.body());
        noStackTrace(r);
        assertFalse(hasTitle("Not without auth"));
    }

    @Test
    void anonymousAndWrongPasswordsGet401AndWriteNothing() throws Exception {
        serveWithIngest();
        byte[] article = "Title: Unauthorised\n\nShelling hit the town.".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> anonymous = post("/kg/ingest", "text/plain", article, null);
        assertEquals(401, anonymous.statusCode(), anonymous.body());
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"), anonymous.headers().toString());
        assertEquals(401, post("/kg/ingest", "text/plain", article, basic(USER, "wrong")).statusCode());
        assertEquals(401, post("/kg/ingest", "text/plain", article, basic("intruder", PASSWORD)).statusCode());
        noStackTrace(anonymous);
        assertFalse(hasTitle("Unauthorised"));
    }

    @Test
    void noOtherPathReachesTheIngestWithoutCredentials() throws Exception {
        serveWithIngest();
        String[] paths = {"/ui/kg/ingest", "/kg/ingest/", "/kg//ingest", "/kg/ingest;x=1", "/kg/%69ngest", "/kg/./ingest", "/ui/../kg/ingest",
            "/kg/ingest?filename=a.txt", "/kg/Ingest", "/KG/ingest"};
        for (String path : paths) {
            String title = "Sneaked in by " + path;
            HttpResponse<String> r;
            try {
                r = post(path, "text/plain", ("Title: " + title + "\n\nShelling hit the town.").getBytes(StandardCharsets.UTF_8), null);
            } catch (IllegalArgumentException e) {
                continue; // a path the client itself will not send
            }
            assertTrue(r.statusCode() == 401 || r.statusCode() == 403 || r.statusCode() == 404 || r.statusCode() == 400 || r.statusCode() == 405,
                    path + " answered " + r.statusCode() + " " + r.body());
            noStackTrace(r);
            assertFalse(hasTitle(title), path + " stored the article");
        }
    }

    @Test
    void anonymousClientsStillQueryAndStillCannotUpdate() throws Exception {
        serveWithIngest();
        assertTrue(!hasTitle("no such title"));
        HttpResponse<String> update = post("/kg/update", "application/sparql-update",
                "INSERT DATA { <urn:x:a> <urn:x:b> <urn:x:c> }".getBytes(StandardCharsets.UTF_8), null);
        assertTrue(update.statusCode() >= 400, update.statusCode() + " " + update.body());
        // Not with the ingest's credentials either: they open the ingest, nothing else.
        HttpResponse<String> update2 = post("/kg/update", "application/sparql-update",
                "INSERT DATA { <urn:x:a> <urn:x:b> <urn:x:c> }".getBytes(StandardCharsets.UTF_8), basic(USER, PASSWORD));
        assertTrue(update2.statusCode() >= 400, update2.statusCode() + " " + update2.body());
    }

    @Test
    void aPostedArticleGoesThroughTheLoadPipelineIntoTheStore() throws Exception {
        serveWithIngest();
        String article = "Title: Rebels take the dam\nDate: 2017-03-26\n\n"
                + "The Syrian Democratic Forces said on Sunday they had taken the Tabqa dam near Raqqa.";
        HttpResponse<String> r = ingest("text/plain; charset=utf-8", article);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.headers().toString());
        assertTrue(r.body().contains("\"added\" : 1"), r.body());
        assertTrue(r.body().contains(Iris.DEFAULT_BASE + "id/document/"), r.body());
        assertTrue(hasTitle("Rebels take the dam"));
        // The same pipeline as kg load: the mention was linked to the curated actor.
        String docIri = r.body().replaceAll("(?s).*\"documents\" : \\[\\s*\"([^\"]+)\".*", "$1");
        String ask = "ASK { GRAPH <" + docIri + "> { ?m ?p <" + Iris.DEFAULT_BASE + "id/actor/syrian-democratic-forces> } }";
        HttpResponse<String> linked = http().send(HttpRequest.newBuilder(URI.create(url("/kg/sparql?query=" + URLEncoder.encode(ask, StandardCharsets.UTF_8))))
                .header("Accept", "application/sparql-results+json").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(linked.body().contains("true"), docIri + " " + linked.body());

        HttpResponse<String> again = ingest("text/plain", article);
        assertEquals(200, again.statusCode(), again.body());
        assertTrue(again.body().contains("\"added\" : 0") && again.body().contains("\"skipped\" : 1"), again.body());
        assertTrue(again.body().contains(docIri), again.body());
    }

    @Test
    void htmlAndJsonLinesByContentTypeOrFileName() throws Exception {
        serveWithIngest();
        HttpResponse<String> html = ingest("text/html",
                "<html><head><title>Strikes on Idlib</title></head><body><p>Air strikes hit Idlib on Monday, residents said.</p></body></html>");
        assertEquals(200, html.statusCode(), html.body());
        assertTrue(hasTitle("Strikes on Idlib"));

        String lines = "{\"title\": \"Convoy hit near Aleppo\", \"text\": \"A convoy was hit near Aleppo, the monitor said.\"}\n"
                + "this line is not JSON\n"
                + "{\"title\": \"Talks in Geneva\", \"text\": \"Talks resumed in Geneva on Tuesday.\"}\n";
        HttpResponse<String> jsonl = ingest("application/x-ndjson", lines);
        assertEquals(200, jsonl.statusCode(), jsonl.body());
        assertTrue(jsonl.body().contains("\"added\" : 2"), jsonl.body());
        assertTrue(jsonl.body().contains("\"line\" : 2"), "the bad line is named: " + jsonl.body());
        assertTrue(hasTitle("Convoy hit near Aleppo") && hasTitle("Talks in Geneva"));

        HttpResponse<String> named = post("/kg/ingest?filename=" + URLEncoder.encode("../../wire/ceasefire.txt", StandardCharsets.UTF_8),
                "application/octet-stream", "Title: Ceasefire holds\n\nThe ceasefire held in Daraa.".getBytes(StandardCharsets.UTF_8), basic(USER, PASSWORD));
        assertEquals(200, named.statusCode(), named.body());
        assertTrue(hasTitle("Ceasefire holds"));
    }

    private static byte[] gzip(String s) throws IOException {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        try (var z = new java.util.zip.GZIPOutputStream(b)) {
            z.write(s.getBytes(StandardCharsets.UTF_8));
        }
        return b.toByteArray();
    }

    private HttpResponse<String> postGzipped(String contentType, byte[] body) throws Exception {
        return http().send(HttpRequest.newBuilder(URI.create(url("/kg/ingest"))).timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType).header("Content-Encoding", "gzip").header("Authorization", basic(USER, PASSWORD))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aGzippedBodyIsDecodedAndTheLimitCountsWhatItHolds() throws Exception {
        serveWithIngest();
        HttpResponse<String> small = postGzipped("text/plain", gzip("Title: Compressed report\n\nShelling hit Hama, residents said."));
        assertEquals(200, small.statusCode(), small.body());
        assertTrue(hasTitle("Compressed report"));
        // A few kilobytes that hold megabytes: refused by what they hold, not by their size.
        byte[] bomb = gzip("Title: Bomb\n\n" + "x".repeat(4 << 20));
        assertTrue(bomb.length < 64 * 1024, bomb.length + " bytes");
        HttpResponse<String> big = postGzipped("text/plain", bomb);
        assertEquals(413, big.statusCode(), big.body());
        noStackTrace(big);
        assertFalse(hasTitle("Bomb"));
        HttpResponse<String> gz = post("/kg/ingest?filename=a.jsonl.gz", "application/gzip", bomb, basic(USER, PASSWORD));
        assertEquals(415, gz.statusCode(), gz.body());
    }

    @Test
    void badBodiesAreRefusedWithAReasonAndNoStackTrace() throws Exception {
        serveWithIngest();
        HttpResponse<String> empty = ingest("text/plain", "");
        assertEquals(400, empty.statusCode(), empty.body());
        assertTrue(empty.body().contains("empty"), empty.body());

        HttpResponse<String> unknown = ingest("application/pdf", "%PDF-1.4");
        assertEquals(415, unknown.statusCode(), unknown.body());
        assertTrue(unknown.body().contains("text/plain"), unknown.body());

        HttpResponse<String> rdf = post("/kg/ingest?filename=actors.ttl", "text/turtle", "<a> <b> <c> .".getBytes(StandardCharsets.UTF_8), basic(USER, PASSWORD));
        assertEquals(415, rdf.statusCode(), rdf.body());

        byte[] binary = new byte[4096];
        new java.util.Random(8).nextBytes(binary);
        HttpResponse<String> bin = post("/kg/ingest", "text/plain", binary, basic(USER, PASSWORD));
        assertEquals(400, bin.statusCode(), bin.body());
        assertTrue(bin.body().contains("\"reason\""), bin.body());

        HttpResponse<String> allBad = ingest("application/x-ndjson", "not json\n{also not\n");
        assertEquals(400, allBad.statusCode(), allBad.body());
        assertTrue(allBad.body().contains("\"line\" : 1") && allBad.body().contains("\"line\" : 2"), allBad.body());

        HttpResponse<String> big = ingest("text/plain", "Title: Too long\n\n" + "Shelling went on. ".repeat(5000));
        assertEquals(413, big.statusCode(), big.body());
        assertFalse(hasTitle("Too long"));

        HttpResponse<String> get = http().send(HttpRequest.newBuilder(URI.create(url("/kg/ingest"))).header("Authorization", basic(USER, PASSWORD)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, get.statusCode(), get.body());

        for (HttpResponse<String> r : java.util.List.of(empty, unknown, rdf, bin, allBad, big, get)) {
            noStackTrace(r);
        }
    }

    @Test
    void aCrossOriginPostIsRefusedEvenWithCredentials() throws Exception {
        serveWithIngest();
        HttpResponse<String> r = http().send(HttpRequest.newBuilder(URI.create(url("/kg/ingest")))
                .header("Content-Type", "text/plain").header("Authorization", basic(USER, PASSWORD)).header("Origin", "https://elsewhere.example")
                .POST(HttpRequest.BodyPublishers.ofString("Title: Forged\n\nA forged post.")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, r.statusCode(), r.body());
        assertFalse(hasTitle("Forged"));
    }
}
