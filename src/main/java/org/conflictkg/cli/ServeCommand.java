package org.conflictkg.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.jena.fuseki.main.FusekiServer;
import org.conflictkg.ingest.DocumentReader;
import org.conflictkg.reason.Materializer;
import org.conflictkg.serve.ArticleLoader;
import org.conflictkg.serve.KnowledgeGraphServer;
import org.conflictkg.serve.ServerSettings;
import org.conflictkg.store.KnowledgeStore;
import org.conflictkg.store.LoadReport;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code kg serve [--db DIR] [--host 127.0.0.1] [--port 3030] [--timeout SECONDS] [--auth FILE]
 * [--max-ingest MB] [--cors]}. Without {@code --db} it serves {@code ./db}, first loading the seed
 * articles of {@code data/} when that store holds no document. With {@code --auth}, the users of
 * that Jetty realm file ({@code user: password} lines) may post articles to {@code /kg/ingest},
 * which stores them as {@code kg load} would.
 */
final class ServeCommand implements Command {

    @Override
    public String name() {
        return "serve";
    }

    @Override
    public String summary() {
        return "serve the store as linked data and over SPARQL with the Fuseki UI (read-only, localhost by default)";
    }

    @Override
    public String synopsis() {
        return "[--db DIR] [--host 127.0.0.1] [--port 3030] [--timeout SECONDS] [--auth FILE] [--max-ingest MB] [--cors]";
    }

    @Override
    public Options options() {
        Options o = StoreOptions.add(new Options(), false);
        o.addOption(Option.builder().longOpt("host").hasArg().argName("HOST")
                .desc("interface to bind (default 127.0.0.1; 0.0.0.0 exposes the server to the network)").build());
        o.addOption(Option.builder().longOpt("port").hasArg().argName("PORT").desc("port (default 3030; 0 picks a free one)").build());
        o.addOption(Option.builder().longOpt("timeout").hasArg().argName("SECONDS").desc("query time limit (default 30)").build());
        o.addOption(Option.builder().longOpt("auth").hasArg().argName("FILE")
                .desc("password file (lines 'user: password', Jetty's realm format) whose users may POST articles to /kg/ingest; without it there is no ingest").build());
        o.addOption(Option.builder().longOpt("max-ingest").hasArg().argName("MB")
                .desc("largest body /kg/ingest accepts, in megabytes (default " + (ServerSettings.DEFAULT_MAX_INGEST_BYTES >> 20) + ")").build());
        o.addOption(Option.builder().longOpt("cors").desc("answer cross-origin requests from browsers on other sites (off by default)").build());
        return o;
    }

    @Override
    public int run(CommandLine line, PrintStream out, PrintStream err) throws Exception {
        ServerSettings settings = new ServerSettings(
                line.getOptionValue("host", ServerSettings.DEFAULT_HOST),
                parseInt(line.getOptionValue("port"), ServerSettings.DEFAULT_PORT, "--port"),
                parseDouble(line.getOptionValue("timeout"), ServerSettings.DEFAULT_TIMEOUT_SECONDS))
                .withCors(line.hasOption("cors"));
        if (line.hasOption("auth")) {
            int mb = parseInt(line.getOptionValue("max-ingest"), (int) (ServerSettings.DEFAULT_MAX_INGEST_BYTES >> 20), "--max-ingest");
            if (mb < 1) {
                throw new UsageException("--max-ingest " + mb + ": must be at least 1 (megabytes)");
            }
            settings = settings.withIngest(passwordFile(line.getOptionValue("auth")), (long) mb << 20);
        } else if (line.hasOption("max-ingest")) {
            throw new UsageException("--max-ingest limits the ingest, which needs --auth FILE");
        }
        KnowledgeStore store = StoreOptions.open(line);
        try {
            if (!line.hasOption("db") && store.hasNoDocuments()) {
                Path data = seedFolder();
                if (data != null) {
                    err.println("The store ./db is empty: loading " + data + " first.");
                    LoadReport r = Loading.load(store, List.of(data), new DocumentReader(), err);
                    LoadCommand.report(r, err, err, false);
                }
            }
            ArticleLoader loader = settings.hasIngest() ? articleLoader(store) : null;
            FusekiServer server = KnowledgeGraphServer.build(store, settings, loader).start();
            String url = "http://" + (settings.isLoopback() ? "localhost" : settings.host()) + ":" + server.getPort() + "/";
            out.println("Serving " + StoreOptions.db(line).toAbsolutePath() + " at " + url);
            out.println("  Browse:    " + url);
            out.println("  SPARQL:    " + url + "kg/sparql");
            out.println("  Fuseki UI: " + url + "ui/");
            out.println("  VoID:      " + url + ".well-known/void");
            if (settings.hasIngest()) {
                out.println("  Ingest:    POST " + url + "kg/ingest (users of " + settings.passwordFile() + ")");
            }
            out.flush();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.stop();
                store.close();
            }));
            return Cli.SERVING;
        } catch (RuntimeException e) {
            store.close();
            if (e.getCause() instanceof java.net.BindException || e instanceof org.apache.jena.fuseki.FusekiException) {
                throw new java.io.IOException("cannot listen on " + settings.host() + ":" + settings.port() + ": " + e.getMessage(), e);
            }
            throw e;
        }
    }

    /**
     * What the ingest stores posted articles with: {@code kg load}'s reader, pipeline and
     * reasoning. The gazetteer is built now, not on the first post: it takes seconds.
     */
    static ArticleLoader articleLoader(KnowledgeStore store) {
        Loading.gazetteer();
        DocumentReader reader = new DocumentReader();
        return (files, listener) -> Loading.load(store, files, reader, listener, Materializer.standard(store.iris()));
    }

    /** The password file, checked now so that a mistake is told before the server starts. */
    private static Path passwordFile(String name) {
        Path p = Path.of(name);
        if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
            throw new UsageException("--auth " + name + ": no such readable file (write lines 'user: password' into it)");
        }
        try {
            boolean anyUser = Files.readAllLines(p).stream().map(String::strip)
                    .anyMatch(l -> !l.isEmpty() && !l.startsWith("#") && l.indexOf(':') > 0 && l.indexOf(':') < l.length() - 1);
            if (!anyUser) {
                throw new UsageException("--auth " + name + ": no 'user: password' line in it");
            }
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            throw new UsageException("--auth " + name + ": cannot be read as text (" + e.getMessage() + ")");
        }
        return p.toAbsolutePath();
    }

    /** {@code ./data}, or the project's {@code data/} when run through the {@code kg} launcher. */
    private static Path seedFolder() {
        Path local = Path.of("data");
        if (Files.isDirectory(local)) {
            return local;
        }
        String home = System.getenv("KG_HOME");
        if (home != null && Files.isDirectory(Path.of(home, "data"))) {
            return Path.of(home, "data");
        }
        return null;
    }

    private static int parseInt(String s, int dflt, String option) {
        if (s == null) {
            return dflt;
        }
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            throw new UsageException(option + " " + s + ": not a number");
        }
    }

    private static double parseDouble(String s, double dflt) {
        if (s == null) {
            return dflt;
        }
        try {
            return Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            throw new UsageException("--timeout " + s + ": not a number of seconds");
        }
    }
}
