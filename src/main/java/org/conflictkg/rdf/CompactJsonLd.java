package org.conflictkg.rdf;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdVersion;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.serialization.QuadsToJsonld;
import com.apicatalog.rdf.api.RdfConsumerException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes RDF as compact JSON-LD with the published context, {@code ontology/context.jsonld}, so
 * that keys read as {@code "prefLabel"}, {@code "supports"} and {@code "start"} rather than full
 * IRIs. The context is written inline: a reader needs no network to expand the document, and
 * parsing it back gives the same graph.
 *
 * <p>A dataset is written one named graph at a time, each compacted on its own and streamed as an
 * element of the top-level {@code @graph}, so memory holds one graph, never the whole store.
 *
 * <pre>{@code
 * CompactJsonLd.standard().write(dsg, out);          // every graph, as named graphs
 * String json = CompactJsonLd.standard().toString(description);   // one graph
 * }</pre>
 */
public final class CompactJsonLd {

    /** Where the context lives on the classpath (the {@code ontology/} folder is packaged). */
    public static final String CONTEXT_RESOURCE = "ontology/context.jsonld";

    private static final CompactJsonLd STANDARD = new CompactJsonLd(loadContext());

    private final JsonObject contextDocument;
    private final JsonWriterFactory pretty = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));

    private CompactJsonLd(JsonObject contextDocument) {
        this.contextDocument = contextDocument;
    }

    /** The writer with the published context. */
    public static CompactJsonLd standard() {
        return STANDARD;
    }

    /** The context document as published: an object with one key, {@code @context}. */
    public JsonObject contextDocument() {
        return contextDocument;
    }

    /** The context document's text. */
    public String contextText() {
        StringWriter w = new StringWriter();
        try (JsonWriter jw = pretty.createWriter(w)) {
            jw.write(contextDocument);
        }
        return w.toString();
    }

    /** A graph as one compact JSON-LD document with the context inline. */
    public JsonObject compact(Graph graph) {
        QuadsToJsonld rdf = fromRdf();
        graph.find().forEachRemaining(t -> feed(rdf, t, null));
        return compact(rdf);
    }

    /** Writes a graph as compact JSON-LD (UTF-8). */
    public void write(Graph graph, OutputStream out) {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try (JsonWriter jw = pretty.createWriter(w)) {
            jw.write(compact(graph));
        }
    }

    /** A graph as compact JSON-LD text. */
    public String toString(Graph graph) {
        StringWriter w = new StringWriter();
        try (JsonWriter jw = pretty.createWriter(w)) {
            jw.write(compact(graph));
        }
        return w.toString();
    }

    /**
     * Writes a dataset: {@code {"@context": {...}, "@graph": [{"id": graph, "@graph": [...]}, ...]}},
     * then the default graph's nodes, if it has any. The caller holds the read transaction.
     */
    public void write(DatasetGraph dsg, OutputStream out) {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try {
            w.write("{\n\"@context\": ");
            w.write(contextJson());
            w.write(",\n\"@graph\": [");
            boolean first = true;
            for (Iterator<Node> it = dsg.listGraphNodes(); it.hasNext(); ) {
                Node g = it.next();
                QuadsToJsonld rdf = fromRdf();
                dsg.find(g, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> feed(rdf, q.asTriple(), g));
                first = element(w, withoutContext(compact(rdf)), first);
            }
            Graph dft = dsg.getDefaultGraph();
            if (!dft.isEmpty()) {
                JsonObject c = withoutContext(compact(dft));
                if (c.containsKey("@graph")) {
                    for (JsonValue node : c.getJsonArray("@graph")) {
                        first = element(w, node, first);
                    }
                } else {
                    first = element(w, c, first);
                }
            }
            w.write("\n]\n}\n");
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean element(Writer w, JsonValue value, boolean first) throws IOException {
        w.write(first ? "\n" : ",\n");
        StringWriter one = new StringWriter();
        try (JsonWriter jw = pretty.createWriter(one)) {
            jw.write(value);
        }
        w.write(one.toString().strip());
        return false;
    }

    private String contextJson() {
        StringWriter w = new StringWriter();
        try (JsonWriter jw = pretty.createWriter(w)) {
            jw.write(contextDocument.getJsonObject("@context"));
        }
        return w.toString().strip();
    }

    private static JsonObject withoutContext(JsonObject o) {
        JsonObjectBuilder b = Json.createObjectBuilder(o);
        b.remove("@context");
        return b.build();
    }

    private static QuadsToJsonld fromRdf() {
        // Literals keep their lexical form and datatype (no native numbers), so the round trip is exact.
        return JsonLd.fromRdf().mode(JsonLdVersion.V1_1).useNativeTypes(false).useRdfType(false);
    }

    private JsonObject compact(QuadsToJsonld rdf) {
        try {
            JsonDocument expanded = JsonDocument.of(rdf.toJsonLd());
            return JsonLd.compact(expanded, JsonDocument.of(contextDocument)).get();
        } catch (JsonLdError e) {
            throw new IllegalStateException("JSON-LD compaction failed: " + e.getMessage(), e);
        }
    }

    private static void feed(QuadsToJsonld rdf, Triple t, Node graph) {
        try {
            Node o = t.getObject();
            String g = graph == null || Quad.isDefaultGraph(graph) ? null : term(graph);
            if (o.isLiteral()) {
                // Titanium tells a literal by its datatype, which for a tagged string is rdf:langString.
                String lang = o.getLiteralLanguage();
                rdf.quad(term(t.getSubject()), term(t.getPredicate()), o.getLiteralLexicalForm(),
                        o.getLiteralDatatypeURI(), lang == null || lang.isEmpty() ? null : lang, null, g);
            } else {
                rdf.quad(term(t.getSubject()), term(t.getPredicate()), term(o), null, null, null, g);
            }
        } catch (RdfConsumerException e) {
            throw new IllegalStateException("cannot convert " + t + " to JSON-LD: " + e.getMessage(), e);
        }
    }

    private static String term(Node n) {
        if (n.isBlank()) {
            return "_:" + n.getBlankNodeLabel();
        }
        if (n.isURI()) {
            return n.getURI();
        }
        throw new IllegalArgumentException("JSON-LD cannot name " + n + " (only IRIs and blank nodes are subjects, predicates and graphs)");
    }

    private static JsonObject loadContext() {
        try (InputStream in = CompactJsonLd.class.getClassLoader().getResourceAsStream(CONTEXT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(CONTEXT_RESOURCE + " is missing from the classpath");
            }
            return Json.createReader(in).readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
