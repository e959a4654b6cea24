package org.conflictkg.serve;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.fuseki.servlets.ActionService;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.graph.Node;
import org.conflictkg.ingest.Rejection;
import org.conflictkg.store.LoadListener;
import org.conflictkg.store.LoadReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@code POST /kg/ingest}: articles posted to a running server, stored by the pipeline of {@code
 * kg load} ({@link ArticleLoader}). Only installed with a password file; Fuseki's authentication
 * (Jetty's, behind the endpoint's auth policy) answers 401 before this runs for a client without
 * valid credentials.
 *
 * <p>The body is one file's content, its format taken from the {@code filename} parameter's
 * extension ({@code .txt}, {@code .html}, {@code .htm}, {@code .jsonl}, {@code .ndjson}) or
 * else from the Content-Type: {@code text/plain} (with the optional {@code
 * Title:}/{@code Date:} header of {@code kg load}), {@code text/html}, {@code application/x-ndjson}
 * or {@code application/jsonl} (one article a line). The answer is JSON: documents read, added and
 * skipped (already stored), the IRIs of both, and each rejected input with its line and reason.
 *
 * <p>Failure path: a body over the size limit is refused (413) before anything is stored; a body in
 * no known format is refused (415); one from which no article could be read is refused (400) with
 * the reasons. Otherwise the articles go through the load's write transactions, so each is stored
 * whole or not at all; the articles rejected are listed and the others stored (200). Requests are
 * stored one at a time, while queries go on reading (TDB2: many readers, one writer). Error bodies
 * carry a reason, never a stack trace.
 */
final class IngestService extends ActionService {

