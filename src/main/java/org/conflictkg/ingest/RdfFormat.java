package org.conflictkg.ingest;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.lang.LangJSONLD11;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.util.Context;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Reads RDF files by extension: {@code .ttl} (Turtle), {@code .nt} (N-Triples), {@code .nq}
 * (N-Quads), {@code .trig} (TriG), {@code .jsonld} (JSON-LD 1.1). Relative IRIs resolve against
 * the base given (the store's, so a file can name {@code <id/actor/x>} as the curated actor list
 * does). A JSON-LD file's remote {@code @context} is not fetched: reading a file never reaches the
 * network; a context must be inline.
 *
 * <p>Failure path: a file that does not parse is rejected whole, with the line and column of the
 * first error where the parser gives them; none of its triples is kept.
 */
final class RdfFormat {

    private RdfFormat() {}

    /** The RDF syntax of a file name, or null when it is not one this reader knows. */
    static Lang langOf(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".ttl")) return Lang.TURTLE;
        if (name.endsWith(".nt")) return Lang.NTRIPLES;
        if (name.endsWith(".nq")) return Lang.NQUADS;
        if (name.endsWith(".trig")) return Lang.TRIG;
        if (name.endsWith(".jsonld")) return Lang.JSONLD;
        return null;
    }

    /** The first error a parser reports, where. */
    private static final class FirstError extends RuntimeException {
        final long line;

        FirstError(String message, long line, long col) {
            super(col > 0 ? "col " + col + ": " + message : message);
            this.line = line;
        }
    }

    static void read(Path file, String name, String base, DocumentSink sink) throws IOException {
        Lang lang = langOf(name);
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length == 0) {
            sink.reject(Rejection.ofFile(name, "empty file"));
            return;
        }
        // A set: a triple stated twice in a file is one triple.
        Set<Triple> triples = new LinkedHashSet<>();
        Context context = new Context();
        context.set(LangJSONLD11.JSONLD_OPTIONS, offlineJsonLd());
        try {
            RDFParser.source(new ByteArrayInputStream(bytes)).lang(lang).base(base).context(context)
                    .errorHandler(new ErrorHandler() {
                        @Override
                        public void warning(String message, long line, long col) {
                            // Warnings (an unusual IRI, an unknown language tag) do not stop a load.
                        }

                        @Override
                        public void error(String message, long line, long col) {
                            throw new FirstError(message, line, col);
                        }

                        @Override
                        public void fatal(String message, long line, long col) {
                            throw new FirstError(message, line, col);
                        }
                    })
                    .parse(new StreamRDFBase() {
                        @Override
                        public void triple(Triple t) {
                            triples.add(t);
                        }

                        @Override
                        public void quad(Quad q) {
                            triples.add(q.asTriple());
                        }
                    });
        } catch (FirstError e) {
            sink.reject(new Rejection(name, Math.max(0, e.line), "not valid " + lang.getLabel() + ": " + e.getMessage()));
            return;
        } catch (RiotException e) {
            sink.reject(Rejection.ofFile(name, "not valid " + lang.getLabel() + ": " + e.getMessage()));
            return;
        }
        if (triples.isEmpty()) {
            sink.reject(Rejection.ofFile(name, "no triples in the file"));
            return;
        }
        sink.acceptRdf(new RdfFile(name, sha256(bytes), new ArrayList<>(triples)));
    }

    private static JsonLdOptions offlineJsonLd() {
        JsonLdOptions options = new JsonLdOptions();
        options.setDocumentLoader((url, loaderOptions) -> {
            throw new JsonLdError(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED,
                    "remote context " + url + " not fetched: loading never reaches the network; put the context inline");
        });
        return options;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
