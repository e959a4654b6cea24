package org.conflictkg.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.jena.fuseki.main.FusekiServer;
import org.conflictkg.ingest.DocumentReader;
import org.conflictkg.serve.KnowledgeGraphServer;
import org.conflictkg.serve.ServerSettings;
import org.conflictkg.store.KnowledgeStore;
import org.conflictkg.store.LoadReport;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code kg serve [--db DIR] [--host 127.0.0.1] [--port 3030] [--timeout SECONDS]}. Without {@code
 * --db} it serves {@code ./db}, first loading the seed articles of {@code data/} when that store
 * holds no document.
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
        return "[--db DIR] [--host 127.0.0.1] [--port 3030] [--timeout SECONDS]";
    }

    @Override
    public Options options() {
        Options o = StoreOptions.add(new Options(), false);
        o.addOption(Option.builder().longOpt("host").hasArg().argName("HOST")
                .desc("interface to bind (default 127.0.0.1; 0.0.0.0 exposes the server to the network)").build());
        o.addOption(Option.builder().longOpt("port").hasArg().argName("PORT").desc("port (default 3030; 0 picks a free one)").build());
        o.addOption(Option.builder().longOpt("timeout").hasArg().argName("SECONDS").desc("query time limit (default 30)").build());
        return o;
    }

    @Override
    public int run(CommandLine line, PrintStream out, PrintStream err) throws Exception {
        ServerSettings settings = new ServerSettings(
                line.getOptionValue("host", ServerSettings.DEFAULT_HOST),
                parseInt(line.getOptionValue("port"), ServerSettings.DEFAULT_PORT, "--port"),
                parseDouble(line.getOptionValue("timeout"), ServerSettings.DEFAULT_TIMEOUT_SECONDS));
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
            FusekiServer server = KnowledgeGraphServer.build(store, settings).start();
            String url = "http://" + (settings.isLoopback() ? "localhost" : settings.host()) + ":" + server.getPort() + "/";
            out.println("Serving " + StoreOptions.db(line).toAbsolutePath() + " at " + url);
            out.println("  Browse:    " + url);
            out.println("  SPARQL:    " + url + "kg/sparql");
            out.println("  Fuseki UI: " + url + "ui/");
            out.println("  VoID:      " + url + ".well-known/void");
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
