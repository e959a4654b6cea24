package org.conflictkg.serve.linked;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.system.Txn;
import org.conflictkg.rdf.CKG;
import org.conflictkg.rdf.CompactJsonLd;
import org.conflictkg.rdf.SpanOffsets;
import org.conflictkg.rdf.Iris;
import org.conflictkg.store.KnowledgeStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

/**
 * The linked-data face of the server, in front of Fuseki in the same Jetty: it answers the paths
 * of IRIs minted under the base and the pages about them, and passes every other request on.
 *
 * <ul>
 *   <li>{@code /id/...}, {@code /graph/...}: a resource IRI. Known: {@code 303 See Other} to its
 *       description in the form the {@code Accept} header asks for, with {@code Vary: Accept}.
 *       Unknown: 404.
 *   <li>{@code /page/{path}}: the HTML page about {@code {base}{path}}; {@code /data/{path}.ttl}
 *       ({@code .jsonld}, {@code .nt}, {@code .rdf}): its RDF description.
 *   <li>{@code /}: the landing page (an RDF client is sent to the VoID description).
 *   <li>{@code /.well-known/void}: VoID; {@code /dump/kg.nq.gz}: the whole store, gzipped N-Quads,
 *       streamed; {@code /ontology/context.jsonld}: the JSON-LD context.
 *   <li>{@code /ui/...}: the Fuseki UI, moved here from {@code /} (see {@link #fusekiUi}).
 * </ul>
 *
 * <p>Read-only: only GET and HEAD are answered on these paths. Each request reads in one
 * transaction, and every query it runs has the server's time limit.
 */
public final class LinkedDataFilter implements Filter {

    private static final Logger LOG = LoggerFactory.getLogger(LinkedDataFilter.class);

    /** Path prefixes of resource IRIs (a 303 to their description), as the minting in {@link Iris} makes them. */
    private static final List<String> RESOURCE_PREFIXES = List.of("/id/", "/graph/");
    /** Where the Fuseki UI is served. */
    public static final String UI = "/ui/";

    private final KnowledgeStore store;
    private final long timeoutMillis;
    private final Set<String> datasets;
    private final VoidDescription voidDescription;

    /**
     * @param store the store served; its IRIs' base maps onto this server's root
     * @param timeoutMillis the time limit of every query a page runs
     * @param datasets Fuseki's dataset names (such as {@code /kg}), which the UI addresses below {@code /ui/}
     */
    public LinkedDataFilter(KnowledgeStore store, long timeoutMillis, Set<String> datasets) {
        this.store = store;
        this.timeoutMillis = timeoutMillis;
        this.datasets = datasets;
        this.voidDescription = new VoidDescription(store.dataset(), store.iris().base());
    }

    /** Starts counting the store for VoID, so that the count is ready by the time it is asked for. */
    @Override
    public void init(jakarta.servlet.FilterConfig config) {
        voidDescription.start();
    }