    static final Operation OPERATION = Operation.alloc("https://w3id.org/conflict-kg/fuseki#ingest", "ingest",
            "Articles posted to the store through the pipeline of kg load");
    static final String ENDPOINT = "ingest";

    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);

    private final ArticleLoader loader;
    private final long maxBytes;
    private final ReentrantLock oneAtATime = new ReentrantLock(true);

    IngestService(ArticleLoader loader, long maxBytes) {
        this.loader = loader;
        this.maxBytes = maxBytes;
    }

    /** Only POST: every other method gets Fuseki's 405. */
    @Override
    public void execPost(HttpAction action) {
        executeLifecycle(action);
    }

    @Override
    public void validate(HttpAction action) {}

    @Override
    public void execute(HttpAction action) {
        HttpServletResponse resp = action.getResponse();
        try {
            String origin = action.getRequestHeader("Origin");
            if (origin != null && !sameOrigin(origin, action)) {
                // A browser on another site may hold the user's credentials: never store on its behalf.
                error(resp, HttpServletResponse.SC_FORBIDDEN, "Cross-origin ingest is refused");
                return;
            }
            String name = fileName(action.getRequestParameter("filename"), action.getRequestContentType());
            if (name == null) {
                error(resp, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "Post text/plain, text/html or application/x-ndjson, "
                        + "or name the format with ?filename=NAME.txt, .html, .htm, .jsonl or .ndjson (compress with Content-Encoding: gzip)");
                return;
            }
            long declared = action.getRequestContentLengthLong();
            if (declared > maxBytes) {
                discardModestBody(action, declared);
                error(resp, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, tooLarge());
                return;
            }
            ingest(action, resp, name);
        } catch (IOException e) {
            LOG.warn("ingest: {}", e.toString());
            errorQuietly(resp, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "The articles could not be stored: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("ingest failed", e);
            errorQuietly(resp, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "The articles could not be stored: the server failed (see its log)");
        }
    }

    private void ingest(HttpAction action, HttpServletResponse resp, String name) throws IOException {
        Path dir = Files.createTempDirectory("kg-ingest-");
        Path file = dir.resolve(name);
        try {
            long size;
            try (InputStream in = action.getRequestInputStream(); OutputStream out = Files.newOutputStream(file)) {
                size = copyAtMost(in, out, maxBytes);
            }
            if (size < 0) {
                error(resp, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, tooLarge());
                return;
            }
            if (size == 0) {
                error(resp, HttpServletResponse.SC_BAD_REQUEST, "The body is empty: post the article's text");
                return;
            }
            List<Node> added = new ArrayList<>();
            List<Node> skipped = new ArrayList<>();
            LoadListener listener = new LoadListener() {
                @Override
                public void stored(Node graph, boolean isNew) {
                    (isNew ? added : skipped).add(graph);
                }
            };
            LoadReport report;
            oneAtATime.lock();
            try {
                report = loader.load(List.of(file), listener);
            } finally {
                oneAtATime.unlock();
            }
            JsonObject summary = summary(report, added, skipped);
            int status = report.read() == 0 ? HttpServletResponse.SC_BAD_REQUEST : HttpServletResponse.SC_OK;
            if (status != HttpServletResponse.SC_OK) {
                summary.put("error", "No article could be read from the body");
            }
            json(resp, status, summary);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    private static JsonObject summary(LoadReport report, List<Node> added, List<Node> skipped) {
        JsonObject o = new JsonObject();
        o.put("read", report.read());
        o.put("added", report.added());
        o.put("skipped", report.alreadyPresent());
        o.put("quads", report.quads());
        o.put("millis", report.millis());
        o.put("documents", iris(added));
        o.put("skippedDocuments", iris(skipped));
        JsonArray rejected = new JsonArray();
        for (Rejection r : report.rejected()) {
            JsonObject j = new JsonObject();
            j.put("file", r.file());
            if (r.line() > 0) {
                j.put("line", r.line());
            }
            j.put("reason", r.reason());
            rejected.add(j);
        }
        o.put("rejected", rejected);
        return o;
    }

    private static JsonArray iris(List<Node> nodes) {
        JsonArray a = new JsonArray();
        nodes.forEach(n -> a.add(n.getURI()));
        return a;
    }

    /** The most of a refused body read to keep the connection readable for the refusal. */
    private static final long DISCARD_LIMIT = 16L << 20;

    private String tooLarge() {
        return "The body is over the ingest limit of " + maxBytes + " bytes: post fewer articles at a time";
    }

    /**
     * The name the body is stored and reported under: the {@code filename} parameter's last
     * segment, reduced to safe characters, when it has an article extension; else one named after
     * the Content-Type. Null when neither says an article format.
     */
    static String fileName(String requested, String contentType) {
        if (requested != null && !requested.isBlank()) {
            String base = requested.replace('\\', '/');
            base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._ -]", "_").strip();
            if (base.startsWith(".")) {
                base = "_" + base;
            }
            String lower = base.toLowerCase(Locale.ROOT);
            // No .jsonl.gz: a small gzip body can hold any amount of text, past the size limit.
            // Content-Encoding: gzip is decoded before the limit counts.
            for (String ext : new String[] {".txt", ".html", ".htm", ".jsonl", ".ndjson"}) {
                if (lower.endsWith(ext) && lower.length() > ext.length()) {
                    return base.length() > 120 ? base.substring(base.length() - 120) : base;
                }
            }
            return null;
        }
        if (contentType == null) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
        return switch (type.toLowerCase(Locale.ROOT).strip()) {
            case "text/plain" -> "article.txt";
            case "text/html", "application/xhtml+xml" -> "article.html";
            case "application/x-ndjson", "application/ndjson", "application/jsonl", "application/x-jsonlines", "application/jsonlines" -> "articles.jsonl";
            default -> null;
        };
    }

    private static boolean sameOrigin(String origin, HttpAction action) {
        String host = action.getRequestHeader("Host");
        return host != null && (origin.equals("http://" + host) || origin.equals("https://" + host));
    }

    /** Copies at most {@code max} bytes; -1 when there were more. */
    /**
     * Reads and drops the rest of a refused body when it is of modest size, so the client, which
     * is still sending it, reads the refusal instead of a broken pipe; a body of unknown or very
     * large size is left unread and the connection is closed after the refusal.
     */
    private static void discardModestBody(HttpAction action, long declared) {
        if (declared > DISCARD_LIMIT) {
            return;
        }
        try (InputStream in = action.getRequestInputStream()) {
            discard(in, DISCARD_LIMIT);
        } catch (IOException e) {
            // The body could not be opened: the connection is closed after the refusal.
        }
    }

    /**
     * Reads and drops up to about {@code limit} more bytes of {@code in}, fewer when it ends first
     * or the client goes away (then there is no one left to read the refusal).
     */
    private static void discard(InputStream in, long limit) {
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        int n;
        try {
            while (total <= limit && (n = in.read(buffer)) >= 0) {
                total += n;
            }
        } catch (IOException e) {
            // Nothing to tell a client that has gone.
        }
    }

    private static long copyAtMost(InputStream in, OutputStream out, long max) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            total += n;
            if (total > max) {
                discard(in, DISCARD_LIMIT);
                return -1;
            }
            out.write(buffer, 0, n);
        }
        return total;
    }

    private static void error(HttpServletResponse resp, int status, String reason) throws IOException {
        JsonObject o = new JsonObject();
        o.put("error", reason);
        json(resp, status, o);
    }

    private static void errorQuietly(HttpServletResponse resp, int status, String reason) {
        if (resp.isCommitted()) {
            return;
        }
        try {
            error(resp, status, reason);
        } catch (IOException e) {
            // The client has gone; nothing to tell it.
        }
    }

    private static void json(HttpServletResponse resp, int status, JsonObject o) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        JSON.write(buffer, o);
        buffer.write('\n');
        resp.setStatus(status);
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        resp.setContentLength(buffer.size());
        buffer.writeTo(resp.getOutputStream());
    }
}
