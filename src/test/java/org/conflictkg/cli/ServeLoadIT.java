package org.conflictkg.cli;

import org.apache.jena.fuseki.main.FusekiServer;
import org.conflictkg.rdf.Iris;
import org.conflictkg.serve.KnowledgeGraphServer;
import org.conflictkg.serve.ServerSettings;
import org.conflictkg.store.KnowledgeStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Load: {@value #CLIENTS} clients run the competency queries of {@code queries/} in turn against a
 * server over {@code data/}, while one more posts articles through the authenticated ingest. No
 * request may fail, and every article posted must be in the store afterwards.
 *
 * <p>It runs for {@code -Dkg.loadtest.seconds} (default 10, for CI; issue 8 asks for 60):
 * {@code mvn -o -Dit.test=ServeLoadIT -Dkg.loadtest.seconds=60 -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false verify}.
 */
class ServeLoadIT {

    static final int CLIENTS = 8;

    private static final String[] TOWNS = {"Aleppo", "Idlib", "Raqqa", "Homs", "Hama", "Daraa", "Manbij", "Kobani", "Afrin", "Palmyra"};
    private static final String[] ACTORS = {"The Syrian Democratic Forces", "The Syrian army", "Russian aircraft", "Turkish-backed rebels",
            "Hezbollah fighters", "The U.S.-led coalition"};
    private static final String[] OUTLETS = {"Reuters", "the Syrian Observatory for Human Rights", "state media", "a local council"};
    private static final String[] DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

    @TempDir
    Path tmp;

    /** A short news-like article, different for each {@code n}, as one of the ingest's formats. */
    record Posted(String title, String contentType, String body) {}

    static Posted article(int n) {
        String town = TOWNS[n % TOWNS.length];
        String actor = ACTORS[(n / 3) % ACTORS.length];
        String outlet = OUTLETS[(n / 7) % OUTLETS.length];
        String day = DAYS[n % DAYS.length];
        String title = "Fighting near " + town + ", report " + n;
        String text = actor + " shelled positions near " + town + " on " + day + ", " + outlet + " said. "
                + (n % 40 + 2) + " people were wounded in the village of Tal " + (char) ('A' + n % 26) + ", according to officials. "
                + "\"We will hold the line,\" a commander told reporters after the attack, the " + n + "th reported this month.";
        String date = String.format("2017-%02d-%02d", n % 12 + 1, n % 28 + 1);
        return switch (n % 5) {
            case 3 -> new Posted(title, "text/html", "<html><head><title>" + title + "</title></head><body><article><p>"
                    + text.replace("\"", "&quot;") + "</p></article></body></html>");
            case 4 -> new Posted(title, "application/x-ndjson", "{\"title\": \"" + title + "\", \"date\": \"" + date + "\", \"text\": \""
                    + text.replace("\"", "\\\"") + "\"}\n");
            default -> new Posted(title, "text/plain", "Title: " + title + "\nDate: " + date + "\n\n" + text);
        };
    }

    @Test
    void eightClientsQueryWhileArticlesArePostedAndNothingFailsOrIsLost() throws Exception {
        long seconds = Long.getLong("kg.loadtest.seconds", 10);
        Path db = tmp.resolve("db");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(new String[] {"load", "--db", db.toString(), "data"},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        Path realm = Files.writeString(tmp.resolve("realm.properties"), "loader: " + "load-test-password" + "\n");
        List<String> queries = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("queries"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".rq")).sorted().toList()) {
                queries.add(Files.readString(f));
            }
        }
        assertTrue(queries.size() >= 10, "competency queries: " + queries.size());

        try (KnowledgeStore store = KnowledgeStore.open(db, Iris.defaults())) {
            ServerSettings settings = new ServerSettings("127.0.0.1", 0, 30).withIngest(realm, ServerSettings.DEFAULT_MAX_INGEST_BYTES);
            FusekiServer server = KnowledgeGraphServer.build(store, settings, ServeCommand.articleLoader(store)).start();
            String root = "http://localhost:" + server.getPort();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            String auth = IngestIT.basic("loader", "load-test-password");
            AtomicLong queriesSent = new AtomicLong();
            AtomicLong postsSent = new AtomicLong();
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            List<Long> queryMillis = Collections.synchronizedList(new ArrayList<>());
            List<Long> postMillis = Collections.synchronizedList(new ArrayList<>());
            List<Posted> posted = Collections.synchronizedList(new ArrayList<>());
            List<String> postedIris = Collections.synchronizedList(new ArrayList<>());
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 1);
            try {
                List<Future<?>> running = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    int client = c;
                    running.add(pool.submit(() -> {
                        for (int i = client; System.nanoTime() < end; i++) {
                            String q = queries.get(i % queries.size());
                            long t0 = System.nanoTime();
                            try {
                                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(root + "/kg/sparql?query="
                                                + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                                        .header("Accept", i % 2 == 0 ? "application/sparql-results+json" : "text/csv")
                                        .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
                                queriesSent.incrementAndGet();
                                if (r.statusCode() != 200) {
                                    failures.add("query " + (i % queries.size()) + ": " + r.statusCode() + " " + r.body());
                                }
                            } catch (Exception e) {
                                queriesSent.incrementAndGet();
                                failures.add("query " + (i % queries.size()) + ": " + e);
                            }
                            queryMillis.add((System.nanoTime() - t0) / 1_000_000);
                        }
                        return null;
                    }));
                }
                running.add(pool.submit(() -> {
                    Pattern iri = Pattern.compile("\"documents\" : \\[\\s*\"([^\"]+)\"");
                    for (int n = 0; System.nanoTime() < end; n++) {
                        Posted a = article(n);
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(root + "/kg/ingest"))
                                    .header("Content-Type", a.contentType()).header("Authorization", auth)
                                    .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(a.body())).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            postsSent.incrementAndGet();
                            Matcher m = iri.matcher(r.body());
                            if (r.statusCode() != 200 || !r.body().contains("\"added\" : 1") || !m.find()) {
                                failures.add("post " + n + ": " + r.statusCode() + " " + r.body());
                            } else {
                                posted.add(a);
                                postedIris.add(m.group(1));
                            }
                        } catch (Exception e) {
                            postsSent.incrementAndGet();
                            failures.add("post " + n + ": " + e);
                        }
                        postMillis.add((System.nanoTime() - t0) / 1_000_000);
                    }
                    return null;
                }));
                for (Future<?> f : running) {
                    f.get(seconds + 180, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }

            // Every article posted is there, under the IRI the ingest gave, with its title.
            int found = 0;
            List<String> missing = new ArrayList<>();
            for (int i = 0; i < posted.size(); i++) {
                String ask = "PREFIX dct: <http://purl.org/dc/terms/> ASK { GRAPH <" + postedIris.get(i) + "> { <" + postedIris.get(i) + "> dct:title "
                        + org.apache.jena.sparql.util.FmtUtils.stringForString(posted.get(i).title()) + " } }";
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(root + "/kg/sparql?query=" + URLEncoder.encode(ask, StandardCharsets.UTF_8)))
                        .header("Accept", "application/sparql-results+json").GET().build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("true")) {
                    found++;
                } else {
                    missing.add(posted.get(i).title());
                }
            }
            server.stop();
            System.out.printf("load test: %d s, %d clients: %d queries (%s ms p50/p95/max), %d posts (%s ms p50/p95/max), %d failures; "
                            + "%d articles posted, %d found afterwards%n", seconds, CLIENTS, queriesSent.get(), percentiles(queryMillis),
                    postsSent.get(), percentiles(postMillis), failures.size(), posted.size(), found);
            assertTrue(failures.isEmpty(), failures.size() + " failed requests, first: " + failures.stream().limit(3).toList());
            assertTrue(posted.size() > 0, "no article was posted");
            assertEquals(posted.size(), found, "missing after the run: " + missing);
            assertTrue(queriesSent.get() >= CLIENTS, "queries sent: " + queriesSent.get());
        }
    }

    private static String percentiles(List<Long> millis) {
        List<Long> sorted;
        synchronized (millis) {
            sorted = new ArrayList<>(millis);
        }
        if (sorted.isEmpty()) {
            return "-";
        }
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2) + "/" + sorted.get((int) (sorted.size() * 0.95)) + "/" + sorted.get(sorted.size() - 1);
    }
}