    @Override
    public void destroy() {
        voidDescription.stop();
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        String path = normalise(req.getRequestURI().substring(req.getContextPath().length()));
        if (path.equals("/ui")) {
            resp.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
            resp.setHeader("Location", UI);
            return;
        }
        if (path.startsWith(UI)) {
            fusekiUi(req, resp, chain, path);
            return;
        }
        if (!isOurs(path)) {
            chain.doFilter(request, response);
            return;
        }
        if (!req.getMethod().equals("GET") && !req.getMethod().equals("HEAD")) {
            resp.setHeader("Allow", "GET, HEAD");
            resp.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED, "This server is read-only");
            return;
        }
        try {
            route(req, resp, path);
        } catch (QueryCancelledException e) {
            if (!resp.isCommitted()) {
                resp.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "The page took longer than the query time limit");
            }
        } catch (RuntimeException e) {
            LOG.warn("{} {}: {}", req.getMethod(), path, e.toString(), e);
            if (!resp.isCommitted()) {
                resp.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "The page could not be built");
            }
        }
    }

    private static boolean isOurs(String path) {
        return path.equals("/") || path.startsWith("/id/") || path.startsWith("/graph/") || path.startsWith("/page/")
                || path.startsWith("/data/") || path.equals("/.well-known/void") || path.equals("/dump/kg.nq.gz")
                || path.equals("/ontology/context.jsonld") || path.equals(WorldMap.OUTLINE);
    }

    private void route(HttpServletRequest req, HttpServletResponse resp, String path) throws IOException {
        String accept = req.getHeader("Accept");
        if (path.equals("/")) {
            resp.setHeader("Vary", "Accept");
            DescriptionFormat f = DescriptionFormat.negotiate(accept, List.of(DescriptionFormat.values()));
            if (f != null && f != DescriptionFormat.HTML) {
                seeOther(resp, "/.well-known/void");
                return;
            }
            PageParams params = new PageParams(req.getParameterMap());
            html(resp, read(v -> new LandingPage(v, params).render()));
            return;
        }
        if (path.equals("/.well-known/void")) {
            resp.setHeader("Vary", "Accept");
            DescriptionFormat f = DescriptionFormat.negotiate(accept, DescriptionFormat.rdf());
            // A browser asks for HTML first; VoID has no HTML form, so it gets Turtle rather than 406.
            Graph description;
            try {
                description = voidDescription.describe(serverRoot(req), timeoutMillis);
            } catch (java.util.concurrent.TimeoutException e) {
                resp.setHeader("Retry-After", "30");
                resp.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "The store is still being counted for VoID; try again shortly");
                return;
            }
            rdf(resp, description, f == null ? DescriptionFormat.TURTLE : f);
            return;
        }
        if (path.equals("/dump/kg.nq.gz")) {
            if (req.getMethod().equals("HEAD")) {
                // Its length is unknown until written; a HEAD must not cost a pass over the store.
                resp.setContentType("application/gzip");
                return;
            }
            dump(resp);
            return;
        }
        if (path.equals("/ontology/context.jsonld")) {
            resp.setContentType("application/ld+json");
            resp.setCharacterEncoding("UTF-8");
            resp.getOutputStream().write(CompactJsonLd.standard().contextText().getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (path.equals(WorldMap.OUTLINE)) {
            byte[] svg = WorldMap.outlineSvg();
            resp.setContentType("image/svg+xml");
            resp.setHeader("Cache-Control", "public, max-age=86400");
            resp.setContentLength(svg.length);
            resp.getOutputStream().write(svg);
            return;
        }
        for (String prefix : RESOURCE_PREFIXES) {
            if (path.startsWith(prefix)) {
                resource(resp, path, accept);
                return;
            }
        }
        if (path.startsWith("/page/")) {
            page(req, resp, path.substring("/page".length()));
            return;
        }
        if (path.startsWith("/data/")) {
            data(resp, path.substring("/data".length()));
        }
    }

    /** A resource IRI: 303 to the description the client asked for, or 404 if unknown. */
    private void resource(HttpServletResponse resp, String path, String accept) throws IOException {
        resp.setHeader("Vary", "Accept");
        boolean known = read(v -> v.exists(v.iriOf(path)));
        if (!known) {
            notFound(resp, path);
            return;
        }
        DescriptionFormat f = DescriptionFormat.negotiate(accept, List.of(DescriptionFormat.values()));
        if (f == null) {
            resp.sendError(HttpServletResponse.SC_NOT_ACCEPTABLE,
                    "Available as text/html, text/turtle, application/ld+json, application/n-triples, application/rdf+xml");
            return;
        }
        if (path.startsWith("/graph/") && f != DescriptionFormat.HTML) {
            // A named graph's RDF is the graph itself, which Fuseki's graph store protocol serves.
            Node g = read(v -> v.iriOf(path));
            seeOther(resp, "/kg/get?graph=" + PageParams.enc(g.getURI()));
            return;
        }
        seeOther(resp, f == DescriptionFormat.HTML ? "/page" + path : "/data" + path + "." + f.extension());
    }

    private void page(HttpServletRequest req, HttpServletResponse resp, String path) throws IOException {
        PageParams params = new PageParams(req.getParameterMap());
        String html = read(v -> {
            Node iri = v.iriOf(path);
            if (!v.exists(iri)) {
                return null;
            }
            if (DocumentPage.isDocument(v, iri)) {
                return new DocumentPage(v, iri).render();
            }
            if (path.startsWith("/graph/")) {
                return graphPage(v, iri);
            }
            return new ResourcePage(v, iri, "/page" + path, params).render();
        });
        if (html == null) {
            notFound(resp, path);
            return;
        }
        html(resp, html);
    }

    /** A named graph that is not a document: its size, and where to get it. */
    private static String graphPage(StoreView v, Node g) {
        Html h = new Html();
        h.el("h1", StoreView.shortName(g));
        h.el("div", g.getURI(), "class", "iri");
        long n = 0;
        var it = v.dataset().find(g, Node.ANY, Node.ANY, Node.ANY);
        while (it.hasNext() && n < 1_000_000) {
            it.next();
            n++;
        }
        org.apache.jena.atlas.iterator.Iter.close(it);
        h.open("p").text("A named graph of " + (n >= 1_000_000 ? "over a million" : Long.toString(n)) + " triples. Get it as ")
                .link("/kg/get?graph=" + PageParams.enc(g.getURI()), "Turtle").text(" from the graph store endpoint.").close("p");
        return Layout.page(StoreView.shortName(g), h);
    }

    private void data(HttpServletResponse resp, String pathWithExtension) throws IOException {
        int dot = pathWithExtension.lastIndexOf('.');
        int slash = pathWithExtension.lastIndexOf('/');
        DescriptionFormat f = dot > slash ? DescriptionFormat.byExtension(pathWithExtension.substring(dot + 1)) : null;
        if (f == null || f == DescriptionFormat.HTML) {
            notFound(resp, pathWithExtension);
            return;
        }
        String path = pathWithExtension.substring(0, dot);
        Graph g = read(v -> {
            Node iri = v.iriOf(path);
            return v.exists(iri) ? new ResourceDescriber(v).describe(iri) : null;
        });
        if (g == null) {
            notFound(resp, path);
            return;
        }
        g.getPrefixMapping().setNsPrefixes(PrefixMapping.Standard).setNsPrefix("ckg", CKG.NS)
                .setNsPrefix("skos", "http://www.w3.org/2004/02/skos/core#").setNsPrefix("dct", "http://purl.org/dc/terms/")
                .setNsPrefix("schema", "https://schema.org/").setNsPrefix("prov", "http://www.w3.org/ns/prov#")
                .setNsPrefix("oa", "http://www.w3.org/ns/oa#").setNsPrefix("wgs", "http://www.w3.org/2003/01/geo/wgs84_pos#");
        rdf(resp, g, f);
    }

    private void rdf(HttpServletResponse resp, Graph g, DescriptionFormat f) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(8192);
        switch (f) {
            case JSONLD -> CompactJsonLd.standard().write(g, buffer);
            case TURTLE -> RDFDataMgr.write(buffer, g, RDFFormat.TURTLE_PRETTY);
            case NTRIPLES -> RDFDataMgr.write(buffer, g, RDFFormat.NTRIPLES);
            case RDFXML -> RDFDataMgr.write(buffer, g, RDFFormat.RDFXML_PLAIN);
            default -> throw new IllegalArgumentException(f.name());
        }
        resp.setContentType(f.mediaType());
        resp.setCharacterEncoding("UTF-8");
        resp.setContentLength(buffer.size());
        buffer.writeTo(resp.getOutputStream());
    }

    /** The whole store as gzipped N-Quads, written as it is read: memory stays flat whatever its size. */
    private void dump(HttpServletResponse resp) throws IOException {
        resp.setContentType("application/gzip");
        resp.setHeader("Content-Disposition", "attachment; filename=\"kg.nq.gz\"");
        OutputStream out = resp.getOutputStream();
        GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16);
        // As `kg export` writes it: spans' offsets stated, not only in their IRIs.
        Txn.executeRead(store.dataset(), () -> RDFDataMgr.writeQuads(gz, SpanOffsets.stated(store.dataset().find())));
        gz.finish();
        gz.flush();
    }

    private void html(HttpServletResponse resp, String html) throws IOException {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        resp.setContentType("text/html;charset=utf-8");
        // Pages are made only of our markup and escaped data; no script runs, none is needed.
        resp.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }

    private void notFound(HttpServletResponse resp, String path) throws IOException {
        resp.setStatus(HttpServletResponse.SC_NOT_FOUND);
        Html h = new Html();
        h.el("h1", "Not found");
        h.open("p").text("Nothing in this knowledge graph is named " + store.iris().base() + path.substring(1) + ".").close("p");
        h.open("p").link("/", "Start from the front page").close("p");
        html(resp, Layout.page("Not found", h));
    }

    private static void seeOther(HttpServletResponse resp, String location) {
        resp.setStatus(HttpServletResponse.SC_SEE_OTHER);
        resp.setHeader("Location", location);
        resp.setContentLength(0);
    }

    private <T> T read(java.util.function.Function<StoreView, T> action) {
        return Txn.calculateRead(store.dataset(), () -> action.apply(new StoreView(store.dataset(), store.iris(), timeoutMillis)));
    }

    /** {@code scheme://host:port/} as the client addressed this server. */
    private static String serverRoot(HttpServletRequest req) {
        String host = req.getServerName();
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return req.getScheme() + "://" + host + ":" + req.getServerPort() + req.getContextPath() + "/";
    }

    /**
     * The request path as minted IRIs spell it: percent escapes in upper case (RFC 3986 makes
     * {@code %c3} and {@code %C3} the same) and any raw non-ASCII character percent-encoded.
     */
    static String normalise(String path) {
        StringBuilder b = new StringBuilder(path.length());
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '%' && i + 2 < path.length()) {
                b.append('%').append(path.substring(i + 1, i + 3).toUpperCase(Locale.ROOT));
                i += 2;
            } else if (c >= 0x80) {
                int cp = path.codePointAt(i);
                for (byte x : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    b.append('%').append(String.format(Locale.ROOT, "%02X", x & 0xFF));
                }
                i += Character.charCount(cp) - 1;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * The Fuseki UI below {@code /ui/}. The UI addresses the server relative to the page's own
     * path ({@code /ui/$/server}, {@code /ui/kg/query}), so requests under {@code /ui/} are handed
     * on with the prefix removed: dataset requests to Fuseki's dispatching filter (by a wrapped
     * request, since Fuseki dispatches datasets in a filter, not a servlet), everything else (the
     * UI's files, {@code $/server}, {@code $/ping}, {@code $/stats}) by a forward to its servlet.
     */
    private void fusekiUi(HttpServletRequest req, HttpServletResponse resp, FilterChain chain, String path)
            throws IOException, ServletException {
        String rest = path.substring(UI.length() - 1); // keeps the leading '/'
        for (String ds : datasets) {
            if (rest.equals(ds) || rest.startsWith(ds + "/")) {
                chain.doFilter(new StrippedRequest(req, rest), resp);
                return;
            }
        }
        req.getRequestDispatcher(rest.equals("/") ? "/index.html" : rest).forward(req, resp);
    }

    /** A request seen without the {@code /ui} prefix. */
    private static final class StrippedRequest extends HttpServletRequestWrapper {
        private final String uri;

        StrippedRequest(HttpServletRequest request, String pathInContext) {
            super(request);
            this.uri = request.getContextPath() + pathInContext;
        }

        @Override
        public String getRequestURI() {
            return uri;
        }

        @Override
        public StringBuffer getRequestURL() {
            HttpServletRequest r = (HttpServletRequest) getRequest();
            return new StringBuffer(r.getScheme() + "://" + r.getServerName() + ":" + r.getServerPort() + uri);
        }

        @Override
        public String getServletPath() {
            return uri.substring(getContextPath().length());
        }

        @Override
        public String getPathInfo() {
            return null;
        }
    }
}
