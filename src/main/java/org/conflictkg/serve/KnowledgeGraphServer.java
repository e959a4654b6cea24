package org.conflictkg.serve;

import org.apache.jena.atlas.web.AuthScheme;
import org.apache.jena.fuseki.auth.Auth;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.mod.admin.ActionServerStatus;
import org.apache.jena.fuseki.validation.DataValidator;
import org.apache.jena.fuseki.validation.IRIValidator;
import org.apache.jena.fuseki.validation.QueryValidator;
import org.apache.jena.query.ARQ;
import org.conflictkg.serve.linked.LinkedDataFilter;
import org.conflictkg.store.KnowledgeStore;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.resource.ResourceFactory;

import java.util.Set;

/**
 * The knowledge graph over HTTP: Fuseki with the dataset {@code /kg}, the linked-data pages and
 * descriptions of every resource IRI under the store's base ({@link LinkedDataFilter}: the landing
 * page at {@code /}, {@code /id/...} by content negotiation, VoID, the dump), and the Fuseki UI at
 * {@code /ui/}.
 *
 * <p>Safe by default: it binds to the loopback interface; anonymous clients can query ({@code
 * /kg/sparql}, {@code /kg/query}) and read graphs ({@code /kg/get}) but not update; every query has
 * a time limit, enforced by ARQ's timeout on the dataset's context and, inside property paths,
 * at every step ({@link CancellablePaths}); the admin functions that create
 * or delete datasets are not installed — only the read-only server description the UI needs. No
 * CORS headers unless {@link ServerSettings#cors()} asks for them. With a password file, the one
 * way to write is {@code POST /kg/ingest} for its users ({@link IngestService}); everything else
 * stays anonymous and read-only.
 *
 * <pre>{@code
 * FusekiServer server = KnowledgeGraphServer.build(store, ServerSettings.defaults()).start();
 * }</pre>
 */
public final class KnowledgeGraphServer {

    public static final String DATASET = "/kg";

    private KnowledgeGraphServer() {}

    /** A read-only server: {@code settings} must not ask for an ingest, which needs a loader. */
    public static FusekiServer build(KnowledgeStore store, ServerSettings settings) {
        return build(store, settings, null);
    }

    /**
     * The server; with {@link ServerSettings#hasIngest()}, also {@code POST /kg/ingest} for the
     * users of the password file, storing through {@code loader}.
     */
    public static FusekiServer build(KnowledgeStore store, ServerSettings settings, ArticleLoader loader) {
        if (settings.hasIngest() && loader == null) {
            throw new IllegalArgumentException("An ingest (--auth " + settings.passwordFile() + ") needs an ArticleLoader");
        }
        long millis = Math.round(settings.timeoutSeconds() * 1000);
        store.dataset().getContext().set(ARQ.queryTimeout, Long.toString(millis));
        CancellablePaths.install(store.dataset().getContext());

        FusekiServer.Builder b = FusekiServer.create()
                .port(settings.port())
                .loopback(settings.isLoopback())
                .enablePing(true)
                .enableStats(true)
                .enableCors(settings.cors(), null)
                .add(DATASET, store.dataset(), false)
                // Before Fuseki's own dispatch, in the same Jetty, so the IRIs of the default base
                // (this server's address) resolve here.
                .addFilter("/*", new LinkedDataFilter(store, millis, Set.of(DATASET)));
        if (settings.hasIngest()) {
            // Jetty challenges for the endpoint's path (401 without valid credentials); Fuseki then
            // checks the endpoint's policy: any user of the password file.
            b.passwordFile(settings.passwordFile().toString())
                    .auth(AuthScheme.BASIC)
                    .realm("conflict-kg")
                    .registerOperation(IngestService.OPERATION, new IngestService(loader, settings.maxIngestBytes()))
                    .addEndpoint(DATASET, IngestService.ENDPOINT, IngestService.OPERATION, Auth.ANY_USER);
        }

        String ui = uiLocation();
        if (ui != null) {
            b.staticFileBase(ui)
                    .addServlet("/$/server", new ActionServerStatus())
                    .addServlet("/$/validate/query", new QueryValidator())
                    .addServlet("/$/validate/iri", new IRIValidator())
                    .addServlet("/$/validate/data", new DataValidator());
        }
        FusekiServer server = b.build();
        if (!settings.isLoopback()) {
            for (Connector c : server.getJettyServer().getConnectors()) {
                if (c instanceof ServerConnector sc) {
                    sc.setHost(settings.host());
                }
            }
        }
        return server;
    }

    /** Where the Fuseki UI's files are: inside the jena-fuseki-ui jar on the classpath. */
    private static String uiLocation() {
        if (KnowledgeGraphServer.class.getClassLoader().getResource("webapp/index.html") == null) {
            return null;
        }
        // Only the location is kept: Jetty mounts the jar again when it serves the files.
        try (ResourceFactory.Closeable factory = ResourceFactory.closeable()) {
            var resource = factory.newClassLoaderResource("webapp");
            return resource == null ? null : resource.getURI().toString();
        }
    }
}
